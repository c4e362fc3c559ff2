"""nn.utils against torch: gradient clipping and parameter/vector conversion."""
import math
import warnings

import numpy as np
import pytest
import torch

import gradkit as gk
import gradkit.nn  # noqa: F401
from gradkit._tensor import _wrap
from gradkit.nn import utils as gu

SHAPES = [(3,), (5, 7), (8,), (1,), (2, 3, 4), (1000,), (33, 17)]


def make(seed, dtype, shapes=SHAPES, scale=1.0, none_at=()):
    rng = np.random.default_rng(seed)
    data = [rng.standard_normal(s).astype(dtype) for s in shapes]
    grads = [None if i in none_at else (rng.standard_normal(s) * scale).astype(dtype)
             for i, s in enumerate(shapes)]
    tp, gp = [], []
    for d, g in zip(data, grads):
        a = torch.nn.Parameter(torch.from_numpy(d.copy()))
        b = gk.nn.Parameter(_wrap(d.copy()))
        if g is not None:
            a.grad = torch.from_numpy(g.copy())
            b.grad = _wrap(g.copy())
        tp.append(a)
        gp.append(b)
    return tp, gp


def assert_grads(tp, gp, exact):
    for a, b in zip(tp, gp):
        if a.grad is None:
            assert b.grad is None
            continue
        x, y = a.grad.numpy(), b.grad._data
        assert x.dtype == y.dtype
        if exact:
            np.testing.assert_array_equal(x, y)
        else:
            np.testing.assert_allclose(x, y, rtol=2e-6, atol=0)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("max_norm", [0.5, 3.0, 1e6])
@pytest.mark.parametrize("norm_type", [2.0, 1.0, math.inf, 3.0, 0.5, "inf"])
@pytest.mark.parametrize("seed", [0, 1])
def test_clip_grad_norm_matches_torch(dtype, max_norm, norm_type, seed):
    tp, gp = make(seed, dtype, scale=[0.01, 1.0][seed], none_at=(2,) if seed else ())
    a = torch.nn.utils.clip_grad_norm_(tp, max_norm, norm_type)
    b = gu.clip_grad_norm_(gp, max_norm, norm_type)
    assert isinstance(b, gk.Tensor) and b.shape == () and b._data.dtype == a.numpy().dtype
    exact = norm_type == 2.0
    if exact:
        assert a.item() == b.item()
    else:
        np.testing.assert_allclose(b.item(), a.item(), rtol=2e-6)
    assert_grads(tp, gp, exact)


@pytest.mark.parametrize("n", [1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 4099, 40000])
def test_two_norm_bit_exact_over_sizes(n):
    tp, gp = make(n, np.float32, shapes=[(n,), (n % 5 + 1,)], scale=3.0)
    a = torch.nn.utils.get_total_norm([p.grad for p in tp])
    b = gu.get_total_norm([p.grad for p in gp])
    assert a.item() == b.item()


def test_clip_grad_norm_single_tensor_empty_and_mixed():
    tp, gp = make(3, np.float32, shapes=[(4, 4)])
    assert torch.nn.utils.clip_grad_norm_(tp[0], 0.1).item() == gu.clip_grad_norm_(gp[0], 0.1).item()
    assert_grads(tp, gp, True)
    e = gu.clip_grad_norm_([], 1.0)
    assert e.item() == 0.0 and e.dtype == gk.float32
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        gu.clip_grad_norm_((p for p in []), 1.0)
    assert any("empty generator" in str(x.message) for x in w)
    t32, g32 = make(4, np.float32, shapes=[(3,)])
    t64, g64 = make(5, np.float64, shapes=[(5,)])
    a = torch.nn.utils.clip_grad_norm_(t32 + t64, 0.5)
    b = gu.clip_grad_norm_(g32 + g64, 0.5)
    assert str(a.dtype) == str(b.dtype)
    np.testing.assert_allclose(b.item(), a.item(), rtol=1e-12)
    assert_grads(t32 + t64, g32 + g64, False)


