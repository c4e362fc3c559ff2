"""gradkit.optim optimizers against torch.optim on identical parameters and gradients."""
from __future__ import annotations

import copy
import itertools
import math
import warnings

import numpy as np
import pytest
import torch

import gradkit.optim as gko
from gradkit._tensor import Tensor

from ._common import gk_tensor, to_np

SHAPES = [(3, 4), (5,), (2, 3)]
N_STEPS = 6


def _grid(**options):
    keys = list(options)
    return [dict(zip(keys, vals)) for vals in itertools.product(*options.values())]


CASES: list[tuple[str, dict]] = []


def _add(name, grid):
    CASES.extend((name, kw) for kw in grid)


_add("SGD", _grid(lr=[0.05], momentum=[0.0], weight_decay=[0.0, 0.1], maximize=[False, True]))
_add("SGD", _grid(lr=[0.05], momentum=[0.9], dampening=[0.0, 0.3], weight_decay=[0.0, 0.1],
                  maximize=[False, True]))
_add("SGD", _grid(lr=[0.05], momentum=[0.9], nesterov=[True], weight_decay=[0.0, 0.1]))
_add("Adam", _grid(lr=[0.05], amsgrad=[False, True], weight_decay=[0.0, 0.1],
                   maximize=[False, True]))
_add("Adam", _grid(lr=[0.05], betas=[(0.6, 0.7)], decoupled_weight_decay=[True], weight_decay=[0.1]))
_add("AdamW", _grid(lr=[0.05], amsgrad=[False, True], weight_decay=[0.0, 0.2], maximize=[False, True]))
_add("Adamax", _grid(lr=[0.05], weight_decay=[0.0, 0.1], maximize=[False, True],
                     betas=[(0.9, 0.999), (0.5, 0.6)]))
_add("NAdam", _grid(lr=[0.05], weight_decay=[0.0, 0.1], decoupled_weight_decay=[False, True],
                    momentum_decay=[0.2], maximize=[False, True]))
# beta2=0.9 reaches the rectified branch (rho_t > 5) at step 6, (0.5, 0.6) never does
_add("RAdam", _grid(lr=[0.05], weight_decay=[0.0, 0.1], decoupled_weight_decay=[False, True],
                    maximize=[False, True], betas=[(0.8, 0.9)]))
_add("RAdam", _grid(lr=[0.05], betas=[(0.5, 0.6)]))
_add("RAdam", _grid(lr=[0.05], betas=[(0.9, 0.999)]))
_add("RMSprop", _grid(lr=[0.01], alpha=[0.5], momentum=[0.0, 0.8], centered=[False, True],
                      weight_decay=[0.0, 0.1], maximize=[False, True]))
_add("Rprop", _grid(lr=[0.01], etas=[(0.5, 1.2), (0.3, 1.5)], step_sizes=[(1e-6, 50), (1e-3, 0.02)],
                    maximize=[False, True]))
_add("Adagrad", _grid(lr=[0.1], lr_decay=[0.0, 0.1], weight_decay=[0.0, 0.1],
                      initial_accumulator_value=[0.5], maximize=[False, True]))
_add("Adadelta", _grid(lr=[0.5], rho=[0.9, 0.5], weight_decay=[0.0, 0.1], maximize=[False, True]))
_add("ASGD", _grid(lr=[0.05], lambd=[1e-4, 0.1], alpha=[0.5], t0=[1e6, 2], weight_decay=[0.0, 0.1],
                   maximize=[False, True]))
_add("Adafactor", _grid(lr=[0.01, 0.5], beta2_decay=[-0.5], eps=[(None, 1e-3), (1e-5, 1e-2)],
                        d=[1.0, 1.5], weight_decay=[0.0, 0.1], maximize=[False]))
_add("Adafactor", _grid(lr=[0.5], beta2_decay=[-0.8], maximize=[True], weight_decay=[0.1]))
# torch's bfloat16 Newton-Schulz is slow on the CPU: few Muon cases, few steps
_add("Muon", _grid(lr=[0.02], weight_decay=[0.1], momentum=[0.95], nesterov=[True, False],
                   adjust_lr_fn=[None, "match_rms_adamw"]))
_add("Muon", [{"lr": 0.02, "momentum": 0.5, "adjust_lr_fn": "original"}])
_add("Muon", [{"lr": 0.05, "weight_decay": 0.0, "ns_steps": 3, "ns_coefficients": (2.0, -1.5, 0.5)}])


