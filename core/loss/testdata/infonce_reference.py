#!/usr/bin/python3
"""Reference values for losslab's InfoNCE (core/loss/infonce.go).

Run with Debian's PyTorch 1.13 (apt-get install python3-torch):
    /usr/bin/python3 infonce_reference.py > infonce.json

Everything is float64. The triplet cases use F.cross_entropy on the two
logits (-d(a,p)/tau, -d(a,n)/tau) with the positive as target; the batch
cases build the similarity matrix with torch (cosine similarity for
"cosine", -||x_i - x_j|| for "euclidean", -||x_i - x_j||^2 for
"sqeuclidean"), drop the diagonal, and average -log_softmax over every
ordered positive pair (i, j), i != j (SupCon's L_out with one term per pair),
once with F.cross_entropy and once with torch.logsumexp as a cross-check.
"""
import json

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)


def triplet_case(dap, dan, tau):
    logits = torch.tensor([[-dap / tau, -dan / tau]])
    loss = F.cross_entropy(logits, torch.tensor([0]))
    return {"dap": dap, "dan": dan, "temperature": tau, "loss": loss.item()}


def similarity(x, metric):
    if metric == "cosine":
        xn = F.normalize(x, dim=1)
        return xn @ xn.T
    d = torch.cdist(x, x, compute_mode="donot_use_mm_for_euclid_dist")
    if metric == "euclidean":
        return -d
    if metric == "sqeuclidean":
        return -(d ** 2)
    raise ValueError(metric)


def batch_case(x, labels, metric, tau):
    x = torch.tensor(x)
    y = torch.tensor(labels)
    n = x.shape[0]
    s = similarity(x, metric) / tau
    ce_terms, lse_terms = [], []
    for i in range(n):
        others = [k for k in range(n) if k != i]
        row = s[i, others]
        lse = torch.logsumexp(row, dim=0)
        for pos, k in enumerate(others):
            if y[k] == y[i]:
                ce_terms.append(F.cross_entropy(row.unsqueeze(0), torch.tensor([pos])))
                lse_terms.append(lse - row[pos])
    ce = torch.stack(ce_terms).mean().item()
    lse = torch.stack(lse_terms).mean().item()
    assert abs(ce - lse) < 1e-12, (ce, lse)
    return {"embeddings": x.tolist(), "labels": labels, "distance": metric,
            "temperature": tau, "positive_pairs": len(ce_terms), "loss": ce}


def main():
    rng = np.random.default_rng(20261129)
    triplets = [triplet_case(dap, dan, tau)
                for dap, dan in [(0.7, 0.5), (0.1, 0.6), (0.1, 0.3), (0.0, 0.0), (3.0, 0.0), (0.0, 3.0), (1.25, 1.3)]
                for tau in [0.05, 0.1, 0.5, 1.0, 2.0]]
    batches = []
    for n, d, k, metric, tau, scale in [(8, 3, 3, "cosine", 0.1, 1.0), (12, 5, 4, "cosine", 0.5, 1.0),
                                        (10, 4, 2, "euclidean", 1.0, 1.0), (9, 2, 3, "sqeuclidean", 0.1, 1.0),
                                        (10, 3, 2, "euclidean", 0.1, 1000.0), (16, 8, 4, "cosine", 0.07, 1e-3)]:
        labels = [i % k for i in range(n)]
        x = (rng.standard_normal((n, d)) * scale).tolist()
        batches.append(batch_case(x, labels, metric, tau))
    print(json.dumps({"generator": "core/loss/testdata/infonce_reference.py",
                      "torch": torch.__version__, "numpy": np.__version__,
                      "triplet": triplets, "batch": batches}, indent=1))


if __name__ == "__main__":
    main()
