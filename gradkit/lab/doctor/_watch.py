"""The doctor's observation session: global hooks on modules, optimizers and ``Tensor.backward``.

Everything is installed on entry and removed on exit; nothing stays patched."""
from __future__ import annotations

import importlib
import math
import sys
from dataclasses import dataclass
from typing import Any

import numpy as np

_FN_LOSSES = ("mse_loss", "l1_loss", "smooth_l1_loss", "huber_loss", "binary_cross_entropy",
              "binary_cross_entropy_with_logits", "soft_margin_loss")
_SHAPE_LOSSES = ("MSELoss", "L1Loss", "SmoothL1Loss", "HuberLoss", "BCELoss", "BCEWithLogitsLoss",
                 "SoftMarginLoss")


@dataclass
class Interventions:
    """Changes the doctor applies to a re-run to verify a fix."""

    lr: float | None = None
    standardize_inputs: bool = False
    zero_grad: bool = False
    relu: str | None = None
    fix_loss_shapes: bool = False

    def describe(self) -> str:
        parts = []
        if self.lr is not None:
            parts.append(f"lr={self.lr:g}")
        if self.standardize_inputs:
            parts.append("inputs standardised")
        if self.zero_grad:
            parts.append("zero_grad() before each backward")
        if self.relu:
            parts.append("LeakyReLU(0.01) instead of ReLU")
        if self.fix_loss_shapes:
            parts.append("target reshaped to the output's shape")
        return ", ".join(parts) or "no change"


def _arr(t: Any) -> np.ndarray | None:
    d = getattr(t, "_data", None)
    return d if isinstance(d, np.ndarray) else None


def _is_loss(module: Any) -> bool:
    return type(module).__name__.endswith("Loss")


class _ReluSite:
    def __init__(self, name: str, units: int) -> None:
        self.name = name
        self.units = units
        self.last_active = np.full(units, -1, dtype=np.int64)
        self.active_per_step: list[int] = []
        self._step_active = np.zeros(units, dtype=bool)
        self.calls = 0


