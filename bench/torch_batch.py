#!/usr/bin/env python3
"""A vectorised PyTorch CPU implementation of losslab's batch definitions,
for comparing speed and values with `losslab batch` (not run by CI).

    python3 bench/torch_batch.py data.csv [margin]     # prints JSON, timing on stderr
    python3 bench/torch_batch.py --triplets cube data.csv [margin]
    python3 bench/torch_batch.py --make data.csv N D C # writes a random labelled CSV

Needs Debian's python3-torch and python3-numpy. Definitions as in core/batch:
Euclidean distances; contrastive over unordered pairs; batch-all over valid
triplets; batch-hard; TF Addons semi-hard; ROC AUC with ties as 1/2. Work is
vectorised per class, in chunks of anchors. The all-triplet and semi-hard
sums come two ways (--triplets): "sort" (the default) sorts each anchor's
negative distances once and finds, for all its positives at once, the
negatives within the margin and the semi-hard choice by torch.searchsorted,
with the hinge sums from prefix sums (cumsum): O(N² log N) work; "cube", the
first version, builds the (anchors, positives, negatives) tensor of every
hinge, O(N³/C) memory traffic (chunks of at most 1 GiB). Both give the same
values to 1e-9 (they differ only in rounding).
"""
import json
import sys
import time

import numpy as np
import torch


def make(path, n, d, c):
    rng = np.random.default_rng(1)
    labels = np.arange(n) % c
    x = rng.standard_normal((n, d)) + 0.7 * labels[:, None]
    with open(path, "w") as f:
        f.write(",".join(f"x{j}" for j in range(d)) + ",label\n")
        for row, y in zip(x, labels):
            f.write(",".join(repr(float(v)) for v in row) + f",c{y}\n")


