"""gradkit.special against torch.special on generated inputs (values, and gradients where differentiable)."""
import numpy as np
import pytest
from _parity import run_both

RNG = np.random.default_rng(1)
X = np.linspace(-4, 4, 33).astype(np.float32)
POS = np.linspace(0.3, 25, 20).astype(np.float32)
P = np.linspace(0.02, 0.98, 15).astype(np.float32)


@pytest.mark.parametrize("name,data", [("erf", X), ("erfc", X), ("erfcx", X), ("expit", X), ("exp2", X), ("expm1", X),
                                       ("log1p", POS), ("gammaln", POS), ("digamma", POS), ("sinc", X), ("ndtr", X),
                                       ("i0", X), ("i0e", X), ("i1", X), ("i1e", X), ("entr", X), ("logit", P),
                                       ("ndtri", P), ("erfinv", P * 2 - 1)])
def test_unary(name, data):
    run_both(lambda T, a: getattr(T.special, name)(a), [data], requires_grad=(0,), rtol=2e-4, atol=1e-5)


def test_log_ndtr_tail():
    run_both(lambda T, a: T.special.log_ndtr(a), [np.linspace(-35, 5, 41).astype(np.float32)], rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("n", [0, 1, 2, 3])
def test_polygamma(n):
    run_both(lambda T, a: T.special.polygamma(n, a), [POS.astype(np.float64)], requires_grad=(0,), rtol=1e-6,
             atol=1e-8)


@pytest.mark.parametrize("p", [1, 2, 4])
def test_multigammaln(p):
    run_both(lambda T, a: T.special.multigammaln(a, p), [POS + 2], requires_grad=(0,), rtol=1e-5, atol=1e-5)


def test_binary():
    x = RNG.uniform(0, 3, 10).astype(np.float64)
    x[:3] = 0
    y = RNG.uniform(-0.5, 3, 10).astype(np.float64)
    run_both(lambda T, a, b: T.special.xlog1py(a, b), [x, y], requires_grad=(0, 1), rtol=1e-7, atol=1e-9)
    run_both(lambda T, a, b: T.special.zeta(a, b), [np.array([1.5, 2.0, 3.0, 6.5]), np.array([0.5, 1.0, 2.0, 7.0])],
             rtol=1e-7, atol=1e-9)
