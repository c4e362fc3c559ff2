"""Parity tests for the tensor-level fixes found by the s3t_ conformance programs."""
from __future__ import annotations

import numpy as np
import pytest
from _parity import assert_close, run_both

import gradkit

torch = pytest.importorskip("torch")
RNG = np.random.default_rng(0)


def _err(T, fn):
    try:
        fn(T)
    except Exception as e:  # noqa: BLE001
        return type(e).__name__, str(e)
    return None


def same_error(fn):
    a, b = _err(torch, fn), _err(gradkit, fn)
    assert a is not None and a == b, (a, b)


@pytest.mark.parametrize("wdtype", ["float32", "float64", "int64", "bool"])
@pytest.mark.parametrize("minlength", [0, 9])
def test_bincount_weights_dtype(wdtype, minlength):
    idx = RNG.integers(0, 6, 20)
    w = (RNG.random(20) * 3).astype(wdtype)
    run_both(lambda T, i, w: T.bincount(i, weights=w, minlength=minlength), [idx, w])
    run_both(lambda T, i: T.bincount(i, minlength=minlength), [idx])
    same_error(lambda T: T.bincount(T.tensor([1, -1])))


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("kw", [{"bins": 4}, {"bins": 3, "range": (-1.0, 2.0)}, {"bins": 5, "density": True}])
def test_histogram(dtype, kw):
    x = RNG.normal(size=30).astype(dtype)
    w = RNG.random(30).astype(dtype)
    run_both(lambda T, x: tuple(T.histogram(x, **kw)), [x])
    run_both(lambda T, x, w: tuple(T.histogram(x, **kw, weight=w)), [x, w])
    run_both(lambda T, x, e: tuple(T.histogram(x, bins=e)), [x, np.array([-2.0, 0.0, 0.5, 3.0], dtype)])
    assert repr(gradkit.histogram(gradkit.tensor(x), 2)).startswith("torch.return_types.histogram(\nhist=")


def test_frexp():
    x = np.array([0.0, -3.0, 8.0, 0.3, np.inf, 1e-30], np.float32)
    run_both(lambda T, x: tuple(T.frexp(x)), [x])
    run_both(lambda T, x: tuple(x.frexp()), [x.astype(np.float64)])
    same_error(lambda T: T.frexp(T.tensor([1, 2])))


@pytest.mark.parametrize("sa,sb", [((3,), (3,)), ((2, 3), (4, 3)), ((3,), (2, 3)), ((2, 2, 3), (3,)), ((), (3,))])
def test_inner_nd(sa, sb):
    a, b = RNG.normal(size=sa).astype(np.float32), RNG.normal(size=sb).astype(np.float32)
    run_both(lambda T, a, b: T.inner(a, b), [a, b], requires_grad=(0, 1), rtol=1e-5, atol=1e-5)
    same_error(lambda T: T.inner(T.ones(2, 3), T.ones(2)))


def test_einsum_sublist_form():
    a, b = RNG.normal(size=(2, 3)).astype(np.float32), RNG.normal(size=(3, 4)).astype(np.float32)
    run_both(lambda T, a, b: T.einsum(a, [0, 1], b, [1, 2], [0, 2]), [a, b], requires_grad=(0, 1))
    run_both(lambda T, a, b: T.einsum(a, [0, 1], b, [1, 2]), [a, b])
    run_both(lambda T, a: T.einsum(a, [Ellipsis, 1], [1]), [a])


@pytest.mark.parametrize("reps", [(2,), (2, 1), (1, 2, 2), ((2, 3),)])
def test_tile_varargs(reps):
    x = RNG.normal(size=(2, 3)).astype(np.float32)
    run_both(lambda T, x: x.tile(*reps), [x], requires_grad=(0,))
    if len(reps) == 1 and isinstance(reps[0], tuple):
        run_both(lambda T, x: T.tile(x, reps[0]), [x])


@pytest.mark.parametrize("shape,offset", [((3,), 0), ((2, 2), 1), ((2, 2), -2)])
def test_diagflat(shape, offset):
    x = RNG.normal(size=shape).astype(np.float32)
    run_both(lambda T, x: T.diagflat(x, offset), [x], requires_grad=(0,))
    run_both(lambda T, x: x.diagflat(offset), [x])


