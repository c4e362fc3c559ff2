"""Turns a :class:`Recorder` into findings: evidence (numbers), likely cause, concrete fixes."""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from ._watch import Recorder


@dataclass
class Verification:
    """One re-run of the training with a fix applied."""

    change: str
    final_loss: float
    baseline_final_loss: float
    steps: int
    improved: bool
    note: str = ""

    def sentence(self) -> str:
        if not math.isfinite(self.final_loss):
            return f"with {self.change} the loss becomes non-finite ({self.final_loss}) — does not help"
        verdict = "works" if self.improved else "does not help"
        extra = f"; {self.note}" if self.note else ""
        return (f"with {self.change} the loss reaches {_g(self.final_loss)} after {self.steps} steps instead of "
                f"{_g(self.baseline_final_loss)} — {verdict}{extra}")


@dataclass
class Finding:
    """A problem the doctor found, with evidence, likely cause and fixes (some verified by re-running)."""

    code: str
    title: str
    evidence: list[str]
    cause: str
    fixes: list[str]
    severity: str = "warning"
    verified: list[Verification] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["verified"] = [asdict(v) | {"sentence": v.sentence()} for v in self.verified]
        return _jsonable(d)

    def format(self, index: int | None = None) -> str:
        head = f"{index}. " if index is not None else ""
        ok = [v for v in self.verified if v.improved]
        tag = " [fix verified]" if ok else (" [fixes tried, none helped]" if self.verified else "")
        lines = [f"{head}{self.title}{tag}"]
        lines += [f"   evidence: {e}" for e in self.evidence]
        lines.append(f"   cause: {self.cause}")
        lines += [f"   fix: {f}" for f in self.fixes]
        lines += [f"   verified: {v.sentence()}" for v in self.verified]
        return "\n".join(lines)


def _jsonable(x: Any) -> Any:
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_jsonable(v) for v in x]
    if isinstance(x, (np.floating, float)):
        v = float(x)
        return v if math.isfinite(v) else str(v)
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, np.ndarray):
        return _jsonable(x.tolist())
    return x


def _g(v: float) -> str:
    if not math.isfinite(v):
        return str(v)
    if v == 0:
        return "0"
    a = abs(v)
    if a >= 1e5 or a < 1e-3:
        return f"{v:.3g}"
    if a >= 100:
        return f"{v:.1f}"
    return f"{v:.4g}"


def _smooth(x: np.ndarray, k: int) -> np.ndarray:
    if len(x) < k or k <= 1:
        return x
    c = np.cumsum(np.insert(x, 0, 0.0))
    return (c[k:] - c[:-k]) / k


def per_step_losses(rec: Recorder) -> np.ndarray:
    """The last loss recorded before each optimizer step (falls back to every recorded loss)."""
    if not rec.losses:
        return np.zeros(0)
    if rec.steps == 0:
        return np.asarray(rec.losses, dtype=np.float64)
    last: dict[int, float] = {}
    for v, s in zip(rec.losses, rec.loss_step):
        if s < rec.steps:
            last[s] = v
    return np.asarray([last[s] for s in sorted(last)], dtype=np.float64)


def loss_summary(rec: Recorder) -> dict[str, Any]:
    l = per_step_losses(rec)
    if len(l) == 0:
        return {}
    fin = l[np.isfinite(l)]
    return {"first": float(l[0]), "last": float(l[-1]), "min": float(fin.min()) if len(fin) else math.nan,
            "steps": rec.steps, "n": len(l)}


