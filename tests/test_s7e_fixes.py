"""Parity of error types and texts fixed by the s7e (beginner errors, round 2) session."""
import warnings

import pytest
import torch

import gradkit


def _error(fn, T):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fn(T)
    except Exception as e:  # noqa: BLE001
        return type(e).__name__, str(e)
    return None


def check_same_error(fn):
    expected = _error(fn, torch)
    assert expected is not None, "torch did not raise"
    assert _error(fn, gradkit) == expected


@pytest.mark.parametrize("shapes", [((3,), (2,)), ((2, 3), (4, 1)), ((2, 3), (2,)), ((5, 1, 3), (2, 3), (4, 1)),
                                    (3, 2)])
def test_broadcast_shapes_error(shapes):
    check_same_error(lambda T: T.broadcast_shapes(*shapes))
    check_same_error(lambda T: T.broadcast_shapes(*(T.Size([s]) if isinstance(s, int) else T.Size(s)
                                                    for s in shapes)))


def test_broadcast_shapes_ok():
    for shapes in [((3,), (2, 3)), ((2, 1), (1, 4)), (3, (2, 3))]:
        assert tuple(gradkit.broadcast_shapes(*shapes)) == tuple(torch.broadcast_shapes(*shapes))


@pytest.mark.parametrize("wshape", [(2,), (3, 2)])
def test_bce_weight_broadcast_error(wshape):
    check_same_error(lambda T: T.nn.functional.binary_cross_entropy(
        T.full((3,), 0.5), T.zeros(3), weight=T.ones(wshape)))


@pytest.mark.parametrize("sizes", [(-1, 3), (2, -1, 3), (-1, -1, 3)])
def test_expand_leading_minus_one(sizes):
    check_same_error(lambda T: T.ones(3).expand(*sizes))


@pytest.mark.parametrize("case", ["odd", "scalar", "strided", "int8"])
def test_view_dtype_errors(case):
    def fn(T):
        if case == "odd":
            return T.ones(3).view(T.float64)
        if case == "scalar":
            return T.tensor(1.0).view(T.float64)
        if case == "strided":
            return T.ones(4, 3).t().view(T.float64)
        return T.ones(3, dtype=T.int8).view(T.int32)
    check_same_error(fn)


@pytest.mark.parametrize("op", ["scatter", "scatter_add", "scatter_reduce", "scatter_"])
def test_scatter_src_dtype(op):
    def fn(T):
        z, idx, src = T.zeros(2, 3), T.tensor([[0], [1]]), T.ones(2, 1, dtype=T.long)
        return getattr(z, op)(1, idx, src, "sum") if op == "scatter_reduce" else getattr(z, op)(1, idx, src)
    check_same_error(fn)


@pytest.mark.parametrize("op", ["scatter_add", "gather"])
def test_scatter_rank_text(op):
    def fn(T):
        z = T.zeros(2, 3)
        return z.gather(1, T.tensor([0, 1])) if op == "gather" else z.scatter_add(1, T.tensor([0, 1]), T.ones(2))
    check_same_error(fn)


@pytest.mark.parametrize("shapes", [((3,), 0, (3,)), ((3, 2), 1, (3, 3)), ((3, 2), 0, (2, 3))])
def test_index_add_errors(shapes):
    s, d, src = shapes
    check_same_error(lambda T: T.zeros(s).index_add(d, T.tensor([0, 1]), T.ones(src)))


@pytest.mark.parametrize("shapes", [((2, 3), (4,)), ((5, 3), (2,)), ((2, 3, 4), (5,))])
def test_matmul_vec_mismatch(shapes):
    a, b = shapes
    check_same_error(lambda T: T.matmul(T.ones(a), T.ones(b)))


@pytest.mark.parametrize("shape", [(4, 4), (4,), (1, 1, 1, 4, 4)])
def test_avg_pool2d_rank(shape):
    check_same_error(lambda T: T.nn.functional.avg_pool2d(T.ones(shape), 2))
    check_same_error(lambda T: T.nn.AvgPool2d(2)(T.ones(shape)))


