"""nn.functional (non-activation, non-norm parts) against torch: linear, dropout, embeddings, pad, distances,
attention, pixel shuffle."""
import warnings

import numpy as np
import pytest
import torch

import gradkit as gk
import gradkit.nn.functional as GF
import torch.nn.functional as TF
from _parity import assert_close, run_both

DTYPES = [np.float32, np.float64]


def F(T):
    return TF if T is torch else GF


def _r(shape, dtype=np.float32, seed=0):
    return np.random.default_rng(seed).standard_normal(shape).astype(dtype)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("xshape", [(5,), (3, 5), (2, 3, 5)])
@pytest.mark.parametrize("bias", [True, False])
def test_linear(dtype, xshape, bias):
    arrs = [_r(xshape, dtype), _r((4, 5), dtype, 1)] + ([_r((4,), dtype, 2)] if bias else [])
    run_both(lambda T, *a: F(T).linear(*a), arrs, requires_grad=tuple(range(len(arrs))))


def test_linear_grad_fn_and_errors():
    x = gk.ones(2, 3, requires_grad=True)
    assert type(GF.linear(x, gk.ones(4, 3), gk.ones(4)).grad_fn).__name__ == "AddmmBackward0"
    with pytest.raises(RuntimeError, match=r"mat1 and mat2 shapes cannot be multiplied \(2x3 and 5x4\)"):
        GF.linear(gk.ones(2, 3), gk.ones(4, 5))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("lead", [(3,), (2, 3), ()])
def test_bilinear(dtype, lead):
    arrs = [_r(lead + (4,), dtype), _r(lead + (5,), dtype, 1), _r((6, 4, 5), dtype, 2), _r((6,), dtype, 3)]
    run_both(lambda T, *a: F(T).bilinear(*a), arrs, requires_grad=(0, 1, 2, 3))
    run_both(lambda T, *a: F(T).bilinear(*a), arrs[:3], requires_grad=(0, 1, 2))


def test_bilinear_errors():
    with pytest.raises(RuntimeError, match="input2 size does not match weight size: got 4 but expected 3"):
        GF.bilinear(gk.ones(2, 3), gk.ones(2, 4), gk.ones(5, 3, 3))


# ----------------------------------------------------------------------------- dropout
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("p", [0.0, 0.2, 0.5, 0.9, 1.0])
@pytest.mark.parametrize("fn", ["dropout", "alpha_dropout", "feature_alpha_dropout", "dropout1d", "dropout2d",
                                "dropout3d"])
def test_dropout_matches_torch_rng(dtype, p, fn):
    shape = {"dropout1d": (3, 4, 5), "dropout2d": (2, 3, 4, 5), "dropout3d": (2, 3, 2, 2, 3)}.get(fn, (6, 7, 3))
    x = _r(shape, dtype)
    res = []
    for T in (torch, gk):
        T.manual_seed(123)
        a = T.tensor(x, requires_grad=True)
        y = getattr(F(T), fn)(a, p, True)
        y.backward(T.tensor(_r(shape, dtype, 5)))
        res.append((y, a.grad, T.rand(2)))
    for r0, r1 in zip(*res):
        assert_close(r0, r1)


@pytest.mark.parametrize("fn", ["dropout", "alpha_dropout", "dropout2d"])
def test_dropout_inplace_and_eval(fn):
    x = _r((2, 3, 4, 5))
    res = []
    for T in (torch, gk):
        T.manual_seed(5)
        a = T.tensor(x)
        r = getattr(F(T), fn)(a, 0.4, True, inplace=True)
        assert r is a
        e = T.tensor(x)
        assert getattr(F(T), fn)(e, 0.4, False) is e
        res.append(a)
        b = T.tensor(x, requires_grad=True)
        c = b * 1
        getattr(F(T), fn)(c, 0.3, True, inplace=True)
        c.sum().backward()
        res.append(b.grad)
    assert_close(res[0], res[2])
    assert_close(res[1], res[3])


