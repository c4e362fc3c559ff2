"""Runs conformance programs under real torch and under gradkit-as-torch, and compares what they print.

One server process per implementation imports its ``torch`` once, then forks a fresh child per program
(seeded with ``manual_seed(0)``, stdout captured to a file), so the suite pays torch's import cost once.
Outputs are compared the way ../shared/conformance/run.py does: numbers within rtol/atol, all other text
exactly once whitespace runs are collapsed and ``grad_fn=<...>`` names are blanked.

    python tests/conformance/_runner.py [-v] [program.py ...]    # all programs here when none given
"""
from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|[-+]?\b(?:nan|inf)\b")
GRAD_FN = re.compile(r"grad_fn=<[A-Za-z0-9_]*>")
HEADER = re.compile(r"#\s*conformance:\s*(.*)")
SEED = 0
TIMEOUT = 60.0


def programs() -> list[str]:
    """Every conformance program in this folder, sorted."""
    return sorted(os.path.join(HERE, f) for f in os.listdir(HERE)
                  if f.endswith(".py") and not f.startswith(("_", "test_")))


def tolerances(script: str, rtol: float = 1e-4, atol: float = 1e-5) -> tuple[float, float]:
    """The tolerances a program asks for with a ``# conformance: rtol=... atol=...`` line."""
    with open(script, encoding="utf-8") as f:
        for line in f:
            m = HEADER.search(line)
            if m:
                for item in m.group(1).split():
                    key, _, value = item.partition("=")
                    if key == "rtol":
                        rtol = float(value)
                    elif key == "atol":
                        atol = float(value)
    return rtol, atol


def split(text: str) -> tuple[list[str], list[float]]:
    text = " ".join(GRAD_FN.sub("grad_fn=<>", text).split())
    return [w.strip() for w in NUMBER.split(text)], [float(n) for n in NUMBER.findall(text)]


def compare(expected: str, actual: str, rtol: float, atol: float) -> str | None:
    """None when the two outputs agree, else a one-line reason."""
    ew, en = split(expected)
    aw, an = split(actual)
    if len(en) != len(an) or ew != aw:
        for i, (e, a) in enumerate(zip(ew, aw)):
            if e != a:
                return f"text differs at piece {i}: expected {e[:80]!r}, got {a[:80]!r}"
        return f"expected {len(en)} numbers and {len(ew)} text pieces, got {len(an)} and {len(aw)}"
    for i, (e, a) in enumerate(zip(en, an)):
        if e == a or (math.isnan(e) and math.isnan(a)):
            continue
        if not abs(e - a) <= atol + rtol * abs(e):
            return f"number {i} differs: expected {e!r}, got {a!r} (rtol={rtol}, atol={atol})"
    return None


_ALIAS: list = []


def _install(impl: str) -> None:
    if impl == "gradkit":
        sys.path.insert(0, ROOT)
        from gradkit.lab._shim import torch_is_gradkit
        _ALIAS.append(torch_is_gradkit())
        _ALIAS[0].__enter__()
    import torch  # the real one, or gradkit under that name
    if impl == "gradkit" and "gradkit" not in torch.__name__:
        raise RuntimeError(f"torch resolved to {torch.__file__}, not gradkit")
    _warm_up(torch)


def _warm_up(torch) -> None:
    """Pays lazy imports (torch's first optimizer step imports torch._dynamo: seconds) once, before forking."""
    import torch.nn.functional
    import torch.optim
    import torch.utils.data
    model = torch.nn.Linear(2, 1)
    for opt in (torch.optim.SGD(model.parameters(), lr=0.1), torch.optim.Adam(model.parameters())):
        for x, y in torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.ones(4, 2), torch.ones(4, 1)),
                                                batch_size=2, shuffle=True):
            opt.zero_grad()
            torch.nn.functional.mse_loss(model(x), y).backward()
            opt.step()


