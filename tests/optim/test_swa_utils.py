"""gradkit.optim.swa_utils against torch.optim.swa_utils."""
from __future__ import annotations

import copy
import itertools
import warnings

import numpy as np
import pytest
import torch

import gradkit.nn as gnn
import gradkit.optim as gko
from gradkit.optim import swa_utils as gswa

from ._common import gk_tensor, to_np

tswa = torch.optim.swa_utils


class TorchNet(torch.nn.Module):
    def __init__(self, w, b, buf):
        super().__init__()
        self.w = torch.nn.Parameter(torch.tensor(w))
        self.b = torch.nn.Parameter(torch.tensor(b))
        self.register_buffer("stat", torch.tensor(buf))
        self.register_buffer("count", torch.tensor(0, dtype=torch.long))

    def forward(self, x):
        return x @ self.w + self.b


class GkNet(gnn.Module):
    def __init__(self, w, b, buf):
        super().__init__()
        self.w = gnn.Parameter(gk_tensor(w))
        self.b = gnn.Parameter(gk_tensor(b))
        self.register_buffer("stat", gk_tensor(buf))
        self.register_buffer("count", gk_tensor(np.array(0, dtype=np.int64)))


def _states(dtype, n, seed=0):
    rng = np.random.default_rng(seed)
    return [(rng.standard_normal((3, 4)).astype(dtype), rng.standard_normal(4).astype(dtype),
             rng.standard_normal(4).astype(dtype), i) for i in range(n)]


def _assign(model, state, torch_side):
    w, b, buf, count = state
    for name, arr in (("w", w), ("b", b), ("stat", buf)):
        t = getattr(model, name)
        if torch_side:
            with torch.no_grad():
                t.copy_(torch.tensor(arr))
        else:
            t._data[...] = arr
    if torch_side:
        model.count.fill_(count)
    else:
        model.count._data[...] = count


AVG_KINDS = {
    "swa": ({}, {}),
    "ema_multi": ({"multi_avg_fn": tswa.get_ema_multi_avg_fn(0.9)}, {"multi_avg_fn": gswa.get_ema_multi_avg_fn(0.9)}),
    "swa_multi": ({"multi_avg_fn": tswa.get_swa_multi_avg_fn()}, {"multi_avg_fn": gswa.get_swa_multi_avg_fn()}),
    "ema": ({"avg_fn": tswa.get_ema_avg_fn(0.75)}, {"avg_fn": gswa.get_ema_avg_fn(0.75)}),
    "swa_fn": ({"avg_fn": tswa.get_swa_avg_fn()}, {"avg_fn": gswa.get_swa_avg_fn()}),
}


@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=["f32", "f64"])
@pytest.mark.parametrize("use_buffers", [False, True])
@pytest.mark.parametrize("kind", list(AVG_KINDS))
def test_averaged_model_matches_torch(kind, use_buffers, dtype):
    states = _states(dtype, 6)
    tmodel, gmodel = TorchNet(*states[0][:3]), GkNet(*states[0][:3])
    tkw, gkw = AVG_KINDS[kind]
    tavg = tswa.AveragedModel(tmodel, use_buffers=use_buffers, **tkw)
    gavg = gswa.AveragedModel(gmodel, use_buffers=use_buffers, **gkw)
    tol = {"rtol": 1e-6, "atol": 1e-7} if dtype == np.float32 else {"rtol": 1e-12, "atol": 1e-14}
    if kind == "swa_multi" and use_buffers:
        # torch's foreach running mean refuses the integer buffer (addcdiv on integers)
        for st in states[:2]:
            _assign(tmodel, st, True)
            _assign(gmodel, st, False)
            t = pytest.raises(RuntimeError, tavg.update_parameters, tmodel) if st is states[1] else \
                tavg.update_parameters(tmodel)
            g = pytest.raises(RuntimeError, gavg.update_parameters, gmodel) if st is states[1] else \
                gavg.update_parameters(gmodel)
        assert str(g.value) == str(t.value)
        return
    for st in states:
        _assign(tmodel, st, True)
        _assign(gmodel, st, False)
        tavg.update_parameters(tmodel)
        gavg.update_parameters(gmodel)
        tsd, gsd = tavg.state_dict(), gavg.state_dict()
        assert list(gsd) == list(tsd)
        for key in tsd:
            assert str(gsd[key].dtype) == str(tsd[key].dtype), key
            np.testing.assert_allclose(to_np(gsd[key]), tsd[key].numpy(), err_msg=key, **tol)
    assert int(gavg.n_averaged) == len(states)


def test_averaged_model_forward_and_errors():
    w, b, buf, _ = _states(np.float64, 1)[0]
    gmodel = GkNet(w, b, buf)
    gmodel.forward = lambda x: x * 2
    avg = gswa.AveragedModel(gmodel)
    assert avg(3) == 6
    assert avg.module is not gmodel and avg.module.w is not gmodel.w
    with pytest.raises(AssertionError, match="Only one of avg_fn and multi_avg_fn should be provided"):
        gswa.AveragedModel(gmodel, avg_fn=gswa.get_swa_avg_fn(), multi_avg_fn=gswa.get_swa_multi_avg_fn())
    for fn in ("get_ema_multi_avg_fn", "get_ema_avg_fn"):
        t = pytest.raises(ValueError, getattr(tswa, fn), 1.5)
        g = pytest.raises(ValueError, getattr(gswa, fn), 1.5)
        assert str(g.value) == str(t.value)


