"""The flat (foreach) optimizer path gives exactly the per-parameter path's numbers."""
from __future__ import annotations

import copy
import io
import itertools
import pickle

import numpy as np
import pytest
import torch

import gradkit as gk
import gradkit.optim as gko

from ._common import gk_tensor, to_np

SHAPES = [(3, 4), (5,), (), (2, 1, 3)]


def _grid(**options):
    keys = list(options)
    return [dict(zip(keys, vals)) for vals in itertools.product(*options.values())]


CASES = (
    [("SGD", kw) for kw in _grid(lr=[0.05], momentum=[0.0, 0.9], dampening=[0.0, 0.3],
                                 weight_decay=[0.0, 0.1], maximize=[False, True])]
    + [("SGD", kw) for kw in _grid(lr=[0.05], momentum=[0.9], nesterov=[True], weight_decay=[0.0, 0.1])]
    + [("Adam", kw) for kw in _grid(lr=[0.05], amsgrad=[False, True], weight_decay=[0.0, 0.1],
                                    maximize=[False, True], decoupled_weight_decay=[False, True])]
    + [("AdamW", kw) for kw in _grid(lr=[0.05], amsgrad=[False, True], maximize=[False, True])]
)


def _case_id(case):
    return case[0] + "-" + ",".join(f"{k}={v}" for k, v in case[1].items())


def _params(dtype, seed=0, shapes=SHAPES):
    rng = np.random.default_rng(seed)
    return [rng.standard_normal(s).astype(dtype) for s in shapes]


def _pair(name, kw, init, groups=False):
    """The same optimizer twice: the default (flat) path and ``foreach=False``."""
    out = []
    for foreach in (None, False):
        params = [gk_tensor(x.copy(), requires_grad=True) for x in init]
        arranged = [{"params": params[:1]}, {"params": params[1:], "lr": 0.02}] if groups else params
        out.append((params, getattr(gko, name)(arranged, foreach=foreach, **kw)))
    return out


def _set_grads(params, rng_seed, skip=()):
    rng = np.random.default_rng(rng_seed)
    for i, p in enumerate(params):
        g = rng.standard_normal(p.shape).astype(p._data.dtype)
        p.grad = None if i in skip else gk_tensor(g)


def _assert_same(a, b):
    (pa, oa), (pb, ob) = a, b
    for x, y in zip(pa, pb):
        assert x._data.dtype == y._data.dtype and x.shape == y.shape
        np.testing.assert_array_equal(to_np(x), to_np(y))
    sa, sb = oa.state_dict(), ob.state_dict()
    assert sorted(sa["state"]) == sorted(sb["state"])
    for idx, st in sb["state"].items():
        assert list(sa["state"][idx]) == list(st)
        for key, v in st.items():
            w = sa["state"][idx][key]
            assert type(w) is type(v) and w.dtype == v.dtype and w.shape == v.shape
            np.testing.assert_array_equal(to_np(w), to_np(v), err_msg=f"state[{idx}][{key}]")


def _used_flat(opt):
    return bool(getattr(opt, "_flat_cache", None))


@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=["f32", "f64"])
@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_flat_equals_per_parameter(case, dtype):
    name, kw = case
    flat, loop = _pair(name, kw, _params(dtype), groups=True)
    for step in range(5):
        for params, _ in (flat, loop):
            _set_grads(params, step)
        flat[1].step()
        loop[1].step()
        assert _used_flat(flat[1]) and not _used_flat(loop[1])
        _assert_same(flat, loop)
    # unshared parameters now live in their group's flat buffer
    bases = {id(fg.param) for fg in flat[1]._flat_cache.values()}
    assert all(id(p._data.base) in bases for p in flat[0])


@pytest.mark.parametrize("name,kw", [("SGD", {"lr": 0.1, "momentum": 0.9}), ("Adam", {"lr": 0.05}),
                                     ("AdamW", {"lr": 0.05, "amsgrad": True})])
