"""Reference Recall@1 and MAP@R for core/train, computed with NumPy.

Run with Debian's python3-numpy:  /usr/bin/python3 retrieval_reference.py > retrieval_reference.json

A fixed 2-D embedding (seeded normal draws around four class centres, float64)
is scored as Musgrave, Belongie and Lim 2020 ("A Metric Learning Reality
Check") define the scores and pytorch-metric-learning's AccuracyCalculator
computes them: every point a query against all the others by Euclidean
distance, R the number of other points of its class, Recall@1 whether the
nearest other point shares its class, MAP@R = (1/R) sum_{i<=R} P@i rel(i).
The draws have no ties in distance, so the order is the argsort's.
"""
import json
import numpy as np

rng = np.random.default_rng(20261207)
n, k = 48, 4
labels = np.arange(n) % k
centres = np.array([[0.0, 0.0], [1.0, 0.2], [0.3, 1.1], [1.2, 1.0]])
z = centres[labels] + 0.45 * rng.standard_normal((n, 2))

d = np.sqrt(((z[:, None, :] - z[None, :, :]) ** 2).sum(-1))
recall, maps = [], []
for q in range(n):
    others = np.array([j for j in range(n) if j != q])
    order = others[np.argsort(d[q, others], kind="stable")]
    rel = labels[order] == labels[q]
    r = int(rel.sum())
    if r == 0:
        continue
    recall.append(float(rel[0]))
    top = rel[:r]
    precision = np.cumsum(top) / np.arange(1, r + 1)
    maps.append(float((precision * top).sum() / r))
gaps = np.diff(np.sort(d[np.triu_indices(n, 1)]))
assert gaps.min() > 1e-9, "ties in distance"
print(json.dumps({"provenance": "core/train/testdata/retrieval_reference.py, NumPy " + np.__version__,
                  "embedding": z.tolist(), "labels": labels.tolist(),
                  "recall_at_1": float(np.mean(recall)), "map_at_r": float(np.mean(maps)), "queries": len(maps)}, indent=1))
