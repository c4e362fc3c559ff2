"""gradkit.optim.lr_scheduler against torch.optim.lr_scheduler: lr sequences, state dicts, warnings."""
from __future__ import annotations

import copy
import itertools
import math
import warnings

import numpy as np
import pytest
import torch

import gradkit.optim as gko

from ._common import gk_tensor

N = 120


def _grid(**options):
    keys = list(options)
    return [dict(zip(keys, vals)) for vals in itertools.product(*options.values())]


def _ids(kw):
    return ",".join(f"{k}={v}" for k, v in kw.items())


def _optimizers(opt_name="SGD"):
    tp = [torch.zeros(2, requires_grad=True), torch.zeros(3, requires_grad=True)]
    gp = [gk_tensor(np.zeros(2), requires_grad=True), gk_tensor(np.zeros(3), requires_grad=True)]
    kw = {"momentum": 0.9} if opt_name == "SGD" else {}
    topt = getattr(torch.optim, opt_name)([{"params": tp[:1]}, {"params": tp[1:], "lr": 0.05}], lr=0.1, **kw)
    gopt = getattr(gko, opt_name)([{"params": gp[:1]}, {"params": gp[1:], "lr": 0.05}], lr=0.1, **kw)
    return topt, gopt


class _Half:
    """A callable object (its __dict__ goes into state dicts)."""

    def __init__(self, rate):
        self.rate = rate

    def __call__(self, epoch):
        return self.rate ** (epoch // 7)


def _factories(lib):
    """name -> (options grid, build(optimizer, **options))."""
    ls = lib.optim.lr_scheduler
    return {
        "LambdaLR": (_grid(kind=["fn", "obj", "list"]), lambda o, kind: ls.LambdaLR(
            o, {"fn": lambda e: 0.95 ** e, "obj": _Half(0.5),
                "list": [lambda e: 1 / (e + 1), lambda e: 0.99 ** e]}[kind])),
        "MultiplicativeLR": (_grid(kind=["fn", "list"]), lambda o, kind: ls.MultiplicativeLR(
            o, {"fn": lambda e: 0.97, "list": [lambda e: 0.9, lambda e: 0.99]}[kind])),
        "StepLR": (_grid(step_size=[1, 7, 30], gamma=[0.1, 0.5]), lambda o, **k: ls.StepLR(o, **k)),
        "MultiStepLR": (_grid(milestones=[[10, 30, 30, 80], [5]], gamma=[0.1, 0.7]),
                        lambda o, **k: ls.MultiStepLR(o, **k)),
        "ConstantLR": (_grid(factor=[1 / 3, 0.5, 0.25], total_iters=[5, 50]), lambda o, **k: ls.ConstantLR(o, **k)),
        "LinearLR": (_grid(start_factor=[1 / 3, 1.0, 0.1], end_factor=[1.0, 0.2], total_iters=[5, 40]),
                     lambda o, **k: ls.LinearLR(o, **k)),
        "ExponentialLR": (_grid(gamma=[0.9, 0.99]), lambda o, **k: ls.ExponentialLR(o, **k)),
        "CosineAnnealingLR": (_grid(T_max=[10, 37, 200], eta_min=[0.0, 0.001]),
                              lambda o, **k: ls.CosineAnnealingLR(o, **k)),
        "PolynomialLR": (_grid(total_iters=[5, 50, 200], power=[1.0, 2.0, 0.5]),
                         lambda o, **k: ls.PolynomialLR(o, **k)),
        "CyclicLR": (_grid(mode=["triangular", "triangular2", "exp_range"], step_size_up=[5, 12],
                           step_size_down=[None, 3], gamma=[0.99], cycle_momentum=[True, False]),
                     lambda o, **k: ls.CyclicLR(o, base_lr=[0.01, 0.02], max_lr=0.1, **k)),
        "CyclicLR-scale_fn": (_grid(scale_mode=["cycle", "iterations"]),
                              lambda o, **k: ls.CyclicLR(o, 0.01, 0.1, step_size_up=4,
                                                         scale_fn=lambda x: 1 / (1 + 0.1 * x), **k)),
        "CosineAnnealingWarmRestarts": (_grid(T_0=[10, 3], T_mult=[1, 2], eta_min=[0.0, 0.01]),
                                        lambda o, **k: ls.CosineAnnealingWarmRestarts(o, **k)),
        "OneCycleLR": (_grid(anneal_strategy=["cos", "linear"], three_phase=[False, True],
                             pct_start=[0.3, 0.1], cycle_momentum=[True, False]),
                       lambda o, **k: ls.OneCycleLR(o, max_lr=[0.5, 1.0], total_steps=N + 1, **k)),
        "OneCycleLR-epochs": (_grid(div_factor=[25.0, 10.0], final_div_factor=[1e4, 100.0]),
                              lambda o, **k: ls.OneCycleLR(o, max_lr=0.3, epochs=11, steps_per_epoch=11, **k)),
        "SequentialLR": (_grid(milestones=[[10], [3]]), lambda o, milestones: ls.SequentialLR(
            o, [ls.LinearLR(o, start_factor=0.1, total_iters=10), ls.ExponentialLR(o, gamma=0.95)],
            milestones=milestones)),
        "SequentialLR-3": (_grid(milestones=[[5, 40]]), lambda o, milestones: ls.SequentialLR(
            o, [ls.ConstantLR(o, factor=0.5, total_iters=5), ls.CosineAnnealingLR(o, T_max=35),
                ls.StepLR(o, step_size=10, gamma=0.5)], milestones=milestones)),
        "ChainedScheduler": (_grid(gamma=[0.9, 0.99]), lambda o, gamma: ls.ChainedScheduler(
            [ls.ConstantLR(o, factor=0.1, total_iters=4), ls.ExponentialLR(o, gamma=gamma)])),
        "ChainedScheduler-opt": (_grid(T_max=[20]), lambda o, T_max: ls.ChainedScheduler(
            [ls.CosineAnnealingLR(o, T_max=T_max), ls.MultiStepLR(o, milestones=[15, 60], gamma=0.5)],
            optimizer=o)),
    }


CASES = [(name, kw, opt) for name, (grid, _) in _factories(torch).items() for kw in grid
         for opt in (["SGD", "Adam"] if name.startswith(("CyclicLR", "OneCycleLR")) else ["SGD"])]


def _momenta(opt):
    return [g["betas"][0] if "betas" in g else g.get("momentum") for g in opt.param_groups]


def _run(opt, sched, n):
    lrs, moms = [], []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(n):
            opt.step()
            sched.step()
            lrs.append(list(sched.get_last_lr()))
            moms.append(_momenta(opt))
    return lrs, moms


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{_ids(c[1])}-{c[2]}" for c in CASES])
def test_lr_sequence_matches_torch(case):
    name, kw, opt_name = case
    topt, gopt = _optimizers(opt_name)
    tsched = _factories(torch)[name][1](topt, **kw)
    gsched = _factories(gk_lib)[name][1](gopt, **kw)
    assert gsched.get_last_lr() == tsched.get_last_lr()
    assert getattr(gsched, "last_epoch", None) == getattr(tsched, "last_epoch", None)
    tl, tm = _run(topt, tsched, N)
    gl, gm = _run(gopt, gsched, N)
    # same formulas in the same order: the sequences agree bit for bit
    assert gl == tl
    assert gm == tm
    assert [g["lr"] for g in gopt.param_groups] == [g["lr"] for g in topt.param_groups]
    assert sorted(gsched.state_dict()) == sorted(tsched.state_dict())


class _GkLib:
    """Lets the factory table build gradkit schedulers with the same code as torch ones."""

    optim = gko


gk_lib = _GkLib()


_RESUME = CASES[::4]


@pytest.mark.parametrize("case", _RESUME, ids=[f"{c[0]}-{_ids(c[1])}-{c[2]}" for c in _RESUME])
def test_state_dict_round_trip(case):
    """Scheduler + optimizer saved mid-run and loaded into fresh ones continue identically."""
    name, kw, opt_name = case
    _, gopt = _optimizers(opt_name)
    gsched = _factories(gk_lib)[name][1](gopt, **kw)
    _run(gopt, gsched, 45)
    ssd = copy.deepcopy(gsched.state_dict())
    osd = copy.deepcopy(gopt.state_dict())
    expected = _run(gopt, gsched, 40)
    _, gopt2 = _optimizers(opt_name)
    gsched2 = _factories(gk_lib)[name][1](gopt2, **kw)
    gopt2.load_state_dict(osd)
    gsched2.load_state_dict(ssd)
    assert _run(gopt2, gsched2, 40) == expected


def test_plateau_matches_torch():
    rng = np.random.default_rng(0)
    metrics = np.concatenate([np.linspace(1.0, 0.5, 20), 0.5 + 0.01 * rng.standard_normal(60),
                              np.linspace(0.5, 0.9, 40)])
    grid = _grid(mode=["min", "max"], threshold_mode=["rel", "abs"], threshold=[1e-4, 0.05],
                 patience=[0, 3], cooldown=[0, 2], min_lr=[0.0, [0.02, 0.001]])
    for kw in grid:
        topt, gopt = _optimizers()
        ts = torch.optim.lr_scheduler.ReduceLROnPlateau(topt, factor=0.5, **kw)
        gs = gko.lr_scheduler.ReduceLROnPlateau(gopt, factor=0.5, **kw)
        for i, m in enumerate(metrics):
            ts.step(m)
            gs.step(gk_tensor(np.array(m)) if i % 2 else m)
            assert gs.get_last_lr() == ts.get_last_lr(), (kw, i)
            assert (gs.best, gs.num_bad_epochs, gs.cooldown_counter) == (ts.best, ts.num_bad_epochs,
                                                                          ts.cooldown_counter)
        assert sorted(gs.state_dict()) == sorted(ts.state_dict())
    # eps: reductions smaller than eps are skipped
    topt, gopt = _optimizers()
    ts = torch.optim.lr_scheduler.ReduceLROnPlateau(topt, patience=0, eps=0.01)
    gs = gko.lr_scheduler.ReduceLROnPlateau(gopt, patience=0, eps=0.01)
    for _ in range(4):
        ts.step(1.0)
        gs.step(1.0)
        assert gs.get_last_lr() == ts.get_last_lr()
    sd = copy.deepcopy(gs.state_dict())
    _, gopt2 = _optimizers()
    gs2 = gko.lr_scheduler.ReduceLROnPlateau(gopt2)
    gs2.load_state_dict(sd)
    assert gs2.eps == 0.01 and gs2.mode_worse == math.inf


def _raised(fn):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fn()
    except Exception as e:  # noqa: BLE001
        return type(e), str(e)
    return None


INVALID = [
    ("ConstantLR", {"factor": 1.5}), ("ConstantLR", {"factor": -0.1}),
    ("LinearLR", {"start_factor": 0.0}), ("LinearLR", {"end_factor": 1.5}),
    ("CosineAnnealingWarmRestarts", {"T_0": 0}), ("CosineAnnealingWarmRestarts", {"T_0": 2.5}),
    ("CosineAnnealingWarmRestarts", {"T_0": 5, "T_mult": 0}),
    ("CosineAnnealingWarmRestarts", {"T_0": 5, "eta_min": "x"}),
    ("OneCycleLR", {"max_lr": 0.1}), ("OneCycleLR", {"max_lr": 0.1, "total_steps": 0}),
    ("OneCycleLR", {"max_lr": 0.1, "epochs": 0, "steps_per_epoch": 3}),
    ("OneCycleLR", {"max_lr": 0.1, "epochs": 2, "steps_per_epoch": -1}),
    ("OneCycleLR", {"max_lr": 0.1, "total_steps": 10, "pct_start": 1.5}),
    ("OneCycleLR", {"max_lr": 0.1, "total_steps": 10, "anneal_strategy": "exp"}),
    ("OneCycleLR", {"max_lr": [0.1, 0.2, 0.3], "total_steps": 10}),
    ("CyclicLR", {"base_lr": 0.1, "max_lr": 1.0, "mode": "nope"}),
    ("ReduceLROnPlateau", {"factor": 1.0}), ("ReduceLROnPlateau", {"mode": "up"}),
    ("ReduceLROnPlateau", {"threshold_mode": "x"}), ("ReduceLROnPlateau", {"min_lr": [0.1]}),
    ("LambdaLR", {"lr_lambda": [lambda e: 1.0]}), ("MultiplicativeLR", {"lr_lambda": 3}),
    ("StepLR", {"step_size": 3, "last_epoch": 5}),
]


@pytest.mark.parametrize("case", INVALID, ids=[f"{c[0]}-{i}" for i, c in enumerate(INVALID)])
def test_validation_matches_torch(case):
    name, kw = case
    topt, gopt = _optimizers()
    t = _raised(lambda: getattr(torch.optim.lr_scheduler, name)(topt, **kw))
    g = _raised(lambda: getattr(gko.lr_scheduler, name)(gopt, **kw))
    assert t is not None
    assert g == t


def test_cycle_momentum_needs_momentum():
    tp = torch.zeros(2, requires_grad=True)
    gp = gk_tensor(np.zeros(2), requires_grad=True)
    for name, kw in [("CyclicLR", {"base_lr": 0.1, "max_lr": 1.0}), ("OneCycleLR", {"max_lr": 1.0, "total_steps": 5})]:
        t = _raised(lambda: getattr(torch.optim.lr_scheduler, name)(torch.optim.Adagrad([tp]), **kw))
        g = _raised(lambda: getattr(gko.lr_scheduler, name)(gko.Adagrad([gp]), **kw))
        assert g == t and t is not None


def test_sequential_and_chained_validation():
    topt, gopt = _optimizers()
    topt2, gopt2 = _optimizers()
    tls, gls = torch.optim.lr_scheduler, gko.lr_scheduler
    cases = [
        (lambda ls, o, o2: ls.SequentialLR(o, [], milestones=[])),
        (lambda ls, o, o2: ls.SequentialLR(o, [ls.StepLR(o, 2)], milestones=[3])),
        (lambda ls, o, o2: ls.SequentialLR(o, [ls.StepLR(o, 2), ls.StepLR(o2, 2)], milestones=[3])),
        (lambda ls, o, o2: ls.SequentialLR(o, [ls.ReduceLROnPlateau(o)], milestones=[])),
        (lambda ls, o, o2: ls.SequentialLR(o, [1], milestones=[])),
        (lambda ls, o, o2: ls.ChainedScheduler([])),
        (lambda ls, o, o2: ls.ChainedScheduler([ls.StepLR(o, 2), ls.StepLR(o2, 2)])),
    ]
    for make in cases:
        t = _raised(lambda: make(tls, topt, topt2))
        g = _raised(lambda: make(gls, gopt, gopt2))
        assert t is not None and g is not None
        assert g[0] is t[0]
        assert g[1].replace("gradkit", "torch").split(" has ")[0] == t[1].split(" has ")[0]


def test_one_cycle_overrun_raises():
    topt, gopt = _optimizers()
    ts = torch.optim.lr_scheduler.OneCycleLR(topt, max_lr=0.1, total_steps=3)
    gs = gko.lr_scheduler.OneCycleLR(gopt, max_lr=0.1, total_steps=3)
    for _ in range(3):
        _run(topt, ts, 1)
        _run(gopt, gs, 1)
    assert _raised(gs.step) == _raised(ts.step)


def test_warnings():
    _, gopt = _optimizers()
    sched = gko.lr_scheduler.StepLR(gopt, step_size=2)
    with pytest.warns(UserWarning, match=r"Detected call of `lr_scheduler.step\(\)` before `optimizer.step\(\)`"):
        sched.step()
    with pytest.warns(UserWarning, match="please use `get_last_lr\\(\\)`"):
        sched.get_lr()
    with pytest.warns(UserWarning, match="The epoch parameter in `scheduler.step\\(\\)`"):
        sched.step(5)
    _, gopt = _optimizers()
    sched = gko.lr_scheduler.ExponentialLR(gopt, gamma=0.5)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        gopt.step()
        sched.step()
        sched.step()
    _, gopt = _optimizers()
    sched = gko.lr_scheduler.ExponentialLR(gopt, gamma=0.5)
    gopt.step = lambda closure=None: None
    with pytest.warns(UserWarning, match="Seems like `optimizer.step\\(\\)` has been overridden"):
        sched.step()


@pytest.mark.parametrize("name,kw,epochs", [
    ("StepLR", {"step_size": 3, "gamma": 0.5}, [0, 4, 9, 2]), ("MultiStepLR", {"milestones": [2, 5, 5]}, [1, 6, 3]),
    ("ConstantLR", {"factor": 0.5, "total_iters": 4}, [2, 6, 1]),
    ("LinearLR", {"start_factor": 0.2, "total_iters": 4}, [1, 3, 9]),
    ("ExponentialLR", {"gamma": 0.8}, [3, 1, 7]), ("CosineAnnealingLR", {"T_max": 6}, [2, 9, 4]),
    ("PolynomialLR", {"total_iters": 6, "power": 2.0}, [1, 5, 8]), ("LambdaLR", {"lr_lambda": lambda e: 0.5 ** e},
                                                                   [2, 3]),
    ("CosineAnnealingWarmRestarts", {"T_0": 3, "T_mult": 2}, [0.5, 4, 10.25, 2]),
    ("CosineAnnealingWarmRestarts", {"T_0": 4}, [5.5, 9, 1]),
])
def test_step_with_epoch_closed_form(name, kw, epochs):
    topt, gopt = _optimizers()
    ts = getattr(torch.optim.lr_scheduler, name)(topt, **kw)
    gs = getattr(gko.lr_scheduler, name)(gopt, **kw)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for e in epochs:
            topt.step()
            gopt.step()
            ts.step(e)
            gs.step(e)
            assert gs.get_last_lr() == pytest.approx(ts.get_last_lr(), rel=1e-12)
            assert gs.last_epoch == ts.last_epoch
            ts.step()
            gs.step()
            assert gs.get_last_lr() == pytest.approx(ts.get_last_lr(), rel=1e-12)


def test_resume_with_last_epoch():
    topt, gopt = _optimizers()
    t = _raised(lambda: torch.optim.lr_scheduler.CosineAnnealingLR(topt, T_max=10, last_epoch=3))
    g = _raised(lambda: gko.lr_scheduler.CosineAnnealingLR(gopt, T_max=10, last_epoch=3))
    assert g == t and t[0] is KeyError
    for o in (topt, gopt):
        for group in o.param_groups:
            group["initial_lr"] = group["lr"]
    ts = torch.optim.lr_scheduler.CosineAnnealingLR(topt, T_max=10, last_epoch=3)
    gs = gko.lr_scheduler.CosineAnnealingLR(gopt, T_max=10, last_epoch=3)
    np.testing.assert_allclose(np.array(_run(gopt, gs, 20)[0]), np.array(_run(topt, ts, 20)[0]), rtol=1e-12)


def test_tensor_lr_is_filled_in_place():
    gp = gk_tensor(np.zeros(2), requires_grad=True)
    lr = gk_tensor(np.array(0.1))
    gopt = gko.SGD([gp], lr=lr)
    sched = gko.lr_scheduler.ExponentialLR(gopt, gamma=0.5)
    _run(gopt, sched, 2)
    assert gopt.param_groups[0]["lr"] is lr
    assert float(lr) == pytest.approx(0.025)
    assert float(sched.get_last_lr()[0]) == pytest.approx(0.025)
    assert float(gopt.param_groups[0]["initial_lr"]) == pytest.approx(0.1)


def test_exports():
    for name in torch.optim.lr_scheduler.__all__:
        assert hasattr(gko.lr_scheduler, name), name