def _case_id(case):
    name, kw = case
    return name + "-" + ",".join(f"{k}={v}" for k, v in kw.items())


def _problem(shapes, dtype, seed=0):
    """Initial values plus a convex quadratic gradient per parameter: g = A x - b."""
    rng = np.random.default_rng(seed)
    init, mats = [], []
    for shape in shapes:
        n = int(np.prod(shape))
        m = rng.standard_normal((n, n))
        a = m @ m.T / n + np.eye(n)
        init.append(rng.standard_normal(shape).astype(dtype))
        mats.append((a.astype(dtype), rng.standard_normal(n).astype(dtype)))
    return init, mats


def _grad(x, mat):
    a, b = mat
    return (a @ x.reshape(-1) - b).reshape(x.shape)


def _loss(x, mat):
    a, b = mat
    v = x.reshape(-1)
    return 0.5 * v @ a @ v - b @ v


def _build(name, kw, init, dtype_np, groups):
    """Parameters and optimizer on both sides; ``groups`` splits the parameters into two groups."""
    tparams = [torch.tensor(x.copy(), requires_grad=True) for x in init]
    gparams = [gk_tensor(x.copy(), requires_grad=True) for x in init]

    def arrange(params):
        if not groups:
            return params
        extra = {"lr": kw.get("lr", 0.01) * 0.5}
        return [{"params": params[:1]}, {"params": params[1:], **extra}]

    topt = getattr(torch.optim, name)(arrange(tparams), **kw)
    gopt = getattr(gko, name)(arrange(gparams), **kw)
    return tparams, gparams, topt, gopt


def _set_grads(params, mats, torch_side):
    for p, mat in zip(params, mats):
        g = _grad(to_np(p), mat)
        p.grad = torch.tensor(g) if torch_side else gk_tensor(g)


def _tol(dtype_np, name=""):
    """Muon runs Newton-Schulz in (emulated) bfloat16 exactly like torch, so no extra slack."""
    return {"rtol": 1e-5, "atol": 1e-6} if dtype_np == np.float32 else {"rtol": 1e-9, "atol": 1e-12}


def _close(actual, desired, tol, where=""):
    """allclose with the absolute tolerance scaled by the array's magnitude (float32 cancellation)."""
    scale = float(np.max(np.abs(desired))) if np.size(desired) else 0.0
    np.testing.assert_allclose(actual, desired, rtol=tol["rtol"], atol=tol["atol"] * max(1.0, scale),
                               err_msg=where)


def _cmp_value(gv, tv, tol, where):
    if isinstance(tv, torch.Tensor):
        assert isinstance(gv, Tensor), f"{where}: expected a Tensor, got {type(gv)}"
        assert str(gv.dtype) == str(tv.dtype), f"{where}: dtype {gv.dtype} vs {tv.dtype}"
        assert tuple(gv.shape) == tuple(tv.shape), f"{where}: shape {tuple(gv.shape)} vs {tuple(tv.shape)}"
        _close(to_np(gv), tv.detach().numpy(), tol, where)
    elif isinstance(tv, (list, tuple)):
        assert type(gv) is type(tv) and len(gv) == len(tv), f"{where}: {gv!r} vs {tv!r}"
        for i, (a, b) in enumerate(zip(gv, tv)):
            _cmp_value(a, b, tol, f"{where}[{i}]")
    elif isinstance(tv, float) and isinstance(gv, float):
        assert math.isclose(gv, tv, rel_tol=1e-6, abs_tol=1e-12), f"{where}: {gv} vs {tv}"
    else:
        assert gv == tv and type(gv) is type(tv), f"{where}: {gv!r} vs {tv!r}"


def _cmp_state_dict(gsd, tsd, tol):
    assert set(gsd) == set(tsd)
    assert sorted(gsd["state"]) == sorted(tsd["state"])
    for idx, tst in tsd["state"].items():
        gst = gsd["state"][idx]
        assert sorted(gst) == sorted(tst), f"state[{idx}] keys {sorted(gst)} vs {sorted(tst)}"
        for key, tv in tst.items():
            _cmp_value(gst[key], tv, tol, f"state[{idx}][{key}]")
    assert len(gsd["param_groups"]) == len(tsd["param_groups"])
    for gg, tg in zip(gsd["param_groups"], tsd["param_groups"]):
        assert sorted(gg) == sorted(tg), f"group keys {sorted(gg)} vs {sorted(tg)}"
        for key, tv in tg.items():
            _cmp_value(gg[key], tv, tol, f"param_groups[{key}]")


