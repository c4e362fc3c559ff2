"""Normalisation (functional and modules) against torch: values, input/parameter gradients, running stats."""
import numpy as np
import pytest
import torch

import gradkit as gk
import gradkit.nn.functional as GF
import torch.nn.functional as TF
from _parity import assert_close, run_both
from gradkit.nn.modules import batchnorm as GB
from gradkit.nn.modules import normalization as GN

DTYPES = [np.float32, np.float64]
TOL = {np.float32: dict(rtol=1e-4, atol=1e-5), np.float64: dict(rtol=1e-7, atol=1e-9)}


def F(T):
    return TF if T is torch else GF


def _r(shape, dtype=np.float32, seed=0, loc=0.0):
    return (np.random.default_rng(seed).standard_normal(shape) * 2 + loc).astype(dtype)


def NN(T, name):
    if T is torch:
        return getattr(torch.nn, name)
    return getattr(GB, name, None) or getattr(GN, name)


# ----------------------------------------------------------------------------- batch norm
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(6, 3), (4, 3, 5), (2, 3, 4, 3), (2, 3, 2, 2, 2)])
@pytest.mark.parametrize("affine", [True, False])
@pytest.mark.parametrize("training", [True, False])
def test_batch_norm_functional(dtype, shape, affine, training):
    x = _r(shape, dtype, loc=1.0)
    c = shape[1]
    arrs = [x] + ([_r((c,), dtype, 1), _r((c,), dtype, 2)] if affine else [])
    rm0, rv0 = _r((c,), dtype, 3), np.abs(_r((c,), dtype, 4)) + 0.5
    stats = []

    def fn(T, a, *wb):
        rm, rv = T.tensor(rm0.copy()), T.tensor(rv0.copy())
        out = F(T).batch_norm(a, rm, rv, *wb, training=training, momentum=0.3, eps=1e-3)
        stats.append((rm, rv))
        return out
    run_both(fn, arrs, requires_grad=tuple(range(len(arrs))), **TOL[dtype])
    assert_close(stats[0], stats[1], **TOL[dtype])


def test_batch_norm_no_running_stats_and_grad_fn():
    x = _r((5, 4))
    run_both(lambda T, a, w: F(T).batch_norm(a, None, None, w, None, True), [x, _r((4,), seed=1)],
             requires_grad=(0, 1), **TOL[np.float32])
    t = gk.tensor(x, requires_grad=True)
    assert type(GF.batch_norm(t, None, None, training=True).grad_fn).__name__ == "NativeBatchNormBackward0"
    assert type(GF.layer_norm(t, (4,)).grad_fn).__name__ == "NativeLayerNormBackward0"
    assert type(GF.group_norm(t, 2).grad_fn).__name__ == "NativeGroupNormBackward0"


@pytest.mark.parametrize("name,shape", [("BatchNorm1d", (5, 3)), ("BatchNorm1d", (4, 3, 6)),
                                        ("BatchNorm2d", (3, 3, 4, 2)), ("BatchNorm3d", (2, 3, 2, 3, 2))])
@pytest.mark.parametrize("kw", [{}, {"momentum": None}, {"affine": False}, {"track_running_stats": False},
                                {"eps": 1e-2, "momentum": 0.5, "bias": False}])
def test_batchnorm_modules(name, shape, kw):
    mods = [NN(T, name)(3, **kw) for T in (torch, gk)]
    assert repr(mods[0]) == repr(mods[1])
    assert list(mods[0].state_dict()) == list(mods[1].state_dict())
    for step in range(3):
        x = _r(shape, seed=step, loc=step)
        run_both(lambda T, a: (mods[0] if T is torch else mods[1])(a), [x], requires_grad=(0,), **TOL[np.float32])
    for k, v in mods[0].state_dict().items():
        assert_close(v, mods[1].state_dict()[k], **TOL[np.float32])
    for p0, p1 in zip(mods[0].parameters(), mods[1].parameters()):
        assert_close(p0.grad, p1.grad, **TOL[np.float32])
    for m in mods:
        m.eval()
    run_both(lambda T, a: (mods[0] if T is torch else mods[1])(a), [_r(shape, seed=9)], requires_grad=(0,),
             **TOL[np.float32])


