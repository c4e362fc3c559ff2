"""nn.init fills tensors with the same numbers as torch.nn.init for the same seed."""
from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

import gradkit as gk
from gradkit import _random_ops  # noqa: F401
from gradkit.nn import init as ginit

torch = pytest.importorskip("torch")
tinit = torch.nn.init

SHAPES = [(5, 3), (16, 8), (4, 3, 5), (6, 2, 3, 3), (20, 17)]
DT = [(torch.float32, gk.float32), (torch.float64, gk.float64)]


def run(name, shape, dt, *args, seed=3, exact=True, **kw):
    td, gd = dt
    tg, g = torch.Generator().manual_seed(seed), gk.Generator().manual_seed(seed)
    tt, gt = torch.empty(shape, dtype=td), gk.empty(shape, dtype=gd)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r1 = getattr(tinit, name)(tt, *args, generator=tg, **kw)
        r2 = getattr(ginit, name)(gt, *args, generator=g, **kw)
    assert r1 is tt and r2 is gt
    a, b = tt.numpy(), gt.numpy()
    assert a.dtype == b.dtype and a.shape == b.shape
    if exact:
        assert np.array_equal(a, b), np.abs(a - b).max()
        assert np.array_equal(tg.get_state().numpy(), g.get_state().numpy())
    else:
        np.testing.assert_allclose(b, a, rtol=1e-4, atol=2e-5)
    return gt


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("dt", DT, ids=["f32", "f64"])
@pytest.mark.parametrize("name,args,kw", [
    ("uniform_", (-0.5, 2.0), {}), ("normal_", (0.1, 0.02), {}), ("xavier_uniform_", (), {}),
    ("xavier_uniform_", (2.0,), {}), ("xavier_normal_", (), {}), ("xavier_normal_", (0.5,), {}),
    ("kaiming_uniform_", (), {}), ("kaiming_uniform_", (math.sqrt(5),), {}),
    ("kaiming_uniform_", (), {"mode": "fan_out", "nonlinearity": "relu"}), ("kaiming_normal_", (), {}),
    ("kaiming_normal_", (0.2,), {"mode": "fan_out"}), ("trunc_normal_", (), {}),
    ("trunc_normal_", (0.0, 0.02, -0.04, 0.04), {}), ("trunc_normal_", (1.0, 1.0, 2.0, 2.5), {}),
    ("trunc_normal_", (0.0, 1.0, -0.1, 0.1), {}),
])
def test_random_inits_bit_exact(name, args, kw, dt, shape):
    run(name, shape, dt, *args, **kw)


@pytest.mark.parametrize("shape", SHAPES + [(3, 10), (2, 3, 4)])
@pytest.mark.parametrize("dt", DT, ids=["f32", "f64"])
@pytest.mark.parametrize("gain", [1.0, 2.5])
def test_orthogonal(shape, dt, gain):
    gt = run("orthogonal_", shape, dt, gain, exact=False)
    m = gt.numpy().reshape(shape[0], -1).astype(np.float64) / gain
    small = min(m.shape)
    gram = m @ m.T if m.shape[0] <= m.shape[1] else m.T @ m
    np.testing.assert_allclose(gram, np.eye(small), atol=1e-4)


def test_sparse_uses_default_generator_for_rows():
    torch.manual_seed(1)
    gk.manual_seed(1)
    tt, gt = torch.empty(10, 6), gk.empty(10, 6)
    tinit.sparse_(tt, 0.3, 0.5, generator=torch.Generator().manual_seed(4))
    ginit.sparse_(gt, 0.3, 0.5, generator=gk.Generator().manual_seed(4))
    assert np.array_equal(tt.numpy(), gt.numpy())
    assert ((gt.numpy() == 0).sum(0) == 3).all()


@pytest.mark.parametrize("name,shape,args", [("constant_", (3, 4), (0.7,)), ("ones_", (2, 5), ()),
                                             ("zeros_", (4,), ()), ("eye_", (3, 5), ()), ("eye_", (5, 2), ()),
                                             ("dirac_", (4, 2, 3), ()), ("dirac_", (6, 3, 3, 3), (2,)),
                                             ("dirac_", (4, 4, 3, 3, 3), (2,))])
def test_deterministic_inits(name, shape, args):
    tt, gt = torch.full(shape, 9.0), gk.full(shape, 9.0)
    getattr(tinit, name)(tt, *args)
    out = getattr(ginit, name)(gt, *args)
    assert out is gt
    assert np.array_equal(tt.numpy(), gt.numpy())


@pytest.mark.parametrize("nl,param", [("linear", None), ("conv2d", None), ("sigmoid", None), ("tanh", None),
                                      ("relu", None), ("leaky_relu", None), ("leaky_relu", 0.2),
                                      ("leaky_relu", 3), ("selu", None)])
def test_calculate_gain(nl, param):
    assert ginit.calculate_gain(nl, param) == tinit.calculate_gain(nl, param)


def test_bad_arguments():
    for lib, mod in ((torch, tinit), (gk, ginit)):
        with pytest.raises(ValueError):
            mod.calculate_gain("foo")
        with pytest.raises(ValueError):
            mod.calculate_gain("leaky_relu", "x")
        with pytest.raises(ValueError):
            mod.xavier_uniform_(lib.empty(3))
        with pytest.raises(ValueError):
            mod.kaiming_uniform_(lib.empty(3, 4), mode="fan")
        with pytest.raises(ValueError):
            mod.eye_(lib.empty(3, 4, 5))
        with pytest.raises(ValueError):
            mod.dirac_(lib.empty(3, 4))
        with pytest.raises(ValueError):
            mod.dirac_(lib.empty(3, 4, 5), groups=2)
        with pytest.raises(ValueError):
            mod.orthogonal_(lib.empty(3))
        with pytest.raises(ValueError):
            mod.sparse_(lib.empty(3), 0.1)


@pytest.mark.parametrize("shape", [(3, 4), (6, 2, 3, 3), (5, 1)])
def test_fan_in_fan_out(shape):
    assert ginit._calculate_fan_in_and_fan_out(gk.empty(shape)) == tinit._calculate_fan_in_and_fan_out(
        torch.empty(shape))


def test_runs_under_no_grad_on_parameters():
    w = gk.empty(4, 3).requires_grad_()
    for fn in (ginit.uniform_, ginit.normal_, ginit.xavier_uniform_, ginit.kaiming_normal_, ginit.trunc_normal_,
               ginit.orthogonal_):
        assert fn(w) is w
    assert w.requires_grad and w.grad_fn is None


def test_zero_element_kaiming_warns():
    with pytest.warns(UserWarning, match="no-op"):
        ginit.kaiming_uniform_(gk.empty(0, 3))


@pytest.mark.parametrize("fan_in,fan_out", [(3, 5), (64, 10), (128, 256)])
def test_default_linear_init_sequence(fan_in, fan_out):
    torch.manual_seed(0)
    ref = torch.nn.Linear(fan_in, fan_out)
    gk.manual_seed(0)
    w, b = gk.empty(fan_out, fan_in), gk.empty(fan_out)
    ginit.kaiming_uniform_(w, a=math.sqrt(5))
    bound = 1 / math.sqrt(ginit._calculate_fan_in_and_fan_out(w)[0])
    ginit.uniform_(b, -bound, bound)
    assert np.array_equal(ref.weight.detach().numpy(), w.numpy())
    assert np.array_equal(ref.bias.detach().numpy(), b.numpy())


def test_deprecated_aliases_warn():
    with pytest.warns(FutureWarning):
        ginit.normal(gk.empty(3))
