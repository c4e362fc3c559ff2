"""Parity tests for fixes found by the s5v conformance programs (vision / generative model code)."""
from __future__ import annotations

import numpy as np
import pytest
from _parity import run_both

import gradkit

torch = pytest.importorskip("torch")


def _raises_same(fn):
    """``fn(T)`` must raise the same exception type and message under torch and gradkit."""
    got = []
    for T in (torch, gradkit):
        with pytest.raises(Exception) as info:
            fn(T)
        got.append((type(info.value).__name__, str(info.value)))
    assert got[0] == got[1]


@pytest.mark.parametrize("name,shape,size", [
    ("adaptive_avg_pool1d", (1, 2, 5), (2, 2)), ("adaptive_avg_pool2d", (1, 2, 5, 5), (2, 2, 2)),
    ("adaptive_avg_pool3d", (1, 2, 3, 3, 3), (2, 2)), ("adaptive_max_pool1d", (1, 2, 5), (2, 2)),
    ("adaptive_max_pool2d", (1, 2, 5, 5), (2, 2, 2)), ("adaptive_max_pool3d", (1, 2, 3, 3, 3), (2, 2)),
    ("adaptive_avg_pool2d", (1, 2, 5, 5), (2, 2, 2, 2)), ("adaptive_max_pool2d", (1, 2, 5, 5), (None, 2, 2, 2)),
])
def test_adaptive_pool_wrong_output_size_length(name, shape, size):
    _raises_same(lambda T: getattr(T.nn.functional, name)(T.zeros(shape), size))


def test_fold_channel_error_message():
    _raises_same(lambda T: T.nn.functional.fold(T.ones(1, 5, 9), (4, 5), 2))


@pytest.mark.parametrize("shape,ns", [((3, 6, 5, 4), (4,)), ((2, 3, 4), (3, 4))])
def test_layer_norm_and_group_norm_outputs_are_contiguous(shape, ns):
    x = np.random.default_rng(0).standard_normal(shape).astype(np.float32)
    for T in (torch, gradkit):
        t = T.tensor(x)
        perm = t.transpose(0, -1)
        y = T.nn.functional.layer_norm(perm, perm.shape[-len(ns):])
        assert y.is_contiguous()
        assert not y.transpose(0, -1).is_contiguous()
        assert T.nn.functional.group_norm(t.transpose(2, -1), 1).is_contiguous()
    run_both(lambda T, a: T.nn.functional.layer_norm(a.permute(0, 2, 1), (shape[1],)).permute(0, 2, 1) * 2,
             [x.reshape(shape[0], shape[1], -1)], requires_grad=(0,), atol=1e-5)


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
@pytest.mark.parametrize("align_corners", [False, True])
@pytest.mark.parametrize("hw,kw", [
    ((7, 9), dict(size=(3, 4))), ((8, 8), dict(size=(16, 5))), ((6, 10), dict(size=(6, 3))),
    ((9, 9), dict(scale_factor=0.4)), ((5, 12), dict(scale_factor=(1.5, 0.3))), ((4, 4), dict(size=(1, 1))),
])
def test_interpolate_antialias(mode, align_corners, hw, kw):
    x = np.random.default_rng(sum(hw)).standard_normal((2, 3, *hw)).astype(np.float32)
    run_both(lambda T, a: T.nn.functional.interpolate(a, mode=mode, align_corners=align_corners, antialias=True,
                                                      **kw), [x], requires_grad=(0,), rtol=1e-4, atol=1e-5)


def test_interpolate_antialias_bad_mode():
    _raises_same(lambda T: T.nn.functional.interpolate(T.ones(1, 1, 4, 4), size=2, mode="nearest", antialias=True))
    _raises_same(lambda T: T.nn.functional.interpolate(T.ones(1, 1, 4), size=2, mode="linear", antialias=True))