def test_batchnorm_float64_module_and_reset():
    mods = [NN(T, "BatchNorm1d")(4, dtype=T.float64) for T in (torch, gk)]
    x = _r((6, 4), np.float64, loc=2.0)
    run_both(lambda T, a: (mods[0] if T is torch else mods[1])(a), [x], requires_grad=(0,), **TOL[np.float64])
    assert_close(mods[0].running_var, mods[1].running_var, **TOL[np.float64])
    assert int(mods[1].num_batches_tracked) == 1
    mods[1].reset_running_stats()
    np.testing.assert_array_equal(mods[1].running_var.numpy(), np.ones(4))
    assert int(mods[1].num_batches_tracked) == 0


def test_batchnorm_errors():
    m = GB.BatchNorm1d(3)
    with pytest.raises(ValueError, match=r"Expected more than 1 value per channel when training, got input size "
                                         r"torch.Size\(\[1, 3\]\)"):
        m(gk.ones(1, 3))
    m.eval()
    assert tuple(m(gk.ones(1, 3)).shape) == (1, 3)
    with pytest.raises(ValueError, match=r"expected 2D or 3D input \(got 4D input\)"):
        GB.BatchNorm1d(3)(gk.ones(2, 3, 4, 5))
    with pytest.raises(ValueError, match=r"expected 4D input \(got 3D input\)"):
        GB.BatchNorm2d(3)(gk.ones(2, 3, 4))
    with pytest.raises(RuntimeError, match="running_mean should contain 4 elements not 3"):
        GB.BatchNorm1d(3)(gk.ones(2, 4))
    with pytest.raises(RuntimeError, match="weight should contain 3 elements not 4"):
        GF.batch_norm(gk.ones(4, 3), gk.zeros(3), gk.ones(3), gk.ones(4))


def test_batchnorm_repr():
    assert repr(GB.BatchNorm1d(4)) == "BatchNorm1d(4, eps=1e-05, momentum=0.1, affine=True, bias=True, " \
                                      "track_running_stats=True)"
    assert repr(GB.InstanceNorm2d(3)) == repr(torch.nn.InstanceNorm2d(3))


# ----------------------------------------------------------------------------- instance norm
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape", [(2, 3, 5), (2, 3, 4, 3)])
@pytest.mark.parametrize("use_input_stats", [True, False])
def test_instance_norm_functional(dtype, shape, use_input_stats):
    x = _r(shape, dtype, loc=1.0)
    c = shape[1]
    rm0, rv0 = _r((c,), dtype, 3), np.abs(_r((c,), dtype, 4)) + 0.5
    stats = []

    def fn(T, a, w, b):
        rm, rv = T.tensor(rm0.copy()), T.tensor(rv0.copy())
        out = F(T).instance_norm(a, rm, rv, w, b, use_input_stats=use_input_stats, momentum=0.2)
        stats.append((rm, rv))
        return out
    run_both(fn, [x, _r((c,), dtype, 1), _r((c,), dtype, 2)], requires_grad=(0, 1, 2), **TOL[dtype])
    assert_close(stats[0], stats[1], **TOL[dtype])


@pytest.mark.parametrize("name,shape", [("InstanceNorm1d", (2, 3, 6)), ("InstanceNorm1d", (3, 6)),
                                        ("InstanceNorm2d", (2, 3, 4, 4)), ("InstanceNorm2d", (3, 4, 4)),
                                        ("InstanceNorm3d", (2, 3, 2, 2, 3))])