class Recorder:
    """What one watched run did: losses per step, update ratios, gradient norms, ReLU activity, events."""

    def __init__(self, interventions: Interventions | None = None) -> None:
        self.iv = interventions or Interventions()
        self.losses: list[float] = []
        self.loss_step: list[int] = []
        self.steps = 0
        self.backward_calls = 0
        self.optimizers: list[dict[str, Any]] = []
        self._opt_ids: set[int] = set()
        self.update_ratios: list[float] = []
        self.grad_norms: dict[str, list[float]] = {}
        self.weight_norms: dict[str, float] = {}
        self.param_order: list[str] = []
        self.relu_sites: dict[str, _ReluSite] = {}
        self.first_nonfinite: dict[str, Any] | None = None
        self.accumulation: dict[str, Any] | None = None
        self.accum_norms: list[float] = []
        self.shape_mismatch: dict[str, Any] | None = None
        self.input_stats: dict[str, Any] | None = None
        self.output_std: float | None = None
        self.output_mean: float | None = None
        self.error: BaseException | None = None
        self._names: dict[int, str] = {}
        self._pnames: dict[int, str] = {}
        self._roots: set[int] = set()
        self._producer: dict[int, str] = {}
        self._depth = 0
        self._relu_module: list[str] = []
        self._before: dict[int, np.ndarray] = {}
        self._stale: dict[int, np.ndarray] = {}
        self._in_loss = 0
        self._in_relu = False
        self._pobjs: dict[int, Any] = {}
        self._std: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    # -- naming ----------------------------------------------------------------------------------
    def _learn_root(self, root: Any) -> None:
        if id(root) in self._roots:
            return
        self._roots.add(id(root))
        for n, m in root.named_modules():
            self._names.setdefault(id(m), n or type(m).__name__)
        for n, p in root.named_parameters():
            if id(p) not in self._pnames:
                self._pnames[id(p)] = n
                self.param_order.append(n)

    def _pname(self, p: Any) -> str:
        return self._pnames.get(id(p), f"param{tuple(p.shape)}")

    # -- module hooks ----------------------------------------------------------------------------
    def forward_pre(self, module: Any, args: tuple) -> Any:
        depth = self._depth
        self._depth += 1
        if type(module).__name__ in ("ReLU", "ReLU6"):
            self._relu_module.append(self._names.get(id(module), "ReLU"))
        if _is_loss(module):
            self._in_loss += 1
            if type(module).__name__ in _SHAPE_LOSSES and len(args) >= 2:
                new = self._check_loss_shapes(type(module).__name__, args[0], args[1])
                if new is not None:
                    return (args[0], new, *args[2:])
            return None
        if depth == 0:
            self._learn_root(module)
            self._producer.clear()
            if args:
                x = _arr(args[0])
                if x is not None and x.dtype.kind == "f" and x.ndim >= 2 and x.shape[0] > 1:
                    if self.input_stats is None:
                        xf = x.reshape(x.shape[0], -1).astype(np.float64)
                        self.input_stats = {"mean": xf.mean(0), "std": xf.std(0), "min": xf.min(0),
                                            "max": xf.max(0), "shape": tuple(x.shape)}
                    if self.iv.standardize_inputs:
                        return (self._standardize(module, args[0]), *args[1:])
        return None

    def _standardize(self, module: Any, x: Any) -> Any:
        from gradkit._tensor import _wrap
        a = x._data
        if id(module) not in self._std:
            mean = a.mean(axis=0, keepdims=True)
            std = a.std(axis=0, keepdims=True)
            self._std[id(module)] = (mean, np.where(std > 0, std, 1).astype(a.dtype))
        mean, std = self._std[id(module)]
        return _wrap(((a - mean) / std).astype(a.dtype))

    def forward_post(self, module: Any, args: tuple, output: Any) -> None:
        self._depth = max(self._depth - 1, 0)
        cls = type(module).__name__
        name = self._names.get(id(module), cls)
        if cls in ("ReLU", "ReLU6") and self._relu_module:
            self._relu_module.pop()
        if _is_loss(module):
            self._in_loss = max(self._in_loss - 1, 0)
        out = _arr(output)
        if out is None:
            return
        self._producer[id(output)] = name
        if self.first_nonfinite is None and out.dtype.kind == "f" and not np.isfinite(out).all():
            ins = [_arr(a) for a in args]
            ins_ok = all(a is None or a.dtype.kind != "f" or np.isfinite(a).all() for a in ins)
            inmax = max((float(np.max(np.abs(a))) for a in ins if a is not None and a.size and ins_ok
                         and a.dtype.kind == "f"), default=math.nan)
            wmax = max((float(np.max(np.abs(p._data))) for p in module.parameters() if p.numel()), default=math.nan)
            self._nonfinite("forward", name + ("" if ins_ok else " (its input was already non-finite)"),
                            {"input_max_abs": inmax, "weight_max_abs": wmax, "module": cls})
        if self._depth == 0 and not _is_loss(module) and out.ndim >= 1 and out.shape[0] > 1 \
                and out.dtype.kind == "f":
            self.output_std = float(np.max(out.reshape(out.shape[0], -1).std(axis=0)))
            self.output_mean = float(np.mean(out))

    def _nonfinite(self, where: str, what: str, extra: dict[str, Any]) -> None:
        if self.first_nonfinite is not None:
            return
        self.first_nonfinite = {"pass": where, "where": what, "step": self.steps,
                                "losses_before": self.losses[-5:],
                                "max_update_ratio": max(self.update_ratios[-5:], default=math.nan), **extra}

    def _check_loss_shapes(self, name: str, inp: Any, target: Any) -> Any:
        a, b = _arr(inp), _arr(target)
        if a is None or b is None or a.shape == b.shape:
            return None
        try:
            bshape = np.broadcast_shapes(a.shape, b.shape)
        except ValueError:
            return None
        if self.shape_mismatch is None:
            self.shape_mismatch = {"loss": name, "input": tuple(a.shape), "target": tuple(b.shape),
                                   "broadcast": tuple(bshape), "step": self.steps}
        if self.iv.fix_loss_shapes and a.size == b.size:
            return target.reshape(tuple(a.shape))
        return None

    # -- relu ------------------------------------------------------------------------------------
    def relu_seen(self, inp: Any, out: Any, site_hint: str) -> None:
        a = _arr(out)
        if a is None or a.ndim < 2 or a.size == 0:
            return
        name = self._relu_module[-1] if self._relu_module else None
        if name is None:
            prod = self._producer.get(id(inp))
            name = f"ReLU after {prod}" if prod else f"relu at {site_hint}"
        else:
            name = f"ReLU {name}"
        axis = 1
        units = a.shape[axis]
        red = tuple(i for i in range(a.ndim) if i != axis)
        active = (a > 0).any(axis=red)
        site = self.relu_sites.get(name)
        if site is None or site.units != units:
            site = self.relu_sites[name] = _ReluSite(name, units)
        site.calls += 1
        site._step_active |= active
        site.last_active[active] = self.steps

    # -- optimizer hooks -------------------------------------------------------------------------
    def step_pre(self, opt: Any, args: tuple, kwargs: dict) -> None:
        if id(opt) not in self._opt_ids:
            self._opt_ids.add(id(opt))
            lr0 = opt.param_groups[0].get("lr")
            if self.iv.lr is not None:
                for g in opt.param_groups:
                    g["lr"] = self.iv.lr
            self.optimizers.append({"type": type(opt).__name__, "lr": float(lr0) if lr0 is not None else None})
        self._before.clear()
        for g in opt.param_groups:
            for p in g["params"]:
                self._before[id(p)] = p._data.copy()
                if p.grad is None:
                    continue
                gd = p.grad._data
                name = self._pname(p)
                n = float(np.sqrt(np.sum(gd.astype(np.float64) ** 2)))
                self.grad_norms.setdefault(name, []).append(n)
                self.weight_norms[name] = float(np.sqrt(np.sum(p._data.astype(np.float64) ** 2)))
                if self.first_nonfinite is None and not np.isfinite(gd).all():
                    self._nonfinite("backward", f"gradient of {name}", {})

    def step_post(self, opt: Any, args: tuple, kwargs: dict) -> None:
        ratios = []
        self._stale.clear()
        for g in opt.param_groups:
            for p in g["params"]:
                b = self._before.get(id(p))
                if b is None:
                    continue
                wn = float(np.linalg.norm(b.astype(np.float64)))
                dn = float(np.linalg.norm(p._data.astype(np.float64) - b))
                if wn > 0 and math.isfinite(dn):
                    ratios.append(dn / wn)
                if p.grad is not None:
                    self._stale[id(p)] = p.grad._data.copy()
        self.update_ratios.append(float(np.median(ratios)) if ratios else math.nan)
        for site in self.relu_sites.values():
            site.active_per_step.append(int(site._step_active.sum()))
            site._step_active[:] = False
        self.steps += 1
        if self.iv.zero_grad:
            opt.zero_grad()

    # -- backward --------------------------------------------------------------------------------
    def before_backward(self, loss: Any) -> None:
        self.backward_calls += 1
        a = _arr(loss)
        if a is not None and a.size == 1:
            v = float(a.reshape(()))
            self.losses.append(v)
            self.loss_step.append(self.steps)
            if self.first_nonfinite is None and not math.isfinite(v):
                self._nonfinite("forward", "the loss", {})
        if self._stale and self.accumulation is None:
            for pid, old in self._stale.items():
                p = self._param_by_id(pid)
                if p is None or p.grad is None:
                    continue
                if np.any(old != 0) and p.grad._data.shape == old.shape and np.array_equal(p.grad._data, old):
                    self.accumulation = {"step": self.steps, "param": self._pname(p),
                                         "grad_norm": float(np.linalg.norm(old.astype(np.float64)))}
                    break

    def _param_by_id(self, pid: int) -> Any:
        return self._pobjs.get(pid)

    def after_backward(self) -> None:
        pass