@pytest.mark.parametrize("kw", [dict(stride=2), dict(stride=1, padding=1), dict(stride=1), dict(stride=3, padding=1)])
@pytest.mark.parametrize("dim", [1, 2])
def test_batch_one_conv_transpose_outputs_do_not_alias(kw, dim):
    rng = np.random.default_rng(dim)
    shape = (1, 2) + (4,) * dim
    x = rng.standard_normal(shape).astype(np.float32)
    w = rng.standard_normal((2, 3) + (3,) * dim).astype(np.float32)
    fn = getattr(gradkit.nn.functional, f"conv_transpose{dim}d")
    first = fn(gradkit.tensor(x), gradkit.tensor(w), **kw)
    snap = first.numpy().copy()
    fn(gradkit.tensor(x * 2), gradkit.tensor(w), **kw)
    np.testing.assert_array_equal(first.numpy(), snap)
    run_both(lambda T, a, b: (getattr(T.nn.functional, f"conv_transpose{dim}d")(a, b, **kw),
                              getattr(T.nn.functional, f"conv_transpose{dim}d")(a * 2, b, **kw)),
             [x, w], requires_grad=(0, 1), atol=1e-5)


@pytest.mark.parametrize("stride,pad", [(1, 0), (1, 1), (2, 1)])
def test_batch_one_shared_input_two_convs_grads_accumulate(stride, pad):
    rng = np.random.default_rng(stride + pad)
    x = rng.standard_normal((1, 3, 9)).astype(np.float32)
    w1 = rng.standard_normal((3, 3, 2)).astype(np.float32)
    w2 = rng.standard_normal((3, 3, 2)).astype(np.float32)

    def fn(T, a, b, c):
        ap = T.nn.functional.pad(a, (1, 0))
        h1 = T.nn.functional.conv1d(ap, b, stride=stride, padding=pad)
        h2 = T.nn.functional.conv1d(ap, c, stride=stride, padding=pad)
        return T.tanh(h1) * T.sigmoid(h2)

    run_both(fn, [x, w1, w2], requires_grad=(0, 1, 2), atol=1e-5)
    x4 = rng.standard_normal((1, 2, 5, 5)).astype(np.float32)
    w4 = rng.standard_normal((2, 2, 3, 3)).astype(np.float32)
    run_both(lambda T, a, b: T.nn.functional.conv2d(a, b, padding=1, stride=stride)
             * T.nn.functional.conv2d(a, b * 2, padding=1, stride=stride), [x4, w4], requires_grad=(0, 1), atol=1e-4)


_OVERLAP_CASES = {
    "shift_setitem": lambda T, a: a.__setitem__(slice(1, None), a[:-1]),
    "disjoint_setitem": lambda T, a: a.__setitem__(slice(0, 3), a[3:]),
    "self_setitem": lambda T, a: a.__setitem__(Ellipsis, a),
    "copy_self": lambda T, a: a.copy_(a),
    "copy_shift": lambda T, a: a[1:].copy_(a[:-1]),
    "copy_disjoint": lambda T, a: a[:3].copy_(a[3:]),
    "copy_transpose": lambda T, a: a.view(2, 3).copy_(a.view(3, 2).t()),
    "row_setitem": lambda T, a: a.view(2, 3).__setitem__(0, a.view(2, 3)[1]),
    "transpose_setitem": lambda T, a: a[:4].view(2, 2).__setitem__(Ellipsis, a[:4].view(2, 2).t()),
    "advanced_setitem": lambda T, a: a.__setitem__(T.tensor([1, 2]), a[:2]),
    "clone_shift": lambda T, a: a.__setitem__(slice(1, None), a[:-1].clone()),
}


@pytest.mark.parametrize("case", sorted(_OVERLAP_CASES))
@pytest.mark.parametrize("grad", [False, True])
def test_partial_memory_overlap_on_write(case, grad):
    results = []
    for T in (torch, gradkit):
        a = T.arange(6.0, requires_grad=grad).clone() if grad else T.arange(6.0)
        try:
            _OVERLAP_CASES[case](T, a)
            results.append(("ok", a.detach().numpy().tolist()))
        except RuntimeError as e:
            results.append(("err", str(e)))
    assert results[0] == results[1]


@pytest.mark.parametrize("fn", ["nll_loss", "cross_entropy"])
@pytest.mark.parametrize("ishape,tshape", [((2, 3, 4, 4), (2, 4, 5)), ((2, 3, 4, 4), (2, 4, 4, 1)),
                                           ((2, 3, 4, 4), (2, 16)), ((2, 3, 4), (2, 5)), ((2, 3, 4, 4, 2), (2, 4, 4, 3))])
