"""The training doctor: watches an unmodified training run and explains why it does not learn.

``diagnose(program)`` runs ``program`` (a script path or a zero-argument callable that builds and trains
everything) under global hooks, reports findings with evidence, cause and fixes, and re-runs the same
training with cheap fixes applied (another learning rate, standardised inputs, ``zero_grad``, LeakyReLU)
to verify them."""
from __future__ import annotations

import contextlib
import io
import json
import math
import os
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ._analyze import Finding, Verification, analyze, loss_summary, per_step_losses
from ._watch import Interventions, Recorder, watch

__all__ = ["diagnose", "Diagnosis", "Finding", "Verification", "Interventions", "watch", "Recorder"]


@dataclass
class Diagnosis:
    """The doctor's report on one run."""

    program: str
    findings: list[Finding]
    summary: dict[str, Any]
    output: str = ""
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.findings and self.error is None

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]

    def to_dict(self) -> dict[str, Any]:
        from ._analyze import _jsonable
        return {"program": self.program, "error": self.error, "summary": _jsonable(self.summary),
                "findings": [f.to_dict() for f in self.findings], "notes": self.notes,
                "elapsed_s": round(self.elapsed, 3)}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def format(self) -> str:
        s = self.summary
        lines = [f"gradkit doctor: {self.program}"]
        if self.error:
            lines.append(f"  the program crashed: {self.error}")
        if s.get("steps"):
            opt = s.get("optimizer") or {}
            lr = f", lr={opt['lr']:g}" if opt.get("lr") is not None else ""
            loss = ""
            if "first" in s:
                from ._analyze import _g
                loss = f"; loss {_g(s['first'])} → {_g(s['last'])}"
            lines.append(f"  watched {s['steps']} optimizer steps ({opt.get('type', '?')}{lr}){loss}")
        for n in self.notes:
            lines.append(f"  note: {n}")
        if not self.findings:
            lines.append("  no problems found" if s.get("steps") else "  no training observed (no optimizer step)")
        for i, f in enumerate(self.findings, 1):
            lines.append(f.format(i))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.format()


def _where(exc: BaseException, program: str) -> str:
    tb = traceback.extract_tb(exc.__traceback__)
    frames = [f for f in tb if os.path.basename(f.filename) == os.path.basename(program)] or tb[-1:]
    loc = f" (line {frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}{loc}"


def _run(program: Any, argv: list[str] | None, iv: Interventions, rng_state: Any, quiet: bool,
         stdout: Any = None) -> tuple[Recorder, str, float]:
    import gradkit

    gradkit.set_rng_state(rng_state)
    buf = io.StringIO()
    target = buf if quiet else (stdout or sys.stdout)
    t0 = time.perf_counter()
    w = watch(iv)
    with w as rec, contextlib.redirect_stdout(target):
        try:
            if callable(program):
                program()
            else:
                from .._shim import run_script
                run_script(program, argv)
        except SystemExit as e:
            if e.code not in (None, 0):
                rec.error = e
        except Exception as e:  # the user's program failed: reported, not raised
            rec.error = e
    return rec, buf.getvalue(), time.perf_counter() - t0


def _final(rec: Recorder) -> float:
    l = per_step_losses(rec)
    return float(l[-1]) if len(l) else math.nan


def diagnose(program: str | os.PathLike | Callable[[], Any], argv: list[str] | None = None, *,
             verify: bool = True, time_budget: float = 60.0, quiet: bool = False, stdout: Any = None) -> Diagnosis:
    """Runs ``program`` under observation and returns a :class:`Diagnosis`.

    ``program`` is a script path (run as ``__main__`` with ``torch`` answered by gradkit) or a zero-argument
    callable. With ``verify`` the doctor re-runs the training with cheap fixes (each from the same random
    state) as long as ``time_budget`` seconds allow, and reports what each fix achieves. ``quiet`` hides the
    program's own output (it is kept in ``Diagnosis.output``)."""
    import gradkit

    if not callable(program):
        program = os.fspath(program)
        if not os.path.isfile(program):
            raise FileNotFoundError(f"no such script: {program}")
        name = os.path.basename(program)
    else:
        name = getattr(program, "__name__", "program")
    rng_state = gradkit.get_rng_state()
    t_start = time.perf_counter()
    rec, out, t_run = _run(program, argv, Interventions(), rng_state, quiet, stdout)
    summary: dict[str, Any] = {"steps": rec.steps, "backward_calls": rec.backward_calls,
                               "optimizer": rec.optimizers[0] if rec.optimizers else None, **loss_summary(rec)}
    if rec.error is not None:
        gradkit.set_rng_state(rng_state)
        return Diagnosis(name, [], summary, out, _where(rec.error, name), elapsed=time.perf_counter() - t_start)
    findings = analyze(rec)
    notes: list[str] = []
    if verify and findings and rec.steps:
        budget_left = time_budget - (time.perf_counter() - t_start)
        findings = _verify(program, argv, rec, findings, rng_state, max(t_run, 1e-3), budget_left, notes)
    else:
        findings = [f for f in findings if f.code != "unnormalized_inputs" or len(findings) > 1]
    gradkit.set_rng_state(rng_state)
    return Diagnosis(name, findings, summary, out, None, notes, time.perf_counter() - t_start)