@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=["f32", "f64"])
@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_matches_torch(case, dtype):
    name, kw = case
    shapes = [(3, 4), (4, 2)] if name == "Muon" else SHAPES
    init, mats = _problem(shapes, dtype)
    tparams, gparams, topt, gopt = _build(name, kw, init, dtype, groups=True)
    tol = _tol(dtype, name)
    for step in range({"RAdam": 10, "Muon": 3}.get(name, N_STEPS)):
        _set_grads(tparams, mats, True)
        _set_grads(gparams, mats, False)
        topt.step()
        gopt.step()
        for i, (gp, tp) in enumerate(zip(gparams, tparams)):
            assert gp._data.dtype == dtype
            _close(to_np(gp), to_np(tp), tol, f"step {step} param {i}")
    _cmp_state_dict(gopt.state_dict(), topt.state_dict(), tol)


_RESUME = [c for c in CASES if c[0] != "Muon"][::5] + [("Muon", {"lr": 0.02})]


@pytest.mark.parametrize("case", _RESUME, ids=[_case_id(c) for c in _RESUME])
def test_state_dict_resume(case):
    """Saving mid-run and loading into a fresh optimizer continues exactly like the original."""
    name, kw = case
    shapes = [(3, 4), (4, 2)] if name == "Muon" else SHAPES
    init, mats = _problem(shapes, np.float64, seed=1)
    _, gparams, _, gopt = _build(name, kw, init, np.float64, groups=True)
    for _ in range(3):
        _set_grads(gparams, mats, False)
        gopt.step()
    saved = copy.deepcopy(gopt.state_dict())
    snapshot = [to_np(p).copy() for p in gparams]
    _, gparams2, _, gopt2 = _build(name, kw, snapshot, np.float64, groups=True)
    gopt2.load_state_dict(saved)
    for _ in range(3):
        for params, opt in ((gparams, gopt), (gparams2, gopt2)):
            _set_grads(params, mats, False)
            opt.step()
        for a, b in zip(gparams, gparams2):
            if name in ("NAdam", "ASGD"):
                # like torch, loading casts the float32 scalar state (mu_product, eta, mu) to the
                # parameters' dtype, so the continuation is only equal to rounding
                np.testing.assert_allclose(to_np(a), to_np(b), rtol=1e-6, atol=1e-9)
            else:
                np.testing.assert_array_equal(to_np(a), to_np(b))
    # torch's state dict loads into gradkit too, and continues like torch's own reload
    tparams0, _, topt0, _ = _build(name, kw, init, np.float64, groups=True)
    for _ in range(2):
        _set_grads(tparams0, mats, True)
        topt0.step()
    tsd = copy.deepcopy(topt0.state_dict())
    gsd = {"state": {i: {k: (gk_tensor(v.numpy()) if isinstance(v, torch.Tensor) else v)
                         for k, v in st.items()} for i, st in tsd["state"].items()},
           "param_groups": copy.deepcopy(tsd["param_groups"])}
    mid = [to_np(p).copy() for p in tparams0]
    tparams, gparams3, topt, gopt3 = _build(name, kw, mid, np.float64, groups=True)
    topt.load_state_dict(tsd)
    gopt3.load_state_dict(gsd)
    _cmp_state_dict(gopt3.state_dict(), topt.state_dict(), _tol(np.float64, name))
    for _ in range(2):
        _set_grads(tparams, mats, True)
        _set_grads(gparams3, mats, False)
        topt.step()
        gopt3.step()
    for gp, tp in zip(gparams3, tparams):
        np.testing.assert_allclose(to_np(gp), to_np(tp), **_tol(np.float64, name))


CONVERGE = [("SGD", {"lr": 0.1, "momentum": 0.5}), ("Adam", {"lr": 0.05}), ("AdamW", {"lr": 0.05}),
            ("Adamax", {"lr": 0.05}), ("NAdam", {"lr": 0.05}), ("RAdam", {"lr": 0.05}),
            ("RMSprop", {"lr": 0.01}), ("Rprop", {"lr": 0.01}), ("Adagrad", {"lr": 0.3}),
            ("Adadelta", {"lr": 1.0}), ("ASGD", {"lr": 0.1}), ("Adafactor", {"lr": 0.5}),
            ("Muon", {"lr": 0.05, "weight_decay": 0.0})]


