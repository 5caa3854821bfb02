#!/usr/bin/env python3
"""Times `losslab batch` against the PyTorch peer (torch_batch.py), whole
process against whole process, on the same data in the same run, and prints
a table with the ratio.

    /usr/bin/python3 bench/compare.py                  # 4096 × 128, 5 runs each
    /usr/bin/python3 bench/compare.py --runs 3 --cases 4096,20k,60k
    /usr/bin/python3 bench/compare.py --peers sort     # the sort-based peer only

Needs Debian's python3-torch and python3-numpy (so /usr/bin/python3) and Go
to build losslab. Each case's data is made once by torch_batch.py --make
(kept in --data). Runs alternate, peer then losslab, so that a change in the
machine's load falls on both; the table gives medians, the ratio of the
medians and the load average before and after. Wall time is the whole
process (start, reading the CSV, computing, printing); CPU is user + system
time; memory the peak resident set. The values both print are compared too.
The peer runs its triplet sums both ways (torch_batch.py --triplets sort and
cube; --peers chooses); the ratio is against the faster, which the table
names, and both peers' values are checked. Cases the peer cannot run (its
60,000 × 60,000 distance matrix alone is 29 GB) are timed for losslab alone.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# name: rows, dimensions, classes, whether the peer can run it
CASES = {
    "4096": (4096, 128, 64, True),
    "20k": (20000, 128, 100, True),
    "60k": (60000, 16, 2, False),
}

# The values both programs print: losslab's JSON key, the peer's.
VALUES = [
    ("losses.contrastive", "contrastive"), ("losses.batch_all", "batch_all"),
    ("losses.batch_all_nonzero", "batch_all_nonzero"), ("losses.fraction_active", "fraction_active"),
    ("losses.batch_hard", "batch_hard"), ("losses.batch_hard_soft", "batch_hard_soft"),
    ("losses.semi_hard", "semi_hard"), ("separation.auc", "auc"),
]


def run(cmd):
    """Runs cmd, returns (wall s, CPU s, peak RSS MiB, stdout)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
        if status != 0:
            sys.exit(f"{cmd[0]} failed (status {status}): {' '.join(cmd)}")
        out.seek(0)
        return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, out.read()


def progress(case, i, who, r):
    """Says each run as it ends (on stderr), so that a long session shows its way."""
    print(f"{case} run {i + 1} {who}: {r[0]:.2f} s wall, {r[1]:.2f} s CPU, {r[2]:.0f} MiB; load {load():.1f}",
          file=sys.stderr, flush=True)


def load():
    return os.getloadavg()[0]


def lookup(d, key):
    for part in key.split("."):
        d = d[part]
    return d


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cases", default="4096", help="comma-separated: " + ", ".join(CASES))
    ap.add_argument("--data", default=os.path.join(tempfile.gettempdir(), "losslab-bench"))
    ap.add_argument("--losslab", help="a built losslab (default: go build from this tree)")
    ap.add_argument("--peers", default="sort,cube", help="the peer's triplet sums: sort, cube or both")
    args = ap.parse_args()
    os.makedirs(args.data, exist_ok=True)
    losslab = args.losslab
    if not losslab:
        losslab = os.path.join(args.data, "losslab")
        subprocess.run(["go", "build", "-o", losslab, "."], cwd=ROOT, check=True)
    peer = [sys.executable, os.path.join(HERE, "torch_batch.py")]

    rows = []
    for name in args.cases.split(","):
        n, d, c, peer_runs = CASES[name]
        data = os.path.join(args.data, f"g{name}.csv")
        if not os.path.exists(data):
            subprocess.run(peer + ["--make", data, str(n), str(d), str(c)], check=True)
        before = load()
        ours, theirs = [], {p: [] for p in args.peers.split(",")}
        for i in range(args.runs):
            if peer_runs:
                for p, runs in theirs.items():
                    runs.append(run(peer + ["--triplets", p, data]))
                    progress(name, i, f"PyTorch ({p})", runs[-1])
            ours.append(run([losslab, "batch", "--in", data, "--json"]))
            progress(name, i, "losslab", ours[-1])
        after = load()
        mine = json.loads(ours[-1][3])
        med = lambda runs, i: statistics.median(r[i] for r in runs)
        row = {"case": f"{n:,} × {d}, {c} classes", "method": mine["method"], "ours": med(ours, 0),
               "ours_cpu": med(ours, 1), "ours_mib": max(r[2] for r in ours), "load": (before, after)}
        if mine["method"] == "binned":
            row["method"] += f" (AUC ±{mine['separation']['auc_error_bound']:.1g})"
        if peer_runs:
            for p, runs in theirs.items():
                print(f"{name} PyTorch ({p}): median {med(runs, 0):.2f} s wall, {med(runs, 1):.2f} s CPU, "
                      f"{max(r[2] for r in runs):.0f} MiB", file=sys.stderr)
            fastest = min(theirs, key=lambda p: med(theirs[p], 0))
            runs = theirs[fastest]
            row.update(peer=med(runs, 0), peer_cpu=med(runs, 1), peer_mib=max(r[2] for r in runs), peer_name=fastest)
            row["agree"] = max(abs(lookup(mine, k) - json.loads(r[-1][3])[v]) for r in theirs.values() for k, v in VALUES)
        rows.append(row)

    print(f"{args.runs} runs each, alternating; medians of whole-process times")
    print(f"| case | method | losslab wall | PyTorch wall (faster peer) | ratio | losslab CPU | PyTorch CPU | losslab peak | PyTorch peak | largest difference | load average |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        if "peer" in r:
            their = (f"{r['peer']:.2f} s ({r['peer_name']})", f"{r['ours'] / r['peer']:.3f}×", f"{r['peer_cpu']:.2f} s",
                     f"{r['peer_mib']:.0f} MiB", f"{r['agree']:.1e}")
        else:
            their = ("cannot run", "—", "—", "—", "—")
        print(f"| {r['case']} | {r['method']} | {r['ours']:.2f} s | {their[0]} | {their[1]} | {r['ours_cpu']:.2f} s | "
              f"{their[2]} | {r['ours_mib']:.0f} MiB | {their[3]} | {their[4]} | {r['load'][0]:.1f} → {r['load'][1]:.1f} |")


if __name__ == "__main__":
    main()