def test_clip_grad_norm_nonfinite():
    tp, gp = make(6, np.float32, shapes=[(3,), (2,)])
    tp[1].grad[0] = float("inf")
    gp[1].grad._data[0] = np.inf
    msgs = []
    for fn, ps in ((torch.nn.utils.clip_grad_norm_, tp), (gu.clip_grad_norm_, gp)):
        with pytest.raises(RuntimeError) as ei:
            fn(ps, 1.0, error_if_nonfinite=True)
        msgs.append(str(ei.value))
    assert msgs[0] == msgs[1]
    a = torch.nn.utils.clip_grad_norm_(tp, 1.0)
    b = gu.clip_grad_norm_(gp, 1.0)
    assert math.isinf(a.item()) and math.isinf(b.item())
    np.testing.assert_array_equal(np.isnan(tp[0].grad.numpy()), np.isnan(gp[0].grad._data))


def test_get_total_norm_and_clip_grads_with_norm():
    tp, gp = make(7, np.float32)
    a = torch.nn.utils.get_total_norm([p.grad for p in tp], 2.0)
    b = gu.get_total_norm([p.grad for p in gp], 2.0)
    assert a.item() == b.item()
    torch.nn.utils.clip_grads_with_norm_(tp, 1.5, a)
    gu.clip_grads_with_norm_(gp, 1.5, b)
    assert_grads(tp, gp, True)


def test_clip_grad_norm_bumps_version_and_keeps_grad_objects():
    _, gp = make(8, np.float32, shapes=[(4,)])
    g = gp[0].grad
    v = g._version
    gu.clip_grad_norm_(gp, 1e-3)
    assert gp[0].grad is g and g._version == v + 1


@pytest.mark.parametrize("clip", [0.1, 1.0, 5.0])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_clip_grad_value_matches_torch(clip, dtype):
    tp, gp = make(9, dtype, none_at=(1,))
    assert torch.nn.utils.clip_grad_value_(tp, clip) is None
    assert gu.clip_grad_value_(gp, clip) is None
    assert_grads(tp, gp, True)
    t1, g1 = make(10, dtype, shapes=[(6,)])
    torch.nn.utils.clip_grad_value_(t1[0], clip)
    gu.clip_grad_value_(g1[0], clip)
    assert_grads(t1, g1, True)


def test_parameters_to_vector_and_back():
    tp, gp = make(11, np.float32, shapes=[(2, 3), (4,), (1, 1, 2)])
    a = torch.nn.utils.parameters_to_vector(tp)
    b = gu.parameters_to_vector(gp)
    assert b.shape == (12,) and b.requires_grad
    np.testing.assert_array_equal(a.detach().numpy(), b._data)
    (b * gk.arange(12, dtype=gk.float32)).sum().backward()
    (a * torch.arange(12, dtype=torch.float32)).sum().backward()
    for x, y in zip(tp, gp):
        np.testing.assert_array_equal(x.grad.numpy(), y.grad._data)
    vec = np.random.default_rng(12).standard_normal(12).astype(np.float32)
    tv, gv = torch.from_numpy(vec.copy()), _wrap(vec.copy())
    torch.nn.utils.vector_to_parameters(tv, tp)
    gu.vector_to_parameters(gv, gp)
    for x, y in zip(tp, gp):
        assert tuple(x.shape) == tuple(y.shape)
        np.testing.assert_array_equal(x.detach().numpy(), y._data)
        assert np.shares_memory(y._data, gv._data)
    errs = []
    for fn, ps in ((torch.nn.utils.vector_to_parameters, tp), (gu.vector_to_parameters, gp)):
        with pytest.raises(TypeError) as ei:
            fn([1.0], ps)
        errs.append(str(ei.value))
    assert errs[0] == errs[1]
