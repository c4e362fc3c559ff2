"""Activations (functional and modules) against torch: values, gradients, in-place forms, reprs, errors."""
import numpy as np
import pytest
import torch

import gradkit as gk
import gradkit.nn.functional as GF
import torch.nn.functional as TF
from _parity import assert_close, run_both
from gradkit.nn.modules import activation as GA

DTYPES = [np.float32, np.float64]


def _x(shape=(3, 4, 5), dtype=np.float32, seed=0, scale=3.0):
    x = (np.random.default_rng(seed).standard_normal(shape) * scale).astype(dtype)
    x.flat[:4] = [0.0, 3.0, -3.0, 0.5]
    return x


def _ver(t):
    return t._version


def F(T):
    return TF if T is torch else GF


def NN(T):
    return torch.nn if T is torch else GA


UNARY = [
    ("relu", {}), ("relu6", {}), ("hardtanh", {}), ("hardtanh", {"min_val": -0.5, "max_val": 2.0}),
    ("leaky_relu", {}), ("leaky_relu", {"negative_slope": 0.2}), ("elu", {}), ("elu", {"alpha": 0.5}),
    ("selu", {}), ("celu", {}), ("celu", {"alpha": 2.0}), ("gelu", {}), ("gelu", {"approximate": "tanh"}),
    ("silu", {}), ("mish", {}), ("sigmoid", {}), ("logsigmoid", {}), ("tanh", {}), ("hardsigmoid", {}),
    ("hardswish", {}), ("hardshrink", {}), ("hardshrink", {"lambd": 1.0}), ("softshrink", {}),
    ("softshrink", {"lambd": 1.5}), ("tanhshrink", {}), ("softplus", {}), ("softplus", {"beta": 2.0, "threshold": 3.0}),
    ("softsign", {}), ("threshold", {"threshold": 0.3, "value": -2.0}), ("rrelu", {}), ("glu", {"dim": 1}),
    ("glu", {}), ("softmax", {"dim": 1}), ("log_softmax", {"dim": -1}), ("softmin", {"dim": 0}),
]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name,kw", UNARY, ids=[f"{n}-{i}" for i, (n, _) in enumerate(UNARY)])
def test_functional_unary(name, kw, dtype):
    x = _x((3, 4, 6), dtype)
    if name == "threshold":
        fn = lambda T, a: F(T).threshold(a, kw["threshold"], kw["value"])
    else:
        fn = lambda T, a: getattr(F(T), name)(a, **kw)
    run_both(fn, [x], requires_grad=(0,))


INPLACE = [("relu", {}), ("relu6", {}), ("hardtanh", {}), ("leaky_relu", {"negative_slope": 0.1}), ("elu", {}),
           ("selu", {}), ("celu", {"alpha": 0.7}), ("silu", {}), ("mish", {}), ("hardsigmoid", {}),
           ("hardswish", {}), ("rrelu", {}), ("threshold", {})]


@pytest.mark.parametrize("name,kw", INPLACE)
def test_functional_inplace(name, kw):
    x = _x((4, 5), np.float64)

    def fn(T, a):
        b = a * 1.0
        if name == "threshold":
            r = F(T).threshold(b, 0.2, 5.0, inplace=True)
        else:
            r = getattr(F(T), name)(b, inplace=True, **kw)
        assert r is b
        return r * 2
    run_both(fn, [x], requires_grad=(0,))
    # no-grad in-place path writes into the same memory
    for T in (torch, gk):
        t = T.tensor(x.copy())
        v = _ver(t)
        r = F(T).threshold_(t, 0.0, 1.0) if name == "threshold" else getattr(F(T), name)(t, inplace=True, **kw)
        assert r is t
        assert _ver(t) > v
    a, b = torch.tensor(x.copy()), gk.tensor(x.copy())
    if name == "threshold":
        TF.threshold_(a, 0.0, 1.0), GF.threshold_(b, 0.0, 1.0)
    else:
        getattr(TF, name)(a, inplace=True, **kw), getattr(GF, name)(b, inplace=True, **kw)
    assert_close(a, b)