@pytest.mark.parametrize("data", [[1.0, [2]], [True, [2]], [[2], 1], [[1, 2], [3]], [[[1, 2]], [[3, 4], [5, 6]]],
                                  [[1, (2,)]], [[[1, 2]], [[3]]], [[1, 2], []]])
def test_tensor_ragged(data):
    check_same_error(lambda T: T.tensor(data))


@pytest.mark.parametrize("data", [[[], []], [(1, 2), [3, 4]], [[1.5, 2], [3, 4]], [[[1]], [[2]]]])
def test_tensor_regular_ok(data):
    assert gradkit.tensor(data).tolist() == torch.tensor(data).tolist()


@pytest.mark.parametrize("dt", ["long", "int32", "bool"])
def test_round_decimals_int(dt):
    check_same_error(lambda T: T.round(T.tensor([1, 2]).to(getattr(T, dt)), decimals=1))


def test_round_int_no_decimals_ok():
    assert gradkit.round(gradkit.tensor([1, 2])).tolist() == [1, 2]


@pytest.mark.parametrize("p", [2, 1])
def test_dist_int(p):
    check_same_error(lambda T: T.dist(T.tensor([1, 2]), T.tensor([1, 3]), p=p))
    assert gradkit.dist(gradkit.tensor([1, 2]), gradkit.tensor([1.0, 4.0])).item() == pytest.approx(2.0)


@pytest.mark.parametrize("case", [(1, 0, (1, 1, 4)), (2, (0, 2), (1, 1, 4, 4)), (2, 0, (1, 1, 4, 4)),
                                  (3, 0, (1, 1, 4, 4, 4))])
def test_conv_zero_kernel(case):
    D, k, shape = case
    check_same_error(lambda T: getattr(T.nn, f"Conv{D}d")(1, 1, k)(T.randn(shape)))


@pytest.mark.parametrize("shapes", [((8,), (8,)), ((2, 3), (2, 3)), ((2, 2), (2,)), ((2, 3), (2,))])
def test_cross_entropy_long_input(shapes):
    a, b = shapes
    check_same_error(lambda T: T.nn.functional.cross_entropy(T.zeros(a, dtype=T.long), T.zeros(b, dtype=T.long)))


@pytest.mark.parametrize("shapes", [((), (5, 3)), ((), (2, 5, 3)), ((3,), (2, 5, 3)), ((2, 3), ()), ((2, 3), (2, 2, 5, 3))])
def test_linear_weight_rank(shapes):
    a, b = shapes
    check_same_error(lambda T: T.nn.functional.linear(T.ones(a), T.ones(b)))


@pytest.mark.parametrize("case", range(12))
def test_pool_conv_arg_errors(case):
    def fn(T):
        F = T.nn.functional
        return [lambda: F.adaptive_avg_pool1d(T.ones(1, 1, 4), -1),
                lambda: F.adaptive_avg_pool2d(T.ones(1, 1, 4, 4), (2, -1)),
                lambda: F.adaptive_avg_pool3d(T.ones(1, 1, 4, 4, 4), -1),
                lambda: F.adaptive_max_pool2d(T.ones(1, 1, 4, 4), -1),
                lambda: F.adaptive_max_pool1d(T.ones(1, 1, 4), -1),
                lambda: F.conv1d(T.ones(1, 1, 8), T.ones(1, 1, 3), dilation=0),
                lambda: F.max_pool1d(T.ones(1, 1, 4), 0),
                lambda: F.max_pool2d(T.ones(1, 1, 4, 4), 0),
                lambda: F.avg_pool1d(T.ones(1, 1, 4), 0),
                lambda: F.max_pool1d(T.ones(1, 1, 4), 2, dilation=0),
                lambda: F.unfold(T.ones(4, 4), 2),
                lambda: F.unfold(T.ones(4), 2)][case]()
    check_same_error(fn)
