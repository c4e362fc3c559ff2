"""Parity of the everyday API surface added in gradkit/_extra_api.py: aliases, in-place forms, Tensor methods
mapped onto linalg/special, statistics, numerical calculus, windows, indexing extras."""
from __future__ import annotations

import warnings

import numpy as np
import pytest
from _parity import assert_close, run_both

import gradkit

torch = pytest.importorskip("torch")
RNG = np.random.default_rng(0)


def _r(*shape, dtype=np.float32, lo=-2.0, hi=2.0):
    return RNG.uniform(lo, hi, shape).astype(dtype)


# ------------------------------------------------------------------------------------------ aliases
@pytest.mark.parametrize("name,method", [("multiply", "mul"), ("subtract", "sub"), ("divide", "div")])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_arith_aliases(name, method, dtype):
    a, b = _r(3, 4, dtype=dtype), _r(4, dtype=dtype, lo=0.5, hi=2)
    run_both(lambda T, x, y: getattr(T, name)(x, y), [a, b], requires_grad=(0, 1))
    run_both(lambda T, x, y: getattr(x, name)(y), [a, b], requires_grad=(0, 1))

    def inplace(T, x, y):
        z = x * 1
        getattr(z, name + "_")(y)
        return z
    run_both(inplace, [a, b], requires_grad=(0, 1))


def test_divide_rounding_and_subtract_alpha():
    a, b = _r(5), _r(5, lo=0.5, hi=3)
    for mode in (None, "trunc", "floor"):
        run_both(lambda T, x, y: T.divide(x, y, rounding_mode=mode), [a, b])
    run_both(lambda T, x, y: T.subtract(x, y, alpha=2.5), [a, b], requires_grad=(0, 1))


_UNARY_INPLACE = ["exp", "log1p", "sigmoid", "tanh", "sin", "cos", "sqrt", "neg", "floor", "ceil", "trunc", "frac",
                  "round", "reciprocal", "rsqrt", "abs", "square", "erf", "expm1", "exp2", "sinc", "deg2rad",
                  "rad2deg", "arctan", "arcsinh", "fix"]


@pytest.mark.parametrize("name", _UNARY_INPLACE)
def test_top_level_inplace(name):
    a = _r(3, 4, lo=0.2, hi=0.9)

    def fn(T, x):
        y = x.clone()
        r = getattr(T, name + "_")(y)
        assert r is y
        return y
    run_both(fn, [a])


@pytest.mark.parametrize("name,args", [("clamp_", (-0.5, 0.5)), ("clip_", (-0.5, 0.5)), ("clamp_min_", (0.1,)),
                                       ("clamp_max_", (0.1,)), ("logit_", ()), ("nan_to_num_", ())])
def test_top_level_inplace_args(name, args):
    a = _r(2, 5, lo=0.1, hi=0.9)

    def fn(T, x):
        y = x.clone()
        getattr(T, name)(y, *args)
        return y
    run_both(fn, [a])


@pytest.mark.parametrize("name", ["arccos_", "arcsin_", "arctanh_", "sgn_", "sinc_", "deg2rad_", "rad2deg_",
                                  "fix_", "cumprod_"])
def test_tensor_inplace_methods(name):
    a = _r(3, 3, lo=-0.9, hi=0.9, dtype=np.float64)

    def fn(T, x):
        y = x * 1
        getattr(y, name)(*((0,) if name == "cumprod_" else ()))
        return y
    run_both(fn, [a], requires_grad=() if name in ("arctanh_", "sgn_", "fix_") else (0,))


@pytest.mark.parametrize("name", ["greater_", "greater_equal_", "less_", "less_equal_", "not_equal_"])
def test_comparison_inplace(name):
    a, b = _r(4, 3), _r(4, 3)

    def fn(T, x, y):
        z = x.clone()
        getattr(z, name)(y)
        return z
    run_both(fn, [a, b])