def analyze(rec: Recorder) -> list[Finding]:
    """All findings for a recorded run (before verification)."""
    out: list[Finding] = []
    l = per_step_losses(rec)
    ratios = np.asarray([r for r in rec.update_ratios if math.isfinite(r)], dtype=np.float64)
    opt = rec.optimizers[0] if rec.optimizers else {"type": "optimizer", "lr": None}
    lr = opt.get("lr")
    lr_txt = f"{opt['type']}, lr={lr:g}" if lr is not None else opt["type"]

    if rec.first_nonfinite is not None:
        e = rec.first_nonfinite
        ev = [f"first non-finite value at optimizer step {e['step']}, in the {e['pass']} pass: {e['where']}"]
        if e.get("losses_before"):
            ev.append("losses just before: " + ", ".join(_g(v) for v in e["losses_before"]))
        if math.isfinite(e.get("max_update_ratio", math.nan)):
            ev.append(f"largest per-step update/weight ratio in the steps before: {_g(e['max_update_ratio'])}")
        if math.isfinite(e.get("input_max_abs", math.nan)):
            ev.append(f"its input's largest |value| was {_g(e['input_max_abs'])}, its largest |weight| "
                      f"{_g(e['weight_max_abs'])}")
        rising = len(e.get("losses_before", [])) >= 2 and e["losses_before"][-1] > 2 * e["losses_before"][0]
        big = e.get("max_update_ratio", 0) > 0.1
        if rising or big:
            cause = (f"the updates were too large ({lr_txt}): the loss grew step after step until values "
                     "overflowed float32")
            fixes = ["lower the learning rate (try 10x smaller)", "clip gradients (nn.utils.clip_grad_norm_)",
                     "standardise the inputs"]
        else:
            cause = ("an operation produced inf/NaN from finite inputs (e.g. log of 0, division by 0, exp of a "
                     "large value)")
            fixes = ["guard the operation (add a small epsilon, clamp its input) or use the numerically stable "
                     "built-in (log_softmax, BCEWithLogitsLoss)"]
        out.append(Finding("non_finite", "Non-finite values (NaN/inf)", ev, cause, fixes, "error",
                           data=dict(e)))

    if rec.accumulation is not None:
        a = rec.accumulation
        gn = rec.grad_norms.get(a["param"], [])
        ev = [f"at step {a['step']}, backward() ran while {a['param']}.grad still held the previous step's "
              f"gradient (norm {_g(a['grad_norm'])}): the new gradient was added to it"]
        if len(gn) >= 3:
            ev.append(f"gradient norm of {a['param']} over the first steps: "
                      + ", ".join(_g(v) for v in gn[:6]))
        out.append(Finding("grad_accumulation", "Gradients are never cleared", ev,
                           "no optimizer.zero_grad() (or model.zero_grad()) between optimizer steps, so every "
                           "step uses the sum of all gradients so far",
                           ["call optimizer.zero_grad() at the start of every iteration, before loss.backward()"],
                           "error", data=dict(a)))

    if rec.shape_mismatch is not None:
        m = rec.shape_mismatch
        ev = [f"{m['loss']} got input of shape {m['input']} and target of shape {m['target']}; they broadcast "
              f"to {m['broadcast']}, so every prediction is compared with every target"]
        fixes = [f"make the shapes equal: e.g. target.view({', '.join(map(str, m['input']))}) or "
                 "output.squeeze(-1)"]
        out.append(Finding("loss_shape_mismatch", "Loss input and target shapes differ (silent broadcast)", ev,
                           "the loss's input and target have different shapes, and broadcasting made the "
                           "loss measure something else than intended", fixes, "error", data=dict(m)))

    dead_findings = _dead_relus(rec)
    out += dead_findings

    grad_f = _grad_scale(rec)
    out += grad_f

    if len(l) >= 5 and rec.first_nonfinite is None:
        first, last = float(l[0]), float(l[-1])
        k = max(1, len(l) // 10)
        sm = _smooth(l, k)
        drop = (first - last) / abs(first) if first != 0 else 0.0
        diffs = np.diff(l)
        frac_down = float(np.mean(diffs < 0)) if len(diffs) else 0.0
        q = max(2, len(l) // 4)
        early_rate = (l[0] - l[q - 1]) / max(abs(l[0]), 1e-12)
        late_rate = (l[-q] - l[-1]) / max(abs(l[-q]), 1e-12)
        med_ratio = float(np.median(ratios)) if len(ratios) else math.nan
        sign_changes = float(np.mean(np.diff(np.sign(diffs)) != 0)) if len(diffs) > 2 else 0.0
        if sm[-1] > 1.5 * sm[0] or (sign_changes > 0.5 and drop < 0.3 and med_ratio > 1e-2):
            ev = [f"loss went from {_g(first)} to {_g(last)} over {len(l)} steps "
                  f"({'rising' if last > first else 'oscillating'}; direction changed in "
                  f"{sign_changes:.0%} of steps)"]
            if math.isfinite(med_ratio):
                ev.append(f"median per-step update/weight ratio {_g(med_ratio)} (healthy is around 1e-3; "
                          "above ~1e-1 each step rewrites the weights)")
            out.append(Finding("lr_too_large", "Learning rate too large", ev,
                               f"each step ({lr_txt}) overshoots the minimum, so the loss rises or bounces",
                               ["lower the learning rate 10x", "standardise the inputs"], data={
                                   "first": first, "last": last, "median_update_ratio": med_ratio,
                                   "lr": lr}))
        elif frac_down >= 0.8 and 0 < drop < 0.5 and late_rate > 0.3 * early_rate and \
                (not math.isfinite(med_ratio) or med_ratio < 1e-1) and not dead_findings:
            ev = [f"loss fell only {drop:.1%} in {len(l)} steps ({_g(first)} → {_g(last)}) and was still falling "
                  f"at the same pace at the end ({late_rate:.1%} in the last {q} steps)"]
            if math.isfinite(med_ratio):
                ev.append(f"each step moved the weights by {med_ratio:.2%} of their size (median update/weight "
                          f"ratio {_g(med_ratio)})")
            out.append(Finding("lr_too_small", "Learning rate too small for this problem's scale", ev,
                               f"the steps ({lr_txt}) are tiny compared with the distance the weights must travel, "
                               "so training would need many more steps", ["raise the learning rate (10-100x)",
                                                                          "or train for many more epochs"],
                               data={"first": first, "last": last, "median_update_ratio": med_ratio, "lr": lr}))
        elif len(l) >= 20 and abs(drop) < 0.2 and np.ptp(sm[len(sm) // 2:]) < 0.01 * abs(sm[-1]) + 1e-12 \
                and not dead_findings:
            ev = [f"loss barely moved: {_g(first)} → {_g(last)} ({drop:.1%}); over the second half of training it "
                  f"changed by less than 1%"]
            out.append(Finding("plateau", "Training plateaued", ev,
                               "the gradient carries almost no signal (saturated or dead units, a too-small or "
                               "too-large learning rate, or a model too small for the data)",
                               ["try a 10x larger learning rate", "use Adam", "standardise the inputs",
                                "check the model's capacity"], data={"first": first, "last": last}))

    if rec.input_stats is not None:
        st = rec.input_stats
        scale = np.maximum(np.abs(st["mean"]), st["std"])
        worst = int(np.argmax(scale))
        if scale[worst] > 3.0 or (scale.max() > 0 and scale.max() / max(scale.min(), 1e-12) > 100):
            ev = [f"input feature {worst}: mean {_g(st['mean'][worst])}, std {_g(st['std'][worst])}, range "
                  f"[{_g(st['min'][worst])}, {_g(st['max'][worst])}] (shape {st['shape']})"]
            out.append(Finding("unnormalized_inputs", "Inputs are not normalised", ev,
                               "large or uneven input scales make the gradients large and badly conditioned: a "
                               "learning rate safe for one weight is too large or too small for another",
                               ["standardise: x = (x - x.mean(0)) / x.std(0) (use the training set's statistics)"],
                               "info", data={"feature": worst, "mean": st["mean"][worst], "std": st["std"][worst]}))
    return out


def _dead_relus(rec: Recorder) -> list[Finding]:
    out = []
    if rec.steps == 0:
        return out
    window = max(1, rec.steps // 4)
    for site in rec.relu_sites.values():
        dead = site.last_active < rec.steps - window
        nd = int(dead.sum())
        if nd == 0 or nd < max(1, 0.5 * site.units) and site.units > 4:
            continue
        death = [int(s) + 1 for s in site.last_active[dead]]
        when = max(death) if death else 0
        ev = [f"{nd} of {site.units} units of {site.name} output 0 for every input seen during the last "
              f"{window} steps ({nd / site.units:.0%} dead)"]
        ev.append("the dead units were last active at step " + ", ".join(str(d - 1) if d > 0 else "never"
                                                                       for d in death[:8]))
        if site.active_per_step:
            ev.append("units active per step: " + ", ".join(str(v) for v in site.active_per_step[:6])
                      + (" ..." if len(site.active_per_step) > 6 else ""))
        early = [r for r in rec.update_ratios[:max(when, 1) + 1] if math.isfinite(r)]
        if early:
            ev.append("per-step update/weight ratio up to then: " + ", ".join(_g(r) for r in early[:6])
                      + " (healthy is around 1e-3)")
        const = rec.output_std is not None and rec.output_std < 1e-6 * (1 + abs(rec.output_mean or 0))
        if nd == site.units:
            ev.append("the model's output is a constant: " + (f"{_g(rec.output_mean)} for every input" if const
                                                              else "no input reaches the next layer"))
        out.append(Finding("dead_relu", f"Dead ReLUs: {nd} of {site.units} units in {site.name}"
                           + (" (all — the output is a constant)" if nd == site.units else ""), ev,
                           "large updates early in training pushed these units' pre-activations below 0 for "
                           "every input; a dead ReLU has zero gradient, so it never recovers",
                           ["standardise the inputs", "use a smaller learning rate", "use LeakyReLU",
                            "initialise biases slightly positive / use Kaiming init"], "error",
                           data={"site": site.name, "dead": nd, "units": site.units, "window": window,
                                 "last_active": site.last_active.tolist(), "died_by_step": when}))
    return out


def _grad_scale(rec: Recorder) -> list[Finding]:
    names = [n for n in rec.param_order if n in rec.grad_norms and n.endswith("weight")]
    if len(names) < 3:
        return []
    k = min(10, min(len(rec.grad_norms[n]) for n in names))
    if k == 0:
        return []
    g = np.asarray([np.median(rec.grad_norms[n][:k]) for n in names])
    w = np.asarray([max(rec.weight_norms.get(n, 1.0), 1e-12) for n in names])
    r = g / w
    out = []
    table = ", ".join(f"{n}: {_g(v)}" for n, v in zip(names, g))
    if r[0] < 1e-5 * r[-1] or (g.max() > 0 and g.min() < 1e-7 * g.max()):
        out.append(Finding("vanishing_gradients", "Vanishing gradients", [
            f"gradient norm by layer (input → output, median of the first {k} steps): {table}",
            f"the first layer's gradient/weight ratio is {_g(r[0] / r[-1])} times the last layer's"],
            "each layer multiplies the gradient by a factor below 1 (saturating sigmoid/tanh, too-small init, "
            "depth), so early layers stop learning",
            ["use ReLU-family activations", "use Kaiming/Xavier init", "add normalisation or residual connections",
             "use fewer layers"], data={"layers": names, "grad_norms": g.tolist()}))
    elif r[0] > 1e4 * r[-1] or g.max() > 1e6:
        out.append(Finding("exploding_gradients", "Exploding gradients", [
            f"gradient norm by layer (input → output, median of the first {k} steps): {table}",
            f"the first layer's gradient/weight ratio is {_g(r[0] / r[-1])} times the last layer's"],
            "each layer multiplies the gradient by a factor above 1 (too-large init, no normalisation), so early "
            "layers get huge updates",
            ["use Kaiming/Xavier init (smaller weights)", "clip gradients (nn.utils.clip_grad_norm_)",
             "add normalisation layers", "lower the learning rate"], "error",
            data={"layers": names, "grad_norms": g.tolist()}))
    return out