def test_dropout_unbatched_and_warnings():
    x = _r((3, 5))
    res = []
    for T in (torch, gk):
        T.manual_seed(9)
        res.append(F(T).dropout1d(T.tensor(x), 0.5))
        res.append(F(T).dropout3d(T.tensor(_r((2, 2, 3, 3))), 0.5))
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            res.append(F(T).dropout2d(T.tensor(_r((2, 3, 4))), 0.5))
        assert any("assuming that channel-wise 1D dropout" in str(m.message) for m in w)
    for a, b in zip(res[:3], res[3:]):
        assert_close(a, b)
    with pytest.raises(ValueError, match="dropout probability has to be between 0 and 1, but got 1.5"):
        GF.dropout(gk.ones(2), 1.5)
    with pytest.raises(RuntimeError, match="dropout1d: Expected 2D or 3D input, but received a 4D input"):
        GF.dropout1d(gk.ones(1, 2, 3, 4))


# ----------------------------------------------------------------------------- embeddings
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("padding_idx", [None, 2, -1])
@pytest.mark.parametrize("scale", [False, True])
def test_embedding(dtype, padding_idx, scale):
    w = _r((6, 3), dtype)
    idx = np.array([[1, 2, 5], [2, 0, 2], [5, 5, 1]], np.int64)
    run_both(lambda T, wt: F(T).embedding(T.tensor(idx), wt, padding_idx=padding_idx, scale_grad_by_freq=scale),
             [w], requires_grad=(0,))


@pytest.mark.parametrize("norm_type", [2.0, 1.0, 3.0])
def test_embedding_max_norm(norm_type):
    w = _r((6, 3)) * 3
    idx = np.array([1, 2, 2, 4], np.int64)
    res = []
    for T in (torch, gk):
        wt = T.tensor(w, requires_grad=True)
        out = F(T).embedding(T.tensor(idx), wt, max_norm=1.5, norm_type=norm_type)
        out.sum().backward()
        res += [out, wt.detach(), wt.grad]
    for a, b in zip(res[:3], res[3:]):
        assert_close(a, b)


def test_embedding_errors():
    with pytest.raises(IndexError, match="index out of range in self"):
        GF.embedding(gk.tensor([5]), gk.ones(3, 2))
    with pytest.raises(RuntimeError, match="Expected tensor for argument #1 'indices' to have one of the following "
                                           "scalar types: Long, Int; but got torch.FloatTensor instead"):
        GF.embedding(gk.tensor([1.0]), gk.ones(3, 2))
    with pytest.raises(AssertionError, match="Padding_idx must be within num_embeddings"):
        GF.embedding(gk.tensor([1]), gk.ones(3, 2), padding_idx=3)


def test_embedding_int32_indices_and_double_backward():
    w = _r((5, 3), np.float64)
    run_both(lambda T, wt: F(T).embedding(T.tensor(np.array([1, 4, 1], np.int32)), wt), [w], requires_grad=(0,))
    t = gk.tensor(w, requires_grad=True)
    assert gk.autograd.gradgradcheck(lambda a: GF.embedding(gk.tensor([[0, 3], [3, 3]]), a) ** 2, (t,))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("mode", ["sum", "mean", "max"])
@pytest.mark.parametrize("padding_idx", [None, 0])
@pytest.mark.parametrize("include_last_offset", [False, True])
def test_embedding_bag_offsets(dtype, mode, padding_idx, include_last_offset):
    w = _r((7, 4), dtype)
    idx = np.array([1, 2, 1, 0, 3, 3, 5, 0, 6], np.int64)
    offs = np.array([0, 2, 2, 5, 8] + ([9] if include_last_offset else []), np.int64)
    run_both(lambda T, wt: F(T).embedding_bag(T.tensor(idx), wt, T.tensor(offs), mode=mode, padding_idx=padding_idx,
                                              include_last_offset=include_last_offset), [w], requires_grad=(0,))