@pytest.mark.parametrize("case", CONVERGE, ids=[c[0] for c in CONVERGE])
def test_reduces_convex_quadratic(case):
    name, kw = case
    shapes = [(4, 3)] if name == "Muon" else [(3, 4), (5,)]
    init, mats = _problem(shapes, np.float64, seed=3)
    params = [gk_tensor(x, requires_grad=True) for x in init]
    opt = getattr(gko, name)(params, **kw)

    def total():
        return sum(_loss(to_np(p), m) for p, m in zip(params, mats))

    start = total()
    optimum = sum(-0.5 * m[1] @ np.linalg.solve(m[0], m[1]) for m in mats)
    for _ in range(200):
        _set_grads(params, mats, False)
        opt.step()
    assert total() - optimum < 0.5 * (start - optimum)


# ---------------------------------------------------------------------------------------------
# LBFGS


@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=["f32", "f64"])
@pytest.mark.parametrize("kw", _grid(line_search_fn=[None, "strong_wolfe"], history_size=[3, 100],
                                     max_iter=[4, 20], lr=[1.0, 0.5]),
                         ids=lambda kw: ",".join(f"{k}={v}" for k, v in kw.items()))
def test_lbfgs_matches_torch(kw, dtype):
    init, mats = _problem([(3, 4), (5,)], dtype, seed=2)
    tparams = [torch.tensor(x.copy(), requires_grad=True) for x in init]
    gparams = [gk_tensor(x.copy(), requires_grad=True) for x in init]
    topt = torch.optim.LBFGS(tparams, **kw)
    gopt = gko.LBFGS(gparams, **kw)

    def closure_for(params, torch_side):
        def closure():
            _set_grads(params, mats, torch_side)
            loss = sum(_loss(to_np(p), m) for p, m in zip(params, mats))
            return torch.tensor(loss) if torch_side else gk_tensor(np.asarray(loss))
        return closure

    # float32 runs end at the rounding floor of the minimum, where the iterates wander by ~1e-4
    tol = {"rtol": 1e-3, "atol": 1e-3} if dtype == np.float32 else {"rtol": 1e-7, "atol": 1e-9}
    for _ in range(3):
        tl = topt.step(closure_for(tparams, True))
        gl = gopt.step(closure_for(gparams, False))
        np.testing.assert_allclose(float(to_np(gl)), float(tl), rtol=1e-5 if dtype == np.float32 else 1e-9)
        for gp, tp in zip(gparams, tparams):
            np.testing.assert_allclose(to_np(gp), to_np(tp), **tol)
    tst = topt.state_dict()["state"][0]
    gst = gopt.state_dict()["state"][0]
    assert sorted(gst) == sorted(tst)
    if dtype == np.float64:
        assert gst["func_evals"] == tst["func_evals"] and gst["n_iter"] == tst["n_iter"]
        assert len(gst["old_dirs"]) == len(tst["old_dirs"])
        for key in ("d", "t", "H_diag", "prev_flat_grad"):
            _cmp_value(gst[key], tst[key], {"rtol": 1e-6, "atol": 1e-9}, key)



def test_lbfgs_validation():
    p = [gk_tensor(np.ones(3), requires_grad=True)]
    tp = [torch.ones(3, requires_grad=True)]
    with pytest.raises(ValueError, match="LBFGS doesn't support per-parameter options"):
        torch.optim.LBFGS([{"params": tp[:1]}, {"params": [torch.ones(2, requires_grad=True)]}])
    with pytest.raises(ValueError, match="LBFGS doesn't support per-parameter options"):
        gko.LBFGS([{"params": p[:1]}, {"params": [gk_tensor(np.ones(2), requires_grad=True)]}])
    with pytest.raises(ValueError, match="Invalid learning rate: -1"):
        gko.LBFGS(p, lr=-1)


# ---------------------------------------------------------------------------------------------
# validation