def test_matmul_inplace_methods():
    m, a, b, v = _r(3, 4), _r(3, 5), _r(5, 4), _r(4)
    run_both(lambda T, m, a, b: (m * 1).addmm_(a, b, beta=0.5, alpha=2), [m, a, b], requires_grad=(0, 1, 2))
    run_both(lambda T, y, a, v: (y * 1).addmv_(a, v), [_r(3), _r(3, 4), v], requires_grad=(0, 1, 2))
    run_both(lambda T, m, x, y: (m * 1).addr_(x, y), [m, _r(3), v], requires_grad=(0, 1, 2))
    bm, b1, b2 = _r(2, 3, 4), _r(2, 3, 5), _r(2, 5, 4)
    run_both(lambda T, m, a, b: (m * 1).baddbmm_(a, b), [bm, b1, b2], requires_grad=(0, 1, 2))
    run_both(lambda T, m, a, b: (m * 1).addbmm_(a, b), [m, b1, b2], requires_grad=(0, 1, 2))
    run_both(lambda T, y, a, v: T.addmv_(y * 1, a, v), [_r(3), _r(3, 4), v], requires_grad=(0,))


def test_xlogy_heaviside_gcd_lcm_inplace():
    a, b = _r(6, lo=0.1, hi=3), _r(6, lo=0.1, hi=3)
    run_both(lambda T, x, y: (x * 1).xlogy_(y), [a, b], requires_grad=(0, 1))
    run_both(lambda T, x, y: T.xlogy_(x * 1, y), [a, b], requires_grad=(0, 1))
    h, v = np.array([-1.0, 0.0, 2.0], np.float32), np.array([0.5, 0.5, 0.5], np.float32)
    run_both(lambda T, x, y: x.clone().heaviside_(y), [h, v])
    i, j = RNG.integers(1, 30, 8), RNG.integers(1, 30, 8)
    for op in ("gcd", "lcm"):
        run_both(lambda T, x, y: getattr(x, op)(y), [i, j])
        run_both(lambda T, x, y: getattr(x.clone(), op + "_")(y), [i, j])
        run_both(lambda T, x, y: getattr(T, op + "_")(x.clone(), y), [i, j])


def test_detach_fill_and_predicates():
    a = _r(2, 3)
    for T in (torch, gradkit):
        x = T.tensor(a, requires_grad=True)
        d = T.detach(x)
        assert not d.requires_grad and d.grad_fn is None
        assert T.is_signed(x) and not T.is_signed(T.tensor([1], dtype=T.uint8))
        assert not T.is_inference(x) and not x.is_inference()
        assert T.is_same_size(x, T.zeros(2, 3)) and x.is_same_size(T.zeros(2, 3))
        assert not T.is_same_size(x, T.zeros(3, 2))
        assert T.tensor([2.0]).is_nonzero() and not T.tensor([0.0]).is_nonzero()
        assert x.is_cpu and not T.is_conj(x) and not x.is_neg()
        assert T.conj(x) is x and x.resolve_conj() is x and T.real(x) is x and x.real is x
        with pytest.raises(RuntimeError):
            x.is_nonzero() if False else T.tensor([1.0, 2.0]).is_nonzero()
        with pytest.raises(RuntimeError, match="imag is not implemented"):
            T.imag(x)
    run_both(lambda T, x: T.fill(x, 2.5), [a])
    run_both(lambda T, x, v: T.fill(x, v), [a, np.array(1.5, np.float32)], requires_grad=(1,))
    run_both(lambda T, x: T.angle(x), [np.array([-1.0, 0.0, 2.0, -0.5], np.float32)], requires_grad=(0,))


# ------------------------------------------------------------------------------------------ shape ops
@pytest.mark.parametrize("offset", [-2, 0, 1])
def test_diagflat(offset):
    run_both(lambda T, x: T.diagflat(x, offset), [_r(2, 2)], requires_grad=(0,))
    run_both(lambda T, x: x.diagflat(offset), [_r(3)], requires_grad=(0,))


