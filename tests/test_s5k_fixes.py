"""Parity tests for the tensor-API fixes of session 5 (s5k): scatter_reduce grads, Tensor.where, out=, errors."""
from __future__ import annotations

import numpy as np
import pytest

import gradkit

from _parity import assert_close, run_both

torch = pytest.importorskip("torch")


def outcome(fn, T):
    """``('ok', str)`` of ``fn(T)`` or ``(exception type, message)``."""
    try:
        return "ok", str(fn(T))
    except Exception as e:  # noqa: BLE001
        return type(e).__name__, str(e)


def same(fn):
    assert outcome(fn, gradkit) == outcome(fn, torch)


@pytest.mark.parametrize("reduce", ["sum", "prod", "mean", "amax", "amin"])
@pytest.mark.parametrize("include_self", [True, False])
@pytest.mark.parametrize("dim", [0, 1])
@pytest.mark.parametrize("zeros", [False, True])
def test_scatter_reduce_grads(reduce, include_self, dim, zeros):
    rng = np.random.default_rng(7)
    x = rng.standard_normal((4, 5)).astype(np.float32)
    src = rng.standard_normal((3, 4)).astype(np.float32)
    if zeros:
        x[0, 0] = 0.0
        src[0, 1] = src[1, 0] = 0.0
    if reduce in ("amax", "amin"):
        src[1, 1] = src[0, 1]
        x = np.round(x, 1)
        src = np.round(src, 1)
    idx = rng.integers(0, 4 if dim == 0 else 5, size=(3, 4))
    run_both(lambda T, a, s, i: a.scatter_reduce(dim, i, s, reduce=reduce, include_self=include_self),
             [x, src, idx], requires_grad=(0, 1), rtol=1e-4, atol=1e-5)


def test_scatter_reduce_grad_fn_name():
    src = gradkit.tensor([1.0, 2.0], requires_grad=True)
    out = gradkit.zeros(2).scatter_reduce(0, gradkit.tensor([0, 0]), src, "sum")
    assert type(out.grad_fn).__name__ == "ScatterReduceBackward0"


@pytest.mark.parametrize("shape", [(5,), (2, 3)])
def test_tensor_where_method(shape):
    rng = np.random.default_rng(1)
    x = rng.standard_normal(shape).astype(np.float32)
    y = rng.standard_normal(shape).astype(np.float32)
    run_both(lambda T, a, b: a.where(a > 0, b), [x, y], requires_grad=(0, 1))
    run_both(lambda T, a: a.where(a > 0, T.tensor(2.0)), [x], requires_grad=(0,))


@pytest.mark.parametrize("name", ["cumsum", "cumprod"])
def test_cumulative_out(name):
    for T in (torch, gradkit):
        out = T.zeros(4)
        r = getattr(T, name)(T.arange(1.0, 5.0), 0, out=out)
        assert r is out
    a, b = torch.zeros(4), gradkit.zeros(4)
    getattr(torch, name)(torch.arange(1.0, 5.0), 0, out=a)
    getattr(gradkit, name)(gradkit.arange(1.0, 5.0), 0, out=b)
    assert_close(a, b)


@pytest.mark.parametrize("da,db", [("int64", "float32"), ("float32", "float64"), ("int32", "int64"),
                                   ("bool", "int64")])
def test_isclose_dtype_mismatch(da, db):
    same(lambda T: T.isclose(T.tensor([1, 0]).to(getattr(T, da)), T.tensor([1, 0]).to(getattr(T, db))))
    same(lambda T: T.allclose(T.tensor([1, 0]).to(getattr(T, da)), T.tensor([1, 0]).to(getattr(T, db))))


EINSUM_INT_CASES = [("ij,j->", 2), ("ij,j->i", 2), ("ij->i", 1), ("ij,k->ik", 2), ("ij,j,j->i", 3), ("ij->ji", 1),
                    ("ij,ij->ij", 2), ("ij,kl->", 2), ("ij,jk->ik", 2), ("ij,ij->i", 2), ("i,j->ij", 2), ("ij,j->j", 2),
                    ("ii->i", 1)]


@pytest.mark.parametrize("eq,nops", EINSUM_INT_CASES)
@pytest.mark.parametrize("dt", ["int32", "int8", "bool", "float16"])
def test_einsum_integer_dtypes(eq, nops, dt):
    rng = np.random.default_rng(3)
    terms = eq.split("->")[0].split(",")
    arrays = [rng.integers(0, 3, size=(3,) * len(t)) for t in terms]

    def fn(T):
        ops = [T.tensor(a).to(getattr(T, dt)) for a in arrays]
        r = T.einsum(eq, *ops)
        return r.dtype, r.float().tolist()
    same(fn)


