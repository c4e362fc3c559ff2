"""Parity tests for the scientific-computing fixes of session 5 (s5m)."""
from __future__ import annotations

import numpy as np
import pytest

import gradkit

from _parity import run_both

torch = pytest.importorskip("torch")


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.float16])
@pytest.mark.parametrize("e", [3, 3.0, -2, -2.0, 2, 0.5, 4, -1])
def test_pow_scalar_bitwise(dtype, e):
    rng = np.random.default_rng(3)
    x = (rng.standard_normal(4000) * 7).astype(dtype)
    t = (torch.from_numpy(x) ** e).numpy()
    g = (gradkit.from_numpy(x) ** e).numpy()
    assert g.dtype == t.dtype
    if e in (3, 3.0, -2, -2.0, 2):
        np.testing.assert_array_equal(g, t)
    else:
        np.testing.assert_allclose(g, t, rtol=2e-3 if dtype == np.float16 else 1e-6, equal_nan=True)


@pytest.mark.parametrize("e", [3, -2])
def test_pow_scalar_grads(e):
    rng = np.random.default_rng(4)
    x = rng.uniform(0.5, 2.0, (3, 4))
    run_both(lambda T, a: (a ** e).sum() + a.pow(e).mean(), [x], requires_grad=(0,))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("kappa", [[1e-6, 0.5, 2.0], [3.0, 3.75, 40.0]])
def test_von_mises_parity(dtype, kappa):
    loc = np.array([0.0, 1.0, -2.5], dtype=dtype)
    conc = np.array(kappa, dtype=dtype)
    value = np.array([0.3, -3.0, 7.0], dtype=dtype)

    def fn(T, l, c, v):
        d = T.distributions.VonMises(l, c)
        return d.log_prob(v), d.variance, d.mean

    run_both(fn, [loc, conc, value], requires_grad=(0, 1), rtol=1e-4, atol=1e-5)
    draws = []
    for T in (torch, gradkit):
        T.manual_seed(5)
        d = T.distributions.VonMises(T.tensor(loc), T.tensor(conc))
        s = d.sample((50,))
        draws.append((s.numpy(), s.dtype, tuple(d.batch_shape), tuple(d.expand((2, 3)).batch_shape)))
    np.testing.assert_allclose(draws[1][0], draws[0][0], rtol=1e-5, atol=1e-5)
    assert str(draws[0][1]) == repr(draws[1][1]) and draws[0][2:] == draws[1][2:]


def test_von_mises_scalar_args_and_validation():
    for T in (torch, gradkit):
        d = T.distributions.VonMises(0.5, 2.0)
        assert tuple(d.batch_shape) == () and tuple(d.sample((4,)).shape) == (4,)
    with pytest.raises(ValueError):
        gradkit.distributions.VonMises(gradkit.tensor(0.0), gradkit.tensor(-1.0), validate_args=True)
    with pytest.raises(ValueError):
        torch.distributions.VonMises(torch.tensor(0.0), torch.tensor(-1.0), validate_args=True)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_fisher_snedecor_parity(dtype):
    df1 = np.array([1.0, 5.0, 10.0], dtype=dtype)
    df2 = np.array([2.0, 5.0, 30.0], dtype=dtype)
    value = np.array([0.3, 1.0, 2.5], dtype=dtype)

    def fn(T, a, b, v):
        d = T.distributions.FisherSnedecor(a, b)
        T.manual_seed(3)
        return d.log_prob(v), d.rsample((4,)), d.mean, d.variance, d.mode

    run_both(fn, [df1, df2, value], requires_grad=(0, 1), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_kumaraswamy_parity(dtype):
    a = np.array([0.5, 2.0, 5.0], dtype=dtype)
    b = np.array([1.5, 3.0, 2.0], dtype=dtype)
    value = np.array([0.2, 0.5, 0.9], dtype=dtype)

    def fn(T, c1, c0, v):
        d = T.distributions.Kumaraswamy(c1, c0)
        T.manual_seed(4)
        return d.log_prob(v), d.rsample((3,)), d.mean, d.variance, d.entropy(), d.mode, d.cdf(v)

    run_both(fn, [a, b, value], requires_grad=(0, 1), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("shape", [(), (3,), (2, 3)])
def test_logistic_normal_parity(shape):
    rng = np.random.default_rng(6)
    loc = rng.standard_normal(shape).astype(np.float32)
    scale = rng.uniform(0.5, 2.0, shape).astype(np.float32)

    def fn(T, m, s):
        d = T.distributions.LogisticNormal(m, s)
        T.manual_seed(5)
        x = d.rsample((4,))
        return x, d.log_prob(x.detach()), T.tensor(list(d.batch_shape) + list(d.event_shape))

    run_both(fn, [loc, scale], requires_grad=(0, 1), rtol=1e-4, atol=1e-5)