@pytest.mark.parametrize("sections", [2, [1, 3]])
def test_dsplit_and_split_with_sizes(sections):
    a = _r(2, 3, 4)
    run_both(lambda T, x: T.dsplit(x, sections), [a], requires_grad=(0,))
    run_both(lambda T, x: x.dsplit(sections), [a], requires_grad=(0,))
    run_both(lambda T, x: T.split_with_sizes(x, [1, 2], 1), [a], requires_grad=(0,))
    run_both(lambda T, x: x.split_with_sizes([3, 1], dim=-1), [a], requires_grad=(0,))
    run_both(lambda T, x: T.unsafe_chunk(x, 2, 2), [a], requires_grad=(0,))
    run_both(lambda T, x: T.unsafe_split(x, 3, 2), [a], requires_grad=(0,))
    for T, E in ((torch, RuntimeError), (gradkit, RuntimeError)):
        with pytest.raises(E, match="dsplit"):
            T.dsplit(T.zeros(2, 3, 4), 3)
        with pytest.raises(E, match="dsplit"):
            T.dsplit(T.zeros(2, 3), 1)


@pytest.mark.parametrize("name,args", [("t_copy", ()), ("transpose_copy", (0, 1)), ("permute_copy", ((1, 0),)),
                                       ("unsqueeze_copy", (1,)), ("squeeze_copy", ()), ("view_copy", ((6,),)),
                                       ("expand_copy", ((4, 2, 3),)), ("select_copy", (0, 1)),
                                       ("slice_copy", (1, 0, 2)), ("alias_copy", ())])
def test_copy_variants(name, args):
    def fn(T, x):
        r = getattr(T, name)(x, *args)
        assert r._base is None if T is gradkit else True
        return r
    run_both(fn, [_r(2, 3)], requires_grad=(0,))


def test_swapaxes_inplace_and_new_resize():
    for T in (torch, gradkit):
        x = T.zeros(2, 3)
        assert x.swapaxes_(0, 1).shape == (3, 2) and x.swapdims_(0, 1).shape == (2, 3)
        n = x.new(4, 5)
        assert n.shape == (4, 5) and n.dtype == x.dtype
        assert x.new([1, 2]).tolist() == [1.0, 2.0] and x.new().shape == (0,)
        y = T.arange(6.0)
        y.resize_as_(T.zeros(2, 3))
        assert y.shape == (2, 3) and y.tolist() == [[0, 1, 2], [3, 4, 5]]
        assert T.resize_as_(T.arange(6.0), T.zeros(3, 2)).shape == (3, 2)


# ------------------------------------------------------------------------------------------ elementwise
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_frexp_ldexp(dtype):
    a = _r(3, 4, dtype=dtype, lo=-50, hi=50)
    run_both(lambda T, x: T.frexp(x), [a])
    run_both(lambda T, x: x.frexp(), [a])
    e = RNG.integers(-3, 4, (3, 4))
    run_both(lambda T, x, k: T.ldexp(x, k), [a, e])
    # torch's ldexp backward computes 2**k in integers (zero for k < 0); gradkit's gradient is 2**k: compare
    # with torch for k >= 0 and with the math for all k
    run_both(lambda T, x, k: T.ldexp(x, k), [a, np.abs(e)], requires_grad=(0,))
    xg = gradkit.tensor(a, requires_grad=True)
    gradkit.ldexp(xg, gradkit.tensor(e)).sum().backward()
    np.testing.assert_allclose(xg.grad.numpy(), 2.0 ** e, rtol=1e-6)
    run_both(lambda T, x, k: x.ldexp(k), [a, e])
    run_both(lambda T, x, k: x.clone().ldexp_(k), [a, e])
    for T in (torch, gradkit):
        m, ex = T.frexp(T.tensor(a))
        assert_close(m * (2.0 ** ex.to(m.dtype)), T.tensor(a)) if T is gradkit else None