@pytest.mark.parametrize("size,stride,off", [((4, 3), (2, 1), 0), ((2, 2), (1, 2), 1), ((3, 2), (1, 1), 2)])
def test_as_strided(size, stride, off):
    x = RNG.normal(size=10).astype(np.float32)
    run_both(lambda T, x: T.as_strided(x, size, stride, off), [x], requires_grad=(0,))
    run_both(lambda T, x: x.as_strided(size, stride, off), [x])


def test_as_strided_is_view():
    for T in (torch, gradkit):
        x = T.arange(6.0)
        v = x.as_strided((2, 2), (1, 2))
        x[0] = 10.0
        assert v[0, 0].item() == 10.0


def test_class_reprs_name_torch():
    pairs = [(torch.Tensor, gradkit.Tensor), (torch.Size, gradkit.Size), (torch.dtype, gradkit.dtype),
             (torch.device, gradkit.device), (torch.nn.Parameter, gradkit.nn.Parameter)]
    for a, b in pairs:
        assert repr(a) == repr(b)
    assert repr(type(torch.ones(1))) == repr(type(gradkit.ones(1)))
    assert repr(type(torch.ones(1).shape)) == repr(type(gradkit.ones(1).shape))


CASES = [
    lambda: [np.float64(1.5)], lambda: [np.float32(1.5), 2], lambda: [np.float16(1.5)], lambda: [np.int32(1)],
    lambda: [np.int32(1), 2], lambda: [np.int32(1), 2.5], lambda: [np.float64(1), np.float32(2.5)],
    lambda: [np.uint8(1), np.int8(2)], lambda: [np.int64(2), np.float16(1)], lambda: [np.int16(1), True],
    lambda: [[np.int32(1)], [np.float16(2)]], lambda: [2.5, np.float64(1)], lambda: [[1, 2], [3, 4.0]],
    lambda: [True, 0], lambda: [[], []], lambda: [np.bool_(True), False],
]


@pytest.mark.parametrize("make", CASES)
def test_tensor_infers_dtype_like_torch(make):
    a, b = torch.tensor(make()), gradkit.tensor(make())
    assert_close(a, b)


def test_tensor_infers_dtype_from_tensors_in_list():
    for T in (torch, gradkit):
        assert str(T.tensor([T.tensor(1, dtype=T.int32), 2.5]).dtype) == "torch.float32"
        assert str(T.tensor([T.tensor(1.0, dtype=T.float64), 2.5]).dtype) == "torch.float64"
        assert str(T.tensor([T.tensor(1, dtype=T.int32), T.tensor(2, dtype=T.int32)]).dtype) == "torch.int32"


@pytest.mark.parametrize("fn", [
    lambda T: T.tensor("a"), lambda T: T.tensor([["a"]]), lambda T: T.tensor([None]), lambda T: T.zeros(-1),
    lambda T: T.tensor([1, "a"]), lambda T: T.tensor([[1], ["a"]]),
    lambda T: T.zeros(2, -3), lambda T: T.ones(-1), lambda T: T.where(T.ones(2) > 0, T.ones(3), T.zeros(3)),
    lambda T: T.where(T.ones(2, 1) > 0, T.ones(3), T.zeros(4)), lambda T: T.where(T.ones(2) > 0, T.ones(2), T.ones(3)),
])
def test_error_texts(fn):
    same_error(fn)


