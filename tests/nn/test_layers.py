"""Layer modules against torch: default initialisation under the same seed, forward/backward, reprs."""
import numpy as np
import pytest
import torch

import gradkit as gk
from _parity import assert_close, run_both
from gradkit.nn.modules import activation as GA
from gradkit.nn.modules import dropout as GD
from gradkit.nn.modules import flatten as GFl
from gradkit.nn.modules import linear as GL
from gradkit.nn.modules import pixelshuffle as GP
from gradkit.nn.modules import sparse as GS

_MODS = {}
for _m in (GD, GFl, GL, GP, GS, GA):
    for _n in _m.__all__:
        _MODS[_n] = getattr(_m, _n)


def NN(T, name):
    return getattr(torch.nn, name) if T is torch else _MODS[name]


def _r(shape, dtype=np.float32, seed=0):
    return np.random.default_rng(seed).standard_normal(shape).astype(dtype)


def _pair(name, *args, seed=0, **kw):
    out = []
    for T in (torch, gk):
        T.manual_seed(seed)
        out.append(NN(T, name)(*args, **kw))
    return out


def _same_params(m0, m1, rtol=0.0, atol=0.0):
    n0, n1 = dict(m0.named_parameters()), dict(m1.named_parameters())
    assert list(n0) == list(n1)
    for k in n0:
        assert_close(n0[k], n1[k], rtol=rtol, atol=atol)


def _call(mods):
    return lambda T, *a: (mods[0] if T is torch else mods[1])(*a)


@pytest.mark.parametrize("args", [(1, 4), (5, 3), (7, 2, False), (16, 8)])
@pytest.mark.parametrize("dtype", [None, "float64"])
def test_linear_init_forward_backward(args, dtype):
    kw = {} if dtype is None else {"dtype": getattr(torch, dtype)}
    mods = []
    for T in (torch, gk):
        T.manual_seed(3)
        kw2 = {} if dtype is None else {"dtype": getattr(T, dtype)}
        mods.append(NN(T, "Linear")(*args, **kw2))
    assert kw is not None
    assert repr(mods[0]) == repr(mods[1])
    _same_params(*mods)
    x = _r((4, args[0]), np.float64 if dtype else np.float32)
    run_both(_call(mods), [x], requires_grad=(0,))
    for p0, p1 in zip(mods[0].parameters(), mods[1].parameters()):
        assert_close(p0.grad, p1.grad)
    assert str(mods[1].weight.dtype) == str(mods[0].weight.dtype)


def test_linear_repr_and_state_dict():
    m = GL.Linear(1, 4)
    assert repr(m) == "Linear(in_features=1, out_features=4, bias=True)"
    assert list(m.state_dict()) == ["weight", "bias"]
    assert repr(GL.Linear(2, 3, bias=False)) == "Linear(in_features=2, out_features=3, bias=False)"
    assert GL.Linear(2, 3, bias=False).bias is None


def test_identity():
    m = GL.Identity(3, foo=1)
    assert repr(m) == "Identity()"
    t = gk.ones(2)
    assert m(t) is t


@pytest.mark.parametrize("bias", [True, False])
def test_bilinear_module(bias):
    mods = _pair("Bilinear", 3, 4, 5, bias=bias, seed=1)
    assert repr(mods[0]) == repr(mods[1])
    _same_params(*mods)
    run_both(_call(mods), [_r((6, 3)), _r((6, 4), seed=1)], requires_grad=(0, 1))
    for p0, p1 in zip(mods[0].parameters(), mods[1].parameters()):
        assert_close(p0.grad, p1.grad)


def test_lazy_linear():
    mods = _pair("LazyLinear", 4, seed=2)
    run_both(_call(mods), [_r((3, 6))], requires_grad=(0,))
    _same_params(*mods)
    assert repr(mods[0]) == repr(mods[1])
    assert type(mods[1]) is GL.Linear


def test_mlp_training_steps_match():
    res = []
    x, y = _r((8, 5)), _r((8, 2), seed=1)
    for T in (torch, gk):
        T.manual_seed(0)
        lin1, lin2 = NN(T, "Linear")(5, 7), NN(T, "Linear")(7, 2)
        act = NN(T, "Tanh")()
        params = list(lin1.parameters()) + list(lin2.parameters())
        losses = []
        for _ in range(3):
            out = lin2(act(lin1(T.tensor(x))))
            loss = ((out - T.tensor(y)) ** 2).mean()
            for p in params:
                p.grad = None
            loss.backward()
            with T.no_grad():
                for p in params:
                    p -= 0.1 * p.grad
            losses.append(loss.item())
        res.append((losses, [p.detach() for p in params]))
    np.testing.assert_allclose(res[1][0], res[0][0], rtol=1e-5)
    for a, b in zip(res[0][1], res[1][1]):
        assert_close(a, b, rtol=1e-5, atol=1e-6)