@pytest.mark.parametrize("kw", [{}, {"affine": True}, {"track_running_stats": True}])
def test_instance_norm_modules(name, shape, kw):
    mods = [NN(T, name)(3, **kw) for T in (torch, gk)]
    assert repr(mods[0]) == repr(mods[1])
    for step in range(2):
        run_both(lambda T, a: (mods[0] if T is torch else mods[1])(a), [_r(shape, seed=step, loc=step)],
                 requires_grad=(0,), **TOL[np.float32])
    for k, v in mods[0].state_dict().items():
        assert_close(v, mods[1].state_dict()[k], **TOL[np.float32])
    for m in mods:
        m.eval()
    run_both(lambda T, a: (mods[0] if T is torch else mods[1])(a), [_r(shape, seed=5)], requires_grad=(0,),
             **TOL[np.float32])


def test_instance_norm_errors():
    with pytest.raises(ValueError, match=r"Expected more than 1 spatial element when training, got input size "
                                         r"torch.Size\(\[2, 3, 1\]\)"):
        GF.instance_norm(gk.ones(2, 3, 1))
    with pytest.raises(ValueError, match=r"expected input's size at dim=1 to match num_features \(4\), but got: 3."):
        GB.InstanceNorm1d(4, affine=True)(gk.ones(2, 3, 5))


# ----------------------------------------------------------------------------- layer / group / rms norm
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape,ns", [((4, 5), (5,)), ((2, 3, 4), (3, 4)), ((2, 3, 4), [4]), ((6,), (6,))])
@pytest.mark.parametrize("affine", ["wb", "w", "none"])
def test_layer_norm(dtype, shape, ns, affine):
    nshape = tuple(ns)
    arrs = [_r(shape, dtype, loc=3.0)]
    if affine != "none":
        arrs.append(_r(nshape, dtype, 1))
    if affine == "wb":
        arrs.append(_r(nshape, dtype, 2))
    run_both(lambda T, a, *wb: F(T).layer_norm(a, ns, *wb, eps=1e-4), arrs, requires_grad=tuple(range(len(arrs))),
             **TOL[dtype])


def test_layer_norm_bias_only_and_errors():
    x = _r((3, 4))
    run_both(lambda T, a, b: F(T).layer_norm(a, (4,), None, b), [x, _r((4,), seed=1)], requires_grad=(0, 1),
             **TOL[np.float32])
    with pytest.raises(RuntimeError, match=r"Given normalized_shape=\[4\], expected input with shape \[\*, 4\], but "
                                           r"got input of size\[2, 3\]"):
        GF.layer_norm(gk.ones(2, 3), (4,))
    with pytest.raises(RuntimeError, match=r"Expected weight to be of same shape as normalized_shape, but got weight "
                                           r"of shape \[4\] and normalized_shape = \[3\]"):
        GF.layer_norm(gk.ones(2, 3), (3,), gk.ones(4))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shape,g", [((2, 6), 3), ((2, 6, 5), 2), ((3, 4, 2, 3), 4), ((2, 4, 3), 1)])
@pytest.mark.parametrize("affine", [True, False])
def test_group_norm(dtype, shape, g, affine):
    c = shape[1]
    arrs = [_r(shape, dtype, loc=-2.0)] + ([_r((c,), dtype, 1), _r((c,), dtype, 2)] if affine else [])
    run_both(lambda T, a, *wb: F(T).group_norm(a, g, *wb), arrs, requires_grad=tuple(range(len(arrs))), **TOL[dtype])


def test_group_norm_errors():
    with pytest.raises(RuntimeError, match=r"Expected number of channels in input to be divisible by num_groups, but "
                                           r"got input of shape \[2, 6\] and num_groups=4"):
        GF.group_norm(gk.ones(2, 6), 4)
    with pytest.raises(ValueError, match=r"num_channels \(6\) must be divisible by num_groups \(4\)"):
        GN.GroupNorm(4, 6)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("eps", [None, 1e-3])