@pytest.mark.parametrize("n", [2, 5, 7, 17, 70, 130])
@pytest.mark.parametrize("largest", [True, False])
@pytest.mark.parametrize("sorted_", [True, False])
def test_topk_tie_order_matches_torch(n, largest, sorted_):
    x = RNG.integers(0, 3, (4, n))
    for k in sorted({1, 2, n // 2 or 1, n}):
        run_both(lambda T, x: tuple(T.topk(x, k, dim=1, largest=largest, sorted=sorted_)), [x])
        run_both(lambda T, x: tuple(x.t().topk(k, dim=0, largest=largest, sorted=sorted_)), [x])
    xf = x.astype(np.float32)
    xf[0, 0] = np.nan
    run_both(lambda T, x: tuple(x.topk(2, largest=largest, sorted=sorted_)), [xf], requires_grad=(0,))


def test_topk_unsorted_order_without_ties():
    x = RNG.normal(size=(3, 10)).astype(np.float32)
    for k in (1, 4, 9):
        run_both(lambda T, x: tuple(x.topk(k, sorted=False)), [x], requires_grad=(0,))


@pytest.mark.parametrize("n", [2, 3, 6, 11, 40])
def test_kthvalue_tie_index_matches_torch(n):
    x = RNG.integers(0, 3, (5, n))
    for k in sorted({1, n // 2 or 1, n}):
        run_both(lambda T, x: tuple(x.kthvalue(k, dim=1)), [x])
        run_both(lambda T, x: tuple(x.float().kthvalue(k, dim=0, keepdim=True)), [x.T.copy()])
    run_both(lambda T, x: tuple(x.kthvalue(1)), [x.astype(np.float64)], requires_grad=(0,))


@pytest.mark.parametrize("q", [0.5, 0.25, 0.125, 0.375, 0.7])
def test_quantile_nearest_rounds_half_to_even(q):
    x = RNG.normal(size=(3, 9)).astype(np.float32)
    run_both(lambda T, x: T.quantile(x, q, dim=1, interpolation="nearest"), [x])
    run_both(lambda T, x: T.quantile(x[0, :5], q, interpolation="nearest"), [x])


def test_flip_dims_keyword():
    x = RNG.normal(size=(2, 3)).astype(np.float32)
    run_both(lambda T, x: x.flip(dims=(0,)), [x], requires_grad=(0,))
    run_both(lambda T, x: x.flip(dims=[0, 1]), [x])


@pytest.mark.parametrize("index", [(slice(None), None), (None,), (Ellipsis, None), (slice(None), slice(None), None),
                                   (None, slice(None), None)])
def test_stride_of_none_indexed_dims(index):
    for shape in [(2, 3, 4), (5, 1), (1, 3)]:
        assert torch.zeros(shape)[index].stride() == gradkit.zeros(shape)[index].stride()


@pytest.mark.parametrize("shape,dim,size,step", [((8,), 0, 3, 2), ((3, 4), 1, 2, 1), ((3, 4), 0, 2, 1), ((2, 5, 3), 1, 2, 2)])
def test_unfold_is_a_view(shape, dim, size, step):
    x = RNG.normal(size=shape).astype(np.float32)
    run_both(lambda T, x: x.unfold(dim, size, step), [x], requires_grad=(0,))
    for T in (torch, gradkit):
        t = T.tensor(x.copy())
        u = t.unfold(dim, size, step)
        assert tuple(u.stride()) == tuple(torch.tensor(x).unfold(dim, size, step).stride())
        t.mul_(0)
        assert float(u.abs().sum()) == 0.0


def test_finfo_resolution_and_repr():
    for name in ("float32", "float64", "float16", "bfloat16"):
        a, b = torch.finfo(getattr(torch, name)), gradkit.finfo(getattr(gradkit, name))
        assert a.resolution == b.resolution and a.max == b.max and a.min == b.min
        if name != "bfloat16":
            assert repr(a) == repr(b)


@pytest.mark.parametrize("fn", [
    lambda T: T.arange(6.0) & T.arange(6.0), lambda T: T.arange(6.0).double() | 1, lambda T: T.arange(3.0) << 1,
    lambda T: T.arange(3.0) >> 1, lambda T: ~T.arange(3.0), lambda T: T.zeros(2, 3).sum(dim=(0, -2)),
    lambda T: T.zeros(2, 3).mean(dim=(1, 1)), lambda T: T.tensor([1, 2]).norm(), lambda T: T.norm(T.tensor([1, 2]), p=1),
    lambda T: T.tensor([]).argmax(), lambda T: T.tensor([]).argmin(), lambda T: T.zeros(0, 3).argmax(0),
    lambda T: T.take(T.zeros(3, 4), T.tensor([100])), lambda T: T.take(T.zeros(3, 4), T.tensor([-13])),
    lambda T: T.zeros(3, 4).masked_select(T.tensor([True, False])),
    lambda T: T.zeros(3, 4).masked_select(T.tensor([1, 0, 1, 0])), lambda T: T.full(3, 1.0),
    lambda T: T.zeros(3).cumsum(), lambda T: T.cumprod(T.zeros(3)),
    lambda T: T.zeros(2, 2).gather(1, T.tensor([[0], [1], [1]])),
    lambda T: T.zeros(2, 2).gather(0, T.tensor([[0, 1, 1]])),
    lambda T: T.zeros(2, 2).scatter(1, T.tensor([[0], [1], [1]]), 1.0),
    lambda T: T.zeros(2, 2).scatter(1, T.tensor([[0, 1]]), T.ones(1, 1)),
    lambda T: T.zeros(3).scatter_add(0, T.tensor([0, 1]), T.ones(1)),
    lambda T: T.zeros(2, 2).scatter_reduce(1, T.tensor([[0, 1]]), T.ones(1, 1), "sum"),
    lambda T: T.zeros(2, 2).gather(1, T.tensor([[0, 1]], dtype=T.int16)),
])
def test_more_error_texts(fn):
    same_error(fn)


def test_int32_index_for_gather_scatter():
    x = RNG.normal(size=(3, 4)).astype(np.float32)
    idx = RNG.integers(0, 4, (3, 2)).astype(np.int32)
    run_both(lambda T, x, i: x.gather(1, i), [x, idx], requires_grad=(0,))
    run_both(lambda T, x, i: T.zeros(3, 4).scatter(1, i, 1.0), [x, idx])
    run_both(lambda T, x, i: T.zeros(3, 4).scatter_add(1, i, x[:, :2]), [x, idx], requires_grad=(0,))


@pytest.mark.parametrize("p,dim,maxnorm", [(2, 0, 1.0), (1, 1, 0.5), (float("inf"), 0, 0.3), (3, -1, 2.0)])
def test_renorm(p, dim, maxnorm):
    x = RNG.normal(size=(3, 4)).astype(np.float32)
    run_both(lambda T, x: x.renorm(p, dim, maxnorm), [x], requires_grad=(0,), atol=1e-5)
    run_both(lambda T, x: T.renorm(x.detach().clone(), p, dim, maxnorm), [x])


@pytest.mark.parametrize("reduce", ["prod", "mean", "amax", "amin"])
@pytest.mark.parametrize("include_self", [True, False])
@pytest.mark.parametrize("dtype", ["float32", "int64"])
def test_index_reduce(reduce, include_self, dtype):
    base = (RNG.normal(size=(4, 3)) * 3).astype(dtype)
    src = (RNG.normal(size=(5, 3)) * 3).astype(dtype)
    idx = np.array([0, 0, 2, 3, 2])
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run_both(lambda T, b, i, s: b.index_reduce(0, i, s, reduce, include_self=include_self), [base, idx, src])
        run_both(lambda T, b, i, s: b.t().clone().index_reduce_(1, i, s.t(), reduce, include_self=include_self),
                 [base, idx, src])


def test_python_types_as_dtypes():
    for T in (torch, gradkit):
        assert str(T.tensor([1, 2], dtype=float).dtype) == "torch.float64"
        assert str(T.zeros(2, dtype=int).dtype) == "torch.int64"
        assert str(T.ones(2, dtype=bool).dtype) == "torch.bool"
        assert str(T.tensor([1, 2]).to(float).dtype) == "torch.float64"
        assert str(T.ones(2).type(T.DoubleTensor).dtype) == "torch.float64"
        assert str(T.ones(2).type(T.IntTensor).dtype) == "torch.int32"


@pytest.mark.parametrize("dtype", ["int32", "int64", "float32", "float64", "bool"])
def test_vander_dtype(dtype):
    x = np.array([1, 2, 3]).astype(dtype)
    run_both(lambda T, x: T.vander(x), [x])
    run_both(lambda T, x: T.vander(x, N=2, increasing=True), [x])


@pytest.mark.parametrize("a,b", [(1, 2), (1, 2.5), (True, 2), (True, False), (1.0, 2.0), (2.5, True)])
def test_where_python_scalars_dtype(a, b):
    c = np.array([True, False, True])
    run_both(lambda T, c: T.where(c, a, b), [c])


@pytest.mark.parametrize("fn", [lambda T: T.zeros(0, 2).amax(), lambda T: T.zeros(0, 2).amin(dim=0),
                                lambda T: T.zeros(2, 0).amax(1), lambda T: T.zeros(0, 2).max(0)])
def test_empty_reduction_errors(fn):
    same_error(fn)


DTYPES = ["float32", "float64", "float16", "int64", "int32", "uint8", "bool"]


@pytest.mark.parametrize("d1", DTYPES)
@pytest.mark.parametrize("d2", DTYPES)
def test_copysign_xlogy_dtypes(d1, d2):
    a = np.array([[0, 1, 2], [3, 5, 7]]).astype(d1)
    b = np.array([[1, 2, 3], [4, 6, 8]]).astype(d2)
    run_both(lambda T, a, b: T.copysign(a, b), [a, b], rtol=1e-3)
    if d1 != "bool" and d2 != "bool":
        run_both(lambda T, a, b: T.xlogy(a, b), [a, b], rtol=1e-3)


@pytest.mark.parametrize("dtype", DTYPES)
def test_unary_dtype_fixes(dtype):
    a = np.array([[0, 1, 2], [3, 5, 7]]).astype(dtype)
    run_both(lambda T, a: (a.all(), a.any(), a.all(1), a.any(0)), [a])
    run_both(lambda T, a: a.square(), [a])
    if dtype in ("float32", "float64", "float16"):
        run_both(lambda T, a: (a.lgamma(), a.sinc(), a.log_softmax(0)), [a], rtol=1e-3, atol=1e-4)
    if dtype in ("int64", "int32", "uint8"):
        run_both(lambda T, a: T.lgamma(a), [a])


def test_invert_vs_bitwise_not_errors():
    same_error(lambda T: ~T.ones(2))
    same_error(lambda T: T.bitwise_not(T.ones(2)))
    same_error(lambda T: T.ones(2, dtype=T.float64).bitwise_not())


@pytest.mark.parametrize("dim", [0, 1, -1])
def test_half_softmax_rounding_matches_torch(dim):
    x = (RNG.normal(size=(3, 7)) * 3).astype(np.float16)
    a = torch.tensor(x).softmax(dim).numpy()
    b = gradkit.tensor(x).softmax(dim).numpy()
    np.testing.assert_array_equal(a, b)
    if dim == 0:
        np.testing.assert_array_equal(torch.tensor(x).log_softmax(0).numpy(), gradkit.tensor(x).log_softmax(0).numpy())


@pytest.mark.parametrize("fn", [lambda T: T.tensor([True]).abs(), lambda T: T.tensor([True]).argmin(),
                                lambda T: T.tensor([True, False]).argmax(0)])
def test_bool_input_errors(fn):
    same_error(fn)


@pytest.mark.parametrize("eq,shapes", [("ij,jk->ik", [(3, 3), (2, 3, 4)]), ("ij->k", [(3, 3)]), ("ij,jk", [(3, 3)]),
                                        ("ij->ii", [(3, 3)]), ("ij,jk->ik", [(3, 3), (3, 4), (3, 4)])])
def test_einsum_error_texts(eq, shapes):
    same_error(lambda T: T.einsum(eq, *[T.ones(s) for s in shapes]))
    same_error(lambda T: T.einsum("i,i->", T.ones(3), T.ones(3, dtype=T.float64)))


def test_bool_of_empty_tensor_message():
    same_error(lambda T: bool(T.tensor([])))
    same_error(lambda T: bool(T.ones(2)))


@pytest.mark.parametrize("fn", [
    lambda T: T.cat((T.ones(2), 3)), lambda T: T.stack([T.ones(1), 1.0]), lambda T: T.cat([1, T.ones(1)]),
    lambda T: T.ones(2, 3).roll(1, dims=(0, 1)), lambda T: T.ones(2, 3).roll((1, 2), dims=0),
    lambda T: T.ones(2, 3).roll((1, 2)), lambda T: T.ones(2).tile(-1), lambda T: T.ones(2).tile(2, -1),
    lambda T: T.ones(2, 3).index_select(1, T.tensor([3])), lambda T: T.ones(2, 3).index_select(1, T.tensor([-1])),
    lambda T: T.ones(2, 3).index_select(0, T.tensor([5, 0])), lambda T: T.diag(T.ones(2, 2, 2)),
    lambda T: T.diag(T.tensor(1.0)), lambda T: T.tril(T.ones(3)), lambda T: T.triu(T.tensor(1.0)),
    lambda T: T.trace(T.ones(2, 2, 2)), lambda T: T.outer(T.ones(2, 2), T.ones(2)),
    lambda T: T.outer(T.ones(2), T.ones(2, 2)), lambda T: T.linalg.cholesky(-T.eye(2)),
    lambda T: T.linalg.cholesky(T.diag(T.tensor([1.0, 1.0, -1.0]))),
    lambda T: T.linalg.cholesky(T.stack([T.eye(2), -T.eye(2)])),
])
def test_shape_op_error_texts(fn):
    same_error(fn)


def test_roll_with_matching_shifts_still_works():
    x = RNG.normal(size=(3, 4)).astype(np.float32)
    run_both(lambda T, x: (x.roll(1), x.roll((1, -2), (0, 1)), x.roll(2, 1), x.roll([1], [0])), [x])


def test_unique_keeps_each_nan():
    x = np.array([1.0, np.nan, np.nan, 1.0, 2.0], np.float32)
    run_both(lambda T, x: T.unique(x, return_counts=True, return_inverse=True), [x])


@pytest.mark.parametrize("dim", [0, 1])
def test_unique_consecutive_dim(dim):
    x = np.array([[1, 1, 2, 2], [1, 1, 3, 3], [1, 1, 3, 3], [0, 0, 0, 1]])
    run_both(lambda T, x: T.unique_consecutive(x, dim=dim, return_inverse=True, return_counts=True), [x])
    run_both(lambda T, x: T.unique_consecutive(x, dim=dim), [x])


def test_quantile_with_nan_is_nan():
    x = RNG.normal(size=(3, 5)).astype(np.float32)
    x[1, 2] = np.nan
    run_both(lambda T, x: (x.quantile(0.5, dim=1), x.quantile(T.tensor([0.2, 0.9]), dim=1, keepdim=True),
                           x.quantile(0.3), x.nanquantile(0.5, dim=1)), [x])


def test_searchsorted_sorter():
    s = np.array([5, 1, 3, 9])
    v = np.array([2, 4, 10, 0])
    run_both(lambda T, s, v: T.searchsorted(s, v, sorter=T.argsort(s)), [s, v])
    run_both(lambda T, s, v: T.searchsorted(s, v, sorter=T.argsort(s), side="right"), [s, v])


@pytest.mark.parametrize("dtype", ["int64", "int32", "int16", "int8", "uint8", "bool"])
def test_clamp_inplace_cast_error_names_c_type(dtype):
    for f in (lambda t: t.clamp_(max=2.5), lambda t: t.clamp_min_(0.5), lambda t: t.clip_(0.5, 2), lambda t: t.add_(1.5)):
        same_error(lambda T: f(T.tensor([1, 5]).to(getattr(T, dtype))))


def test_masked_fill_and_fill_errors():
    same_error(lambda T: T.ones(2, 3).masked_fill(T.ones(3, 2, dtype=T.bool), 0))
    same_error(lambda T: T.zeros(3).fill_(T.tensor([1.0, 2.0])))
    same_error(lambda T: T.zeros(3).fill_(T.tensor([1.0])))
    run_both(lambda T, x: x.clone().fill_(T.tensor(2.5)), [np.zeros(3, np.float32)])


@pytest.mark.parametrize("dim,keepdim", [(None, False), (1, False), (0, True), ((0, 1), False)])
def test_std_gradient_is_zero_for_constant_slices(dim, keepdim):
    x = RNG.normal(size=(3, 4)).astype(np.float32)
    x[0] = 2.0
    x[:, 1] = -1.0
    run_both(lambda T, x: x.std(dim=dim, keepdim=keepdim) if dim is not None else x.std(), [x], requires_grad=(0,),
             atol=1e-5)
    run_both(lambda T, x: T.std(x, dim=1, correction=0), [np.ones((2, 3), np.float32)], requires_grad=(0,))


def test_nuclear_norm():
    x = RNG.normal(size=(3, 4)).astype(np.float32)
    run_both(lambda T, x: (x.norm(p="nuc"), T.norm(x, p="nuc")), [x], atol=1e-5)
    run_both(lambda T, x: T.norm(x, p="nuc", dim=(1, 2), keepdim=True), [RNG.normal(size=(2, 3, 3)).astype(np.float32)],
             atol=1e-5)