class watch:  # noqa: N801
    """Context manager that observes all training inside it: ``with watch() as rec: ...``."""

    def __init__(self, interventions: Interventions | None = None) -> None:
        self.rec = Recorder(interventions)
        self._undo: list[Any] = []

    def __enter__(self) -> Recorder:
        import gradkit
        from gradkit.nn.modules import module as mm
        from gradkit.optim import optimizer as om

        rec = self.rec
        self._undo.append(mm.register_module_forward_pre_hook(rec.forward_pre).remove)
        self._undo.append(mm.register_module_forward_hook(rec.forward_post).remove)

        def pre(opt, args, kwargs):
            for g in opt.param_groups:
                for p in g["params"]:
                    rec._pobjs[id(p)] = p
            return rec.step_pre(opt, args, kwargs)

        self._undo.append(om.register_optimizer_step_pre_hook(pre).remove)
        self._undo.append(om.register_optimizer_step_post_hook(rec.step_post).remove)
        T = gradkit.Tensor
        orig_backward = T.backward

        def backward(self_t, *args, **kwargs):
            rec.before_backward(self_t)
            return orig_backward(self_t, *args, **kwargs)

        self._patch(T, "backward", backward)
        self._wrap_relus(gradkit)
        self._wrap_fn_losses()
        return rec

    def _patch(self, owner: Any, name: str, new: Any) -> None:
        old = owner.__dict__.get(name, getattr(owner, name, None)) if isinstance(owner, type) else \
            getattr(owner, name, None)
        had = name in vars(owner)
        setattr(owner, name, new)
        self._undo.append(lambda: setattr(owner, name, old) if had else delattr(owner, name))

    def _wrap_relus(self, gradkit: Any) -> None:
        rec = self.rec
        try:
            F = importlib.import_module("gradkit.nn.functional")
        except ImportError:
            F = None
        leaky = getattr(F, "leaky_relu", None) if F is not None else None

        def make(orig):
            def relu(input, *args, **kwargs):
                if rec._in_relu:
                    return orig(input, *args, **kwargs)
                rec._in_relu = True
                try:
                    if rec.iv.relu == "leaky" and leaky is not None:
                        out = leaky(input, 0.01)
                    else:
                        out = orig(input, *args, **kwargs)
                finally:
                    rec._in_relu = False
                f = sys._getframe(1)
                rec.relu_seen(input, out, f"{f.f_code.co_filename.rsplit('/', 1)[-1]}:{f.f_lineno}")
                return out
            relu.__wrapped__ = orig
            return relu

        seen: dict[int, Any] = {}
        for owner in (F, gradkit, gradkit.Tensor):
            if owner is None:
                continue
            orig = getattr(owner, "relu", None)
            if orig is None:
                continue
            self._patch(owner, "relu", seen.setdefault(id(orig), make(orig)))

    def _wrap_fn_losses(self) -> None:
        rec = self.rec
        try:
            F = importlib.import_module("gradkit.nn.functional")
        except ImportError:
            return

        def make(name, orig):
            def loss(input, target, *args, **kwargs):
                if not rec._in_loss:
                    new = rec._check_loss_shapes(name, input, target)
                    if new is not None:
                        target = new
                return orig(input, target, *args, **kwargs)
            loss.__wrapped__ = orig
            return loss

        for name in _FN_LOSSES:
            orig = getattr(F, name, None)
            if orig is not None:
                self._patch(F, name, make(name, orig))

    def __exit__(self, *exc) -> None:
        while self._undo:
            self._undo.pop()()
