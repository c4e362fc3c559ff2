"""torch.special additions (orthogonal polynomials, Bessel / modified Bessel / spherical Bessel, Airy Ai, the
regularized incomplete gamma functions) and torch.igamma/igammac against torch; gradients of gammainc."""
from __future__ import annotations

import numpy as np
import pytest
from _parity import assert_close, run_both

import gradkit

torch = pytest.importorskip("torch")
RNG = np.random.default_rng(9)

_POLYS = ["chebyshev_polynomial_t", "chebyshev_polynomial_u", "chebyshev_polynomial_v", "chebyshev_polynomial_w",
          "shifted_chebyshev_polynomial_t", "shifted_chebyshev_polynomial_u", "shifted_chebyshev_polynomial_v",
          "shifted_chebyshev_polynomial_w", "hermite_polynomial_h", "hermite_polynomial_he", "laguerre_polynomial_l",
          "legendre_polynomial_p"]


@pytest.mark.parametrize("name", _POLYS)
def test_polynomials(name):
    x = np.concatenate([np.linspace(-1.3, 1.3, 27), [-1.0, 0.0, 0.5, 1.0]])
    for n in (-1, 0, 1, 2, 3, 5, 7, 10, 15):
        run_both(lambda T, a: getattr(T.special, name)(a, n), [x], rtol=1e-9, atol=1e-9)
    ns = RNG.integers(-1, 12, x.shape)
    run_both(lambda T, a, k: getattr(T.special, name)(a, k), [x, ns], rtol=1e-9, atol=1e-9)
    run_both(lambda T, a, k: getattr(T.special, name)(a, k), [x, ns.astype(np.float64) + 0.4], rtol=1e-9, atol=1e-9)
    run_both(lambda T, a: getattr(T.special, name)(a, 4), [x.astype(np.float32)], rtol=1e-5, atol=1e-5)
    run_both(lambda T, a: getattr(T.special, name)(a, 3), [np.arange(-2, 3)], rtol=1e-6, atol=1e-6)


_BESSEL = ["bessel_j0", "bessel_j1", "bessel_y0", "bessel_y1", "modified_bessel_i0", "modified_bessel_i1",
           "modified_bessel_k0", "modified_bessel_k1", "scaled_modified_bessel_k0", "scaled_modified_bessel_k1",
           "spherical_bessel_j0", "airy_ai"]


@pytest.mark.parametrize("name", _BESSEL)
def test_bessel_family(name):
    x = np.concatenate([RNG.uniform(-40, 40, 150), RNG.uniform(-3, 3, 100),
                        [0.0, -0.0, 1e-6, 24.99, 25.01, 80.0, -1.0, np.inf, -np.inf, np.nan]])
    if name == "airy_ai":
        x = x[np.abs(x) < 12]
    tol = dict(rtol=1e-4, atol=1e-5)
    if name.startswith(("modified", "scaled")):
        x = x[np.abs(x) < 30] if "i" in name.split("_")[-1] else x
        tol = dict(rtol=1e-10, atol=1e-12)
    run_both(lambda T, a: getattr(T.special, name)(a), [x], **tol)
    run_both(lambda T, a: getattr(T.special, name)(a), [x.astype(np.float32)], rtol=1e-4, atol=2e-5)


@pytest.mark.parametrize("upper", [False, True])
def test_incomplete_gamma(upper):
    a = np.concatenate([RNG.uniform(0.05, 40, 200), [0.0, 1.0, 0.0, 2.0, np.inf, 3.0, -1.0, 5.0, 500.0]])
    x = np.concatenate([RNG.uniform(0.0, 60, 200), [0.0, 0.0, 1.0, np.inf, 2.0, 3.0, 1.0, -1.0, 480.0]])
    name = "gammaincc" if upper else "gammainc"
    top = "igammac" if upper else "igamma"
    run_both(lambda T, p, q: getattr(T.special, name)(p, q), [a, x], rtol=1e-7, atol=1e-8)
    run_both(lambda T, p, q: getattr(T, top)(p, q), [a, x], rtol=1e-7, atol=1e-8)
    run_both(lambda T, p, q: getattr(p, top)(q), [a, x], rtol=1e-7, atol=1e-8)
    run_both(lambda T, p, q: getattr(p.clone(), top + "_")(q), [a, x], rtol=1e-7, atol=1e-8)
    aa, xx = RNG.uniform(0.5, 5, 20), RNG.uniform(0.1, 8, 20)
    run_both(lambda T, p, q: getattr(T.special, name)(p, q), [aa, xx], requires_grad=(1,), rtol=1e-7, atol=1e-9)
    run_both(lambda T, p, q: getattr(T.special, name)(p, q), [aa.astype(np.float32), xx.astype(np.float32)],
             requires_grad=(1,), rtol=1e-5, atol=1e-6)
    for T in (torch, gradkit):
        p = T.tensor(aa, requires_grad=True)
        with pytest.raises((RuntimeError, NotImplementedError), match="not implemented"):
            getattr(T.special, name)(p, T.tensor(xx)).sum().backward()
    outs = [getattr(T.special, name)(T.tensor([2.0, 0.5]), T.tensor(1.5)) for T in (torch, gradkit)]
    assert_close(outs[0], outs[1], rtol=1e-6, atol=1e-7)
