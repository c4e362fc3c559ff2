"""Parity tests for the numerics / autograd fixes found by the s4x conformance programs."""
from __future__ import annotations

import numpy as np
import pytest
from _parity import assert_close, run_both

import gradkit

torch = pytest.importorskip("torch")


def _rng(seed=0):
    return np.random.default_rng(seed)


def test_mark_dirty_on_non_leaf_input():
    x = _rng().standard_normal(5).astype(np.float32)

    def fn(T, t):
        class AddOne(T.autograd.Function):
            @staticmethod
            def forward(ctx, a):
                a.add_(1)
                ctx.mark_dirty(a)
                return a

            @staticmethod
            def backward(ctx, g):
                return g * 2

        h = t * 3
        out = AddOne.apply(h)
        assert out is h
        return out * out

    run_both(fn, [x], requires_grad=(0,))


def test_grad_unused_input_message_names_index():
    msgs = []
    for T in (torch, gradkit):
        a = T.ones(2, requires_grad=True)
        b = T.ones(2, requires_grad=True)
        with pytest.raises(RuntimeError) as e:
            T.autograd.grad((a * 2).sum(), [a, b])
        msgs.append(str(e.value))
    assert msgs[0] == msgs[1]


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.float16])
def test_sigmoid_matches_torch_formula(dtype):
    x = np.concatenate([np.linspace(-110, 110, 4001), _rng().standard_normal(500) * 6]).astype(dtype)
    a = torch.sigmoid(torch.tensor(x)).numpy()
    b = gradkit.sigmoid(gradkit.tensor(x)).numpy()
    assert a.dtype == b.dtype
    assert np.array_equal(a == 0, b == 0)
    np.testing.assert_allclose(b, a, rtol=2e-3 if dtype == np.float16 else 1e-6, atol=0)
    run_both(lambda T, t: T.sigmoid(t), [x[::50].copy()], requires_grad=(0,), rtol=1e-3, atol=1e-6)


def test_bce_with_logits_grad_underflows_like_torch():
    z = np.array([-100.0, -20.0, 0.0, 20.0, 100.0], np.float32)
    t = np.array([0.0, 1.0, 0.0, 1.0, 1.0], np.float32)
    outs = run_both(lambda T, a, b: T.nn.functional.binary_cross_entropy_with_logits(a, b), [z, t], requires_grad=(0,))
    assert outs[1].item() == pytest.approx(outs[0].item())


@pytest.mark.parametrize("dtype", [np.float32, np.float16, np.float64, np.int32])
@pytest.mark.parametrize("op", ["cumsum", "cumprod"])
@pytest.mark.parametrize("dim", [0, 1, -1])
def test_cumsum_cumprod_accumulate_like_torch(dtype, op, dim):
    x = (_rng(1).random((3, 700)) * (2 if op == "cumsum" else 1) + (0 if op == "cumsum" else 0.5)).astype(dtype)
    if dtype == np.int32:
        x = (x * 3).astype(dtype)
    a = getattr(torch.tensor(x), op)(dim).numpy()
    b = getattr(gradkit.tensor(x), op)(dim).numpy()
    assert a.dtype == b.dtype
    np.testing.assert_array_equal(b, a)


def test_cumsum_grad_and_dtype_arg():
    x = _rng(2).standard_normal((4, 6)).astype(np.float32)
    run_both(lambda T, t: T.cumsum(t, 1) * T.cumprod(t, 0), [x], requires_grad=(0,))
    run_both(lambda T, t: T.cumsum(t, 0, dtype=T.float64), [x], requires_grad=(0,))
    xi = np.arange(10, dtype=np.int64)
    run_both(lambda T, t: T.cumsum(t, 0, dtype=T.float32), [xi])