def test_nextafter_i0_polygamma_mvlgamma():
    a, b = _r(5, dtype=np.float64), _r(5, dtype=np.float64)
    run_both(lambda T, x, y: T.nextafter(x, y), [a, b])
    run_both(lambda T, x, y: x.nextafter(y), [a.astype(np.float32), b.astype(np.float32)])
    run_both(lambda T, x: x.i0(), [_r(6)], requires_grad=(0,), rtol=1e-4)
    run_both(lambda T, x: x.clone().i0_(), [_r(6)], rtol=1e-4)
    p = _r(6, lo=0.5, hi=4)
    for n in (1, 2):
        run_both(lambda T, x: x.polygamma(n), [p], requires_grad=(0,), rtol=1e-4)
        run_both(lambda T, x: x.clone().polygamma_(n), [p], rtol=1e-4)
    m = _r(6, lo=2.0, hi=5.0)
    for pp in (1, 3):
        run_both(lambda T, x: T.mvlgamma(x, pp), [m], requires_grad=(0,), rtol=1e-5)
        run_both(lambda T, x: x.mvlgamma(pp), [m], requires_grad=(0,), rtol=1e-5)
    run_both(lambda T, x: T.mvlgamma(x, 3), [np.array([0.1, 0.9, 3.0], np.float32)], rtol=1e-5)
    for T in (torch, gradkit):
        with pytest.raises(RuntimeError, match="p has to be"):
            T.mvlgamma(T.tensor([1.0, 3.0]), 0)


# ------------------------------------------------------------------------------------------ statistics
@pytest.mark.parametrize("interp", ["linear", "lower", "higher", "midpoint", "nearest"])
@pytest.mark.parametrize("dim,keepdim", [(None, False), (None, True), (1, False), (0, True), (-1, True)])
def test_nanquantile(interp, dim, keepdim):
    a = _r(4, 7, dtype=np.float64)
    a[0, 2] = a[2, 5] = a[3, :] = np.nan
    if dim == 0:
        a[:, 1] = np.nan
    q1 = 0.3
    qv = np.array([0.0, 0.25, 0.5, 1.0])
    run_both(lambda T, x: T.nanquantile(x, q1, dim, keepdim, interpolation=interp), [a], requires_grad=(0,))
    run_both(lambda T, x, q: x.nanquantile(q, dim=dim, keepdim=keepdim, interpolation=interp), [a, qv],
             requires_grad=(0,))


def test_nanquantile_errors_and_no_nan():
    a = _r(10)
    run_both(lambda T, x: T.nanquantile(x, 0.7), [a], requires_grad=(0,))
    for T in (torch, gradkit):
        with pytest.raises(RuntimeError, match="range"):
            T.nanquantile(T.tensor([1.0, 2.0]), 1.5)
        with pytest.raises(RuntimeError):
            T.nanquantile(T.tensor([1, 2]), 0.5)


@pytest.mark.parametrize("bins", [3, 10])
@pytest.mark.parametrize("density", [False, True])
@pytest.mark.parametrize("weighted", [False, True])
def test_histogram(bins, density, weighted):
    a = _r(50)
    w = _r(50, lo=0, hi=1)
    run_both(lambda T, x, ww: T.histogram(x, bins, weight=ww if weighted else None, density=density), [a, w])
    run_both(lambda T, x: T.histogram(x, bins=bins, range=(-1.0, 1.5), density=density), [a])
    run_both(lambda T, x, e: x.histogram(e), [a, np.array([-2.0, -0.5, 0.0, 1.0, 2.0], np.float32)])
    run_both(lambda T, x: T.histogram(x, 4), [np.full(5, 2.0, np.float32)])


@pytest.mark.parametrize("bins", [3, [2, 4]])
@pytest.mark.parametrize("density", [False, True])
def test_histogramdd(bins, density):
    a = _r(40, 2)
    w = _r(40, lo=0, hi=1)
    run_both(lambda T, x, ww: T.histogramdd(x, bins, weight=ww, density=density), [a, w])
    run_both(lambda T, x: T.histogramdd(x, bins, range=[-1.0, 1.0, -2.0, 2.0]), [a])
    for T in (torch, gradkit):
        r = T.histogramdd(T.tensor(a), bins)
        assert isinstance(r.bin_edges, tuple) and len(r.bin_edges) == 2
        assert type(r).__name__ == "histogramdd"


# ------------------------------------------------------------------------------------------ calculus / windows
@pytest.mark.parametrize("edge_order", [1, 2])
@pytest.mark.parametrize("kw", [{}, {"spacing": 0.5}, {"dim": 1}, {"dim": (0, 1), "spacing": [2.0, 0.25]},
                                {"dim": 0, "coords": True}])
