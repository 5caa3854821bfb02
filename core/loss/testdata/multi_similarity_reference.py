#!/usr/bin/python3
"""Reference values for losslab's Multi-Similarity loss (core/loss/multi_similarity.go).

Run with Debian's PyTorch 1.13 (apt-get install python3-torch):
    /usr/bin/python3 multi_similarity_reference.py > multi_similarity.json

pytorch-metric-learning cannot be installed here, so this is a plain-torch
transcription of its MultiSimilarityLoss (version 2.8.1, commit
216a792c22b0154d3d3bf008a7317edc7d677e71), line by line:

  losses/multi_similarity_loss.py   _compute_loss: pos_exp = distance.margin(mat, base),
                                    neg_exp = distance.margin(base, mat),
                                    (1/alpha)*logsumexp(alpha*pos_exp, pos_mask, add_one=True)
                                    + (1/beta)*logsumexp(beta*neg_exp, neg_mask, add_one=True),
                                    reduction_type "element" (one loss per anchor row)
  losses/generic_pair_loss.py       mat_based_loss: masks from every pair (no miner)
  utils/loss_and_miner_utils.py     logsumexp (masked entries set to the dtype's most
                                    negative number, a 0 column appended for the +1, rows
                                    without a kept entry set to 0); get_all_pairs_indices
                                    (positives: same label, diagonal excluded; negatives:
                                    different label)
  distances/base_distance.py        margin(x, y) = y - x for a similarity (is_inverted),
                                    x - y for a distance
  distances/cosine_similarity.py    the default distance: normalized embeddings, x @ x.T
  distances/lp_distance.py          LpDistance(normalize_embeddings=False): cdist, p = 2
  reducers/mean_reducer.py          the default reducer: the mean over every element

alpha = 2, beta = 50, base = 0.5 (the defaults). Everything is float64.

Cases:
  anchor: one anchor's distances to its positives and its negatives, the
          loss of that row on a distance (LpDistance's margin) and its
          gradient with respect to each distance (torch.autograd).
  batch:  seeded embeddings (numpy PCG64, seed 20261206), labels i mod k,
          the loss of the whole batch under CosineSimilarity (pytorch-metric-
          learning's default) and under unnormalized LpDistance, and, for
          the cosine case, the cosine distances 1 - cos (losslab's "cosine").
"""
import json

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
ALPHA, BETA, BASE = 2.0, 50.0, 0.5


def neg_inf(dtype):  # common_functions.neg_inf
    return torch.finfo(dtype).min


def logsumexp(x, keep_mask=None, add_one=True, dim=1):  # loss_and_miner_utils.logsumexp
    if keep_mask is not None:
        x = x.masked_fill(~keep_mask, neg_inf(x.dtype))
    if add_one:
        zeros = torch.zeros(x.size(dim - 1), dtype=x.dtype, device=x.device).unsqueeze(dim)
        x = torch.cat([x, zeros], dim=dim)
    output = torch.logsumexp(x, dim=dim, keepdim=True)
    if keep_mask is not None:
        output = output.masked_fill(~torch.any(keep_mask, dim=dim, keepdim=True), 0)
    return output


def margin(x, y, inverted):  # BaseDistance.margin
    return y - x if inverted else x - y


def compute_loss(mat, pos_mask, neg_mask, inverted):  # MultiSimilarityLoss._compute_loss
    pos_exp = margin(mat, BASE, inverted)
    neg_exp = margin(BASE, mat, inverted)
    pos_loss = (1.0 / ALPHA) * logsumexp(ALPHA * pos_exp, keep_mask=pos_mask.bool(), add_one=True)
    neg_loss = (1.0 / BETA) * logsumexp(BETA * neg_exp, keep_mask=neg_mask.bool(), add_one=True)
    return pos_loss + neg_loss  # one element per anchor row


def all_pairs_masks(labels):  # get_all_pairs_indices, then mat_based_loss's masks
    matches = (labels.unsqueeze(1) == labels.unsqueeze(0)).byte()
    diffs = matches ^ 1
    matches.fill_diagonal_(0)
    return matches, diffs


def batch_loss(x, labels, distance):
    y = torch.tensor(labels)
    if distance == "cosine":  # CosineSimilarity: normalize, then dot products
        xn = torch.nn.functional.normalize(x, p=2, dim=1)
        mat, inverted = xn @ xn.T, True
    else:  # LpDistance(normalize_embeddings=False)
        mat, inverted = torch.cdist(x, x, p=2, compute_mode="donot_use_mm_for_euclid_dist"), False
    pos_mask, neg_mask = all_pairs_masks(y)
    # GenericPairLoss.compute_loss returns zero losses when there are at
    # most one positive and one negative pair; none of these batches is so.
    assert pos_mask.sum() > 1 or neg_mask.sum() > 1
    losses = compute_loss(mat, pos_mask, neg_mask, inverted)
    return torch.mean(losses).item(), mat  # MeanReducer, element reduction


def anchor_case(pos, neg):
    d = torch.tensor([pos + neg], requires_grad=True)
    pos_mask = torch.tensor([[True] * len(pos) + [False] * len(neg)])
    neg_mask = ~pos_mask
    loss = compute_loss(d, pos_mask, neg_mask, inverted=False).sum()
    loss.backward()
    g = d.grad[0].tolist()
    return {"pos": pos, "neg": neg, "loss": loss.item(), "grad_pos": g[:len(pos)], "grad_neg": g[len(pos):]}


def batch_case(rng, n, dim, k):
    x = torch.tensor(rng.normal(size=(n, dim)))
    labels = [i % k for i in range(n)]
    cos_loss, cos = batch_loss(x, labels, "cosine")
    euc_loss, _ = batch_loss(x, labels, "euclidean")
    return {"embeddings": x.tolist(), "labels": labels, "cosine_loss": cos_loss, "euclidean_loss": euc_loss,
            "cosine_distances": (1 - cos).tolist()}


anchors = [
    anchor_case([0.7], [0.5]),  # the article's first example as one anchor
    anchor_case([0.1], [0.6]),
    anchor_case([0.5], [0.5]),  # both at the base: log 2 / 2 + log 2 / 50
    anchor_case([0.0, 0.3, 1.2], [0.2, 0.45, 0.9, 2.0]),
    anchor_case([3.0, 4.5], [0.0]),
    anchor_case([0.2], [5.0, 6.0]),  # negatives far beyond the base: their part underflows
]
rng = np.random.Generator(np.random.PCG64(20261206))
batches = [batch_case(rng, n, dim, k) for n, dim, k in [(6, 2, 2), (9, 3, 3), (12, 4, 4), (20, 8, 5)]]
print(json.dumps({"provenance": "core/loss/testdata/multi_similarity_reference.py, PyTorch " + torch.__version__
                  + ", a transcription of pytorch-metric-learning 2.8.1's MultiSimilarityLoss",
                  "alpha": ALPHA, "beta": BETA, "base": BASE, "anchor": anchors, "batch": batches}, indent=1))
