#!/usr/bin/python3
"""The PyTorch peer of TensorLinear's benchmark harness (bench/TensorLinear.Benchmarks).

Runs the harness's workloads through PyTorch from Python — Debian's python3-torch 1.13, an older libtorch than
TorchSharp's 2.10, with its own default threads — and prints one line per result for the harness to parse. The
harness calls it once per section (--probe --tiny; --sizes and --kinds for each workload right after its own canonical
epoch; --lstsq), so that each pair of figures it compares is measured seconds apart:

    RESULT {"key": "...", "seconds": [...]}      seconds per run, sorted
    INFO {"torch": "...", ...}

The data are the harness's: the same calls to the same generator after torch.manual_seed(42), so the same numbers
(libtorch 1.13 and 2.10 draw the same values).
Run by the harness with /usr/bin/python3; on its own, e.g.:
    /usr/bin/python3 bench/python/bench.py --probe --tiny --sizes 1000000x64,100000x16 --lstsq 1000000x64
"""
import argparse
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

SEED = 42


def emit(key, seconds):
    print("RESULT " + json.dumps({"key": key, "seconds": sorted(seconds)}), flush=True)


def timed(fn, runs, iterations=1, warmup=2):
    for _ in range(warmup * iterations):
        fn()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(iterations):
            fn()
        out.append((time.perf_counter() - start) / iterations)
    return out


def workloads(rows, features):
    """X ~ N(0, 1), w* ~ N(0, 1)/sqrt(d), z = Xw* + 0.5; linear targets z + 0.1 N(0, 1), labels 1[U < sigmoid(z)]."""
    torch.manual_seed(SEED)
    with torch.no_grad():
        x = torch.randn(rows, features, dtype=torch.float64)
        truth = torch.randn(features, dtype=torch.float64) / math.sqrt(features)
        z = x.mv(truth) + 0.5
        linear = z + torch.randn(rows, dtype=torch.float64) * 0.1
        labels = (torch.rand(rows, dtype=torch.float64) < z.sigmoid()).to(torch.float64)
    return x, linear, labels


def epochs(x, y, logistic, runs, warmup):
    """The canonical loop as TensorLinear's TorchEngine runs it: forward, loss, backward, then under no-grad the loss
    and the gradient norm read (what its convergence monitor needs) and the step; the gradients zeroed."""
    d = x.shape[1]
    w = torch.zeros(d, dtype=torch.float64, requires_grad=True)
    b = torch.zeros((), dtype=torch.float64, requires_grad=True)
    eta = 1e-3
    loss_fn = F.binary_cross_entropy_with_logits if logistic else F.mse_loss

    def epoch():
        loss = loss_fn(x.mv(w) + b, y)
        loss.backward()
        with torch.no_grad():
            gw, gb = w.grad, b.grad
            _ = loss.item()
            _ = (gw.dot(gw) + gb * gb).sqrt().item()
            w.sub_(gw, alpha=eta)
            b.sub_(gb, alpha=eta)
        w.grad.zero_()
        b.grad.zero_()

    return timed(epoch, runs, warmup=warmup)


def tiny(runs, iterations):
    """6x2 data from arrays into tensors, forward MSE, backward, the gradient read back."""
    xs = np.array([1.0, 2.0, -0.5, 3.0, 2.5, -1.0, 0.0, 4.0, 1.5, 0.5, -2.0, 1.0]).reshape(6, 2)
    ys = np.array([1.0, -2.0, 0.5, 3.0, -1.0, 2.0])
    ws = np.array([0.5, -0.25])

    def once():
        x = torch.tensor(xs)
        y = torch.tensor(ys)
        w = torch.tensor(ws, requires_grad=True)
        b = torch.tensor(0.1, dtype=torch.float64, requires_grad=True)
        F.mse_loss(x.mv(w) + b, y).backward()
        w.grad.tolist()
        b.grad.item()

    return timed(once, runs, iterations=iterations, warmup=1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--probe", action="store_true", help="the read-bandwidth probe")
    parser.add_argument("--tiny", action="store_true", help="the tiny round trip")
    parser.add_argument("--sizes", default="", help="epochs on these sizes, e.g. 1000000x64,100000x16")
    parser.add_argument("--kinds", default="linear,logistic", help="which models' epochs to time")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--tiny-iterations", type=int, default=20000)
    parser.add_argument("--lstsq", default="none", help="rows x features of the least-squares fit, or 'none'")
    parser.add_argument("--lstsq-runs", type=int, default=3)
    args = parser.parse_args()

    print("INFO " + json.dumps({"torch": torch.__version__, "numpy": np.__version__,
                                "threads": torch.get_num_threads(), "parallel": torch.__config__.parallel_info()}), flush=True)

    if args.probe:
        big = torch.ones((512 << 20) // 8, dtype=torch.float64)
        default_threads = torch.get_num_threads()
        for threads in sorted({1, os.cpu_count() or 1}):
            torch.set_num_threads(threads)
            emit(f"probe/{threads}", timed(lambda: big.sum().item(), 15))
        torch.set_num_threads(default_threads)
        del big

    if args.tiny:
        emit("tiny", tiny(9, args.tiny_iterations))

    for size in filter(None, args.sizes.split(",")):
        rows, features = (int(v) for v in size.split("x"))
        x, linear, labels = workloads(rows, features)
        kinds = args.kinds.split(",")
        if "linear" in kinds:
            emit(f"epoch/linear/{rows}x{features}", epochs(x, linear, False, args.runs, args.warmup))
        if "logistic" in kinds:
            emit(f"epoch/logistic/{rows}x{features}", epochs(x, labels, True, args.runs, args.warmup))
        del x, linear, labels

    if args.lstsq != "none":
        rows, features = (int(v) for v in args.lstsq.split("x"))
        x, linear, _ = workloads(rows, features)
        # The design [X 1], built once and not timed; NumPy's lstsq is LAPACK's gelsd (QR, then an SVD of R).
        a = np.hstack([x.numpy(), np.ones((rows, 1))])
        y = linear.numpy()
        emit(f"lstsq/numpy/{rows}x{features}", timed(lambda: np.linalg.lstsq(a, y, rcond=None), args.lstsq_runs, warmup=1))
        at, yt = torch.from_numpy(a), linear.unsqueeze(1)
        emit(f"lstsq/torch-gels/{rows}x{features}", timed(lambda: torch.linalg.lstsq(at, yt, driver="gels"), args.lstsq_runs, warmup=1))


if __name__ == "__main__":
    main()