@pytest.mark.parametrize("mode", ["sum", "mean", "max"])
def test_embedding_bag_2d_input(mode):
    w = _r((7, 4))
    idx = np.array([[1, 2, 1], [0, 3, 6]], np.int64)
    run_both(lambda T, wt: F(T).embedding_bag(T.tensor(idx), wt, mode=mode), [w], requires_grad=(0,))


def test_embedding_bag_per_sample_weights_and_scale():
    w = _r((7, 4), np.float64)
    idx = np.array([1, 2, 1, 0, 3, 3, 5], np.int64)
    offs = np.array([0, 3, 3], np.int64)
    psw = _r((7,), np.float64, 3)
    run_both(lambda T, wt, p: F(T).embedding_bag(T.tensor(idx), wt, T.tensor(offs), mode="sum", per_sample_weights=p,
                                                 padding_idx=3), [w, psw], requires_grad=(0, 1))
    run_both(lambda T, wt: F(T).embedding_bag(T.tensor(idx), wt, T.tensor(offs), scale_grad_by_freq=True,
                                              mode="mean"), [w], requires_grad=(0,))


def test_embedding_bag_errors():
    w = gk.ones(3, 2)
    with pytest.raises(ValueError, match="offsets has to be a 1D Tensor but got None"):
        GF.embedding_bag(gk.tensor([1, 2]), w)
    with pytest.raises(ValueError, match="mode has to be one of sum, mean or max"):
        GF.embedding_bag(gk.tensor([1, 2]), w, gk.tensor([0]), mode="foo")
    with pytest.raises(RuntimeError, match="offsets\\[0\\] has to be 0"):
        GF.embedding_bag(gk.tensor([1, 2]), w, gk.tensor([1]))
    with pytest.raises(NotImplementedError, match="per_sample_weights is only supported for mode='sum'"):
        GF.embedding_bag(gk.tensor([1, 2]), w, gk.tensor([0]), per_sample_weights=gk.ones(2))


def test_one_hot():
    a = np.array([[0, 2], [1, 4]], np.int64)
    assert_close(TF.one_hot(torch.tensor(a)), GF.one_hot(gk.tensor(a)))
    assert_close(TF.one_hot(torch.tensor(a), 7), GF.one_hot(gk.tensor(a), 7))
    for arr, n, msg in [([3], 2, "Class values must be smaller than num_classes."),
                        ([-1], -1, "Class values must be non-negative.")]:
        with pytest.raises(RuntimeError, match=msg):
            GF.one_hot(gk.tensor(arr), n)
    with pytest.raises(RuntimeError, match="one_hot is only applicable to index tensor of type LongTensor."):
        GF.one_hot(gk.tensor([1.0]))


# ----------------------------------------------------------------------------- pad
PADS = [(1, 2), (0, 1, 2, 0), (1, 1, 2, 2, 0, 1)]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("pad", PADS + [(-1, 2), (2, -1, -1, 1)])
@pytest.mark.parametrize("value", [None, 2.5])
def test_pad_constant(dtype, pad, value):
    x = _r((2, 3, 4, 5), dtype)
    run_both(lambda T, a: F(T).pad(a, pad, value=value), [x], requires_grad=(0,))


def test_pad_constant_int_and_bool():
    for arr in [np.arange(6).reshape(2, 3), np.array([[True, False]])]:
        assert_close(TF.pad(torch.tensor(arr), (1, 2), value=1), GF.pad(gk.tensor(arr), (1, 2), value=1))


@pytest.mark.parametrize("mode", ["reflect", "replicate", "circular"])
@pytest.mark.parametrize("pad,shape", [((1, 2), (3, 5)), ((2, 1), (2, 3, 5)), ((1, 2, 2, 0), (2, 4, 5)),
                                       ((2, 1, 0, 3), (1, 2, 4, 5)), ((1, 1, 2, 0, 1, 2), (2, 3, 3, 4)),
                                       ((0, 1, 1, 0, 2, 1), (1, 2, 3, 3, 4))])