def test_gradient(edge_order, kw):
    a = _r(5, 6, dtype=np.float64)
    kw = dict(kw)
    if kw.pop("coords", False):
        c = np.sort(RNG.uniform(0, 5, 5)).astype(np.float64)

        def fn(T, x, cc):
            return T.gradient(x, spacing=(cc,), dim=0, edge_order=edge_order)
        run_both(fn, [a, c], requires_grad=(0,))
        return
    run_both(lambda T, x: T.gradient(x, edge_order=edge_order, **kw), [a], requires_grad=(0,))


def test_gradient_1d_and_int():
    run_both(lambda T, x: T.gradient(x), [_r(7)], requires_grad=(0,))
    run_both(lambda T, x: T.gradient(x, spacing=2), [RNG.integers(0, 9, 6)])


@pytest.mark.parametrize("kind", ["none", "dx", "x1d", "xnd"])
@pytest.mark.parametrize("dim", [-1, 0])
def test_cumulative_trapezoid(kind, dim):
    y = _r(4, 5, dtype=np.float64)
    n = y.shape[dim]
    if kind == "none":
        run_both(lambda T, yy: T.cumulative_trapezoid(yy, dim=dim), [y], requires_grad=(0,))
    elif kind == "dx":
        run_both(lambda T, yy: T.cumulative_trapezoid(yy, dx=0.3, dim=dim), [y], requires_grad=(0,))
    elif kind == "x1d":
        x = np.sort(_r(n, dtype=np.float64))
        run_both(lambda T, yy, xx: T.cumulative_trapezoid(yy, xx, dim=dim), [y, x], requires_grad=(0, 1))
    else:
        x = np.sort(_r(4, 5, dtype=np.float64), axis=dim)
        run_both(lambda T, yy, xx: T.cumulative_trapezoid(yy, xx, dim=dim), [y, x], requires_grad=(0, 1))


@pytest.mark.parametrize("n", [0, 1, 2, 7, 16])
@pytest.mark.parametrize("periodic", [True, False])
@pytest.mark.parametrize("beta", [12.0, 3.5])
def test_kaiser_window(n, periodic, beta):
    for dt in (None, "float64"):
        a = torch.kaiser_window(n, periodic, beta, dtype=getattr(torch, dt) if dt else None)
        b = gradkit.kaiser_window(n, periodic, beta, dtype=getattr(gradkit, dt) if dt else None)
        assert_close(a, b, rtol=2e-5, atol=1e-6)


# ------------------------------------------------------------------------------------------ indexing
@pytest.mark.parametrize("accumulate", [False, True])
def test_put(accumulate):
    a = _r(3, 4)
    idx = np.array([0, 5, -1, 7], np.int64) if not accumulate else np.array([0, 5, 5, -12], np.int64)
    src = _r(2, 2)
    run_both(lambda T, x, i, s: T.put(x, i, s, accumulate), [a, idx, src], requires_grad=(0, 2))
    run_both(lambda T, x, i, s: x.put(i, s, accumulate=accumulate), [a, idx, src], requires_grad=(0, 2))

    def inplace(T, x, i, s):
        y = x * 1
        y.put_(i, s, accumulate)
        return y
    run_both(inplace, [a, idx, src], requires_grad=(0, 2))
    for T in (torch, gradkit):
        with pytest.raises(IndexError):
            T.zeros(3).put_(T.tensor([3]), T.tensor([1.0]))


def test_index_put_top_level_and_scatters():
    a = _r(4, 3)
    i = np.array([0, 2], np.int64)
    v = _r(2, 3)

    def fn(T, x, ii, vv):
        y = x * 1
        T.index_put_(y, (ii,), vv)
        return y
    run_both(fn, [a, i, v], requires_grad=(0, 2))
    run_both(lambda T, x, s: x.slice_scatter(s, 0, 1, 3), [a, _r(2, 3)], requires_grad=(0, 1))
    run_both(lambda T, x, s: x.select_scatter(s, 1, 2), [a, _r(4)], requires_grad=(0, 1))
    run_both(lambda T, x, s: x.diagonal_scatter(s, 1), [a, _r(2)], requires_grad=(0, 1))


