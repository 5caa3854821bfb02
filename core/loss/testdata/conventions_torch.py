#!/usr/bin/python3
"""Reference values for core/loss/conventions.go, in float64.

Run with Debian's python3-torch (1.13): /usr/bin/python3 conventions_torch.py > conventions_torch.json

torch_hinge calls torch.nn.HingeEmbeddingLoss itself. The others are
transcriptions of their libraries' source definitions, written in torch
independently of losslab's Go code:
  hadsell  Hadsell, Chopra, LeCun 2006, eq. 4: (1-Y)*1/2*D^2 + Y*1/2*max(0, m-D)^2, Y = 0 similar, summed
  tfa      tensorflow_addons.losses.contrastive_loss: mean(y*d^2 + (1-y)*max(m-d, 0)^2), y = 1 similar
  pml      pytorch_metric_learning ContrastiveLoss(pos_margin=0, neg_margin=m): pos relu(d - 0),
           neg relu(m - d), each reduced by AvgNonZeroReducer (mean of terms > 0, 0 if none), summed
  article  mean of 1/2*[y*d^2 + (1-y)*max(m-d, 0)^2]
"""
import json

import torch

torch.set_default_dtype(torch.float64)


def nonzero_mean(t):
    nz = t[t > 0]
    return nz.mean() if nz.numel() > 0 else torch.tensor(0.0)


def conventions(dap, dan, m, y_ap, y_an):
    d = torch.tensor([dap, dan])
    y = torch.tensor([float(y_ap), float(y_an)])  # 1 same, 0 different
    relu = torch.nn.functional.relu
    out = {}
    out["article"] = (0.5 * (y * d**2 + (1 - y) * relu(m - d) ** 2)).mean()
    Y = 1 - y
    out["hadsell"] = ((1 - Y) * 0.5 * d**2 + Y * 0.5 * relu(m - d) ** 2).sum()
    out["tfa"] = (y * d**2 + (1 - y) * relu(m - d) ** 2).mean()
    pos, neg = d[y == 1], d[y == 0]
    out["pml"] = nonzero_mean(relu(pos - 0)) + nonzero_mean(relu(m - neg))
    hinge = torch.nn.HingeEmbeddingLoss(margin=m, reduction="mean")
    out["torch_hinge"] = hinge(d, torch.where(y == 1, 1.0, -1.0))
    return {k: float(v) for k, v in out.items()}


cases = []
for dap, dan, m in [(0.7, 0.5, 0.2), (0.1, 0.6, 0.2), (0.7, 0.5, 0.0), (0.1, 0.6, 0.0),
                    (0.0, 0.0, 0.2), (0.3, 0.25, 1.0), (1.2, 0.4, 0.5), (0.5, 0.5, 0.5),
                    (2.5, 0.05, 1.5), (0.0, 1.0, 2.0)]:
    for y_ap, y_an in [(1, 0), (1, 1), (0, 0), (0, 1)]:
        cases.append({"dap": dap, "dan": dan, "margin": m, "y_ap": y_ap, "y_an": y_an,
                      "conventions": conventions(dap, dan, m, y_ap, y_an)})

print(json.dumps({"about": "core/loss/testdata/conventions_torch.py, PyTorch " + torch.__version__ + ", float64",
                  "cases": cases}, indent=1))