def test_pad_modes(mode, pad, shape):
    x = _r(shape, np.float64)
    run_both(lambda T, a: F(T).pad(a, pad, mode=mode), [x], requires_grad=(0,))


def test_pad_circular_negative():
    run_both(lambda T, a: F(T).pad(a, (-1, 2), mode="circular"), [_r((2, 3, 4))], requires_grad=(0,))


@pytest.mark.parametrize("args,exc,msg", [
    (((3,), (1,)), RuntimeError, "Padding length must be divisible by 2"),
    (((3,), (1, 1, 1, 1)), RuntimeError, "Padding length should be less than or equal to two times the input "
                                         "dimension but got padding length 4 and input of dimension 1"),
    (((3,), (1, 1), "reflect"), NotImplementedError, "Padding size 2 is not supported for 1D input tensor."),
    (((1, 3), (3, 3), "reflect"), RuntimeError, r"Argument #4: Padding size should be less than the corresponding "
                                                r"input dimension, but got: padding \(3, 3\) at dimension 1 of input "
                                                r"\[1, 3\]"),
    (((1, 3), (4, 4), "circular"), RuntimeError, "Padding value causes wrapping around more than once."),
    (((1, 3), (1, 1), "foo"), NotImplementedError, "Unrecognised padding mode foo"),
    (((2, 3), (1, 1), "reflect", 2.0), RuntimeError, "Padding mode \"reflect\" doesn't take in value argument"),
])
def test_pad_errors(args, exc, msg):
    shape, *rest = args
    for T in (torch, gk):
        with pytest.raises(exc, match=msg):
            F(T).pad(T.ones(*shape), *rest)


def test_pad_double_backward():
    t = gk.tensor(_r((2, 3), np.float64), requires_grad=True)
    assert gk.autograd.gradgradcheck(lambda a: GF.pad(a, (1, -1, 2, 0), value=1.0) ** 2, (t,))
    assert type(GF.pad(t, (1, 1)).grad_fn).__name__ == "ConstantPadNdBackward0"


# ----------------------------------------------------------------------------- distances
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("p", [2.0, 1.0, 3.0, float("inf")])
@pytest.mark.parametrize("dim", [1, -1, 0])
def test_normalize(dtype, p, dim):
    x = _r((3, 4, 5), dtype)
    x[0, :, 0] = 1e-14
    run_both(lambda T, a: F(T).normalize(a, p, dim), [x], requires_grad=(0,))
    x[0, :, 0] = 0
    run_both(lambda T, a: F(T).normalize(a, p, dim), [x])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("shapes,dim", [(((3, 4), (3, 4)), 1), (((3, 4), (1, 4)), 1), (((2, 3, 4), (3, 4)), -1),
                                        (((5, 3), (5, 3)), 0)])
def test_cosine_similarity(dtype, shapes, dim):
    a, b = _r(shapes[0], dtype), _r(shapes[1], dtype, 1)
    a[0] = 1e-12
    run_both(lambda T, x, y: F(T).cosine_similarity(x, y, dim), [a, b], requires_grad=(0, 1))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("p", [2.0, 1.0, 0.5, float("inf")])
@pytest.mark.parametrize("keepdim", [False, True])
def test_pairwise_distance(dtype, p, keepdim):
    a, b = _r((4, 5), dtype), _r((4, 5), dtype, 1)
    run_both(lambda T, x, y: F(T).pairwise_distance(x, y, p, keepdim=keepdim), [a, b], requires_grad=(0, 1))
    run_both(lambda T, x, y: F(T).pairwise_distance(x, y, p), [a, b[:1]], requires_grad=(0, 1))