def _child(script: str, out_path: str) -> None:
    import runpy
    import traceback

    import torch
    fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(fd, 1)
    sys.stdout = os.fdopen(1, "w", encoding="utf-8", closefd=False)
    code = 0
    try:
        torch.manual_seed(SEED)
        sys.argv = [script]
        os.chdir(os.path.dirname(script))
        runpy.run_path(script, run_name="__main__")
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException:
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _serve(impl: str, scripts: list[str]) -> dict[str, list]:
    """In this process: import ``impl`` as torch once, then run each script in a forked child."""
    import select
    import signal
    import time

    _install(impl)
    results: dict[str, list] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, script in enumerate(scripts):
            out_path = os.path.join(tmp, f"{i}.out")
            err_path = os.path.join(tmp, f"{i}.err")
            pid = os.fork()
            if pid == 0:
                efd = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                os.dup2(efd, 2)
                _child(script, out_path)
            deadline = time.monotonic() + TIMEOUT
            status = None
            while status is None:
                done, st = os.waitpid(pid, os.WNOHANG)
                if done:
                    status = st
                elif time.monotonic() > deadline:
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    status = -1
                else:
                    select.select([], [], [], 0.01)
            out = open(out_path, encoding="utf-8", errors="replace").read() if os.path.exists(out_path) else ""
            err = open(err_path, encoding="utf-8", errors="replace").read() if os.path.exists(err_path) else ""
            if status == -1:
                results[script] = [None, f"timed out after {TIMEOUT} s"]
            elif os.waitstatus_to_exitcode(status) != 0:
                tail = err.strip().splitlines()[-1:] or ["(no stderr)"]
                results[script] = [out, f"exit {os.waitstatus_to_exitcode(status)}: {tail[0][:300]}\n{err[-3000:]}"]
            else:
                results[script] = [out, None]
    return results


def start(impl: str, scripts: list[str]) -> subprocess.Popen:
    """Starts a server subprocess running ``scripts`` under ``impl``; read it with :func:`finish`."""
    env = dict(os.environ, PYTHONHASHSEED="0", OMP_NUM_THREADS="1")
    return subprocess.Popen([sys.executable, os.path.abspath(__file__), "--serve", impl, *scripts],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def finish(proc: subprocess.Popen, scripts: list[str]) -> dict[str, list]:
    out, err = proc.communicate(timeout=TIMEOUT * max(len(scripts), 1) + 60)
    if proc.returncode != 0:
        return {s: [None, f"server failed: {err.strip()[-500:]}"] for s in scripts}
    return json.loads(out)


def run_all(scripts: list[str]) -> tuple[dict[str, list], dict[str, list]]:
    """(torch results, gradkit results), each ``{script: [stdout or None, error or None]}``; both run at once."""
    procs = start("torch", scripts), start("gradkit", scripts)
    return finish(procs[0], scripts), finish(procs[1], scripts)


def verdict(script: str, expected: list, actual: list) -> str | None:
    """None when the program passes, else why not."""
    if expected[1]:
        return f"under real torch: {expected[1]}"
    if actual[1]:
        return f"under gradkit: {actual[1]}"
    return compare(expected[0], actual[0], *tolerances(script))


def main(argv: list[str]) -> int:
    if argv[:1] == ["--serve"]:
        json.dump(_serve(argv[1], argv[2:]), sys.stdout)
        sys.stdout.flush()
        if _ALIAS:
            _ALIAS.pop().__exit__(None, None, None)
        return 0
    verbose = "-v" in argv
    scripts = [os.path.abspath(a) for a in argv if a != "-v"] or programs()
    expected, actual = run_all(scripts)
    failed = 0
    for s in scripts:
        reason = verdict(s, expected[s], actual[s])
        name = os.path.relpath(s)
        if reason:
            failed += 1
            print(f"FAIL   {name}: {reason}")
            if verbose and expected[s][0] is not None and actual[s][0] is not None:
                print("--- torch\n" + expected[s][0] + "--- gradkit\n" + actual[s][0])
        else:
            print(f"ok     {name}")
    print(f"{len(scripts) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
