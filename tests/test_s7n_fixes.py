"""Parity tests for the numerical-edge fixes of session 7 (prefix s7n): integer scalar wrap-around, integer
division by zero in fmod/div, signed zeros of remainder, fmax/fmin gradients, atan2 gradient at the origin,
digamma/trigamma on negative arguments and log_ndtr for large arguments."""
import numpy as np
import pytest
import torch
from _parity import assert_close, run_both

import gradkit

INT_DTYPES = ["int8", "uint8", "int16", "int32"]


@pytest.mark.parametrize("dt", INT_DTYPES)
@pytest.mark.parametrize("op", ["add", "sub", "mul", "floor_divide", "remainder", "radd"])
def test_int_scalar_out_of_range_wraps(dt, op):
    rng = np.random.default_rng(0)
    info = np.iinfo(dt)
    a = rng.integers(max(info.min, -100), min(info.max, 100), size=7).astype(dt)
    a[a == 0] = 1
    for s in [1000, -200, 300, 70000, 2 ** 40 + 3, -(2 ** 33) - 5]:
        def fn(T, x):
            if op == "radd":
                return s + x
            if op in ("floor_divide", "remainder") and (s % (1 << 64)) % (1 << (8 * np.dtype(dt).itemsize)) == 0:
                return x
            return getattr(T, op)(x, s)
        run_both(fn, [a])


@pytest.mark.parametrize("dt", INT_DTYPES)
@pytest.mark.parametrize("op", ["add_", "mul_", "sub_"])
def test_int_scalar_out_of_range_wraps_inplace(dt, op):
    a = np.arange(-3, 4).astype(dt) if dt != "uint8" else np.arange(7).astype(dt)
    for s in [1000, -300, 2 ** 35 + 7]:
        run_both(lambda T, x: getattr(x, op)(s), [a])


@pytest.mark.parametrize("mode", ["trunc", "floor"])
def test_int_div_rounding_by_zero_raises(mode):
    for T in (torch, gradkit):
        with pytest.raises(RuntimeError, match="ZeroDivisionError"):
            T.div(T.tensor([5, -5]), T.tensor([1, 0]), rounding_mode=mode)
        with pytest.raises(RuntimeError, match="ZeroDivisionError"):
            T.fmod(T.tensor([5, -5]), 0)
        with pytest.raises(RuntimeError, match="ZeroDivisionError"):
            T.tensor([3]).fmod_(T.tensor([0]))
    run_both(lambda T, x: T.fmod(x, 0.0), [np.array([5, -5, 0])])


@pytest.mark.parametrize("dt", ["float32", "float64"])
def test_remainder_zero_sign_follows_dividend(dt):
    rng = np.random.default_rng(1)
    a = np.concatenate([rng.integers(-6, 7, 20).astype(dt), np.array([-0.0, 0.0], dt)])
    for b in [3.0, -3.0, 1.0, -2.0]:
        r_t = torch.remainder(torch.tensor(a), b).numpy()
        r_g = gradkit.remainder(gradkit.tensor(a), b).numpy()
        np.testing.assert_array_equal(r_g, r_t)
        np.testing.assert_array_equal(np.signbit(r_g), np.signbit(r_t))
        r_g2 = (gradkit.tensor(a) % gradkit.tensor(b)).numpy()
        np.testing.assert_array_equal(np.signbit(r_g2), np.signbit(r_t))
    run_both(lambda T, x, y: T.remainder(x, y), [a, np.full(a.shape, -3.0, dt)], requires_grad=(0, 1))


@pytest.mark.parametrize("name", ["fmax", "fmin", "maximum", "minimum"])
def test_fmax_fmin_grads_with_ties_and_nan(name):
    rng = np.random.default_rng(2)
    a = rng.integers(-2, 3, 30).astype(np.float32)
    b = rng.integers(-2, 3, 30).astype(np.float32)
    a[::7] = np.nan
    b[::5] = np.nan
    run_both(lambda T, x, y: getattr(T, name)(x, y), [a, b], requires_grad=(0, 1))
    run_both(lambda T, x, y: getattr(T, name)(x, y), [a[:6].reshape(2, 3), b[:3]], requires_grad=(0, 1))


def test_fmax_grad_fn_name():
    x = gradkit.tensor([1.0], requires_grad=True)
    assert gradkit.fmax(x, gradkit.tensor([0.0])).grad_fn.name() == "FmaxBackward0"
    assert gradkit.fmin(x, gradkit.tensor([0.0])).grad_fn.name() == "FminBackward0"


def test_atan2_grad_at_origin():
    rng = np.random.default_rng(3)
    y = rng.standard_normal(10).astype(np.float32)
    x = rng.standard_normal(10).astype(np.float32)
    y[:4] = 0.0
    x[:3] = 0.0
    x[1] = -0.0
    run_both(lambda T, a, b: T.atan2(a, b), [y, x], requires_grad=(0, 1))


