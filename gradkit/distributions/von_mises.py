"""The von Mises (circular normal) distribution."""
from __future__ import annotations

import math

import gradkit as _gk

from .._tensor import Size
from . import constraints
from .distribution import Distribution
from .utils import broadcast_all, lazy_property

__all__ = ["VonMises"]

# Abramowitz & Stegun 9.8.1-9.8.4 polynomial approximations of I0 and I1 (small: t = (x/3.75)^2,
# large: t = 3.75/x, scaled by exp(x)/sqrt(x)).
_SMALL = (
    (1.0, 3.5156229, 3.0899424, 1.2067492, 0.2659732, 0.360768e-1, 0.45813e-2),
    (0.5, 0.87890594, 0.51498869, 0.15084934, 0.2658733e-1, 0.301532e-2, 0.32411e-3),
)
_LARGE = (
    (0.39894228, 0.1328592e-1, 0.225319e-2, -0.157565e-2, 0.916281e-2, -0.2057706e-1, 0.2635537e-1,
     -0.1647633e-1, 0.392377e-2),
    (0.39894228, -0.3988024e-1, -0.362018e-2, 0.163801e-2, -0.1031555e-1, 0.2282967e-1, -0.2895312e-1,
     0.1787654e-1, -0.420059e-2),
)


def _horner(t, coefs):
    acc = coefs[-1]
    for c in reversed(coefs[:-1]):
        acc = c + t * acc
    return acc


def _log_bessel_i(x, order: int = 0):
    """``log(I_order(x))`` for positive ``x`` (order 0 or 1), differentiable in ``x``."""
    if order not in (0, 1):
        raise AssertionError(f"order must be 0 or 1, got {order}")
    t = x / 3.75
    small = _horner(t * t, _SMALL[order])
    if order == 1:
        small = x.abs() * small
    small = small.log()
    large = x - 0.5 * x.log() + _horner(3.75 / x, _LARGE[order]).log()
    return _gk.where(x < 3.75, small, large)


class VonMises(Distribution):
    """Circular distribution on angles with mean direction ``loc`` (radians) and ``concentration`` kappa.

    ``loc`` and values may be any real numbers; they are read modulo 2*pi. Sampling uses the Best-Fisher
    rejection method in double precision.
    """

    arg_constraints = {"loc": constraints.real, "concentration": constraints.positive}
    support = constraints.real
    has_rsample = False

    def __init__(self, loc, concentration, validate_args: bool | None = None) -> None:
        self.loc, self.concentration = broadcast_all(loc, concentration)
        super().__init__(self.loc.shape, Size(), validate_args)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return (self.concentration * _gk.cos(value - self.loc) - math.log(2 * math.pi)
                - _log_bessel_i(self.concentration, 0))

    @lazy_property
    def _proposal_r(self):
        kappa = self.concentration.to(_gk.float64)
        tau = 1 + (1 + 4 * kappa ** 2).sqrt()
        rho = (tau - (2 * tau).sqrt()) / (2 * kappa)
        return _gk.where(kappa < 1e-5, 1 / kappa + kappa, (1 + rho ** 2) / (2 * rho))

    def sample(self, sample_shape=Size()):
        with _gk.no_grad():
            shape = self._extended_shape(sample_shape)
            loc = self.loc.to(_gk.float64)
            kappa = self.concentration.to(_gk.float64)
            r = self._proposal_r
            x = _gk.zeros(shape, dtype=_gk.float64)
            done = _gk.zeros(shape, dtype=_gk.bool)
            while not bool(done.all()):
                u1, u2, u3 = _gk.rand((3,) + tuple(shape), dtype=_gk.float64).unbind()
                z = _gk.cos(math.pi * u1)
                f = (1 + r * z) / (r + z)
                c = kappa * (r - f)
                accept = ((c * (2 - c) - u2) > 0) | ((c / u2).log() + 1 - c >= 0)
                if bool(accept.any()):
                    x = _gk.where(accept, (u3 - 0.5).sign() * f.acos(), x)
                    done = done | accept
            return ((x + math.pi + loc) % (2 * math.pi) - math.pi).to(self.loc.dtype)

    def expand(self, batch_shape, _instance=None):
        new = self._get_checked_instance(VonMises, _instance)
        batch_shape = Size(batch_shape)
        new.loc = self.loc.expand(batch_shape)
        new.concentration = self.concentration.expand(batch_shape)
        super(VonMises, new).__init__(batch_shape, Size(), validate_args=False)
        new._validate_args = self._validate_args
        return new

    @property
    def mean(self):
        return self.loc

    @property
    def mode(self):
        return self.loc

    @lazy_property
    def variance(self):
        return 1 - (_log_bessel_i(self.concentration, 1) - _log_bessel_i(self.concentration, 0)).exp()
