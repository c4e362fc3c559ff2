"""Benchmarks for issue 8: gradkit against torch eager in the same run, in separate processes, alternating.

    python benchmarks/run.py [--quick] [--out benchmarks/results]

Prints a markdown table (µs per training step, median of several runs; ratio = torch / gradkit, so
> 1 means gradkit is faster) and writes ``results.md`` and ``results.json``. Without torch installed,
gradkit runs alone.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORKLOADS = ["W1", "W2", "W3", "W4", "W5", "CNN"]
OPS = ["add", "mul_scalar", "matmul", "sum", "tiny_graph"]


def _rss_mb() -> float:
    """Resident memory of this process now, in MiB (Linux; NaN elsewhere)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return float("nan")


def _peak_mb() -> float:
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(impl: str, what: str, reps: int) -> tuple[float, float]:
    """Run inside a fresh process: µs per call of ``what`` under ``impl`` (median of 5 rounds), and how far
    the peak resident memory rose above what the process held before building the workload (MiB)."""
    sys.path.insert(0, HERE)
    sys.path.insert(0, ROOT)
    import numpy as np
    import numpy.random  # noqa: F401  (every workload draws its data with it: loaded before the baseline)

    import workloads
    if impl == "torch":
        import torch  # noqa: F401  (imported before the baseline, like gradkit below)
    else:
        import gradkit  # noqa: F401
    base = _rss_mb()
    if impl == "numpy":
        fn = workloads.build_numpy_floor(what)
        if fn is None:
            return float("nan"), float("nan")
    else:
        T = importlib.import_module(impl)
        if impl == "torch":
            T.set_num_threads(2)
        if what in WORKLOADS:
            fn = workloads.build(T, what)
        else:
            a = T.tensor(np.ones((16, 16), np.float32))
            w = T.tensor(np.ones((16, 16), np.float32), requires_grad=True)
            fn = {"add": lambda: a + a, "mul_scalar": lambda: a * 2.0, "matmul": lambda: a @ a,
                  "sum": lambda: a.sum(), "tiny_graph": lambda: ((a @ w).relu().sum()).backward()}[what]
    for _ in range(max(3, reps // 10)):
        fn()
    rounds = []
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(reps):
            fn()
        rounds.append((time.perf_counter() - t0) / reps * 1e6)
    return statistics.median(rounds), _peak_mb() - base


def _run(impl: str, what: str, reps: int) -> tuple[float, float]:
    out = subprocess.run([sys.executable, __file__, "--child", impl, what, str(reps)], capture_output=True,
                         text=True, check=True, env={**os.environ, "OMP_NUM_THREADS": "2"})
    us, mb = out.stdout.strip().splitlines()[-1].split()
    return float(us), float(mb)


# multiply-adds x 2 of one W4 step: forward, weight gradients, and input gradients of the two upper layers
_W4_LAYERS = [(784, 1024), (1024, 1024), (1024, 10)]
W4_FLOP = 2 * 256 * (2 * sum(i * o for i, o in _W4_LAYERS) + sum(i * o for i, o in _W4_LAYERS[1:]))


_W4_PRODUCTS = """
import numpy as np, time
r = np.random.default_rng(0)
def m(*s): return r.standard_normal(s).astype(np.float32)
x, w1, w2, w3, h, g3, g = m(256, 784), m(1024, 784), m(1024, 1024), m(10, 1024), m(256, 1024), m(256, 10), m(256, 1024)
a = m(1024, 1024)
def best(fn, n):
    fn()
    t = []
    for _ in range(n):
        t0 = time.perf_counter(); fn(); t.append(time.perf_counter() - t0)
    return min(t)
def step():
    x @ w1.T; h @ w2.T; h @ w3.T; g3.T @ h; g3 @ w3; g.T @ h; g @ w2; g.T @ x
print(2 * 1024 ** 3 / best(lambda: a @ a, 10) / 1e9, FLOP / best(step, 20) / 1e9)
"""


def _matmul_gflops() -> tuple[float, float]:
    """NumPy's BLAS on 2 threads, in GFLOP/s: the best rate of a float32 1024x1024x1024 product (the peak),
    and the rate of W4's eight products of one step run alone."""
    out = subprocess.run([sys.executable, "-c", _W4_PRODUCTS.replace("FLOP", str(W4_FLOP))], check=True,
                         capture_output=True, text=True, env={**os.environ, "OMP_NUM_THREADS": "2"})
    peak, alone = out.stdout.split()[-2:]
    return float(peak), float(alone)


def _import_time(impl: str) -> float:
    """Seconds the statement ``import impl`` takes in a fresh interpreter (its start-up not counted)."""
    code = f"import time; t = time.perf_counter(); import {impl}; print(time.perf_counter() - t)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT, env=env)
    return float(out.stdout.split()[-1])


def _process_time(impl: str, code: str) -> float:
    """Wall time of a fresh interpreter running ``code`` (bytecode caching allowed, as on a user's machine)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code.replace("IMPL", impl)], check=True, capture_output=True,
                   cwd=ROOT, env=env)
    return time.perf_counter() - t0


EXAMPLE1 = os.path.join(ROOT, "gradkit", "lab", "examples", "example1_linear_adam.py")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions")
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    ap.add_argument("--only", help="comma-separated workloads (e.g. W3,W5); skips the per-op and process rows")
    args = ap.parse_args()
    if args.child:
        print(*_child(args.child[0], args.child[1], int(args.child[2])))
        return
    have_torch = importlib.util.find_spec("torch") is not None
    impls = ["torch", "gradkit"] if have_torch else ["gradkit"]
    reps = {"W1": 300, "W2": 300, "W3": 200, "W4": 10, "W5": 300, "CNN": 50}
    if args.quick:
        reps = {k: max(3, v // 5) for k, v in reps.items()}
    res: dict = {"workloads": {}, "peak_mb": {}, "ops": {}, "import_s": {}, "import_process_s": {},
                 "example1_s": {}}
    for w in (args.only.split(",") if args.only else WORKLOADS):
        row = {i: [] for i in impls + ["numpy"]}
        for _ in range(3):
            for i in impls + ["numpy"]:
                row[i].append(_run(i, w, reps[w]))
        res["workloads"][w] = {i: min(us for us, _ in v) for i, v in row.items()}
        res["peak_mb"][w] = {i: min(mb for _, mb in v) for i, v in row.items()}
    if "W4" in res["workloads"]:
        res["matmul_peak_gflops"], res["w4_products_alone_gflops"] = _matmul_gflops()
    if args.only:
        print(_markdown(res, have_torch))
        return
    for op in OPS:
        res["ops"][op] = {i: _run(i, op, 2000 if not args.quick else 300)[0] for i in impls}
    for _ in range(5):
        for i in impls + ["numpy"]:
            res["import_s"][i] = min(res["import_s"].get(i, math.inf), _import_time(i))
            res["import_process_s"][i] = min(res["import_process_s"].get(i, math.inf),
                                             _process_time(i, "import IMPL"))
    if os.path.exists(EXAMPLE1):
        shim = ("import sys, runpy, importlib; sys.path.insert(0, '.');"
                "from gradkit.lab._shim import torch_is_gradkit\n"
                f"with torch_is_gradkit(): runpy.run_path({EXAMPLE1!r})")
        # best of three, like the import rows: the first run after a change also pays for recompiling bytecode
        res["example1_s"]["torch"] = min(_process_time("torch", f"import runpy; runpy.run_path({EXAMPLE1!r})")
                                         for _ in range(3)) \
            if have_torch else None
        try:
            res["example1_s"]["gradkit"] = min(_process_time("gradkit", shim) for _ in range(3))
        except subprocess.CalledProcessError:
            res["example1_s"]["gradkit"] = None
    md = _markdown(res, have_torch)
    print(md)
    os.makedirs(args.out, exist_ok=True)
    for name, text in (("results.md", md), ("results.json", json.dumps(res, indent=2))):
        tmp = os.path.join(args.out, name + ".tmp")
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, os.path.join(args.out, name))


def _markdown(res, have_torch) -> str:
    lines = ["| workload | torch eager µs | gradkit µs | NumPy floor µs | torch / gradkit | peak MiB torch | "
             "peak MiB gradkit |", "|---|---|---|---|---|---|---|"]
    for w, r in res["workloads"].items():
        t = r.get("torch")
        m = res["peak_mb"][w]
        ratio = f"{t / r['gradkit']:.2f}×" if t else "–"
        lines.append(f"| {w} | {f'{t:.0f}' if t else '–'} | {r['gradkit']:.0f} | {r['numpy']:.0f} | {ratio} | "
                     f"{m.get('torch', float('nan')):.1f} | {m['gradkit']:.1f} |")
    if "matmul_peak_gflops" in res:
        peak = res["matmul_peak_gflops"]
        rates = {i: W4_FLOP / us / 1e3 for i, us in res["workloads"]["W4"].items()}
        alone = res["w4_products_alone_gflops"]
        lines += ["", f"W4 does {W4_FLOP / 1e9:.2f} GFLOP of products per step; NumPy's BLAS peaks at {peak:.0f} "
                  f"GFLOP/s here (float32 1024³, 2 threads) and runs W4's products alone at {alone:.0f} GFLOP/s "
                  f"({100 * alone / peak:.0f} % of peak). Products per second of whole-step time: "
                  + ", ".join(f"{i} {r:.0f} GFLOP/s ({100 * r / peak:.0f} % of peak)" for i, r in rates.items())
                  + "."]
    lines += ["", "| op (16×16 float32) | torch µs | gradkit µs | torch / gradkit |", "|---|---|---|---|"]
    for op, r in res["ops"].items():
        t = r.get("torch")
        lines.append(f"| {op} | {t:.2f} | {r['gradkit']:.2f} | {t / r['gradkit']:.2f}× |" if t else
                     f"| {op} | – | {r['gradkit']:.2f} | – |")
    lines += ["", "| process | torch s | gradkit s | numpy s |", "|---|---|---|---|"]
    for k in ("import_s", "import_process_s", "example1_s"):
        r = res[k]
        if r:
            t, g = r.get("torch") or float("nan"), r.get("gradkit") or float("nan")
            n = r.get("numpy")
            label = {"import_s": "import statement", "import_process_s": "python -c 'import …' (whole process)",
                     "example1_s": "example 1 (whole process)"}[k]
            lines.append(f"| {label} | {t:.3f} | {g:.3f} | {'' if n is None else f'{n:.3f}'} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
