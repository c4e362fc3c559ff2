"""Parity tests for the autograd-utility fixes found by the s5o conformance programs: custom Function gradient
checks, autograd.functional argument/strict checks, autograd.grad argument checks, gradcheck reporting."""
from __future__ import annotations

import numpy as np
import pytest
from _parity import assert_close

import gradkit

torch = pytest.importorskip("torch")


def _rng(seed=0):
    return np.random.default_rng(seed)


def _error(fn, T):
    """(exception type name, message) raised by ``fn(T)``; the function must raise."""
    try:
        fn(T)
    except Exception as e:  # noqa: BLE001
        return type(e).__name__, str(e)
    raise AssertionError("expected an exception")


def _same_error(fn):
    assert _error(fn, torch) == _error(fn, gradkit)


# ---- custom autograd.Function -------------------------------------------------------------------------------

def _function_returning(T, make_grads, n_extra_args=0):
    class F(T.autograd.Function):
        @staticmethod
        def forward(ctx, x, *rest):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return make_grads(T, g)

    x = T.tensor(_rng().standard_normal(3).astype(np.float32), requires_grad=True)
    F.apply(x, *range(n_extra_args)).sum().backward()
    return x.grad


@pytest.mark.parametrize("make", [lambda T, g: (g, g), lambda T, g: (g, None, g), lambda T, g: (g, T.ones(1))])
def test_function_too_many_gradients(make):
    _same_error(lambda T: _function_returning(T, make))


@pytest.mark.parametrize("extra", [0, 2])
def test_function_trailing_none_gradients_allowed(extra):
    def make(T, g):
        return (g * 2,) + (None,) * (extra + 2)
    assert_close(_function_returning(torch, make, extra), _function_returning(gradkit, make, extra))


@pytest.mark.parametrize("bad", [5, "a", 1.5])
def test_function_non_tensor_gradient(bad):
    _same_error(lambda T: _function_returning(T, lambda T, g: bad))


def test_function_gradient_for_non_tensor_input():
    _same_error(lambda T: _function_returning(T, lambda T, g: (g, T.ones(1)), n_extra_args=1))


def test_mark_dirty_on_leaf_requiring_grad():
    def fn(T):
        class Inplace(T.autograd.Function):
            @staticmethod
            def forward(ctx, x):
                x.mul_(2)
                ctx.mark_dirty(x)
                return x

            @staticmethod
            def backward(ctx, g):
                return g * 2
        return Inplace.apply(T.ones(2, requires_grad=True))
    _same_error(fn)


# ---- autograd.grad / backward argument checks -----------------------------------------------------------------

@pytest.mark.parametrize("case", ["fewer_grads", "empty_inputs", "backward_empty_inputs",
                                  "backward_fewer"])
def test_grad_argument_errors(case):
    data = _rng(1).standard_normal(2).astype(np.float32)

    def fn(T):
        x = T.tensor(data, requires_grad=True)
        if case == "fewer_grads":
            return T.autograd.grad([x.sum(), (x * x).sum()], x, grad_outputs=[T.tensor(1.0)])
        if case == "empty_inputs":
            return T.autograd.grad(x.sum(), [])
        if case == "backward_empty_inputs":
            return x.sum().backward(inputs=[])
        return T.autograd.backward([x.sum(), x.exp().sum()], grad_tensors=[T.tensor(1.0)])
    _same_error(fn)


def test_grad_extra_grad_outputs_ignored():
    data = _rng(1).standard_normal(2).astype(np.float32)

    def fn(T):
        x = T.tensor(data, requires_grad=True)
        return T.autograd.grad((x * x).sum(), x, grad_outputs=[T.tensor(3.0), T.tensor(2.0)])
    assert_close(fn(torch), fn(gradkit))


# ---- autograd.functional ---------------------------------------------------------------------------------------

def _cube(T):
    return lambda a: (a ** 3).sum()