def test_nll_spatial_target_shape_errors(fn, ishape, tshape):
    _raises_same(lambda T: getattr(T.nn.functional, fn)(T.zeros(ishape), T.zeros(tshape, dtype=T.long)))


@pytest.mark.parametrize("size", [(1, 1, 4, 4), [1, 1, 4, 4], "Size"])
def test_affine_grid_error_prints_size_as_given(size):
    def fn(T):
        sz = T.Size([1, 1, 4, 4]) if size == "Size" else size
        return T.nn.functional.affine_grid(T.zeros(1, 3, 3), sz, align_corners=False)
    _raises_same(fn)


@pytest.mark.parametrize("fn,ishape,wshape", [
    ("conv2d", (1, 3, 5, 5), (4, 3, 3)), ("conv2d", (1, 3, 5, 5), (4, 3, 3, 3, 3)), ("conv1d", (1, 3, 5), (4, 3, 3, 3)),
    ("conv3d", (1, 3, 5, 5, 5), (4, 3, 3, 3)), ("conv2d", (3, 5, 5), (4, 3, 3)), ("conv_transpose2d", (1, 3, 5, 5), (3, 4, 3)),
])
@pytest.mark.parametrize("stride", [1, 2])
def test_conv_weight_rank_mismatch_errors(fn, ishape, wshape, stride):
    _raises_same(lambda T: getattr(T.nn.functional, fn)(T.ones(ishape), T.ones(wshape), stride=stride))


@pytest.mark.parametrize("shape,fmt", [((2, 3, 4, 5), "channels_last"), ((1, 3, 1, 5), "channels_last"),
                                       ((2, 3, 2, 4, 5), "channels_last_3d")])
def test_channels_last_memory_format(shape, fmt):
    x = np.random.default_rng(0).standard_normal(shape).astype(np.float32)
    got = []
    for T in (torch, gradkit):
        mf = getattr(T, fmt)
        t = T.tensor(x)
        a = t.to(memory_format=mf)
        b = t.contiguous(memory_format=mf)
        c = t.clone(memory_format=mf)
        d = a.to(T.float64, memory_format=mf)
        got.append([a.stride(), b.stride(), c.stride(), d.stride(), a.is_contiguous(), a.is_contiguous(memory_format=mf),
                    t.is_contiguous(memory_format=mf), a.contiguous().stride(), T.empty_like(a).stride(),
                    a.clone().stride(), a.to(memory_format=T.contiguous_format).stride(),
                    bool(T.equal(a, t)), d.dtype is T.float64, a.contiguous(memory_format=mf) is a])
    assert got[0][:-3] == got[1][:-3] and got[0][-3:] == got[1][-3:]
    run_both(lambda T, a: a.to(memory_format=getattr(T, fmt)).clone(memory_format=getattr(T, fmt)) * 2, [x],
             requires_grad=(0,))


def test_channels_last_rank_errors():
    _raises_same(lambda T: T.ones(2, 3, 4).to(memory_format=T.channels_last))
    _raises_same(lambda T: T.ones(2, 3, 4, 5).contiguous(memory_format=T.channels_last_3d))
    for T in (torch, gradkit):
        assert not T.ones(2, 3, 4).is_contiguous(memory_format=T.channels_last)


def test_module_to_channels_last_converts_4d_parameters():
    got = []
    for T in (torch, gradkit):
        T.manual_seed(0)
        m = T.nn.Sequential(T.nn.Conv2d(3, 4, 3), T.nn.BatchNorm2d(4), T.nn.Flatten(), T.nn.Linear(16, 2))
        w0 = m[0].weight
        m.to(memory_format=T.channels_last)
        w = m[0].weight
        x = T.arange(2 * 3 * 4 * 4, dtype=T.float32).reshape(2, 3, 4, 4) / 50
        m(x).sum().backward()
        got.append((w is w0, w.is_leaf, w.stride(), w.is_contiguous(memory_format=T.channels_last),
                    m[0].bias.stride(), m[3].weight.stride(), w.grad.shape, np.round(w.grad.detach().numpy(), 4).tolist()))
    assert got[0] == got[1]