@pytest.mark.parametrize("dim", [0, 1])
def test_cumprod_backward_with_zeros(dim):
    x = _rng(6).standard_normal((3, 5))
    x[0, 2] = x[1, 0] = x[1, 3] = x[2, 4] = 0.0
    w = np.arange(15.0).reshape(3, 5)
    run_both(lambda T, t, v: T.cumprod(t, dim) * v, [x, w], requires_grad=(0,), rtol=1e-7, atol=1e-9)
    grads = []
    for T in (torch, gradkit):
        t = T.tensor(x, requires_grad=True)
        (g,) = T.autograd.grad((T.cumprod(t, dim) * T.tensor(w)).sum(), t, create_graph=True)
        (gg,) = T.autograd.grad((g ** 2).sum(), t)
        grads.append(gg)
    assert_close(grads[0], grads[1], rtol=1e-7, atol=1e-9)
    t = gradkit.tensor(x, requires_grad=True)
    assert gradkit.autograd.gradcheck(lambda a: gradkit.cumprod(a, dim), (t,))


def test_lbfgs_fused_updates_track_torch_on_rosenbrock():
    traj = []
    for T in (torch, gradkit):
        p = T.tensor([-1.2, 1.0], requires_grad=True)
        opt = T.optim.LBFGS([p], lr=0.1, max_iter=20, history_size=10)

        def closure():
            opt.zero_grad()
            loss = (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2
            loss.backward()
            return loss

        out = []
        for _ in range(5):
            opt.step(closure)
            out.append(p.detach().numpy().copy())
        traj.append(np.array(out))
    np.testing.assert_allclose(traj[1], traj[0], rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("shape", [(4, 4), (5, 3), (3, 5), (2, 5, 3), (2, 3, 5)])
def test_qr_backward(shape):
    a = _rng(3).standard_normal(shape)
    run_both(lambda T, t: T.linalg.qr(t).Q.sin(), [a], requires_grad=(0,), rtol=1e-7, atol=1e-9)
    run_both(lambda T, t: T.linalg.qr(t).R * 3, [a], requires_grad=(0,), rtol=1e-7, atol=1e-9)

    def both(T, t):
        q, r = T.linalg.qr(t)
        return q.sin().sum() + (r ** 3).sum()

    run_both(both, [a], requires_grad=(0,), rtol=1e-7, atol=1e-9)
    A = gradkit.tensor(a, requires_grad=True)
    assert gradkit.autograd.gradcheck(lambda m: gradkit.linalg.qr(m), (A,))


def test_qr_modes():
    a = _rng(4).standard_normal((5, 3))
    q, r = gradkit.linalg.qr(gradkit.tensor(a), mode="complete")
    tq, tr = torch.linalg.qr(torch.tensor(a), mode="complete")
    assert_close((tq, tr), (q, r))
    with pytest.raises(NotImplementedError):
        gradkit.linalg.qr(gradkit.tensor(a, requires_grad=True), mode="complete")
    with pytest.raises(RuntimeError):
        gradkit.linalg.qr(gradkit.tensor(a), mode="bad")


@pytest.mark.parametrize("shape", [(4, 4), (5, 3), (2, 5, 3), (3, 5), (2, 3, 5)])
@pytest.mark.parametrize("full", [False, True])
def test_svd_backward(shape, full):
    a = _rng(5).standard_normal(shape)

    def loss(T, t):
        u, s, vh = T.linalg.svd(t, full_matrices=full)
        k = s.shape[-1]
        return (u[..., :k] ** 4).sum() + s.exp().sum() + (vh[..., :k, :] ** 4).sum()

    outs = run_both(loss, [a], requires_grad=(0,), rtol=1e-7, atol=1e-9)
    assert outs[0].requires_grad and outs[1].requires_grad
    run_both(lambda T, t: T.linalg.svd(t, full_matrices=full).S, [a], requires_grad=(0,), rtol=1e-7, atol=1e-9)
    A = gradkit.tensor(a, requires_grad=True)

    def f(m):
        u, s, vh = gradkit.linalg.svd(m, full_matrices=False)
        return (u ** 4).sum(), s, (vh ** 4).sum()

    assert gradkit.autograd.gradcheck(f, (A,))


def _error_of(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return type(e).__name__, str(e)
    return None


@pytest.mark.parametrize("case", range(9))
def test_quantile_histc_argument_errors(case):
    def make(T):
        return [lambda: T.quantile(T.tensor([1.0, 2.0]), 1.5),
                lambda: T.quantile(T.tensor([1.0, 2.0]), T.tensor([0.2, -1.0])),
                lambda: T.quantile(T.tensor([1, 2]), 0.5),
                lambda: T.quantile(T.tensor([1.0]), 0.5, interpolation="bad"),
                lambda: T.nanquantile(T.tensor([]), 0.5),
                lambda: T.quantile(T.tensor([1.0]), T.ones(2, 2) * 0.5),
                lambda: T.quantile(T.tensor([1.0]), T.tensor([0.5], dtype=T.float64)),
                lambda: T.histc(T.tensor([1, 2]), bins=2),
                lambda: T.histc(T.tensor([1.0, 2.0]), bins=2, min=3, max=1)][case]
    expected = _error_of(make(torch))
    assert expected is not None
    assert _error_of(make(gradkit)) == expected


def test_quantile_values_still_match():
    x = _rng(7).standard_normal((4, 9)).astype(np.float32)
    q = np.array([0.0, 0.3, 1.0], np.float32)
    for interp in ("linear", "lower", "higher", "midpoint", "nearest"):
        run_both(lambda T, t, qq: T.quantile(t, qq, dim=1, interpolation=interp), [x, q], requires_grad=(0,))


@pytest.mark.parametrize("case", range(7))
def test_autograd_functional_constant_outputs_and_strict(case):
    def make(T):
        F = T.autograd.functional
        return [lambda: F.jacobian(lambda x: T.ones(2), T.ones(2), strict=True),
                lambda: F.jacobian(lambda x, y: x * 2, (T.ones(2), T.ones(2)), strict=True),
                lambda: F.vjp(lambda x: T.ones(2), T.ones(2), T.ones(2)),
                lambda: F.vjp(lambda x: T.ones(2), T.ones(2), T.ones(2), strict=True),
                lambda: F.jvp(lambda x: T.ones(2), T.ones(2), T.ones(2)),
                lambda: F.hessian(lambda x: T.ones(()), T.ones(2)),
                lambda: F.jacobian(lambda x, y: (x * y, x), (T.ones(2), T.ones(2) * 3))][case]
    fn_t, fn_g = make(torch), make(gradkit)
    err = _error_of(fn_t)
    if err is not None:
        assert _error_of(fn_g) == err
    else:
        assert_close(fn_t(), fn_g())


def test_saved_tensors_hooks_pack_and_unpack():
    x = _rng(8).standard_normal(4)
    results = []
    for T in (torch, gradkit):
        calls = {"pack": 0, "unpack": 0}

        def pack(t):
            calls["pack"] += 1
            return t * 2

        def unpack(t):
            calls["unpack"] += 1
            return t / 2

        class Sq(T.autograd.Function):
            @staticmethod
            def forward(ctx, a):
                ctx.save_for_backward(a)
                return a * a

            @staticmethod
            def backward(ctx, g):
                (a,) = ctx.saved_tensors
                return 2 * a * g

        t = T.tensor(x, requires_grad=True)
        with T.autograd.graph.saved_tensors_hooks(pack, unpack):
            y = Sq.apply(t.exp()).sum()
        y.backward()
        assert calls["pack"] >= 1 and calls["unpack"] >= 1
        results.append(t.grad)
        t.grad = None
        with T.autograd.graph.save_on_cpu():
            (t.sin() * t).sum().backward()
        results.append(t.grad)
        with T.autograd.graph.disable_saved_tensors_hooks("no saving here"):
            Sq.apply(t * 1)
            with pytest.raises(RuntimeError, match="no saving here"):
                with T.autograd.graph.save_on_cpu():
                    pass
    assert_close(results[0], results[2])
    assert_close(results[1], results[3])


@pytest.mark.parametrize("case", range(4))
def test_out_argument_refuses_lossy_casts(case):
    def make(T):
        f = T.tensor([1.5, 2.5])
        return [lambda: T.add(f, f.double(), out=T.empty(2, dtype=T.int64)),
                lambda: T.mul(f, 2, out=T.empty(2, dtype=T.bool)),
                lambda: T.add(T.tensor([1, 2]), 1, out=T.empty(2, dtype=T.bool)),
                lambda: T.add(T.tensor([1, 2]), 1, out=T.empty(2))][case]
    err = _error_of(make(torch))
    assert _error_of(make(gradkit)) == err
    if err is None:
        assert_close(make(torch)(), make(gradkit)())


def test_grad_is_grads_batched():
    x = _rng(9).standard_normal(3)
    outs = []
    for T in (torch, gradkit):
        w = T.tensor(x, requires_grad=True)
        y = w.exp() * w
        (jac,) = T.autograd.grad(y, w, T.eye(3, dtype=T.float64), is_grads_batched=True)
        u = T.tensor(x * 2, requires_grad=True)
        ja, jb = T.autograd.grad([(w * u).sum(0, keepdim=True)], [w, u], [T.ones(4, 1, dtype=T.float64)],
                                 is_grads_batched=True)
        outs.append((jac, ja, jb))
    assert_close(outs[0], outs[1])


@pytest.mark.parametrize("op", ["mul", "div", "rdiv", "rmul"])
@pytest.mark.parametrize("scalar", [0.1, 3.14159, 3001, 1e-3])
def test_half_tensor_with_python_scalar_rounds_once(op, scalar):
    x = (_rng(10).standard_normal(3000) * 4).astype(np.float16)
    fns = {"mul": lambda t: t * scalar, "div": lambda t: t / scalar, "rdiv": lambda t: scalar / t,
           "rmul": lambda t: scalar * t}
    a = fns[op](torch.tensor(x)).numpy()
    b = fns[op](gradkit.tensor(x)).numpy()
    assert a.dtype == b.dtype
    np.testing.assert_array_equal(b, a)


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int64, np.bool_])
def test_number_divided_by_tensor_matches_torch_bitwise(dtype):
    x = (_rng(11).standard_normal(5000) * 5).astype(dtype)
    for s in (0.1, 3, 7.5):
        a = (s / torch.tensor(x)).numpy()
        b = (s / gradkit.tensor(x)).numpy()
        assert a.dtype == b.dtype
        np.testing.assert_array_equal(b, a)
    if dtype in (np.float32, np.float64):
        run_both(lambda T, t: 3.0 / t, [x[:20].copy()], requires_grad=(0,))


@pytest.mark.parametrize("shape,q,center", [((40, 5), None, True), ((40, 5), 2, False), ((5, 40), 3, True),
                                             ((30, 8), 8, True), ((3, 20, 6), 2, True)])
def test_pca_lowrank_matches_torch(shape, q, center):
    a = _rng(12).standard_normal(shape)
    res = []
    for T in (torch, gradkit):
        T.manual_seed(0)
        U, S, V = T.pca_lowrank(T.tensor(a), q=q, center=center)
        res.append((U, S, V, T.rand(3)))
    assert_close(res[0][1], res[1][1], rtol=1e-10, atol=1e-12)
    assert_close(res[0][3], res[1][3])
    for (U, S, V, _), T in zip(res, (torch, gradkit)):
        A = T.tensor(a)
        A = A - A.mean(dim=-2, keepdim=True) if center else A
        k = S.shape[-1]
        assert U.shape == A.shape[:-1] + (k,) and V.shape[-2:] == (A.shape[-1], k)
        np.testing.assert_allclose((U.mT @ A @ V).numpy(), T.diag_embed(S).numpy(), atol=1e-6)
    assert_close(res[0][0].abs() @ res[0][0].abs().mT, res[1][0].abs() @ res[1][0].abs().mT, rtol=1e-8, atol=1e-8)
    with pytest.raises(ValueError):
        gradkit.pca_lowrank(gradkit.tensor(a), q=100)


def test_half_linear_and_inplace_scalar_ops():
    rng = _rng(13)
    x = rng.standard_normal((50, 16)).astype(np.float16)
    w = rng.standard_normal((8, 16)).astype(np.float16)
    b = rng.standard_normal(8).astype(np.float16)
    run_both(lambda T, a, ww, bb: T.nn.functional.linear(a, ww, bb), [x, w, b], requires_grad=(0, 1, 2), rtol=0, atol=0)
    run_both(lambda T, a, ww: T.nn.functional.linear(a, ww), [x, w], requires_grad=(0, 1), rtol=0, atol=0)

    def inplace(T, a):
        y = a.clone()
        y *= 0.7
        y += 0.05
        y /= 1.3
        y -= 0.01
        return y

    run_both(inplace, [x], rtol=0, atol=0)


@pytest.mark.parametrize("driver", [None, "gels", "gelsy", "gelsd", "gelss"])
@pytest.mark.parametrize("shape", [(6, 3), (3, 5), (2, 6, 3)])
def test_lstsq_outputs_per_driver(driver, shape):
    rng = _rng(14)
    a = rng.standard_normal(shape)
    b = rng.standard_normal(shape[:-1] + (2,))
    outs = []
    for T in (torch, gradkit):
        r = T.linalg.lstsq(T.tensor(a), T.tensor(b), driver=driver)
        outs.append((r.solution, r.residuals, r.rank, r.singular_values))
    assert_close(outs[0], outs[1], rtol=1e-8, atol=1e-10)


def test_lstsq_gradients_and_matrix_rank_tol():
    rng = _rng(15)
    a, b = rng.standard_normal((7, 3)), rng.standard_normal((7, 2))
    run_both(lambda T, A, B: T.linalg.lstsq(A, B).solution, [a, b], requires_grad=(0, 1), rtol=1e-7, atol=1e-9)
    x = rng.standard_normal((4, 5)).astype(np.float32)
    for tol in (0.5, 1.0, 3.0):
        assert_close(torch.linalg.matrix_rank(torch.tensor(x), tol=tol), gradkit.linalg.matrix_rank(gradkit.tensor(x), tol=tol))
    assert _error_of(lambda: gradkit.linalg.norm(gradkit.ones(3), ord="fro")) == \
        _error_of(lambda: torch.linalg.norm(torch.ones(3), ord="fro"))


def test_half_var_std_and_empty_logsumexp():
    x = (_rng(16).standard_normal((64, 100)) * 3).astype(np.float16)
    for f in (lambda t: t.var(), lambda t: t.std(), lambda t: t.var(1), lambda t: t.std(0, correction=0)):
        a, b = f(torch.tensor(x)).numpy(), f(gradkit.tensor(x)).numpy()
        assert a.dtype == b.dtype
        np.testing.assert_array_equal(b, a)
    run_both(lambda T, t: t.var(1) + t.std(1), [x[:4, :8].copy()], requires_grad=(0,), rtol=1e-3, atol=1e-3)
    for shape, dim in (((0,), 0), ((2, 0), 1), ((0, 3), 1), ((0, 3), 0)):
        e = np.zeros(shape, np.float32)
        run_both(lambda T, t: T.logsumexp(t, dim), [e])


@pytest.mark.parametrize("dtype,lo,hi", [("float16", -2.0, 3.0), ("float16", 0.1, 0.7), ("float16", 1000.0, 1001.0),
                                         ("float32", 100.0, 100.5), ("float32", 1e6, 1e6 + 1),
                                         ("float64", 1e15, 1e15 + 1), ("float16", 0.0, 1.0)])
def test_uniform_draws_never_reach_upper_bound(dtype, lo, hi):
    torch.manual_seed(0)
    a = torch.empty(20000, dtype=getattr(torch, dtype)).uniform_(lo, hi).numpy()
    gradkit.manual_seed(0)
    b = gradkit.empty(20000, dtype=getattr(gradkit, dtype)).uniform_(lo, hi).numpy()
    np.testing.assert_array_equal(b, a)
    torch.manual_seed(1)
    a = torch.rand(3000, dtype=getattr(torch, dtype)).numpy()
    gradkit.manual_seed(1)
    b = gradkit.rand(3000, dtype=getattr(gradkit, dtype)).numpy()
    np.testing.assert_array_equal(b, a)


@pytest.mark.parametrize("n", [5, 16, 17, 31, 100, 1000])
def test_half_normal_stream_matches_torch(n):
    outs = []
    for T in (torch, gradkit):
        T.manual_seed(0)
        r = (T.randn(n, dtype=T.float16), T.empty(n, dtype=T.float16).normal_(2, 3),
             T.randn(4, n // 4 + 1, dtype=T.float16).t(), T.rand(3))
        outs.append(r)
    assert_close(outs[0], outs[1], rtol=0, atol=0)


@pytest.mark.parametrize("case", range(9))
def test_functional_and_vmap_argument_errors(case):
    def make(T):
        F = T.autograd.functional
        return [lambda: F.vjp(lambda a: a * 2, T.ones(3)),
                lambda: F.jvp(lambda a: a * 2, T.ones(3)),
                lambda: F.vhp(lambda a: a * 2, T.ones(3), T.ones(3)),
                lambda: F.hessian(lambda a: a * 2, T.ones(3)),
                lambda: F.hvp(lambda a: a.sum(), T.ones(3)),
                lambda: T.func.vmap(lambda r: r.sum(), in_dims=2)(T.ones(2, 3)),
                lambda: T.func.vmap(lambda r: r, in_dims=0)(T.tensor(1.0)),
                lambda: T.func.vmap(lambda a, b: a + b)(T.ones(3, 2), T.ones(5, 2)),
                lambda: F.jvp(lambda a: a * 2, T.ones(1))][case]
    err = _error_of(make(torch))
    assert _error_of(make(gradkit)) == err
    if err is None:
        assert_close(make(torch)(), make(gradkit)())


def test_func_linearize():
    v = _rng(17).standard_normal(5)
    outs = []
    for T in (torch, gradkit):
        out, fn = T.func.linearize(lambda a: a.sin() * a, T.tensor(v))
        outs.append((out, fn(T.ones(5, dtype=T.float64)), fn(T.tensor(v))))
    assert_close(outs[0], outs[1])


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.float16])
def test_float_floor_and_trunc_division_match_torch(dtype):
    rng = _rng(18)
    x = np.concatenate([rng.standard_normal(20000) * 10, [0.0, -0.0, 3.0, -3.0, 1.0, np.inf, -np.inf, 5.0]]).astype(dtype)
    for s in (0.3, 0.1, -0.7, 2.0, 0.0):
        for f in (lambda a: a // s, lambda a: a.div(s, rounding_mode="floor"), lambda a: a.div(s, rounding_mode="trunc")):
            p, q = f(torch.tensor(x)).numpy(), f(gradkit.tensor(x)).numpy()
            assert p.dtype == q.dtype
            np.testing.assert_array_equal(q, p)
            np.testing.assert_array_equal(np.signbit(q) & ~np.isnan(q), np.signbit(p) & ~np.isnan(p))
    assert (gradkit.tensor(3.0) // 0.3).item() == (torch.tensor(3.0) // 0.3).item() == 9.0
    run_both(lambda T, a: T.div(a, 0.3, rounding_mode="floor") + a, [x[:10].astype(np.float32)], requires_grad=(0,))


def test_half_times_wide_zero_dim_tensor():
    x = _rng(19).standard_normal(1000).astype(np.float16)
    res = []
    for T in (torch, gradkit):
        h = T.tensor(x)
        r = []
        for s in (T.tensor(0.3), T.tensor(0.3, dtype=T.float64), T.tensor(0.3, dtype=T.float16)):
            r += [h * s, s * h, h / s, s / h]
        res.append(r)
    assert_close(res[0], res[1], rtol=0, atol=0)


@pytest.mark.parametrize("values", [[1.0, np.nan, 2.0, 2.0, 5.0, np.nan, 0.5], [np.nan, np.nan], [1.0, 3.0, 3.0]])
def test_full_reduction_grads_with_ties_and_nans(values):
    a = np.array(values)
    for name in ("nanmedian", "median", "max", "min", "amax"):
        run_both(lambda T, t: getattr(t, name)() * 3, [a], requires_grad=(0,))


@pytest.mark.parametrize("seed", [1.5, 2.0, "3", True, 2 ** 64, -5, 2 ** 63, 7])
def test_manual_seed_argument_checks(seed):
    for make in (lambda T: T.Generator().manual_seed(seed).initial_seed(), lambda T: T.manual_seed(seed).initial_seed()):
        assert _error_of(lambda: make(gradkit)) == _error_of(lambda: make(torch))
        if _error_of(lambda: make(torch)) is None:
            assert make(gradkit) == make(torch)


def test_custom_backward_gradient_shape_checks_and_slot_names():
    x = _rng(20).standard_normal(3)
    results = []
    for T in (torch, gradkit):
        class WrongShape(T.autograd.Function):
            @staticmethod
            def forward(ctx, a):
                return a * 2

            @staticmethod
            def backward(ctx, g):
                return g.sum()

        class Broadcast(T.autograd.Function):
            @staticmethod
            def forward(ctx, a):
                return a * 2

            @staticmethod
            def backward(ctx, g):
                return (g * 2).expand(4, 3).float()

        class Two(T.autograd.Function):
            @staticmethod
            def forward(ctx, a):
                return a * 2, a * 3

            @staticmethod
            def backward(ctx, g1, g2):
                return g1 * 2 + g2 * 3

        t = T.tensor(x, requires_grad=True)
        err = _error_of(lambda: WrongShape.apply(t).sum().backward())
        Broadcast.apply(t).sum().backward()
        a, b = Two.apply(t)
        results.append((err, t.grad, type(a.grad_fn).__name__, type(b.grad_fn).__name__))
    assert results[0][0] == results[1][0]
    assert_close(results[0][1], results[1][1])
    assert results[0][2:] == results[1][2:]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("alpha", [0.3123, -2, 1e-3])
def test_add_sub_with_alpha_round_once(dtype, alpha):
    rng = _rng(21)
    a = (rng.standard_normal((50, 40)) * 5).astype(dtype)
    b = (rng.standard_normal(40) * 5).astype(dtype)
    for op in ("add", "sub"):
        res = []
        for T in (torch, gradkit):
            A, B = T.tensor(a), T.tensor(b)
            inplace = A.clone()
            getattr(inplace, op + "_")(B, alpha=alpha)
            res.append((getattr(T, op)(A, B, alpha=alpha), inplace, getattr(T, op)(A, 2.5, alpha=alpha)))
        assert_close(res[0], res[1], rtol=0, atol=0)
    run_both(lambda T, x, y: T.add(x, y, alpha=alpha) * T.sub(x, y, alpha=alpha), [a[:3], b], requires_grad=(0, 1))
    with pytest.raises(RuntimeError):
        gradkit.add(gradkit.ones(2, 3, dtype=gradkit.float64), gradkit.ones(4, dtype=gradkit.float64), alpha=0.5)


def test_clip_grad_norm_coefficient_rounds_like_torch():
    rng = _rng(22)
    for _ in range(300):
        g0 = (rng.standard_normal(int(rng.integers(1, 40))) * rng.choice([0.1, 10.0, 1000.0])).astype(np.float32)
        mx = float(rng.choice([0.5, 1.0, 10.0, 3.3]))
        res = []
        for T in (torch, gradkit):
            p = T.nn.Parameter(T.tensor(g0 * 0))
            p.grad = T.tensor(g0.copy())
            res.append((T.nn.utils.clip_grad_norm_([p], mx), p.grad))
        assert_close(res[0], res[1], rtol=0, atol=0)