def _opts():
    tp = [torch.zeros(2, requires_grad=True), torch.zeros(3, requires_grad=True)]
    gp = [gk_tensor(np.zeros(2), requires_grad=True), gk_tensor(np.zeros(3), requires_grad=True)]
    topt = torch.optim.SGD([{"params": tp[:1]}, {"params": tp[1:], "lr": 0.3}], lr=0.1)
    gopt = gko.SGD([{"params": gp[:1]}, {"params": gp[1:], "lr": 0.3}], lr=0.1)
    return topt, gopt


SWALR_GRID = [dict(zip(("swa_lr", "anneal_epochs", "anneal_strategy"), v)) for v in itertools.product(
    [0.05, [0.01, 0.2]], [0, 1, 5], ["cos", "linear"])]


@pytest.mark.parametrize("kw", SWALR_GRID, ids=lambda kw: ",".join(f"{k}={v}" for k, v in kw.items()))
def test_swalr_matches_torch(kw):
    topt, gopt = _opts()
    ts, gs = tswa.SWALR(topt, **kw), gswa.SWALR(gopt, **kw)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i in range(15):
            topt.step()
            gopt.step()
            ts.step()
            gs.step()
            assert gs.get_last_lr() == pytest.approx(ts.get_last_lr(), rel=1e-12, abs=1e-15), i
            if i == 3:
                sd = copy.deepcopy(gs.state_dict())
                assert sorted(sd) == sorted(ts.state_dict())
    _, gopt2 = _opts()
    gs2 = gswa.SWALR(gopt2, swa_lr=1.0, anneal_strategy="cos" if kw["anneal_strategy"] == "linear" else "linear")
    gs2.load_state_dict(sd)
    assert gs2.anneal_func is getattr(gswa.SWALR, "_cosine_anneal" if kw["anneal_strategy"] == "cos"
                                      else "_linear_anneal")


def test_swalr_validation():
    topt, gopt = _opts()
    for kw in ({"swa_lr": 0.1, "anneal_strategy": "exp"}, {"swa_lr": 0.1, "anneal_epochs": -1},
               {"swa_lr": 0.1, "anneal_epochs": 1.5}, {"swa_lr": [0.1]}):
        t = pytest.raises(ValueError, tswa.SWALR, topt, **kw)
        g = pytest.raises(ValueError, gswa.SWALR, gopt, **kw)
        assert str(g.value) == str(t.value)


def test_update_bn_without_batchnorm_is_a_no_op():
    w, b, buf, _ = _states(np.float64, 1)[0]
    gmodel = GkNet(w, b, buf)
    calls = []
    gmodel.forward = lambda x: calls.append(x)
    gmodel.eval()
    gswa.update_bn([gk_tensor(np.ones(3))], gmodel)
    assert calls == [] and not gmodel.training


def test_exports():
    for name in tswa.__all__:
        assert hasattr(gswa, name), name


def _bn_models(seed=0):
    rng = np.random.default_rng(seed)
    w, b = rng.standard_normal((4, 3)), rng.standard_normal(4)
    tm = torch.nn.Sequential(torch.nn.Linear(3, 4).double(), torch.nn.BatchNorm1d(4, momentum=0.3).double())
    gm = gnn.Sequential(gnn.Linear(3, 4, dtype=gk_float64()), gnn.BatchNorm1d(4, momentum=0.3, dtype=gk_float64()))
    with torch.no_grad():
        tm[0].weight.copy_(torch.tensor(w))
        tm[0].bias.copy_(torch.tensor(b))
    gm[0].weight._data[...] = w
    gm[0].bias._data[...] = b
    return tm, gm, rng


def gk_float64():
    import gradkit as gk

    return gk.float64


@pytest.mark.parametrize("with_labels", [False, True])
def test_update_bn_matches_torch(with_labels):
    tm, gm, rng = _bn_models()
    batches = [rng.standard_normal((5, 3)) * (i + 1) for i in range(4)]
    tm.eval()
    gm.eval()

    def loader(lib_tensor):
        for x in batches:
            yield (lib_tensor(x), lib_tensor(np.zeros(5))) if with_labels else lib_tensor(x)

    tswa.update_bn(loader(torch.tensor), tm)
    gswa.update_bn(loader(gk_tensor), gm)
    assert not gm.training and gm[1].momentum == 0.3
    for key, value in tm.state_dict().items():
        np.testing.assert_allclose(to_np(gm.state_dict()[key]), value.numpy(), rtol=1e-12, err_msg=key)


def test_averaged_model_with_batchnorm_matches_torch():
    tm, gm, rng = _bn_models(1)
    for use_buffers in (False, True):
        tavg = tswa.AveragedModel(tm, use_buffers=use_buffers)
        gavg = gswa.AveragedModel(gm, use_buffers=use_buffers)
        for _ in range(3):
            x = rng.standard_normal((6, 3))
            tm(torch.tensor(x))
            gm(gk_tensor(x))
            with torch.no_grad():
                for p in tm.parameters():
                    p.add_(0.1)
            for p in gm.parameters():
                p._data += 0.1
            tavg.update_parameters(tm)
            gavg.update_parameters(gm)
        for key, value in tavg.state_dict().items():
            np.testing.assert_allclose(to_np(gavg.state_dict()[key]), value.numpy(), rtol=1e-12, err_msg=key)
        x = rng.standard_normal((2, 3))
        tavg.eval()
        gavg.eval()
        np.testing.assert_allclose(to_np(gavg(gk_tensor(x))), tavg(torch.tensor(x)).detach().numpy(), rtol=1e-10)