_BAD_CALLS = {
    "vjp_v_size": lambda T, x: T.autograd.functional.vjp(lambda a: a * 2, x, T.ones(4)),
    "vjp_v_tuple_len": lambda T, x: T.autograd.functional.vjp(lambda a: (a * 2, a), x, (T.ones(3),)),
    "vjp_v_entry_size": lambda T, x: T.autograd.functional.vjp(lambda a: (a * 2, a), x, (T.ones(3), T.ones(2))),
    "vjp_v_single_for_tuple": lambda T, x: T.autograd.functional.vjp(lambda a: a * 2, x, (T.ones(3), T.ones(3))),
    "jvp_v_size": lambda T, x: T.autograd.functional.jvp(lambda a: a * 2, x, T.ones(2)),
    "jvp_v_tuple_len": lambda T, x: T.autograd.functional.jvp(lambda a, b: a * b, (x, x), (T.ones(3),)),
    "jvp_v_none": lambda T, x: T.autograd.functional.jvp(lambda a: a * 2, x),
    "hvp_v_size": lambda T, x: T.autograd.functional.hvp(_cube(T), x, T.ones(4)),
    "vhp_v_size": lambda T, x: T.autograd.functional.vhp(_cube(T), x, T.ones(4)),
    "hvp_not_scalar": lambda T, x: T.autograd.functional.hvp(lambda a: a ** 3, x, T.ones(3)),
    "vhp_tuple_out": lambda T, x: T.autograd.functional.vhp(lambda a: (a.sum(),), x, T.ones(3)),
    "jac_bad_strategy": lambda T, x: T.autograd.functional.jacobian(lambda a: a, x, strategy="nope"),
    "jac_fwd_no_vectorize": lambda T, x: T.autograd.functional.jacobian(lambda a: a, x, strategy="forward-mode"),
    "jac_fwd_create_graph": lambda T, x: T.autograd.functional.jacobian(lambda a: a, x, strategy="forward-mode",
                                                                        create_graph=True, vectorize=True),
    "jac_fwd_strict": lambda T, x: T.autograd.functional.jacobian(lambda a: a, x, strategy="forward-mode",
                                                                  strict=True, vectorize=True),
    "jac_vectorize_strict": lambda T, x: T.autograd.functional.jacobian(lambda a: a * 2, x, strict=True,
                                                                        vectorize=True),
    "jac_int_output": lambda T, x: T.autograd.functional.jacobian(lambda a: 5, x),
    "jac_list_input": lambda T, x: T.autograd.functional.jacobian(lambda a: a, [x]),
    "jac_tuple_bad_entry": lambda T, x: T.autograd.functional.jacobian(lambda a, b: a, (x, 3)),
    "jac_strict_independent": lambda T, x: T.autograd.functional.jacobian(lambda a, b: a * 2, (x, x), strict=True),
    "jac_strict_constant": lambda T, x: T.autograd.functional.jacobian(lambda a: T.ones(2), x, strict=True),
    "hess_strict_linear": lambda T, x: T.autograd.functional.hessian(lambda a: a.sum(), x, strict=True),
    "hess_tuple_out": lambda T, x: T.autograd.functional.hessian(lambda a: (a.sum(),), x),
    "vjp_strict_constant": lambda T, x: T.autograd.functional.vjp(lambda a: T.ones(()), x, strict=True),
    "vjp_strict_unused": lambda T, x: T.autograd.functional.vjp(lambda a, b: (a * 2).sum(), (x, x.clone()),
                                                                strict=True),
    "jvp_strict_constant": lambda T, x: T.autograd.functional.jvp(lambda a: T.ones(3), x, T.ones(3), strict=True),
    "jvp_strict_detached": lambda T, x: T.autograd.functional.jvp(lambda a: a.detach() * 2, x, T.ones(3),
                                                                  strict=True),
    "vhp_strict_linear": lambda T, x: T.autograd.functional.vhp(lambda a: a.sum(), x, T.ones(3), strict=True),
}


@pytest.mark.parametrize("name", sorted(_BAD_CALLS))
def test_functional_errors(name):
    data = _rng(2).standard_normal(3).astype(np.float32)
    _same_error(lambda T: _BAD_CALLS[name](T, T.tensor(data)))