def test_pdist():
    run_both(lambda T, x: F(T).pdist(x), [_r((5, 3), np.float64)], requires_grad=(0,))
    run_both(lambda T, x: F(T).pdist(x, 1.0), [_r((4, 3), np.float64)], requires_grad=(0,))


# ----------------------------------------------------------------------------- attention
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("causal", [False, True])
@pytest.mark.parametrize("mask", [None, "bool", "float"])
@pytest.mark.parametrize("scale", [None, 0.3])
def test_scaled_dot_product_attention(dtype, causal, mask, scale):
    if causal and mask is not None:
        return
    q, k, v = _r((2, 3, 4, 8), dtype), _r((2, 3, 6, 8), dtype, 1), _r((2, 3, 6, 5), dtype, 2)
    m = None
    if mask == "bool":
        m = np.random.default_rng(4).random((4, 6)) > 0.3
        m[:, 0] = True
    elif mask == "float":
        m = _r((2, 1, 4, 6), dtype, 5)

    def fn(T, a, b, c):
        mt = None if m is None else T.tensor(m)
        return F(T).scaled_dot_product_attention(a, b, c, attn_mask=mt, is_causal=causal, scale=scale)
    run_both(fn, [q, k, v], requires_grad=(0, 1, 2), rtol=1e-4, atol=1e-5)


def test_sdpa_gqa_and_fully_masked_row():
    q, k, v = _r((1, 4, 3, 8)), _r((1, 2, 5, 8), seed=1), _r((1, 2, 5, 8), seed=2)
    run_both(lambda T, a, b, c: F(T).scaled_dot_product_attention(a, b, c, enable_gqa=True), [q, k, v],
             requires_grad=(0, 1, 2), rtol=1e-4, atol=1e-5)
    m = np.ones((3, 5), bool)
    m[1] = False
    run_both(lambda T, a, b, c: F(T).scaled_dot_product_attention(a, b, c, attn_mask=T.tensor(m)),
             [q[:, :2], k, v], requires_grad=(0, 1, 2), rtol=1e-4, atol=1e-5)


# ----------------------------------------------------------------------------- shuffles
@pytest.mark.parametrize("shape,r", [((1, 8, 3, 2), 2), ((2, 3, 9, 2, 3), 3), ((4, 2, 2), 2)])
def test_pixel_shuffle_roundtrip(shape, r):
    x = _r(shape)
    run_both(lambda T, a: F(T).pixel_shuffle(a, r), [x], requires_grad=(0,))
    y = _r(shape[:-3] + (shape[-3] // (r * r), shape[-2] * r, shape[-1] * r))
    run_both(lambda T, a: F(T).pixel_unshuffle(a, r), [y], requires_grad=(0,))


def test_pixel_shuffle_errors():
    with pytest.raises(RuntimeError, match="input.size\\(-3\\)=3 is not divisible by 4"):
        GF.pixel_shuffle(gk.ones(1, 3, 2, 2), 2)
    with pytest.raises(RuntimeError, match="input.size\\(-2\\)=3 is not divisible by 2"):
        GF.pixel_unshuffle(gk.ones(1, 3, 3, 2), 2)


def test_channel_shuffle():
    x = _r((2, 6, 3))
    run_both(lambda T, a: F(T).channel_shuffle(a, 3), [x], requires_grad=(0,))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("hard", [False, True])
@pytest.mark.parametrize("tau,dim", [(1.0, -1), (0.5, 0)])
def test_gumbel_softmax_matches_torch_rng(dtype, hard, tau, dim):
    def fn(T, a):
        T.manual_seed(21)
        return F(T).gumbel_softmax(a, tau=tau, hard=hard, dim=dim)
    run_both(fn, [_r((4, 5), dtype)], requires_grad=(0,))


def test_namespace_reexports_conv_and_loss():
    for name in ["conv2d", "max_pool2d", "cross_entropy", "mse_loss", "nll_loss"]:
        assert callable(getattr(GF, name)), name