DIAG_EMBED_CASES = [(shape, dims) for shape in [(3,), (2, 3), (2, 2, 3)]
                    for dims in [(-2, -1), (0, -1), (-1, 0), (0, 2), (1, 0)]
                    if max(abs(d) for d in dims) <= len(shape)
                    and dims[0] % (len(shape) + 1) != dims[1] % (len(shape) + 1)]


@pytest.mark.parametrize("shape,dims", DIAG_EMBED_CASES)
@pytest.mark.parametrize("offset", [0, 1, -2])
def test_diag_embed_dims(shape, offset, dims):
    x = np.random.default_rng(0).standard_normal(shape).astype(np.float32)
    run_both(lambda T, a: T.diag_embed(a, offset, *dims), [x], requires_grad=(0,))


@pytest.mark.parametrize("fn", [
    lambda T: T.bincount(T.tensor([1.0, 2.0])),
    lambda T: T.bincount(T.tensor([True])),
    lambda T: T.bincount(T.tensor([[1, 2]])),
    lambda T: T.bincount(T.tensor([-1, 2])),
    lambda T: T.meshgrid(T.tensor([1, 2]), T.tensor([1.0]), indexing="ij"),
    lambda T: T.linalg.cross(T.ones(1, 3), T.ones(3)),
    lambda T: T.cross(T.ones(2, 3), T.ones(3), dim=1),
    lambda T: T.linalg.cross(T.ones(2, 3), T.ones(1, 3)),
])
def test_s5k_error_messages(fn):
    same(fn)


@pytest.mark.parametrize("fn", [
    lambda T: T.hsplit(T.arange(5), 2), lambda T: T.hsplit(T.arange(12).reshape(3, 4), 3),
    lambda T: T.vsplit(T.arange(4), 2), lambda T: T.vsplit(T.arange(12).reshape(3, 4), 2),
    lambda T: T.hsplit(T.tensor(1), 1), lambda T: T.hsplit(T.arange(12).reshape(3, 4), 0),
    lambda T: T.vsplit(T.arange(12).reshape(3, 4), [1, 2]), lambda T: T.hsplit(T.arange(12).reshape(3, 4), 2),
    lambda T: T.rot90(T.ones(3, 4), 1, [0, 0]), lambda T: T.rot90(T.ones(3, 4), 1, [0, 2]),
    lambda T: T.rot90(T.ones(3, 4), 1, [0]), lambda T: T.rot90(T.arange(3), 1), lambda T: T.rot90(T.ones(3, 4), 1, [1, -1]),
    lambda T: T.rot90(T.arange(6).reshape(2, 3), 1, [-2, 1]), lambda T: T.rot90(T.arange(6).reshape(2, 3), -1, [1, 0]),
    lambda T: T.ones(3, 4).view(-2, 6), lambda T: T.ones(3, 4).reshape(3, -3), lambda T: T.ones(3, 4).view(2, -1, -1),
    lambda T: T.ones(3, 4).movedim((0, 1), (1, 1)), lambda T: T.ones(3, 4).movedim((0, 0), (1, 0)),
    lambda T: T.ones(3, 4).movedim((0, 1), (1,)), lambda T: T.ones(2, 3, 4).movedim((0, -1), (-1, 0)).shape,
    lambda T: T.ones(3).mT, lambda T: T.ones(3).mH, lambda T: T.ones(3).H, lambda T: T.ones(2, 3, 4).H,
    lambda T: T.ones(3).adjoint(), lambda T: T.ones(2, 3, 4).mT.shape, lambda T: T.ones(2, 3).H.shape,
    lambda T: T.repeat_interleave(T.tensor([2, 0, 1])), lambda T: T.repeat_interleave(T.tensor([[1]])),
    lambda T: T.repeat_interleave(T.tensor([1.0])), lambda T: T.tensor([1, 2]).repeat(),
])
def test_shape_op_errors(fn):
    same(fn)


@pytest.mark.parametrize("make", [
    lambda x: x, lambda x: x.transpose(0, 2), lambda x: x.permute(1, 2, 0), lambda x: x[:, ::2],
    lambda x: x.transpose(0, 1)[:, :, 1:3], lambda x: x[:, :1].expand(2, 3, 4), lambda x: x.mT,
])
def test_clone_preserves_strides(make):
    xs = [make(T.arange(24.0).reshape(2, 3, 4)) for T in (torch, gradkit)]
    assert xs[0].clone().stride() == xs[1].clone().stride()
    assert xs[0].contiguous().stride() == xs[1].contiguous().stride()
    f = [x.clone(memory_format=T.contiguous_format) for x, T in zip(xs, (torch, gradkit))]
    assert f[0].stride() == f[1].stride()
    assert_close(f[0], f[1])
    run_both(lambda T, a: make(a.reshape(2, 3, 4)).clone() * 2, [np.arange(24.0, dtype=np.float32)],
             requires_grad=(0,))


