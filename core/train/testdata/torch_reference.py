"""Reference values for core/train, computed with PyTorch autograd in float64.

Run with Debian's python3-torch (1.13):  /usr/bin/python3 torch_reference.py > torch_reference.json

Each case is one mini-batch (inputs X, labels y) under a model (linear: W is
D×2; mlp: W1 D×16, b1, W2 16×2, b2, hidden tanh), optionally projected onto
the unit circle, and one objective with losslab's definitions (see the
package doc of core/train and the README's "Batch definitions"). The loss and
its gradient with respect to the flat parameters (losslab's layout: W1, b1,
W2, b2, row-major) come from torch.autograd, independently of the Go code.
"""
import json
import torch

torch.manual_seed(20261129)
torch.set_default_dtype(torch.float64)
H = 16
TAU = 0.5
MS_ALPHA, MS_BETA, MS_BASE = 2.0, 50.0, 0.5


def pair_d(z):
    b = z.shape[0]
    d = [[None] * b for _ in range(b)]
    for i in range(b):
        for j in range(b):
            if i != j:
                d[i][j] = torch.sqrt(((z[i] - z[j]) ** 2).sum())
    return d


def objective(name, z, y, m):
    b = z.shape[0]
    d = pair_d(z)
    terms = []
    if name == "contrastive":
        for i in range(b):
            for j in range(i + 1, b):
                if y[i] == y[j]:
                    terms.append(0.5 * d[i][j] ** 2)
                else:
                    terms.append(0.5 * torch.clamp(m - d[i][j], min=0) ** 2)
    elif name in ("batch-all", "squared-triplet"):  # every valid triplet, plain or squared distances
        power = 2 if name == "squared-triplet" else 1
        for a in range(b):
            for p in range(b):
                if p == a or y[p] != y[a]:
                    continue
                for n in range(b):
                    if y[n] != y[a]:
                        terms.append(torch.relu(d[a][p] ** power - d[a][n] ** power + m))
    elif name in ("batch-hard", "batch-hard-soft"):
        for a in range(b):
            ps = [j for j in range(b) if j != a and y[j] == y[a]]
            ns = [j for j in range(b) if y[j] != y[a]]
            p = max(ps, key=lambda j: d[a][j].item())
            n = min(ns, key=lambda j: d[a][j].item())
            x = d[a][p] - d[a][n]
            terms.append(torch.nn.functional.softplus(x) if name == "batch-hard-soft" else torch.relu(x + m))
    elif name == "semi-hard":
        for a in range(b):
            ns = [j for j in range(b) if y[j] != y[a]]
            for p in range(b):
                if p == a or y[p] != y[a]:
                    continue
                farther = [n for n in ns if d[a][n].item() > d[a][p].item()]
                n = min(farther, key=lambda j: d[a][j].item()) if farther else max(ns, key=lambda j: d[a][j].item())
                terms.append(torch.relu(d[a][p] - d[a][n] + m))
    elif name == "hinge-contrastive":
        for i in range(b):
            for j in range(i + 1, b):
                terms.append(d[i][j] if y[i] == y[j] else torch.clamp(m - d[i][j], min=0))
    elif name == "multi-similarity":  # Wang et al. 2019, pytorch-metric-learning's defaults, on the distance
        for a in range(b):
            pos = [d[a][j] for j in range(b) if j != a and y[j] == y[a]]
            neg = [d[a][j] for j in range(b) if y[j] != y[a]]
            zero = torch.zeros(1)
            terms.append(torch.logsumexp(torch.cat([zero] + [(MS_ALPHA * (dp - MS_BASE)).reshape(1) for dp in pos]), 0) / MS_ALPHA
                         + torch.logsumexp(torch.cat([zero] + [(MS_BETA * (MS_BASE - dn)).reshape(1) for dn in neg]), 0) / MS_BETA)
    elif name == "infonce":  # SupCon's form: each positive against every other sample
        for a in range(b):
            others = [k for k in range(b) if k != a]
            for p in range(b):
                if p == a or y[p] != y[a]:
                    continue
                logits = torch.stack([-d[a][k] / TAU for k in others])
                target = torch.tensor([others.index(p)])
                terms.append(torch.nn.functional.cross_entropy(logits.unsqueeze(0), target))
    return torch.stack(terms).mean()


def case(model, name, normalize, b=8, dim=3, classes=3, m=1.0):
    X = torch.randn(b, dim)
    y = [i % classes for i in range(b)]
    if model == "linear":
        params = [torch.randn(dim, 2) / dim ** 0.5]
    else:
        params = [torch.randn(dim, H) / dim ** 0.5, 0.3 * torch.randn(H), torch.randn(H, 2) / H ** 0.5, 0.3 * torch.randn(2)]
    for t in params:
        t.requires_grad_(True)
    if model == "linear":
        z = X @ params[0]
    else:
        z = torch.tanh(X @ params[0] + params[1]) @ params[2] + params[3]
    if normalize:
        z = z / torch.sqrt((z ** 2).sum(dim=1, keepdim=True))
    L = objective(name, z, y, m)
    L.backward()
    flat = lambda ts: [v for t in ts for v in t.detach().reshape(-1).tolist()]
    return {"model": model, "loss_id": name, "normalize": normalize, "margin": m, "x": X.tolist(), "labels": y,
            "theta": flat(params), "loss": L.item(), "grad": flat([t.grad for t in params])}


cases = []
for model in ("linear", "mlp"):
    for name in ("contrastive", "batch-all", "batch-hard", "semi-hard", "batch-hard-soft", "infonce"):
        for normalize in (False, True):
            cases.append(case(model, name, normalize))
# The objectives that reached training from the registry, drawn after the
# first ones so that those keep their batches.
for model in ("linear", "mlp"):
    for name in ("hinge-contrastive", "squared-triplet"):
        for normalize in (False, True):
            cases.append(case(model, name, normalize))
# Multi-Similarity, the first with a term per anchor (a per-anchor mean).
for model in ("linear", "mlp"):
    for normalize in (False, True):
        cases.append(case(model, "multi-similarity", normalize))
print(json.dumps({"provenance": "core/train/testdata/torch_reference.py, PyTorch " + torch.__version__ + ", float64 autograd",
                  "temperature": TAU, "cases": cases}, indent=1))