@pytest.mark.parametrize("weight", [True, False])
def test_rms_norm(dtype, eps, weight):
    arrs = [_r((3, 4, 5), dtype)] + ([_r((4, 5), dtype, 1)] if weight else [])
    run_both(lambda T, a, *w: F(T).rms_norm(a, (4, 5), *w, eps=eps), arrs, requires_grad=tuple(range(len(arrs))),
             **TOL[dtype])


@pytest.mark.parametrize("shape,size", [((2, 5, 4), 3), ((2, 6, 3, 3), 2), ((1, 4, 2, 2, 3), 5)])
def test_local_response_norm(shape, size):
    run_both(lambda T, a: F(T).local_response_norm(a, size, alpha=0.1, beta=0.6, k=2.0), [_r(shape)],
             requires_grad=(0,), **TOL[np.float32])


@pytest.mark.parametrize("name,args,shape", [
    ("LayerNorm", (5,), (3, 5)), ("LayerNorm", ((2, 5),), (3, 2, 5)), ("LayerNorm", (5, 1e-3, False), (3, 5)),
    ("GroupNorm", (2, 4), (3, 4, 5)), ("GroupNorm", (1, 4, 1e-5, False), (3, 4)), ("RMSNorm", (5,), (3, 5)),
    ("RMSNorm", ([5], 1e-4, False), (3, 5)), ("LocalResponseNorm", (2,), (2, 4, 3)),
])
def test_norm_modules(name, args, shape):
    mods = [NN(T, name)(*args) for T in (torch, gk)]
    assert repr(mods[0]) == repr(mods[1])
    run_both(lambda T, a: (mods[0] if T is torch else mods[1])(a), [_r(shape)], requires_grad=(0,),
             **TOL[np.float32])
    for p0, p1 in zip(mods[0].parameters(), mods[1].parameters()):
        assert_close(p0.grad, p1.grad, **TOL[np.float32])
    assert [n for n, _ in mods[0].named_parameters()] == [n for n, _ in mods[1].named_parameters()]


def test_layernorm_bias_false_repr():
    assert repr(GN.LayerNorm(3, bias=False)) == repr(torch.nn.LayerNorm(3, bias=False))
    assert repr(GN.GroupNorm(2, 4, bias=False)) == repr(torch.nn.GroupNorm(2, 4, bias=False))


# ----------------------------------------------------------------------------- double backward
@pytest.mark.parametrize("kind", ["bn", "bn_eval", "ln", "gn", "in"])
def test_norm_gradcheck_and_second_derivative(kind):
    x = _r((3, 4, 2), np.float64, loc=0.5)
    w, b = _r((4,), np.float64, 1), _r((4,), np.float64, 2)

    def f(T, a, wt, bt):
        if kind == "bn":
            return F(T).batch_norm(a, None, None, wt, bt, True)
        if kind == "bn_eval":
            return F(T).batch_norm(a, T.tensor(np.arange(4.0)), T.tensor(np.arange(1.0, 5.0)), wt, bt, False)
        if kind == "ln":
            return F(T).layer_norm(a.transpose(1, 2), (4,), wt, bt)
        if kind == "gn":
            return F(T).group_norm(a, 2, wt, bt)
        return F(T).instance_norm(a, weight=wt, bias=bt)
    ts = [gk.tensor(v, requires_grad=True) for v in (x, w, b)]
    assert gk.autograd.gradcheck(lambda *a: f(gk, *a), ts)
    assert gk.autograd.gradgradcheck(lambda *a: f(gk, *a), ts)
    res = []
    for T in (torch, gk):
        ts = [T.tensor(v, requires_grad=True) for v in (x, w, b)]
        y = f(T, *ts)
        gs = T.autograd.grad((y * y * T.tensor(_r(tuple(y.shape), np.float64, 7))).sum(), ts, create_graph=True)
        gg = T.autograd.grad(sum((g * g).sum() for g in gs), ts, allow_unused=True)
        res.append([v if v is not None else T.zeros_like(t) for v, t in zip(gg, ts)])
    assert_close(res[0], res[1], rtol=1e-7, atol=1e-9)
