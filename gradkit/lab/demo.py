"""``gradkit demo``: the notes' programs on gradkit, the doctor on each, and comparisons; one HTML report."""
from __future__ import annotations

import io
import os
import sys
import time
from typing import Any

__all__ = ["run_demo"]

_TITLES = {
    "example1": "Example 1 — Linear on raw x in [0, 10], Adam lr=1e-3, 100 epochs",
    "example2": "Example 2 — a small nn.Module (1-4-1 MLP with ReLU)",
    "example3": "Example 3 — the 1-4-1 MLP trained with SGD lr=0.01",
}


def _abbrev(text: str, head: int = 5, tail: int = 8) -> str:
    lines = text.rstrip("\n").splitlines()
    if len(lines) <= head + tail + 1:
        return "\n".join(lines)
    return "\n".join([*lines[:head], f"... ({len(lines) - head - tail} more lines) ...", *lines[-tail:]])


def _say(text: str = "") -> None:
    print(text, flush=True)


def run_demo(out: str | os.PathLike = "gradkit-demo", *, quick: bool = False, verify: bool = True) -> int:
    """Runs the demo, prints a summary and writes ``out/index.html``; returns the exit status."""
    import gradkit
    from gradkit.lab import report
    from gradkit.lab._io import write_text
    from gradkit.lab.doctor import diagnose
    from gradkit.lab.examples import EXAMPLES

    t0 = time.perf_counter()
    out = os.fspath(out)
    sections: list[tuple[str, str]] = []
    summary: list[str] = []
    default_seed = 67280421310721
    for key, path in EXAMPLES.items():
        _say(f"== {_TITLES[key]}  ({path.name})")
        gradkit.manual_seed(default_seed)
        diag = diagnose(str(path), verify=verify, quiet=True, time_budget=20.0)
        _say(_abbrev(diag.output))
        if diag.error:
            _say(f"   the program failed on gradkit: {diag.error}")
            summary.append(f"{path.name}: failed on gradkit ({diag.error})")
            sections.append((_TITLES[key], report.pre(diag.output) + report.pre(f"failed: {diag.error}")))
            continue
        text = diag.format()
        _say("-- doctor:")
        _say(text)
        _say()
        if diag.findings:
            summary.append(f"{path.name}: " + "; ".join(f.title for f in diag.findings))
        else:
            summary.append(f"{path.name}: " + ("no problems found" if diag.summary.get("steps")
                                                 else "no training (defines and calls the model)"))
        sections.append((_TITLES[key], "<h3>Program output (gradkit)</h3>" + report.pre(_abbrev(diag.output, 8, 10))
                         + "<h3>Doctor</h3>" + report.pre(text)))
        if key == "example3":
            stats = _relu_survey(path, 4 if quick else 8)
            if stats:
                _say(stats)
                _say()
                summary.append(stats)
                sections[-1] = (sections[-1][0], sections[-1][1] + report.pre(stats))

    sections += _comparisons(out, quick, summary)
    dt = time.perf_counter() - t0
    _say("== Summary")
    for s in summary:
        _say(f" - {s}")
    page = report.html_page("gradkit demo — the notes, diagnosed", [
        ("Summary", report.pre("\n".join(f"- {s}" for s in summary) + f"\n\n(took {dt:.1f} s)")), *sections])
    path = os.path.join(out, "index.html")
    write_text(path, page)
    _say(f"report: {path}  ({dt:.1f} s)")
    return 0


def _relu_survey(path: Any, n: int) -> str:
    """How often example 3's ReLUs die across seeds (the notes' run had no seed)."""
    import gradkit
    from gradkit.lab.doctor import Interventions
    from gradkit.lab.doctor import _run as run_watched
    from gradkit.lab.doctor._analyze import _dead_relus

    counts = []
    for seed in range(n):
        gradkit.manual_seed(seed)
        rec, _, _ = run_watched(str(path), None, Interventions(), gradkit.get_rng_state(), True)
        if rec.error is not None:
            return ""
        d = _dead_relus(rec)
        counts.append(max((f.data["dead"] for f in d), default=0))
    all_dead = sum(c == 4 for c in counts)
    some = sum(c > 0 for c in counts)
    return (f"example 3 over seeds 0..{n - 1}: dead hidden units per seed = {counts}; at least one dead in "
            f"{some}/{n}, all 4 dead (constant output) in {all_dead}/{n}")


def _comparisons(out: str, quick: bool, summary: list[str]) -> list[tuple[str, str]]:
    from gradkit import datasets
    from gradkit.lab import compare, report

    sections = []
    jobs = [("line", "the notes' problem (y = 3x + 2 + noise, raw x in [0, 10]), Linear 1-1",
             datasets.line(), "1-1", ("mse", "l1"), ("SGD", "Adam"),
             (1e-3, 1e-2, 1e-1) if quick else (1e-4, 1e-3, 1e-2, 1e-1), 100, None)]
    try:
        digits = datasets.digits()
        jobs.append(("digits", "scikit-learn digits (standardised), MLP 64-32-10", digits, "64-32-10",
                     ("cross_entropy",), ("SGD", "Adam"), (1e-3, 1e-2, 1e-1), 4 if quick else 8, 128))
    except ImportError as e:
        summary.append(f"digits comparison skipped: {e}")
    for name, title, split, spec, losses, opts, lrs, epochs, bs in jobs:
        _say(f"== Comparison on {title}")
        res = compare(split, spec, losses=losses, optimizers=opts, lrs=lrs, seeds=1 if quick else 2, epochs=epochs,
                      batch_size=bs, out=os.path.join(out, name), progress=False, title=title)
        _say(res.table())
        _say()
        b = res.best()
        summary.append(f"{name}: best {b['loss']} + {b['optimizer']} lr={b['lr']:g} "
                       f"(val {res.rank_by} {b[res.rank_by + '_mean']:.4g}, final loss {b['final_loss_mean']:.4g})")
        buf = io.StringIO()
        buf.write(res.table())
        body = report.pre(buf.getvalue())
        for png in ("loss_curves.png", "final_vs_lr.png"):
            p = res.files.get(png)
            if p:
                with open(p, "rb") as f:
                    body += report.img_tag(f.read(), f"{name} {png}")
        if not report.have_matplotlib():
            body += f"<p class=note>{report.NO_MPL}</p>"
        body += f'<p><a href="{name}/index.html">full report</a>, <a href="{name}/results.csv">results.csv</a></p>'
        sections.append((f"Comparison: {title}", body))
    return sections


if __name__ == "__main__":
    sys.exit(run_demo())
