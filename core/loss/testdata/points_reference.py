#!/usr/bin/python3
"""Reference values for losslab's gradients with respect to points
(core/loss/points.go, LossesOnPoints): PyTorch autograd on 2-D points.

Run with Debian's PyTorch 1.13 (apt-get install python3-torch):
    /usr/bin/python3 points_reference.py > points_torch.json

Everything is float64. For each case a, p, n are leaf tensors; the distance
is torch.linalg.vector_norm(x - y) (euclidean) or 1 - x.y / (|x| |y|)
(cosine); the triplet loss is relu(d(a,p) - d(a,n) + m); the contrastive
loss is the mean of the two pair terms, 0.5 d^2 for a pair labelled same
and 0.5 relu(m - d)^2 for a pair labelled different. backward() gives the
gradient of each loss with respect to a, p and n. Random cases are seeded
(numpy's PCG64, seed 20261214) and skip hinges within 1e-6 of their kink,
where the subgradient is a convention; the hand-made cases put a point on
the anchor, where vector_norm's gradient is 0 (losslab's convention too).
"""
import json

import numpy as np
import torch

torch.set_default_dtype(torch.float64)


def distance(metric, x, y):
    if metric == "euclidean":
        return torch.linalg.vector_norm(x - y)
    return 1 - torch.dot(x, y) / (torch.linalg.vector_norm(x) * torch.linalg.vector_norm(y))


def losses(metric, a, p, n, m, y_ap, y_an):
    def leaves():
        return [torch.tensor(v, requires_grad=True) for v in (a, p, n)]

    ta, tp, tn = leaves()
    dap, dan = distance(metric, ta, tp), distance(metric, ta, tn)
    triplet = torch.relu(dap - dan + m)
    triplet.backward()
    tg = [t.grad.tolist() if t.grad is not None else [0.0, 0.0] for t in (ta, tp, tn)]

    ca, cp, cn = leaves()
    terms = []
    for x, y, label in ((ca, cp, y_ap), (ca, cn, y_an)):
        d = distance(metric, x, y)
        terms.append(0.5 * d ** 2 if label == "same" else 0.5 * torch.relu(m - d) ** 2)
    contrastive = (terms[0] + terms[1]) / 2
    contrastive.backward()
    cg = [t.grad.tolist() if t.grad is not None else [0.0, 0.0] for t in (ca, cp, cn)]
    return {
        "metric": metric, "a": a, "p": p, "n": n, "margin": m, "y_ap": y_ap, "y_an": y_an,
        "dap": dap.item(), "dan": dan.item(),
        "triplet": triplet.item(), "triplet_grad": tg,
        "contrastive": contrastive.item(), "contrastive_grad": cg,
    }


def main():
    rng = np.random.Generator(np.random.PCG64(20261214))
    cases = [
        # the default points of points mode on the article's first example
        losses("euclidean", [1.0, 0.0], [1.7, 0.0], [0.7, 0.4], 0.2, "same", "different"),
        # the positive on the anchor: the pull has no direction
        losses("euclidean", [0.3, -0.2], [0.3, -0.2], [0.5, 0.1], 0.5, "same", "different"),
        # the negative on the anchor: the push has no direction either
        losses("euclidean", [0.3, -0.2], [0.9, 0.4], [0.3, -0.2], 0.5, "same", "different"),
        losses("cosine", [1.0, 0.0], [0.6, 0.8], [-0.5, 1.2], 0.3, "same", "different"),
        losses("euclidean", [0.0, 0.0], [0.7, 0.0], [-0.3, 0.4], 0.2, "different", "same"),
    ]
    for metric in ("euclidean", "cosine"):
        done = 0
        while done < 20:
            a, p, n = (rng.uniform(-2, 2, size=2).round(6).tolist() for _ in range(3))
            m = float(rng.choice([0.0, 0.2, 0.5, 1.0, 1.5]))
            y_ap = str(rng.choice(["same", "different"]))
            y_an = str(rng.choice(["same", "different"]))
            c = losses(metric, a, p, n, m, y_ap, y_an)
            hinge = c["dap"] - c["dan"] + m
            if abs(hinge) < 1e-6 or abs(m - c["dap"]) < 1e-6 or abs(m - c["dan"]) < 1e-6:
                continue
            if metric == "cosine" and min(np.linalg.norm(v) for v in (a, p, n)) < 0.1:
                continue
            cases.append(c)
            done += 1
    print(json.dumps({"torch": torch.__version__, "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