def test_T_warns_like_torch():
    import warnings
    for nd in (0, 3):
        msgs = []
        for T in (torch, gradkit):
            with warnings.catch_warnings(record=True) as rec:
                warnings.simplefilter("always")
                _ = T.ones((2,) * nd).T
            msgs.append([str(w.message).split(" (Triggered")[0] for w in rec])
        assert msgs[0] == msgs[1] and msgs[0]


@pytest.mark.parametrize("bounds", ["both", "lo", "hi", "lo_num", "hi_num", "crossed"])
def test_clamp_tensor_bounds_grads(bounds):
    rng = np.random.default_rng(5)
    x = np.round(rng.standard_normal((3, 4)), 1).astype(np.float32)
    lo = np.round(rng.standard_normal((4,)) - 0.5, 1).astype(np.float32)
    hi = (lo + np.abs(np.round(rng.standard_normal((4,)), 1))).astype(np.float32)
    if bounds == "crossed":
        lo, hi = hi + 0.5, lo
    x[0, :] = lo
    x[1, :2] = hi[:2]

    def fn(T, a, b, c):
        if bounds in ("both", "crossed"):
            return a.clamp(b, c)
        if bounds == "lo":
            return T.clamp(a, min=b)
        if bounds == "hi":
            return T.clamp(a, max=c)
        if bounds == "lo_num":
            return a.clamp(T.tensor(-0.2), c)
        return a.clamp(b, T.tensor(0.3))
    run_both(fn, [x, lo, hi], requires_grad=(0, 1, 2))


@pytest.mark.parametrize("fn", [
    lambda T: T.addcmul(T.ones(3, dtype=T.int64), T.ones(3, dtype=T.int64), T.ones(3, dtype=T.int64), value=0.5),
    lambda T: T.addcmul(T.ones(3, dtype=T.int64), T.ones(3, dtype=T.int64), T.ones(3, dtype=T.int64), value=2.7),
    lambda T: T.addcmul(T.ones(2, dtype=T.int32), T.ones(2, dtype=T.int8), T.ones(2, dtype=T.int8)).dtype,
    lambda T: T.addcmul(T.ones(3), T.ones(3, dtype=T.int64), T.ones(3, dtype=T.int64), value=0.5),
    lambda T: T.addcdiv(T.ones(3, dtype=T.int64), T.ones(3, dtype=T.int64), T.ones(3, dtype=T.int64)),
    lambda T: T.addcdiv(T.ones(3), T.ones(3, dtype=T.int64), T.ones(3, dtype=T.int64)),
    lambda T: T.addcdiv(T.ones(3, dtype=T.int64), T.ones(3), T.ones(3, dtype=T.int64)),
    lambda T: T.lerp(T.ones(2), T.ones(2).double(), 0.5), lambda T: T.lerp(T.ones(2).half(), T.ones(2), 0.5),
    lambda T: T.lerp(T.ones(2), T.ones(2), T.ones(2).double()), lambda T: T.lerp(T.ones(2, dtype=T.int64), T.ones(2, dtype=T.int64), 0.5),
    lambda T: T.lerp(T.ones(2, dtype=T.int64), T.ones(2, dtype=T.int64), T.ones(2, dtype=T.int64)),
    lambda T: T.lerp(T.ones(2), T.ones(2) * 3, T.tensor(0.5, dtype=T.float64)),
    lambda T: T.logical_not(T.tensor([0, 1, 2]), out=T.empty(3, dtype=T.int16)),
    lambda T: T.logical_not(T.tensor([0.0, 1.5]), out=T.empty(2)),
])
def test_pointwise_ternary_parity(fn):
    same(fn)


@pytest.mark.parametrize("fn", [
    lambda T: T.arange(6.0).mean(dtype=T.int64), lambda T: T.arange(6).mean(dtype=T.float64),
    lambda T: T.arange(6).mean(), lambda T: T.full((2,), None), lambda T: T.full((2,), 3).dtype,
])
def test_creation_reduction_errors(fn):
    same(fn)


@pytest.mark.parametrize("shape", [(4,), (2, 3)])
def test_hypot_values_and_grads(shape):
    rng = np.random.default_rng(2)
    a = rng.standard_normal(shape).astype(np.float32)
    b = rng.standard_normal(shape).astype(np.float32)
    run_both(lambda T, x, y: T.hypot(x, y), [a, b], requires_grad=(0, 1))
    run_both(lambda T, x, y: T.hypot(x * 1e30, y[..., :1] * 1e30), [a, b], requires_grad=(0,), rtol=1e-4)
    same(lambda T: T.hypot(T.tensor([3, 4]), T.tensor([4, 3])))


@pytest.mark.parametrize("args", [(0, 11, 1), (0, 2, 0), (1, 2, 1), (0, -1, 1), (0, 2, -1), (0, 10, 1), (0, 3, 4)])
def test_unfold_errors(args):
    same(lambda T: T.arange(10.0).unfold(*args))