def anchor_blocks(dist, labels, bytes_per_anchor):
    """Each class's anchors in chunks of at most 1 GiB at bytes_per_anchor(k, q)
    each: yields the chunk's distances to its class's k members (a, k) and to
    the q others (a, q), and the mask of its pairs a ≠ p (a, k)."""
    for c in torch.unique(labels):
        idx = (labels == c).nonzero().squeeze(1)
        other = (labels != c).nonzero().squeeze(1)
        k, q = len(idx), len(other)
        dap_all = dist[idx][:, idx]
        dan_all = dist[idx][:, other]
        chunk = max(1, min(k, (1 << 30) // bytes_per_anchor(k, q)))
        for lo in range(0, k, chunk):
            dap, dan = dap_all[lo:lo + chunk], dan_all[lo:lo + chunk]
            valid = torch.ones_like(dap, dtype=torch.bool)
            valid[torch.arange(len(dap)), torch.arange(lo, lo + len(dap))] = False
            yield dap, dan, valid


def triplet_sums_cube(dist, labels, m):
    """The all-triplet hinge sum, its term and active counts, and the
    semi-hard sum and term count, from the (anchors, k, q) tensor."""
    total = active = 0
    s = semi_sum = 0.0
    n_pos = 0
    for dap, dan, valid in anchor_blocks(dist, labels, lambda k, q: 8 * k * q):
        k = dap.shape[1]
        hinge = dap[:, :, None] - dan[:, None, :] + m  # (a, k, q)
        hinge = hinge[valid]                           # (a(k-1), q)
        act = hinge > 0
        total += hinge.numel()
        active += int(act.sum())
        s += float(hinge[act].sum())
        # TF Addons semi-hard: closest negative farther than the positive, else the farthest.
        dp = dap[valid]                                # (a(k-1),)
        dn = dan.repeat_interleave(k - 1, dim=0)       # rows follow dap[valid] order
        farther = dn > dp[:, None]
        outside = torch.where(farther, dn, torch.full_like(dn, float("inf"))).min(dim=1).values
        chosen = torch.where(farther.any(dim=1), outside, dn.max(dim=1).values)
        semi_sum += float(torch.clamp(dp - chosen + m, min=0).sum())
        n_pos += dp.numel()
    return s, total, active, semi_sum, n_pos


def triplet_sums_sort(dist, labels, m):
    """As triplet_sums_cube, from each anchor's sorted negatives: for a
    positive at dp, the active negatives are those below dp + m (searchsorted)
    and their hinge sum is count·(dp + m) − (their prefix sum); the semi-hard
    negative is the first sorted one beyond dp, else the farthest."""
    total = active = 0
    s = semi_sum = 0.0
    n_pos = 0
    # A chunk's sorted negatives, their prefix sums and the indices: about 4 (a, q) tensors.
    for dap, dan, valid in anchor_blocks(dist, labels, lambda k, q: 32 * max(k, q)):
        q = dan.shape[1]
        neg = torch.sort(dan, dim=1).values                                 # (a, q)
        prefix = torch.nn.functional.pad(torch.cumsum(neg, dim=1), (1, 0))  # (a, q+1)
        reach = dap + m
        below = torch.searchsorted(neg, reach.contiguous(), right=False)    # negatives < dp + m
        hinge = below * reach - torch.gather(prefix, 1, below)
        below, hinge = below[valid], hinge[valid]
        total += below.numel() * q
        active += int(below.sum())
        s += float(hinge.sum())
        beyond = torch.searchsorted(neg, dap.contiguous(), right=True)      # negatives ≤ dp
        chosen = torch.gather(neg, 1, beyond.clamp(max=q - 1))  # the first beyond dp, else the farthest
        semi_sum += float(torch.clamp(dap - chosen + m, min=0)[valid].sum())
        n_pos += int(valid.sum())
    return s, total, active, semi_sum, n_pos


def compute(x, labels, m, method):
    n = x.shape[0]
    dist = torch.cdist(x, x)  # Euclidean, float64
    dist.fill_diagonal_(0)
    same = labels[:, None] == labels[None, :]
    eye = torch.eye(n, dtype=torch.bool)
    upper = torch.triu(torch.ones(n, n, dtype=torch.bool), 1)
    pos_pairs = dist[upper & same]
    neg_pairs = dist[upper & ~same]
    contrastive = torch.cat([0.5 * pos_pairs**2, 0.5 * torch.clamp(m - neg_pairs, min=0) ** 2]).mean()

    triplets = triplet_sums_sort if method == "sort" else triplet_sums_cube
    s, total, active, semi_sum, n_pos = triplets(dist, labels, m)
    hardest = torch.where(same & ~eye, dist, torch.full_like(dist, -float("inf"))).max(dim=1).values - \
        torch.where(~same, dist, torch.full_like(dist, float("inf"))).min(dim=1).values
    pos_sorted = torch.sort(pos_pairs).values
    less = torch.searchsorted(pos_sorted, neg_pairs, right=False)
    at_most = torch.searchsorted(pos_sorted, neg_pairs, right=True)
    auc = (less.sum().item() + 0.5 * (at_most - less).sum().item()) / (len(pos_pairs) * len(neg_pairs))
    return {
        "contrastive": contrastive.item(),
        "batch_all": s / total,
        "batch_all_nonzero": s / active if active else 0.0,
        "fraction_active": active / total,
        "batch_hard": torch.clamp(hardest + m, min=0).mean().item(),
        "batch_hard_soft": torch.nn.functional.softplus(hardest).mean().item(),
        "semi_hard": semi_sum / n_pos,
        "auc": auc,
    }


def main():
    args = sys.argv[1:]
    if args[0] == "--make":
        make(args[1], int(args[2]), int(args[3]), int(args[4]))
        return
    method = "sort"
    if args[0] == "--triplets":
        method, args = args[1], args[2:]
        if method not in ("sort", "cube"):
            sys.exit(f"--triplets {method}: want sort or cube")
    data = np.genfromtxt(args[0], delimiter=",", skip_header=1, dtype=str)
    x = torch.tensor(data[:, :-1].astype(np.float64))
    _, labels = np.unique(data[:, -1], return_inverse=True)
    labels = torch.tensor(labels)
    m = float(args[1]) if len(args) > 1 else 0.2
    torch.set_num_threads(2)
    start = time.perf_counter()
    out = compute(x, labels, m, method)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, triplets by {method}: "
          f"{time.perf_counter() - start:.2f} s", file=sys.stderr)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
