"""Parity with torch for fixes made while integrating session 3: xlogy's gradients, broadcast_tensors,
0-d boolean indexing, cholesky_ex on matrices that are not positive-definite."""
from __future__ import annotations

import itertools

import numpy as np
import pytest
import torch

import gradkit as gk

VALS = [0.0, 1.0, -1.0, 0.5, 3.0, float("nan"), float("inf")]


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_xlogy_values_and_grads(dtype):
    pairs = np.array(list(itertools.product(VALS, VALS)), dtype)
    out = {}
    for T in (torch, gk):
        x = T.tensor(pairs[:, 0], requires_grad=True)
        y = T.tensor(pairs[:, 1], requires_grad=True)
        r = T.xlogy(x, y)
        (r * T.arange(len(pairs), dtype=r.dtype)).sum().backward()
        out[T] = [r.detach().numpy(), x.grad.numpy(), y.grad.numpy()]
    for a, b in zip(out[gk], out[torch]):
        np.testing.assert_allclose(a, b, rtol=1e-6, equal_nan=True)


@pytest.mark.parametrize("args", [(2, [3.0, 0.0]), ([2, 0], [3, 0]), ([2.0, 0.0], 3), ([[1.0], [0.0]], [0.0, 2.0])])
def test_xlogy_mixed_arguments(args):
    def run(T):
        a, b = (T.tensor(v) if isinstance(v, list) else v for v in args)
        return T.xlogy(a, b)
    r, e = run(gk), run(torch)
    assert str(r.dtype) == str(e.dtype) and tuple(r.shape) == tuple(e.shape)
    np.testing.assert_allclose(r.numpy(), e.numpy(), equal_nan=True)


def test_xlogy_gradcheck():
    rng = np.random.default_rng(0)
    x = gk.tensor(rng.uniform(0.5, 2, (3, 4)), requires_grad=True)
    y = gk.tensor(rng.uniform(0.5, 2, (4,)), requires_grad=True)
    assert gk.autograd.gradcheck(gk.xlogy, (x, y))
    assert gk.autograd.gradgradcheck(gk.xlogy, (x, y))


@pytest.mark.parametrize("shapes", [[(2, 3), (2, 3)], [(2, 3), (1, 3)], [(4, 1), (3,), ()], [(2, 3), (4,)],
                                    [(2, 1, 3), (5, 1), (2, 5, 4)]])
def test_broadcast_tensors(shapes):
    res = {}
    for T in (torch, gk):
        ts = [T.ones(s) for s in shapes]
        try:
            out = T.broadcast_tensors(*ts)
            res[T] = ("ok", [tuple(o.shape) for o in out], [o is t for o, t in zip(out, ts)])
        except RuntimeError as e:
            res[T] = ("error", str(e))
    assert res[gk] == res[torch]


@pytest.mark.parametrize("idx", [True, False, "tT", "tF", None])
@pytest.mark.parametrize("shape", [(), (3,), (2, 3)])
def test_boolean_scalar_index(idx, shape):
    res = {}
    for T in (torch, gk):
        a = T.arange(float(np.prod(shape))).reshape(shape)
        i = T.tensor(idx == "tT") if isinstance(idx, str) else idx
        r = a[i]
        res[T] = (tuple(r.shape), r.tolist())
    assert res[gk] == res[torch]


@pytest.mark.parametrize("n,shift,upper,batch", [(2, 5.0, False, ()), (3, 40.0, False, ()), (5, 60.0, True, ()),
                                                 (4, 0.0, False, (2,)), (4, 80.0, False, (3,))])
def test_cholesky_ex_reports_the_failing_minor(n, shift, upper, batch):
    rng = np.random.default_rng(n)
    m = rng.standard_normal((*batch, n, n))
    m = m @ np.swapaxes(m, -1, -2) + 0.1 * np.eye(n)
    m[..., n // 2, n // 2] -= shift
    m = m.astype(np.float32)
    a = torch.linalg.cholesky_ex(torch.tensor(m), upper=upper)
    b = gk.linalg.cholesky_ex(gk.tensor(m), upper=upper)
    np.testing.assert_array_equal(b.info.numpy(), a.info.numpy())
    np.testing.assert_allclose(b.L.numpy(), a.L.numpy(), rtol=1e-4, atol=1e-4)
    with pytest.raises(torch.linalg.LinAlgError) if a.info.any() else _nothing():
        torch.linalg.cholesky_ex(torch.tensor(m), check_errors=True)
    with pytest.raises(gk.linalg.LinAlgError) if a.info.any() else _nothing():
        gk.linalg.cholesky_ex(gk.tensor(m), check_errors=True)


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


@pytest.mark.parametrize("other", ["2.0", "2.13", "2.13.0", "2.13.0+cpu", "2.14", "1.13.1", "2.13.0rc1", "abc",
                                   (2, 0), (2, 13), (2, 13, 0), (2, 14), (3,)])
def test_version_compares_like_torch(other):
    g, t = gk.__version__, torch.__version__
    assert str(g) == str(t) and str(gk.version.__version__) == str(torch.version.__version__)
    for op in ("__lt__", "__le__", "__gt__", "__ge__", "__eq__", "__ne__"):
        assert getattr(g, op)(other) == getattr(t, op)(other), (op, other)


@pytest.mark.parametrize("n", [1, 2, 3])
def test_set_num_threads_round_trip(n):
    before = gk.get_num_threads()
    try:
        gk.set_num_threads(n)
        assert gk.get_num_threads() == n
    finally:
        gk.set_num_threads(before)


@pytest.mark.parametrize("n", [0, -2])
def test_set_num_threads_rejects_non_positive(n):
    with pytest.raises(RuntimeError) as e:
        torch.set_num_threads(n)
    with pytest.raises(RuntimeError) as g:
        gk.set_num_threads(n)
    assert str(g.value) == str(e.value)


@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("x_grad", [True, False])
def test_linear_saves_only_what_backward_needs(bias, x_grad):
    """torch's addmm saves the weight only for the input's gradient: modifying the weight in place before
    backward is an error only when the input requires grad."""
    res = {}
    for T in (torch, gk):
        T.manual_seed(0)
        lin = T.nn.Linear(3, 2, bias=bias)
        x = T.randn(4, 3, requires_grad=x_grad)
        y = lin(x).sum()
        with T.no_grad():
            lin.weight.mul_(2)
        try:
            y.backward()
            res[T] = ("ok", lin.weight.grad.tolist())
        except RuntimeError as e:
            res[T] = ("error", str(e).split(":")[0])
    assert res[gk] == res[torch]


def test_relu_double_backward_gives_zero_not_none():
    res = {}
    for T in (torch, gk):
        T.manual_seed(0)
        lin = T.nn.Linear(3, 2)
        x = T.randn(4, 3, requires_grad=True)
        gx, = T.autograd.grad(T.relu(lin(x)).sum(), x, create_graph=True)
        (gx ** 2).sum().backward()
        g = T.ones(2, requires_grad=True)
        z = T.tensor([1.0, -1.0], requires_grad=True)
        gz, = T.autograd.grad(T.relu(z), z, g, create_graph=True)
        second = T.autograd.grad((gz * T.tensor([2.0, 3.0])).sum(), [g, z])
        res[T] = [lin.weight.grad.tolist(), lin.bias.grad.tolist()] + [s.tolist() for s in second]
    np.testing.assert_allclose(np.array(res[gk][0]), np.array(res[torch][0]), rtol=1e-5)
    assert res[gk][1:] == res[torch][1:]