def test_flat_matches_torch_foreach(name, kw):
    init = _params(np.float32, seed=4)
    tparams = [torch.tensor(x.copy(), requires_grad=True) for x in init]
    gparams = [gk_tensor(x.copy(), requires_grad=True) for x in init]
    topt = getattr(torch.optim, name)(tparams, foreach=True, **kw)
    gopt = getattr(gko, name)(gparams, **kw)
    for step in range(5):
        rng = np.random.default_rng(step)
        for tp, gp in zip(tparams, gparams):
            g = rng.standard_normal(tp.shape).astype(np.float32)
            tp.grad = torch.tensor(g)
            gp.grad = gk_tensor(g)
        topt.step()
        gopt.step()
        assert _used_flat(gopt)
        for gp, tp in zip(gparams, tparams):
            np.testing.assert_allclose(to_np(gp), to_np(tp), rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("name,kw", [("SGD", {"lr": 0.1, "momentum": 0.9}), ("SGD", {"lr": 0.1}),
                                     ("Adam", {"lr": 0.05, "amsgrad": True}), ("AdamW", {"lr": 0.05})])
def test_missing_grads_fall_back_and_return(name, kw):
    flat, loop = _pair(name, kw, _params(np.float64, seed=1))
    skips = [(), (1,), (), (0, 2), (), ()]
    for step, skip in enumerate(skips):
        for params, _ in (flat, loop):
            _set_grads(params, step, skip)
        flat[1].step()
        loop[1].step()
        _assert_same(flat, loop)
        # SGD has no step counters; Adam's differ once a parameter missed a step
        assert _used_flat(flat[1]) == (not skip and (name == "SGD" or step == 0))


@pytest.mark.parametrize("name,kw", [("SGD", {"lr": 0.1, "momentum": 0.9, "nesterov": True}),
                                     ("Adam", {"lr": 0.05, "amsgrad": True}), ("AdamW", {"lr": 0.05})])
def test_state_dict_mid_run(name, kw):
    init = _params(np.float32, seed=2)
    flat, loop = _pair(name, kw, init)
    for step in range(3):
        for params, opt in (flat, loop):
            _set_grads(params, step)
            opt.step()
    saved = copy.deepcopy(flat[1].state_dict())
    before = copy.deepcopy(saved)
    # a fresh optimizer (flat) on copies of the parameters continues like the per-parameter run
    params2 = [gk_tensor(to_np(p).copy(), requires_grad=True) for p in flat[0]]
    opt2 = getattr(gko, name)(params2, **kw)
    opt2.load_state_dict(saved)
    # and reloading into the running optimizer rebuilds its buffers
    flat[1].load_state_dict(copy.deepcopy(before))
    for step in range(3, 6):
        for params, opt in (flat, loop, (params2, opt2)):
            _set_grads(params, step)
            opt.step()
        _assert_same(flat, loop)
        _assert_same((params2, opt2), loop)
        assert _used_flat(opt2) and _used_flat(flat[1])
    # the deep copy taken mid-run did not move with the run
    for idx, st in before["state"].items():
        for key, v in st.items():
            if isinstance(v, gk.Tensor):
                assert not np.array_equal(to_np(v), to_np(flat[1].state[flat[0][idx]][key]))


@pytest.mark.parametrize("name,kw", [("SGD", {"lr": 0.1, "momentum": 0.9}), ("Adam", {"lr": 0.05})])
def test_add_param_group_mid_run(name, kw):
    init = _params(np.float64, seed=3)
    extra = _params(np.float32, seed=5, shapes=[(4,), (2, 2)])
    runs = []
    for foreach in (None, False):
        params = [gk_tensor(x.copy(), requires_grad=True) for x in init]
        more = [gk_tensor(x.copy(), requires_grad=True) for x in extra]
        opt = getattr(gko, name)(params[:2], foreach=foreach, **kw)
        runs.append((params, more, opt))
    for step in range(6):
        for params, more, opt in runs:
            if step == 2:
                opt.add_param_group({"params": params[2:], "lr": 0.01})
            if step == 4:
                opt.add_param_group({"params": more, "momentum": 0.5} if name == "SGD" else {"params": more})
            _set_grads(params + more, step)
            opt.step()
        (pa, ma, oa), (pb, mb, ob) = runs
        _assert_same((pa + ma, oa), (pb + mb, ob))
    assert len(runs[0][2]._flat_cache) == 3


def test_model_trained_by_autograd_matches_per_parameter_and_torch():
    rng = np.random.default_rng(7)
    x = rng.standard_normal((16, 6)).astype(np.float32)
    y = rng.integers(0, 3, 16)
    gk.manual_seed(0)
    model = gk.nn.Sequential(gk.nn.Linear(6, 8), gk.nn.Tanh(), gk.nn.Linear(8, 3))
    model_loop = copy.deepcopy(model)
    tmodel = torch.nn.Sequential(torch.nn.Linear(6, 8), torch.nn.Tanh(), torch.nn.Linear(8, 3))
    with torch.no_grad():
        for tp, gp in zip(tmodel.parameters(), model.parameters()):
            tp.copy_(torch.tensor(to_np(gp)))
    before = model.state_dict()
    runs = [(gk, model, gko.AdamW(model.parameters(), lr=0.01)),
            (gk, model_loop, gko.AdamW(model_loop.parameters(), lr=0.01, foreach=False)),
            (torch, tmodel, torch.optim.AdamW(tmodel.parameters(), lr=0.01, foreach=True))]
    for _ in range(6):
        for lib, m, opt in runs:
            opt.zero_grad()
            loss = lib.nn.functional.cross_entropy(m(lib.tensor(x)), lib.tensor(y))
            loss.backward()
            opt.step()
        for a, b, c in zip(model.parameters(), model_loop.parameters(), tmodel.parameters()):
            np.testing.assert_array_equal(to_np(a), to_np(b))
            np.testing.assert_allclose(to_np(a), c.detach().numpy(), rtol=1e-5, atol=1e-6)
    assert _used_flat(runs[0][2])
    # a state dict taken before training still aliases the parameters, as in torch
    for k, v in model.state_dict().items():
        np.testing.assert_array_equal(to_np(before[k]), to_np(v))
    # the parameters survive deepcopy, pickling and gradkit.save / load
    clone = copy.deepcopy(model)
    buf = io.BytesIO()
    gk.save(model.state_dict(), buf)
    buf.seek(0)
    loaded = gk.load(buf)
    unpickled = pickle.loads(pickle.dumps(model))
    for k, v in model.state_dict().items():
        np.testing.assert_array_equal(to_np(loaded[k]), to_np(v))
        np.testing.assert_array_equal(to_np(clone.state_dict()[k]), to_np(v))
        np.testing.assert_array_equal(to_np(unpickled.state_dict()[k]), to_np(v))


def test_params_replaced_or_aliased_stay_correct():
    flat, loop = _pair("Adam", {"lr": 0.05}, _params(np.float32, seed=6))
    held = flat[0][0].view(-1)  # an alias taken before the first step keeps seeing updates
    for step in range(6):
        for params, opt in (flat, loop):
            if step == 2:
                params[1].data = gk_tensor(np.full(5, 0.5, np.float32))
            if step == 3:
                with gk.no_grad():
                    params[2].mul_(2.0)
                    params[0].add_(1.0)
            _set_grads(params, step)
            opt.step()
        _assert_same(flat, loop)
        np.testing.assert_array_equal(to_np(held), to_np(flat[0][0]).reshape(-1))
    assert _used_flat(flat[1])
    fg = next(iter(flat[1]._flat_cache.values()))
    assert flat[0][0]._data.base is not fg.param and all(p._data.base is fg.param for p in flat[0][1:])


def test_state_replaced_by_user_is_honoured():
    flat, loop = _pair("Adam", {"lr": 0.05, "amsgrad": True}, _params(np.float64, seed=8))
    for step in range(6):
        for params, opt in (flat, loop):
            if step == 2:
                opt.state[params[0]]["exp_avg"] = gk.zeros_like(params[0])
            if step == 3:
                opt.state[params[1]]["exp_avg_sq"].mul_(0.5)
            if step == 4:
                opt.state[params[2]]["step"].fill_(1.0)  # counters differ: per-parameter path
            _set_grads(params, step)
            opt.step()
        _assert_same(flat, loop)
    flat[1].state.clear()
    loop[1].state.clear()
    for params, opt in (flat, loop):
        _set_grads(params, 9)
        opt.step()
    _assert_same(flat, loop)