@pytest.mark.parametrize("dt", ["float32", "float64"])
def test_digamma_trigamma_negative(dt):
    rng = np.random.default_rng(4)
    a = np.concatenate([rng.uniform(-60, 40, 40), [-1.0, -7.0, 0.0, -0.0, 1e-3, -1e-3, 0.5, -0.5]]).astype(dt)
    a = a[np.abs(a - np.round(a)) > 1e-2]
    run_both(lambda T, x: T.digamma(x), [a], requires_grad=(0,), rtol=1e-4, atol=1e-4)
    run_both(lambda T, x: T.polygamma(1, x), [a], rtol=1e-4, atol=1e-4)
    run_both(lambda T, x: T.lgamma(x), [a], requires_grad=(0,), rtol=1e-4, atol=1e-4)
    ints = np.array([-1.0, -7.0, -30.0, 0.0, -0.0], dt)
    assert_close(torch.digamma(torch.tensor(ints)), gradkit.digamma(gradkit.tensor(ints)))
    for v in [-2.5, -13.25, 0.7]:
        run_both(lambda T, x: T.digamma(x), [np.array(v, dt)], requires_grad=(0,), rtol=1e-4, atol=1e-4)
        run_both(lambda T, x: T.polygamma(1, x), [np.array(v, dt)], rtol=1e-4, atol=1e-4)
    run_both(lambda T, x: T.digamma(x), [np.array(-3.0, dt)])


def test_log_ndtr_right_tail():
    a = np.concatenate([np.linspace(-5, 40, 91), [6.0, 8.0, 10.0, 15.0]]).astype(np.float64)
    outs = run_both(lambda T, x: T.special.log_ndtr(x), [a], requires_grad=(0,), rtol=1e-6, atol=0)
    assert outs[1].detach().numpy()[-2] < 0
    run_both(lambda T, x: T.special.log_ndtr(x), [a.astype(np.float32)], requires_grad=(0,), rtol=1e-4, atol=1e-30)


def test_logsigmoid_name():
    assert gradkit.nn.functional.logsigmoid.__name__ == torch.nn.functional.logsigmoid.__name__


@pytest.mark.parametrize("shape", [(1, 5), (5,), (3, 6), (1, 2)])
@pytest.mark.parametrize("correction", [0, 1, 2])
def test_cov_single_row_is_squeezed(shape, correction):
    rng = np.random.default_rng(5)
    a = rng.standard_normal(shape).astype(np.float32)
    with np.errstate(all="ignore"):
        run_both(lambda T, x: T.cov(x, correction=correction), [a], requires_grad=(0,), rtol=1e-4, atol=1e-5)
    if correction == 1:
        run_both(lambda T, x: T.corrcoef(x), [a], rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("dt", INT_DTYPES)
@pytest.mark.parametrize("op", ["eq", "ne", "lt", "le", "gt", "ge"])
def test_int_compare_with_out_of_range_scalar_wraps(dt, op):
    info = np.iinfo(dt)
    a = np.array([info.min, info.max, 0, 1, -1 if info.min < 0 else 2, 44], dtype=dt)
    for s in [-1, -200, 255, 256, 300, 1000, 70000, 2 ** 40 - 1]:
        run_both(lambda T, x: getattr(T, op)(x, s), [a])
        run_both(lambda T, x: getattr(x, op)(s), [a])


@pytest.mark.parametrize("data", [2 ** 63, -(2 ** 63) - 1, [2 ** 63], [1, 2 ** 64], [[1], [2 ** 65]], [True, 2 ** 64]])
def test_tensor_int_overflow_raises_value_error(data):
    for T in (torch, gradkit):
        with pytest.raises(ValueError, match="Overflow when unpacking long long"):
            T.tensor(data)


@pytest.mark.parametrize("data", [[2 ** 63, 1.0], [1.5, 2 ** 70], [2 ** 63 - 1, -(2 ** 63)], [[0.5], [2 ** 64]]])
def test_tensor_big_ints_in_float_lists(data):
    assert_close(torch.tensor(data), gradkit.tensor(data))


def test_loss_function_node_names():
    for T in (torch, gradkit):
        F = T.nn.functional
        x = T.tensor([[1.0, 2.0], [0.5, 0.1]], requires_grad=True)
        t = T.tensor([0, 1])
        names = [F.cross_entropy(x, t, weight=T.tensor([1.0, 2.0])).grad_fn.name(),
                 F.binary_cross_entropy(x.sigmoid(), T.ones(2, 2)).grad_fn.name(),
                 F.binary_cross_entropy_with_logits(x, T.ones(2, 2)).grad_fn.name()]
        assert names == ["NllLossBackward0", "BinaryCrossEntropyBackward0", "BinaryCrossEntropyWithLogitsBackward0"]


@pytest.mark.parametrize("dt", ["float32", "float64"])
def test_hardswish_grad_at_breakpoints_no_negative_zero(dt):
    a = np.array([-5.0, -3.0, -2.9, 0.0, 2.9, 3.0, 4.0], dt)
    outs = []
    for T in (torch, gradkit):
        x = T.tensor(a, requires_grad=True)
        T.nn.functional.hardswish(x).sum().backward()
        outs.append(x.grad.numpy())
    np.testing.assert_allclose(outs[1], outs[0], rtol=1e-6)
    np.testing.assert_array_equal(np.signbit(outs[1]), np.signbit(outs[0]))
    run_both(lambda T, x: T.nn.functional.hardswish(x), [a], requires_grad=(0,))