@pytest.mark.parametrize("name", ["relu_", "elu_", "leaky_relu_", "hardtanh_", "selu_", "celu_", "rrelu_"])
def test_underscore_functions(name):
    x = _x((3, 4), np.float32)
    a, b = torch.tensor(x), gk.tensor(x)
    assert getattr(TF, name)(a) is a
    assert getattr(GF, name)(b) is b
    assert_close(a, b)


def test_inplace_on_leaf_raises():
    x = gk.tensor(_x((3,), np.float32), requires_grad=True)
    with pytest.raises(RuntimeError, match="leaf Variable that requires grad"):
        GF.elu(x, inplace=True)


def test_extreme_values():
    x = np.array([-1e4, -100.0, -20.0, -1e-8, 0.0, 1e-8, 20.0, 21.0, 100.0, 1e4], np.float32)
    for name in ["gelu", "silu", "mish", "sigmoid", "logsigmoid", "softplus", "elu", "selu", "softsign"]:
        run_both(lambda T, a: getattr(F(T), name)(a), [x], requires_grad=(0,))


def test_prelu():
    x = _x((2, 3, 4), np.float32)
    run_both(lambda T, a, w: F(T).prelu(a, w), [x, np.array([0.1, -0.2, 0.3], np.float32)], requires_grad=(0, 1))
    run_both(lambda T, a, w: F(T).prelu(a, w), [x, np.array([0.25], np.float32)], requires_grad=(0, 1))
    run_both(lambda T, a, w: F(T).prelu(a, w), [x[0, 0], np.array([0.25], np.float32)], requires_grad=(0, 1))
    run_both(lambda T, a, w: F(T).prelu(a, w), [x[0, 0], np.array(0.5, np.float32)], requires_grad=(0, 1))
    with pytest.raises(RuntimeError, match="prelu: Type promoting not supported. Got Float and Double"):
        GF.prelu(gk.tensor(x), gk.ones(3, dtype=gk.float64))
    with pytest.raises(RuntimeError, match="Found parameter numbers = 4 and channel size = 3"):
        GF.prelu(gk.tensor(x), gk.ones(4))


@pytest.mark.parametrize("dtype", DTYPES)
def test_rrelu_training_uses_rng(dtype):
    x = _x((4, 50), dtype)
    outs = []
    for T in (torch, gk):
        T.manual_seed(7)
        a = T.tensor(x, requires_grad=True)
        y = F(T).rrelu(a, 0.1, 0.4, training=True)
        y.sum().backward()
        after = T.rand(3)
        outs.append((y, a.grad, after))
    assert_close(outs[0][0], outs[1][0])
    assert_close(outs[0][1], outs[1][1])
    assert_close(outs[0][2], outs[1][2])


def test_activation_errors():
    with pytest.raises(ValueError, match="min_val cannot be greater than max_val"):
        GF.hardtanh(gk.ones(2), 1.0, -1.0)
    with pytest.raises(NotImplementedError, match="\"elu_cpu\" not implemented for 'Long'"):
        GF.elu(gk.tensor([1, 2]))
    with pytest.raises(NotImplementedError, match="softplus_cpu"):
        GF.softplus(gk.tensor([1, 2]))
    with pytest.raises(RuntimeError, match="approximate argument must be either none or tanh."):
        GF.gelu(gk.ones(2), approximate="x")
    with pytest.raises(RuntimeError, match="Halving dimension must be even, but dimension 0 is size 3"):
        GF.glu(gk.ones(3))
    with pytest.raises(RuntimeError, match="Lower bound should be less than or equal to the upper bound"):
        GF.rrelu(gk.ones(3), 0.5, 0.1, training=True)
    with pytest.raises(IndexError, match=r"Dimension out of range \(expected to be in range of \[-2, 1\], but got 2\)"):
        GF.softmax(gk.ones(2, 3), 2)


def test_softmax_implicit_dim_warns():
    x = _x((2, 3, 4), np.float32)
    for name in ["softmax", "log_softmax", "softmin"]:
        with pytest.warns(UserWarning, match="Implicit dimension choice"):
            b = getattr(GF, name)(gk.tensor(x))
        with pytest.warns(UserWarning):
            a = getattr(TF, name)(torch.tensor(x))
        assert_close(a, b)


def test_softmax_dtype_arg():
    x = _x((2, 5), np.float32)
    run_both(lambda T, a: F(T).softmax(a, 1, dtype=T.float64), [x], requires_grad=(0,))
    run_both(lambda T, a: F(T).log_softmax(a, 0, dtype=T.float64), [x], requires_grad=(0,))