# ----------------------------------------------------------------------------- flatten / shuffle
@pytest.mark.parametrize("args", [(), (0,), (1, 2), (-3, -2)])
def test_flatten(args):
    mods = [NN(T, "Flatten")(*args) for T in (torch, gk)]
    assert repr(mods[0]) == repr(mods[1])
    run_both(_call(mods), [_r((2, 3, 4, 5))], requires_grad=(0,))


@pytest.mark.parametrize("dim,size", [(1, (2, 3)), (-1, (5, 1)), (0, [2, 1])])
def test_unflatten(dim, size):
    mods = [NN(T, "Unflatten")(dim, size) for T in (torch, gk)]
    assert repr(mods[0]) == repr(mods[1])
    shape = [2, 6, 5]
    shape[dim] = int(np.prod(size))
    run_both(_call(mods), [_r(tuple(shape))], requires_grad=(0,))
    with pytest.raises(TypeError, match="unflattened_size must be tuple of ints, but found element of type float"):
        GFl.Unflatten(1, (2, 3.0))


@pytest.mark.parametrize("name,r,shape", [("PixelShuffle", 2, (2, 8, 3, 3)), ("PixelUnshuffle", 3, (1, 2, 6, 3))])
def test_pixel_shuffle_modules(name, r, shape):
    mods = [NN(T, name)(r) for T in (torch, gk)]
    assert repr(mods[0]) == repr(mods[1])
    run_both(_call(mods), [_r(shape)], requires_grad=(0,))


# ----------------------------------------------------------------------------- dropout modules
@pytest.mark.parametrize("name,shape", [("Dropout", (4, 6)), ("Dropout1d", (3, 4, 5)), ("Dropout2d", (2, 3, 4, 4)),
                                        ("Dropout3d", (2, 2, 2, 3, 3)), ("AlphaDropout", (5, 6)),
                                        ("FeatureAlphaDropout", (2, 3, 4))])
@pytest.mark.parametrize("p", [0.25, 0.5])
def test_dropout_modules(name, shape, p):
    mods = [NN(T, name)(p) for T in (torch, gk)]
    assert repr(mods[0]) == repr(mods[1])
    x = _r(shape)
    for T in (torch, gk):
        T.manual_seed(11)
    run_both(_call(mods), [x], requires_grad=(0,))
    for m in mods:
        m.eval()
    t = gk.tensor(x)
    assert mods[1](t) is t


def test_dropout_module_inplace_repr_and_error():
    assert repr(GD.Dropout(0.3, inplace=True)) == repr(torch.nn.Dropout(0.3, inplace=True))
    with pytest.raises(ValueError, match="dropout probability has to be between 0 and 1, but got -0.1"):
        GD.Dropout(-0.1)


# ----------------------------------------------------------------------------- embeddings
@pytest.mark.parametrize("kw", [{}, {"padding_idx": 2}, {"padding_idx": -1}, {"max_norm": 1.0},
                                {"max_norm": 2.0, "norm_type": 1.0}, {"scale_grad_by_freq": True}])
def test_embedding_module(kw):
    mods = _pair("Embedding", 6, 3, seed=4, **kw)
    assert repr(mods[0]) == repr(mods[1])
    _same_params(*mods)
    idx = np.array([[0, 2, 5], [5, 5, 1]], np.int64)
    run_both(lambda T, w: (mods[0] if T is torch else mods[1])(T.tensor(idx)) * w, [_r((1, 3))],
             requires_grad=(0,))
    assert_close(mods[0].weight.grad, mods[1].weight.grad)
    _same_params(*mods)


def test_embedding_from_pretrained():
    w = _r((4, 3))
    for freeze in (True, False):
        ms = [NN(T, "Embedding").from_pretrained(T.tensor(w), freeze=freeze, padding_idx=1) for T in (torch, gk)]
        assert ms[0].weight.requires_grad == ms[1].weight.requires_grad
        assert repr(ms[0]) == repr(ms[1])
        assert_close(ms[0](torch.tensor([1, 3])), ms[1](gk.tensor([1, 3])))
    with pytest.raises(AssertionError, match="Embeddings parameter is expected to be 2-dimensional"):
        GS.Embedding.from_pretrained(gk.ones(3))


@pytest.mark.parametrize("mode", ["sum", "mean", "max"])
@pytest.mark.parametrize("padding_idx", [None, 1])
def test_embedding_bag_module(mode, padding_idx):
    mods = _pair("EmbeddingBag", 6, 3, seed=5, mode=mode, padding_idx=padding_idx)
    assert repr(mods[0]) == repr(mods[1])
    _same_params(*mods)
    idx, offs = np.array([0, 1, 5, 1, 2, 4], np.int64), np.array([0, 2, 3], np.int64)
    run_both(lambda T, w: (mods[0] if T is torch else mods[1])(T.tensor(idx), T.tensor(offs)) * w,
             [_r((1, 3))], requires_grad=(0,))
    assert_close(mods[0].weight.grad, mods[1].weight.grad)
    bags = [NN(T, "EmbeddingBag").from_pretrained(T.tensor(_r((6, 3))), mode=mode) for T in (torch, gk)]
    assert repr(bags[0]) == repr(bags[1])
    assert bags[1].weight.requires_grad is False