@pytest.mark.parametrize("fname", ["hvp", "vhp"])
@pytest.mark.parametrize("tupled", [False, True])
def test_hvp_vhp_values(fname, tupled):
    rng = _rng(3)
    a, b, v1, v2 = (rng.standard_normal(3) for _ in range(4))

    def fn(T):
        f = getattr(T.autograd.functional, fname)
        if tupled:
            return f(lambda x, y: (x.sin() * y ** 2).sum(), (T.tensor(a), T.tensor(b)), (T.tensor(v1), T.tensor(v2)))
        return f(lambda x: (x.sin() * x ** 2).sum(), T.tensor(a), T.tensor(v1))
    assert_close(fn(torch), fn(gradkit))


def test_functional_strict_passes_on_good_function():
    rng = _rng(4)
    x, v = rng.standard_normal(3), rng.standard_normal(3)

    def fn(T):
        F = T.autograd.functional
        f = lambda a: a.exp() * a  # noqa: E731
        return (F.jacobian(f, T.tensor(x), strict=True), F.vjp(f, T.tensor(x), T.tensor(v), strict=True),
                F.jvp(f, T.tensor(x), T.tensor(v), strict=True),
                F.hessian(lambda a: (a.exp() * a).sum(), T.tensor(x), strict=True),
                F.vhp(lambda a: (a.exp() * a).sum(), T.tensor(x), T.tensor(v), strict=True))
    assert_close(fn(torch), fn(gradkit))


# ---- gradcheck --------------------------------------------------------------------------------------------------

def _bad_second_output(T):
    class F(T.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x * 2, x ** 2

        @staticmethod
        def backward(ctx, g1, g2):
            (x,) = ctx.saved_tensors
            return g1 * 2 + g2 * x  # should be 2 * x
    return F.apply


@pytest.mark.parametrize("case", ["second_output", "second_input", "expected_zero", "no_grad_input"])
def test_gradcheck_failure_reports(case):
    data = _rng(5).standard_normal(2)

    def fn(T):
        x = T.tensor(data, requires_grad=True)
        if case == "second_output":
            return T.autograd.gradcheck(_bad_second_output(T), (x,))
        if case == "second_input":
            y = T.tensor(data[::-1].copy(), requires_grad=True)
            return T.autograd.gradcheck(lambda a, b: a * b.detach(), (x, y))
        if case == "expected_zero":
            return T.autograd.gradcheck(lambda a: a.detach() * 2, (x,))
        return T.autograd.gradcheck(lambda a: a * 2, (x.detach(),))
    _same_error(fn)


def test_gradcheck_float32_jacobian_dtype():
    data = _rng(6).standard_normal(2).astype(np.float32)

    def fn(T):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return T.autograd.gradcheck(lambda a: a * 2, (T.tensor(data, requires_grad=True),))
    et, em = _error(fn, torch)
    gt, gm = _error(fn, gradkit)
    assert et == gt and ("dtype=torch.float64" in em) == ("dtype=torch.float64" in gm)


def test_gradcheck_quiet_and_passing():
    data = _rng(7).standard_normal((2, 3))

    def fn(T):
        x = T.tensor(data, requires_grad=True)
        return (T.autograd.gradcheck(lambda a: a.detach() * 2, (x,), raise_exception=False),
                T.autograd.gradcheck(lambda a: (a.tanh(), a.sum()), (x,)),
                T.autograd.gradcheck(_bad_second_output(T), (x,), raise_exception=False))
    assert fn(torch) == fn(gradkit)


@pytest.mark.parametrize("value", ["int", "numpy", "tensor"])
def test_set_grad_enabled_needs_bool(value):
    def fn(T):
        v = {"int": 1, "numpy": np.bool_(True), "tensor": T.tensor(True)}[value]
        try:
            return T.set_grad_enabled(v)
        finally:
            T.set_grad_enabled(True)
    _same_error(fn)