def test_grad_fn_names():
    x = gk.tensor(_x((2, 4), np.float32), requires_grad=True)
    for name, node in [("gelu", "GeluBackward0"), ("silu", "SiluBackward0"), ("elu", "EluBackward0"),
                       ("leaky_relu", "LeakyReluBackward0"), ("hardtanh", "HardtanhBackward0"),
                       ("softplus", "SoftplusBackward0"), ("mish", "MishBackward0"),
                       ("logsigmoid", "LogSigmoidBackward0")]:
        assert type(getattr(GF, name)(x).grad_fn).__name__ == node


@pytest.mark.parametrize("name,kw", [("gelu", {}), ("gelu", {"approximate": "tanh"}), ("silu", {}), ("mish", {}),
                                     ("elu", {"alpha": 0.7}), ("selu", {}), ("celu", {"alpha": 1.5}),
                                     ("logsigmoid", {}), ("softplus", {"beta": 1.5}), ("hardswish", {}),
                                     ("leaky_relu", {}), ("hardsigmoid", {}), ("softshrink", {}), ("rrelu", {})])
def test_gradcheck_and_gradgradcheck(name, kw):
    x = np.random.default_rng(3).uniform(-2.5, 2.5, (3, 4))
    x = x[np.abs(np.abs(x) - 0.5) > 0.05][:8]
    t = gk.tensor(x, requires_grad=True)
    f = lambda a: getattr(GF, name)(a, **kw)
    assert gk.autograd.gradcheck(f, (t,))
    if name in ("hardswish", "leaky_relu", "hardsigmoid", "softshrink", "rrelu"):
        return
    assert gk.autograd.gradgradcheck(f, (t,))
    # second derivative equals torch's
    outs = []
    for T in (torch, gk):
        a = T.tensor(x, requires_grad=True)
        y = getattr(F(T), name)(a, **kw)
        (g,) = T.autograd.grad(y.sum(), a, create_graph=True)
        if g.requires_grad:
            (gg,) = T.autograd.grad((g * g).sum(), a)
        else:
            gg = T.zeros_like(a)
        outs.append(gg)
    assert_close(outs[0], outs[1], rtol=1e-6, atol=1e-8)


MODULES = [
    ("Threshold", (0.1, 20.0), {}), ("Threshold", (0.1, 20), {"inplace": True}), ("ReLU", (), {}),
    ("ReLU", (True,), {}), ("RReLU", (), {}), ("RReLU", (0.2, 0.3, True), {}), ("Hardtanh", (), {}),
    ("Hardtanh", (-2.0, 3.0), {"inplace": True}), ("ReLU6", (), {}), ("ReLU6", (True,), {}), ("Sigmoid", (), {}),
    ("Hardsigmoid", (), {}), ("Hardsigmoid", (True,), {}), ("Tanh", (), {}), ("SiLU", (), {}), ("SiLU", (True,), {}),
    ("Mish", (), {}), ("Mish", (True,), {}), ("Hardswish", (True,), {}), ("ELU", (), {}), ("ELU", (0.5, True), {}),
    ("CELU", (2.0,), {}), ("SELU", (), {}), ("SELU", (True,), {}), ("GLU", (), {}), ("GLU", (1,), {}),
    ("GELU", (), {}), ("GELU", ("tanh",), {}), ("Hardshrink", (), {}), ("Hardshrink", (0.7,), {}),
    ("LeakyReLU", (), {}), ("LeakyReLU", (0.2, True), {}), ("LogSigmoid", (), {}), ("Softplus", (), {}),
    ("Softplus", (2, 5), {}), ("Softshrink", (1.0,), {}), ("PReLU", (), {}), ("PReLU", (4,), {"init": 0.1}),
    ("Softsign", (), {}), ("Tanhshrink", (), {}), ("Softmin", (1,), {}), ("Softmax", (-1,), {}),
    ("Softmax", (), {}), ("Softmax2d", (), {}), ("LogSoftmax", (2,), {}),
]


