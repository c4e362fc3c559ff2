"""Tensor basics against torch: dtypes and promotion, creation, in-place ops and versions, errors."""
import itertools

import numpy as np
import pytest

import gradkit
from _parity import assert_close, torch

DTYPES = ["float32", "float64", "int64", "int32", "int16", "int8", "uint8", "bool"]
SCALARS = [2, 2.5, True]


def _mk(T, name, shape):
    a = np.arange(1, 1 + int(np.prod(shape))).reshape(shape) % 3 + 1
    return T.tensor(a.astype(np.bool_ if name == "bool" else name)).to(getattr(T, name))


OPS = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b, "div": lambda a, b: a / b,
       "lt": lambda a, b: a < b, "max": lambda a, b: a.maximum(b) if hasattr(a, "maximum") else None}


@pytest.mark.parametrize("d1,d2", list(itertools.product(DTYPES, DTYPES)))
@pytest.mark.parametrize("shapes", [((3,), (3,)), ((3,), ()), ((), (3,))])
def test_promotion_tensor_tensor(d1, d2, shapes):
    for op in ("add", "mul", "div", "lt"):
        res = []
        for T in (torch, gradkit):
            a, b = _mk(T, d1, shapes[0]), _mk(T, d2, shapes[1])
            try:
                res.append(OPS[op](a, b))
            except RuntimeError as e:
                res.append(type(e))
        if isinstance(res[0], type):
            assert res[1] is res[0], (op, d1, d2)
        else:
            assert_close(res[0], res[1])


@pytest.mark.parametrize("d1", DTYPES)
@pytest.mark.parametrize("s", SCALARS)
@pytest.mark.parametrize("op", ["add", "mul", "div", "lt", "radd", "rsub", "pow"])
def test_promotion_tensor_scalar(d1, s, op):
    f = {"add": lambda a: a + s, "mul": lambda a: a * s, "div": lambda a: a / s, "lt": lambda a: a < s,
         "radd": lambda a: s + a, "rsub": lambda a: s - a, "pow": lambda a: a ** s}[op]
    res = []
    for T in (torch, gradkit):
        try:
            res.append(f(_mk(T, d1, (4,))))
        except (RuntimeError, TypeError) as e:
            res.append(type(e))
    if isinstance(res[0], type):
        assert res[1] is res[0]
    else:
        assert_close(res[0], res[1])


@pytest.mark.parametrize("data", [[1, 2, 3], [1.0, 2], [[True, False]], 3, 2.5, True, [[1, 2], [3, 4]], [],
                                  np.arange(3, dtype=np.float64), np.arange(3, dtype=np.int32)])
def test_tensor_inference(data):
    assert_close(torch.tensor(data), gradkit.tensor(data))


@pytest.mark.parametrize("args", [(5,), (1, 4), (0, 1, 0.1), (2.5,), (-3, 3, 2), (10, 0, -3), (0, 1.0, 0.25)])
def test_arange(args):
    assert_close(torch.arange(*args), gradkit.arange(*args), rtol=0, atol=0)


@pytest.mark.parametrize("args", [(0, 10, 100), (0, 1, 5), (-3.3, 7.1, 17), (1, 1, 1), (0, 10, 0), (5, -5, 33)])
@pytest.mark.parametrize("dt", [None, "float64", "int64"])
def test_linspace_exact(args, dt):
    kw = {} if dt is None else {"dtype": getattr(torch, dt)}
    kg = {} if dt is None else {"dtype": getattr(gradkit, dt)}
    assert_close(torch.linspace(*args, **kw), gradkit.linspace(*args, **kg), rtol=0, atol=0)


def test_creation_family():
    for name, args in [("zeros", (2, 3)), ("ones", ((2, 3),)), ("eye", (3,)), ("eye", (2, 4)),
                       ("full", ((2, 2), 7)), ("full", ((2,), 1.5)), ("full", ((2,), True)),
                       ("logspace", (0, 2, 5)), ("empty", (0,))]:
        t, g = getattr(torch, name)(*args), getattr(gradkit, name)(*args)
        if name == "empty":
            assert tuple(t.shape) == tuple(g.shape)
        else:
            assert_close(t, g)
    x = np.arange(6.0).reshape(2, 3)
    for f in ("zeros_like", "ones_like"):
        assert_close(getattr(torch, f)(torch.tensor(x)), getattr(gradkit, f)(gradkit.tensor(x)))
    assert_close(torch.full_like(torch.tensor(x), 3), gradkit.full_like(gradkit.tensor(x), 3))


def test_from_numpy_shares_memory():
    a = np.zeros(3, np.float32)
    t = gradkit.from_numpy(a)
    t.add_(1)
    assert a.tolist() == [1, 1, 1]
    a[0] = 5
    assert t[0].item() == 5


def test_size_and_metadata():
    for T in (torch, gradkit):
        x = T.zeros(2, 3, 4)
        assert repr(x.shape) == "torch.Size([2, 3, 4])" and x.size(1) == 3 and x.dim() == 3 and x.numel() == 24
        assert isinstance(x.shape, tuple) and x.shape[1:] == (3, 4)
        assert str(x.device) == "cpu" and x.is_leaf and not x.requires_grad
        assert x.stride() == (12, 4, 1) and x.t() if x.dim() == 2 else True
    assert repr(gradkit.float32) == "torch.float32" and gradkit.get_default_dtype() is gradkit.float32