def _verify(program: Any, argv: list[str] | None, rec: Recorder, findings: list[Finding], rng_state: Any,
            t_run: float, budget: float, notes: list[str]) -> list[Finding]:
    base = _final(rec)
    lr = rec.optimizers[0]["lr"] if rec.optimizers else None
    cache: dict[str, tuple[Recorder, float]] = {}
    skipped = [False]

    def attempt(iv: Interventions) -> tuple[Recorder, float] | None:
        key = repr(iv)
        if key in cache:
            return cache[key]
        nonlocal budget
        if budget < t_run * 1.2:
            skipped[0] = True
            return None
        r, _, dt = _run(program, argv, iv, rng_state, True)
        budget -= dt
        cache[key] = (r, _final(r) if r.error is None else math.nan)
        return cache[key]

    def verification(iv: Interventions, note_fn: Callable[[Recorder], str] | None = None,
                     factor: float = 0.5) -> Verification | None:
        res = attempt(iv)
        if res is None:
            return None
        r, fl = res
        improved = math.isfinite(fl) and (fl < factor * base if math.isfinite(base) else True)
        return Verification(iv.describe(), fl, base, r.steps, improved, note_fn(r) if note_fn else "")

    def alive_note(r: Recorder) -> str:
        from ._analyze import _dead_relus
        d = _dead_relus(r)
        if not r.relu_sites:
            return ""
        if not d:
            return "no dead units"
        word = "on the negative side (still learning through the leak)" if r.iv.relu == "leaky" else "dead"
        return "; ".join(f"{f.data['dead']} of {f.data['units']} units {word}" for f in d)

    kept: list[Finding] = []
    serious = [f for f in findings if f.severity != "info"]
    for f in findings:
        vs: list[Verification | None] = []
        if f.code in ("lr_too_small", "plateau") and lr:
            for m in (10, 100, 1000):
                vs.append(verification(Interventions(lr=lr * m)))
                if vs[-1] is not None and vs[-1].improved and m >= 100:
                    break
        elif f.code in ("lr_too_large", "non_finite") and lr and (f.code == "lr_too_large" or
                                                                   "too large" in f.cause):
            for m in (0.1, 0.01):
                vs.append(verification(Interventions(lr=lr * m)))
        elif f.code == "grad_accumulation":
            vs.append(verification(Interventions(zero_grad=True)))
        elif f.code == "loss_shape_mismatch":
            vs.append(verification(Interventions(fix_loss_shapes=True)))
        elif f.code == "dead_relu":
            vs.append(verification(Interventions(standardize_inputs=True), alive_note))
            if lr:
                vs.append(verification(Interventions(lr=lr * 0.1), alive_note))
            vs.append(verification(Interventions(relu="leaky"), alive_note))
            vs.append(verification(Interventions(standardize_inputs=True, lr=(lr * 0.1) if lr else None),
                                   alive_note))
        elif f.code == "unnormalized_inputs":
            vs.append(verification(Interventions(standardize_inputs=True)))
        f.verified = [v for v in vs if v is not None]
        if f.code in ("lr_too_small", "lr_too_large", "plateau") and f.verified:
            best = min(f.verified, key=lambda v: v.final_loss if math.isfinite(v.final_loss) else math.inf)
            if not best.improved:
                continue
            f.verified = [v for v in f.verified if v.improved][:1] + [v for v in f.verified if not v.improved][:1]
            f.fixes.insert(0, f"use {best.change} (verified below)")
        if f.code == "unnormalized_inputs":
            helped = any(v.improved for v in f.verified)
            if not helped and len(serious) == 0:
                continue
        kept.append(f)
    if skipped[0]:
        notes.append("some fixes were not re-run: the time budget was used up")
    return kept


def main_text(diag: Diagnosis) -> str:
    return diag.format()