INVALID = [
    ("SGD", {"lr": -0.1}), ("SGD", {"momentum": -0.5}), ("SGD", {"weight_decay": -1.0}),
    ("SGD", {"nesterov": True}), ("SGD", {"nesterov": True, "momentum": 0.9, "dampening": 0.1}),
    ("SGD", {"fused": True, "foreach": True}), ("SGD", {"fused": True, "differentiable": True}),
    ("Adam", {"lr": -1.0}), ("Adam", {"eps": -1e-8}), ("Adam", {"betas": (1.0, 0.999)}),
    ("Adam", {"betas": (0.9, -0.1)}), ("Adam", {"weight_decay": -0.1}),
    ("Adam", {"fused": True, "foreach": True}), ("AdamW", {"betas": (0.9, 1.0)}),
    ("Adamax", {"lr": -1.0}), ("Adamax", {"eps": -1.0}), ("Adamax", {"betas": (1.5, 0.9)}),
    ("Adamax", {"weight_decay": -1.0}),
    ("NAdam", {"momentum_decay": -1.0}), ("NAdam", {"betas": (0.9, 1.0)}), ("NAdam", {"eps": -1.0}),
    ("RAdam", {"lr": -1.0}), ("RAdam", {"weight_decay": -0.5}), ("RAdam", {"betas": (-0.1, 0.9)}),
    ("RMSprop", {"alpha": -0.1}), ("RMSprop", {"momentum": -0.1}), ("RMSprop", {"eps": -1.0}),
    ("RMSprop", {"weight_decay": -1.0}), ("RMSprop", {"lr": -1.0}),
    ("Rprop", {"etas": (1.2, 0.5)}), ("Rprop", {"etas": (0.0, 1.2)}), ("Rprop", {"lr": -1.0}),
    ("Adagrad", {"lr_decay": -1.0}), ("Adagrad", {"initial_accumulator_value": -1.0}),
    ("Adagrad", {"eps": -1.0}), ("Adagrad", {"weight_decay": -1.0}),
    ("Adadelta", {"rho": 1.5}), ("Adadelta", {"eps": -1.0}), ("Adadelta", {"lr": -1.0}),
    ("ASGD", {"lr": -1.0}), ("ASGD", {"weight_decay": -1.0}),
    ("Adafactor", {"lr": -1.0}), ("Adafactor", {"beta2_decay": 0.5}), ("Adafactor", {"eps": (-1.0, 1e-3)}),
    ("Adafactor", {"eps": (None, -1.0)}), ("Adafactor", {"d": 0.5}), ("Adafactor", {"weight_decay": -1.0}),
    ("Muon", {"lr": -1.0}), ("Muon", {"momentum": -1.0}), ("Muon", {"weight_decay": -1.0}),
    ("Muon", {"adjust_lr_fn": "nope"}),
]