# ------------------------------------------------------------------------------------------ linalg names
def _spd(n, dtype=np.float64, batch=()):
    m = RNG.standard_normal(batch + (n, n)).astype(dtype)
    return m @ np.swapaxes(m, -1, -2) + n * np.eye(n, dtype=dtype)


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_linalg_methods():
    a = _spd(3)
    run_both(lambda T, x: x.det(), [a], requires_grad=(0,))
    run_both(lambda T, x: T.logdet(x), [a], requires_grad=(0,))
    run_both(lambda T, x: x.logdet(), [-a[:2, :2]])
    run_both(lambda T, x: x.slogdet(), [a], requires_grad=(0,))
    run_both(lambda T, x: x.inverse(), [a], requires_grad=(0,))
    run_both(lambda T, x: T.inverse(x), [_spd(2, batch=(3,))], requires_grad=(0,))
    run_both(lambda T, x: x.pinverse(), [RNG.standard_normal((4, 3))], requires_grad=(0,))
    run_both(lambda T, x: x.matrix_power(3), [a], requires_grad=(0,))
    run_both(lambda T, x: x.matrix_power(-1), [a], requires_grad=(0,))
    run_both(lambda T, x: x.matrix_exp(), [a * 0.1], requires_grad=(0,))
    run_both(lambda T, x: x.cholesky(), [a], requires_grad=(0,))
    run_both(lambda T, x: T.cholesky(x, True), [a], requires_grad=(0,))
    for T in (torch, gradkit):
        r = T.slogdet(T.tensor(a))
        assert type(r).__name__ == "slogdet" and r.sign.item() == 1.0 and r.logabsdet.item() > 0


def test_cholesky_solve_inverse_triangular_solve():
    a = _spd(3)
    L = np.linalg.cholesky(a)
    b = RNG.standard_normal((3, 2))
    for upper in (False, True):
        f = L.T.copy() if upper else L
        run_both(lambda T, bb, ff: T.cholesky_solve(bb, ff, upper), [b, f], requires_grad=(0, 1))
        run_both(lambda T, ff: T.cholesky_inverse(ff, upper), [f], requires_grad=(0,))
        run_both(lambda T, bb, ff: bb.cholesky_solve(ff, upper=upper), [b, f])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for upper in (True, False):
            for transpose in (False, True):
                for unit in (False, True):
                    A = np.triu(a) if upper else np.tril(a)
                    run_both(lambda T, bb, AA: T.triangular_solve(bb, AA, upper, transpose, unit), [b, A],
                             requires_grad=(0,))


@pytest.mark.parametrize("some", [True, False])
def test_svd_qr_top_level(some):
    a = RNG.standard_normal((5, 3))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for T in (torch, gradkit):
            U, S, V = T.svd(T.tensor(a), some=some)
            assert type(T.svd(T.tensor(a))).__name__ == "svd"
            rec = U[:, :3] @ T.diag(S) @ V.T
            np.testing.assert_allclose(rec.numpy(), a, atol=1e-10)
            assert tuple(U.shape) == ((5, 3) if some else (5, 5)) and tuple(V.shape) == (3, 3)
            Q, R = T.qr(T.tensor(a), some=some)
            np.testing.assert_allclose((Q @ R).numpy(), a, atol=1e-10)
            assert tuple(Q.shape) == ((5, 3) if some else (5, 5))
        a_s = torch.svd(torch.tensor(a)).S.numpy()
        np.testing.assert_allclose(gradkit.tensor(a).svd().S.numpy(), a_s, atol=1e-10)
        U0, S0, V0 = torch.svd(torch.tensor(a), compute_uv=False)
        U1, S1, V1 = gradkit.svd(gradkit.tensor(a), compute_uv=False)
        assert_close(S0, S1) and assert_close(U0, U1) and assert_close(V0, V1)


def test_norm_names():
    a = RNG.standard_normal((3, 4))
    run_both(lambda T, x: T.nuclear_norm(x), [a], requires_grad=(0,))
    run_both(lambda T, x: T.frobenius_norm(x, (0, 1)), [a], requires_grad=(0,))