@pytest.mark.parametrize("name,args,kw", MODULES, ids=[f"{m[0]}-{i}" for i, m in enumerate(MODULES)])
def test_modules(name, args, kw):
    x = _x((2, 4, 6), np.float32)
    mods = [getattr(NN(T), name)(*args, **kw) for T in (torch, gk)]
    assert repr(mods[0]) == repr(mods[1])
    if name == "RReLU":
        for m in mods:
            m.eval()

    def fn(T, a):
        m = mods[0] if T is torch else mods[1]
        inp = a * 1.0 if kw.get("inplace") or (args and args[-1] is True) else a
        out = m(inp)
        return out
    run_both(fn, [x], requires_grad=(0,))
    if name == "PReLU":
        assert_close(mods[0].weight.grad, mods[1].weight.grad)
        assert [n for n, _ in mods[0].named_parameters()] == [n for n, _ in mods[1].named_parameters()]


def test_softmax2d_error():
    with pytest.raises(ValueError, match="Softmax2d: expected input to be 3D or 4D, got 2D instead"):
        GA.Softmax2d()(gk.ones(2, 3))


def test_rrelu_module_train_mode():
    x = _x((3, 7), np.float32)
    res = []
    for T in (torch, gk):
        T.manual_seed(3)
        m = NN(T).RReLU()
        res.append(m(T.tensor(x)))
    assert_close(res[0], res[1])


@pytest.mark.parametrize("kw", [{}, {"bias": False}, {"batch_first": True}, {"add_bias_kv": True},
                                {"add_zero_attn": True}, {"kdim": 3, "vdim": 5}])
@pytest.mark.parametrize("need_weights", [True, False])
def test_multihead_attention(kw, need_weights):
    rng = np.random.default_rng(1)
    L, S, N, E = 4, 5, 2, 6
    bf = kw.get("batch_first", False)
    qs = (N, L, E) if bf else (L, N, E)
    ks = (N, S, kw.get("kdim", E)) if bf else (S, N, kw.get("kdim", E))
    vs = (N, S, kw.get("vdim", E)) if bf else (S, N, kw.get("vdim", E))
    q, k, v = (rng.standard_normal(s).astype(np.float32) for s in (qs, ks, vs))
    mask = np.triu(np.ones((L, S), bool), 1)
    kpm = np.zeros((N, S), bool)
    kpm[0, -1] = True
    mods = []
    for T in (torch, gk):
        T.manual_seed(0)
        mods.append((NN(T) if T is torch else GA).MultiheadAttention(E, 2, **kw))
    assert repr(mods[0]) == repr(mods[1])

    def fn(T, a, b, c):
        m = mods[0] if T is torch else mods[1]
        out, w = m(a, b, c, key_padding_mask=T.tensor(kpm), attn_mask=T.tensor(mask), need_weights=need_weights)
        return (out, w) if need_weights else out
    run_both(fn, [q, k, v], requires_grad=(0, 1, 2), rtol=1e-4, atol=1e-5)
    for p0, p1 in zip(mods[0].parameters(), mods[1].parameters()):
        assert_close(p0.grad, p1.grad, rtol=1e-4, atol=1e-5)


def test_multihead_attention_unbatched_no_mask():
    rng = np.random.default_rng(2)
    q = rng.standard_normal((3, 4)).astype(np.float32)
    mods = []
    for T in (torch, gk):
        T.manual_seed(1)
        mods.append((NN(T) if T is torch else GA).MultiheadAttention(4, 1))
    run_both(lambda T, a: (mods[0] if T is torch else mods[1])(a, a, a)[0], [q], requires_grad=(0,),
             rtol=1e-4, atol=1e-5)
    run_both(lambda T, a: (mods[0] if T is torch else mods[1])(a, a, a, average_attn_weights=False)[1], [q],
             requires_grad=(0,), rtol=1e-4, atol=1e-5)


def test_fast_float32_erf_used_by_gelu():
    x = np.linspace(-7, 7, 20001).astype(np.float32)
    got = gk.autograd.ops._erf32_np(x)
    assert got.dtype == np.float32
    ref = torch.erf(torch.tensor(x)).numpy()
    np.testing.assert_allclose(got, ref, rtol=3e-7, atol=1e-9)
    big = _x((40, 50), np.float32, seed=4)
    run_both(lambda T, a: F(T).gelu(a), [big], requires_grad=(0,))