def _raised(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return type(e), str(e)
    return None


@pytest.mark.parametrize("case", INVALID, ids=[_case_id(c) for c in INVALID])
def test_validation_matches_torch(case):
    name, kw = case
    t = _raised(lambda: getattr(torch.optim, name)([torch.ones(2, 2, requires_grad=True)], **kw))
    g = _raised(lambda: getattr(gko, name)([gk_tensor(np.ones((2, 2)), requires_grad=True)], **kw))
    assert t is not None
    assert g == t


def test_muon_rejects_non_2d():
    t = _raised(lambda: torch.optim.Muon([torch.ones(3, requires_grad=True)]))
    g = _raised(lambda: gko.Muon([gk_tensor(np.ones(3), requires_grad=True)]))
    assert g == t


def test_param_container_errors():
    p = gk_tensor(np.ones(2), requires_grad=True)
    tp = torch.ones(2, requires_grad=True)
    for make_t, make_g in [
        (lambda: torch.optim.SGD([], lr=0.1), lambda: gko.SGD([], lr=0.1)),
        (lambda: torch.optim.SGD(tp, lr=0.1), lambda: gko.SGD(p, lr=0.1)),
        (lambda: torch.optim.SGD({tp}, lr=0.1), lambda: gko.SGD({p}, lr=0.1)),
        (lambda: torch.optim.SGD([{"params": [tp]}, {"params": [tp]}], lr=0.1),
         lambda: gko.SGD([{"params": [p]}, {"params": [p]}], lr=0.1)),
        (lambda: torch.optim.SGD([1.0], lr=0.1), lambda: gko.SGD([1.0], lr=0.1)),
        (lambda: torch.optim.SGD([("a", tp), tp], lr=0.1), lambda: gko.SGD([("a", p), p], lr=0.1)),
    ]:
        t, g = _raised(make_t), _raised(make_g)
        assert (t is None) == (g is None), (t, g)
        if t is None:
            continue
        assert g[0] is t[0]
        if t[0] is not TypeError or "sets" in t[1]:
            assert g[1] == t[1]


def test_duplicate_param_warns():
    p = gk_tensor(np.ones(2), requires_grad=True)
    with pytest.warns(UserWarning, match="duplicate parameters"):
        gko.SGD([p, p], lr=0.1)


# ---------------------------------------------------------------------------------------------
# base-class behaviour


def _pair(name="SGD", **kw):
    init, mats = _problem([(2, 3), (4,)], np.float32)
    tparams, gparams, topt, gopt = _build(name, kw, init, np.float32, groups=False)
    return tparams, gparams, topt, gopt, mats


def test_repr_matches_torch():
    for name, kw in [("SGD", {"lr": 0.1, "momentum": 0.9}), ("Adam", {}), ("AdamW", {"amsgrad": True}),
                     ("Adafactor", {}), ("Muon", {}), ("LBFGS", {}), ("Rprop", {}), ("NAdam", {})]:
        _, _, topt, gopt, _ = _pair(name, **kw) if name != "Muon" else (None,) * 5
        if name == "Muon":
            topt = torch.optim.Muon([torch.ones(2, 2, requires_grad=True)])
            gopt = gko.Muon([gk_tensor(np.ones((2, 2)), requires_grad=True)])
        assert repr(gopt) == repr(topt)


def test_named_params_and_add_param_group():
    tp = [torch.ones(2, requires_grad=True), torch.ones(3, requires_grad=True)]
    gp = [gk_tensor(np.ones(2), requires_grad=True), gk_tensor(np.ones(3), requires_grad=True)]
    topt = torch.optim.Adam([("w", tp[0])], lr=0.1)
    gopt = gko.Adam([("w", gp[0])], lr=0.1)
    topt.add_param_group({"params": [("b", tp[1])], "lr": 0.2})
    gopt.add_param_group({"params": [("b", gp[1])], "lr": 0.2})
    assert [g["param_names"] for g in gopt.param_groups] == [["w"], ["b"]]
    assert gopt.param_groups[1]["lr"] == 0.2 and gopt.param_groups[1]["betas"] == (0.9, 0.999)
    t = _raised(lambda: topt.add_param_group({"params": [tp[1]]}))
    g = _raised(lambda: gopt.add_param_group({"params": [gp[1]]}))
    assert g == t
    t = _raised(lambda: torch.optim.SGD([tp[0]], lr=0.1).add_param_group({"params": [("c", tp[1])]}))
    g = _raised(lambda: gko.SGD([gp[0]], lr=0.1).add_param_group({"params": [("c", gp[1])]}))
    assert g == t
    sd = gopt.state_dict()
    assert sd["param_groups"][0]["param_names"] == ["w"]
    assert sd["param_groups"][1]["params"] == [1]


def test_zero_grad():
    _, gparams, _, gopt, mats = _pair("SGD", lr=0.1)
    _set_grads(gparams, mats, False)
    gopt.zero_grad(set_to_none=False)
    assert all(p.grad is not None and not to_np(p.grad).any() for p in gparams)
    gopt.zero_grad()
    assert all(p.grad is None for p in gparams)


def test_step_closure_and_hooks():
    _, gparams, _, gopt, mats = _pair("SGD", lr=0.1)
    calls = []
    h1 = gopt.register_step_pre_hook(lambda opt, args, kwargs: calls.append(("pre", opt is gopt)))
    h2 = gopt.register_step_post_hook(lambda opt, args, kwargs: calls.append(("post", opt is gopt)))
    hg = gko.optimizer.register_optimizer_step_pre_hook(lambda opt, a, k: calls.append(("gpre",)))

    def closure():
        _set_grads(gparams, mats, False)
        return 42.0

    assert gopt.step(closure) == 42.0
    assert calls == [("gpre",), ("pre", True), ("post", True)]
    h1.remove()
    h2.remove()
    hg.remove()
    gopt.step(closure)
    assert len(calls) == 3
    # a pre hook may replace the arguments
    gopt.register_step_pre_hook(lambda opt, args, kwargs: (args[:1], {"closure": lambda: 7.0}))
    assert gopt.step(closure) == 7.0


def test_state_dict_hooks():
    _, gparams, _, gopt, mats = _pair("Adam", lr=0.1)
    _set_grads(gparams, mats, False)
    gopt.step()
    seen = []
    gopt.register_state_dict_pre_hook(lambda opt: seen.append("pre"))
    gopt.register_state_dict_post_hook(lambda opt, sd: {**sd, "extra": 1})
    sd = gopt.state_dict()
    assert seen == ["pre"] and sd["extra"] == 1

    def load_pre(opt, sd):
        seen.append("lpre")
        sd = dict(sd)
        sd.pop("extra")
        return sd

    gopt.register_load_state_dict_pre_hook(load_pre)
    gopt.register_load_state_dict_post_hook(lambda opt: seen.append("lpost"), prepend=True)
    gopt.load_state_dict(sd)
    assert seen == ["pre", "lpre", "lpost"]


def test_load_state_dict_errors():
    _, gparams, _, gopt, _ = _pair("SGD", lr=0.1)
    tp = [torch.ones(2, requires_grad=True), torch.ones(3, requires_grad=True)]
    topt = torch.optim.SGD(tp, lr=0.1)
    gother = gko.SGD([gparams[0]], lr=0.1)
    tother = torch.optim.SGD([tp[0]], lr=0.1)
    assert _raised(lambda: gother.load_state_dict(gopt.state_dict())) == \
        _raised(lambda: tother.load_state_dict(topt.state_dict()))
    g2 = gko.SGD([{"params": [gparams[0]]}, {"params": [gparams[1]]}], lr=0.1)
    t2 = torch.optim.SGD([{"params": [tp[0]]}, {"params": [tp[1]]}], lr=0.1)
    assert _raised(lambda: g2.load_state_dict(gopt.state_dict())) == \
        _raised(lambda: t2.load_state_dict(topt.state_dict()))


def test_tensor_lr():
    init, mats = _problem([(3, 4), (5,)], np.float32)
    for name, kw in [("SGD", {"momentum": 0.9}), ("Adam", {}), ("AdamW", {}), ("RMSprop", {}),
                     ("Adagrad", {}), ("NAdam", {}), ("RAdam", {})]:
        tparams = [torch.tensor(x.copy(), requires_grad=True) for x in init]
        gparams = [gk_tensor(x.copy(), requires_grad=True) for x in init]
        topt = getattr(torch.optim, name)(tparams, lr=torch.tensor(0.05), **kw)
        gopt = getattr(gko, name)(gparams, lr=gk_tensor(np.array(0.05, np.float32)), **kw)
        for _ in range(3):
            _set_grads(tparams, mats, True)
            _set_grads(gparams, mats, False)
            topt.step()
            gopt.step()
        for gp, tp in zip(gparams, tparams):
            np.testing.assert_allclose(to_np(gp), to_np(tp), rtol=1e-5, atol=1e-6, err_msg=name)
    tparams = [torch.tensor(x.copy(), requires_grad=True) for x in init]
    gparams = [gk_tensor(x.copy(), requires_grad=True) for x in init]
    topt = torch.optim.Adam(tparams, lr=torch.tensor(0.05), betas=(torch.tensor(0.8), torch.tensor([0.9])))
    gopt = gko.Adam(gparams, lr=gk_tensor(np.array(0.05, np.float32)),
                    betas=(gk_tensor(np.array(0.8, np.float32)), gk_tensor(np.array([0.9], np.float32))))
    for _ in range(3):
        _set_grads(tparams, mats, True)
        _set_grads(gparams, mats, False)
        topt.step()
        gopt.step()
    for gp, tp in zip(gparams, tparams):
        np.testing.assert_allclose(to_np(gp), to_np(tp), rtol=1e-5, atol=1e-6, err_msg="tensor betas")
    assert tuple(gopt.param_groups[0]["betas"][1].shape) == ()
    t = _raised(lambda: torch.optim.Adam([torch.ones(2, requires_grad=True)], betas=(0.9, torch.tensor(0.99))))
    g = _raised(lambda: gko.Adam([gk_tensor(np.ones(2), requires_grad=True)],
                                 betas=(0.9, gk_tensor(np.array(0.99)))))
    assert g == t
    t = _raised(lambda: torch.optim.SGD([torch.ones(2, requires_grad=True)], lr=torch.ones(2)))
    g = _raised(lambda: gko.SGD([gk_tensor(np.ones(2), requires_grad=True)], lr=gk_tensor(np.ones(2))))
    assert g == t


def test_capturable_on_cpu_raises_like_torch():
    for name in ["Adam", "Adamax", "NAdam", "RAdam", "RMSprop", "Rprop", "ASGD", "Adadelta"]:
        tp = torch.ones(2, requires_grad=True)
        gp = gk_tensor(np.ones(2), requires_grad=True)
        topt = getattr(torch.optim, name)([tp], capturable=True)
        gopt = getattr(gko, name)([gp], capturable=True)
        tp.grad = torch.ones(2)
        gp.grad = gk_tensor(np.ones(2))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t = _raised(topt.step)
        g = _raised(gopt.step)
        assert g == t, name


def test_foreach_and_fused_accepted():
    init, mats = _problem([(3, 4)], np.float32)
    for name, kw in [("SGD", {"foreach": True}), ("SGD", {"fused": True}), ("Adam", {"fused": True}),
                     ("AdamW", {"foreach": False}), ("Adagrad", {"fused": True}),
                     ("RMSprop", {"foreach": True}), ("Adamax", {"foreach": True})]:
        tparams, gparams, topt, gopt = _build(name, {"lr": 0.05, **kw}, init, np.float32, False)
        for _ in range(3):
            _set_grads(tparams, mats, True)
            _set_grads(gparams, mats, False)
            topt.step()
            gopt.step()
        np.testing.assert_allclose(to_np(gparams[0]), to_np(tparams[0]), rtol=1e-5, atol=1e-6)
        _cmp_state_dict(gopt.state_dict(), topt.state_dict(), {"rtol": 1e-5, "atol": 1e-6})


def test_exports():
    for name in torch.optim.__all__:
        if name in ("SparseAdam", "swap_in_optimizer_params_and_state"):
            continue
        assert hasattr(gko, name), name


def test_newton_schulz_matches_torch_exactly():
    from torch.optim._muon import _zeropower_via_newtonschulz as torch_ns

    from gradkit.optim._muon import _bf16, _zeropower_via_newtonschulz

    rng = np.random.default_rng(0)
    x = rng.standard_normal(20000) * 10.0 ** rng.integers(-30, 30, 20000)
    for arr in (x, x.astype(np.float32)):
        np.testing.assert_array_equal(_bf16(arr), torch.tensor(arr).bfloat16().float().numpy())
    for shape in [(3, 4), (6, 2), (16, 8)]:
        for dtype in (np.float32, np.float64):
            g = rng.standard_normal(shape).astype(dtype)
            expected = torch_ns(torch.tensor(g), (3.4445, -4.7750, 2.0315), 5, 1e-7).float().numpy()
            np.testing.assert_array_equal(_zeropower_via_newtonschulz(g, (3.4445, -4.7750, 2.0315), 5, 1e-7),
                                          expected)
    for bad in [((3, 4), (1.0, 2.0), 5), ((3,), (1.0, 2.0, 3.0), 5), ((3, 4), (1.0, 2.0, 3.0), 100)]:
        shape, coeffs, steps = bad
        t = _raised(lambda: torch_ns(torch.ones(shape), coeffs, steps, 1e-7))
        g = _raised(lambda: _zeropower_via_newtonschulz(np.ones(shape), coeffs, steps, 1e-7))
        assert g == t


E2E = [("SGD", {"lr": 0.1, "momentum": 0.9, "nesterov": True}), ("Adam", {"lr": 0.05, "amsgrad": True}),
       ("AdamW", {"lr": 0.05}), ("Adamax", {}), ("NAdam", {}), ("RAdam", {}), ("RMSprop", {"centered": True}),
       ("Rprop", {}), ("Adagrad", {}), ("Adadelta", {}), ("ASGD", {}), ("Adafactor", {}), ("Muon", {"lr": 0.02}),
       ("LBFGS", {"line_search_fn": "strong_wolfe", "max_iter": 5})]


@pytest.mark.parametrize("case", E2E, ids=[c[0] for c in E2E])
def test_training_loop_with_autograd_matches_torch(case):
    """zero_grad / backward / step through the autograd engine, the way user code runs."""
    import gradkit as gk

    name, kw = case
    rng = np.random.default_rng(5)
    x, y = rng.standard_normal((8, 3)), rng.standard_normal((8, 2))
    w0, w1 = rng.standard_normal((3, 4)), rng.standard_normal((4, 2))
    tw = [torch.tensor(w0, requires_grad=True), torch.tensor(w1, requires_grad=True)]
    gw = [gk.tensor(w0, requires_grad=True), gk.tensor(w1, requires_grad=True)]
    topt, gopt = getattr(torch.optim, name)(tw, **kw), getattr(gko, name)(gw, **kw)

    def closure_for(lib, ws, opt, xx, yy):
        def closure():
            opt.zero_grad()
            loss = ((lib.tanh(xx @ ws[0]) @ ws[1] - yy) ** 2).mean()
            loss.backward()
            return loss
        return closure

    tclosure = closure_for(torch, tw, topt, torch.tensor(x), torch.tensor(y))
    gclosure = closure_for(gk, gw, gopt, gk.tensor(x), gk.tensor(y))
    for _ in range(4):
        tl = topt.step(tclosure)
        gl = gopt.step(gclosure)
        assert gl.item() == pytest.approx(tl.item(), rel=1e-9)
        for a, b in zip(gw, tw):
            np.testing.assert_allclose(to_np(a), to_np(b), rtol=1e-8, atol=1e-10)