def test_inplace_and_versions():
    for T in (torch, gradkit):
        x = T.ones(3)
        v = x[1:]
        v.mul_(3)
        assert x.tolist() == [1, 3, 3]
        ver = (lambda t: t._version)
        assert ver(x) == ver(v) == 1
        x.add_(T.ones(3), alpha=2)
        x.clamp_(max=4)
        assert x.tolist() == [3, 4, 4]
        x[0] = 0
        assert x.tolist() == [0, 4, 4] and ver(x) == 4


def test_inplace_errors_match():
    def cases(T):
        w = T.ones(2, requires_grad=True)
        yield lambda: w.add_(1)
        yield lambda: T.ones(2, dtype=T.int64).add_(1.5)
        yield lambda: T.ones(2).add_(T.ones(3))
        y = w.exp()
        z = y * 2
        y.add_(1)
        yield lambda: (y * 1).sum().backward() if False else y.exp().sum().backward()
        a = w * 1
        b = a.sigmoid()
        b.mul_(2)
        yield lambda: b.sum().backward()
        yield lambda: z
    for ct, cg in zip(cases(torch), cases(gradkit)):
        errs = []
        for c in (ct, cg):
            try:
                c()
                errs.append(None)
            except Exception as e:
                errs.append(type(e))
        assert errs[0] == errs[1], errs


def test_inplace_graph_gradients():
    def f(T, x):
        y = x * 2
        y.add_(x)
        y.mul_(x)
        y[0] = y[1] * 3
        y.relu_()
        return y.sum()
    outs = []
    for T in (torch, gradkit):
        x = T.tensor([1.0, -2.0, 3.0], requires_grad=True)
        out = f(T, x)
        out.backward()
        outs.append((out, x.grad))
    assert_close(outs[0], outs[1])


@pytest.mark.parametrize("fn", [
    lambda T: T.ones(3) + T.ones(4), lambda T: T.ones(2, 3) @ T.ones(2, 3), lambda T: T.ones(3).view(4),
    lambda T: T.tensor([1, 2])[5], lambda T: T.ones(2, 3).sum(3), lambda T: T.cat([T.ones(2, 3), T.ones(3, 2)]),
    lambda T: T.ones(2, 3).t().view(6), lambda T: T.ones(2).backward(), lambda T: T.arange(3).mean(),
    lambda T: T.ones(2, 2).item(), lambda T: T.stack([T.ones(2), T.ones(3)]), lambda T: T.ones(3).permute(1, 0),
    lambda T: T.ones(2, 3).expand(3, 3), lambda T: T.ones(3).gather(0, T.tensor([5])),
    lambda T: T.tensor([[1, 2], [3]]), lambda T: T.zeros(2).requires_grad_().numpy(),
    lambda T: T.ones(3, dtype=T.int64).requires_grad_(), lambda T: T.ones(3).unsqueeze(3),
    lambda T: T.ones(2, 3).reshape(-1, -1), lambda T: bool(T.ones(2)),
])
def test_error_types_match(fn):
    got = []
    for T in (torch, gradkit):
        try:
            fn(T)
            got.append(None)
        except Exception as e:
            got.append((type(e), str(e).split("\n")[0][:60]))
    assert got[1] is not None and got[0] is not None
    assert got[0][0] is got[1][0], got


def test_repr_matches_torch():
    rng = np.random.default_rng(0)
    for arr in [rng.standard_normal((2, 3)).astype(np.float32), np.arange(5), np.array(True), np.zeros((0, 2)),
                rng.standard_normal(1000).astype(np.float32), np.array([1e-8, 1.0]), np.array(3.5)]:
        t, g = torch.tensor(arr), gradkit.tensor(arr)
        assert repr(t) == repr(g)
    for T in (torch, gradkit):
        x = T.tensor([1.0, 2.0], requires_grad=True)
        assert repr(x) == "tensor([1., 2.], requires_grad=True)"
        assert repr(x.sum()) == "tensor(3., grad_fn=<SumBackward0>)"
        assert repr(T.tensor([1.0], dtype=T.float64)) == "tensor([1.], dtype=torch.float64)"


def test_conversions():
    for T in (torch, gradkit):
        x = T.tensor([[1.5, -2.0], [3.0, 4.0]])
        assert x.tolist() == [[1.5, -2.0], [3.0, 4.0]]
        assert x[0, 0].item() == 1.5 and float(x[1, 1]) == 4.0 and int(x[0, 1]) == -2
        assert x.long().dtype == T.int64 and x.to(T.float64).dtype == T.float64 and x.int().tolist() == [[1, -2], [3, 4]]
        assert x.type() == "torch.FloatTensor" and x.double().type() == "torch.DoubleTensor"
        assert f"{x.sum():.2f}" == "6.50"
        assert len(x) == 2 and [r.tolist() for r in x] == [[1.5, -2.0], [3.0, 4.0]]


def test_numpy_returns_a_new_array_sharing_memory_like_torch():
    for T in (torch, gradkit):
        t = T.arange(6.0)
        a, b = t.numpy(), t.numpy()
        assert (a is b) is False
        a.shape = (2, 3)
        a[0, 0] = 7.0
        assert tuple(t.shape) == (6,) and t[0].item() == 7.0 and b[0] == 7.0
