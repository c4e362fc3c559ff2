"""The Kumaraswamy distribution on (0, 1)."""
from __future__ import annotations

import math

import gradkit as _gk

from . import constraints
from .transformed_distribution import TransformedDistribution
from .transforms import AffineTransform, PowerTransform
from .uniform import Uniform
from .utils import broadcast_all, euler_constant

__all__ = ["Kumaraswamy"]


def _raw_moment(a, b, n: int):
    s = 1 + n / a
    return b * _gk.exp(_gk.lgamma(s) + _gk.lgamma(b) - _gk.lgamma(s + b))


class Kumaraswamy(TransformedDistribution):
    """Kumaraswamy(a, b): ``(1 - U^(1/b))^(1/a)`` for U uniform on (0, 1); a Beta-like law with a closed-form CDF."""

    arg_constraints = {"concentration1": constraints.positive, "concentration0": constraints.positive}
    support = constraints.unit_interval
    has_rsample = True

    def __init__(self, concentration1, concentration0, validate_args: bool | None = None) -> None:
        self.concentration1, self.concentration0 = broadcast_all(concentration1, concentration0)
        base = Uniform(_gk.full_like(self.concentration0, 0), _gk.full_like(self.concentration0, 1),
                       validate_args=validate_args)
        transforms = [PowerTransform(exponent=self.concentration0.reciprocal()),
                      AffineTransform(loc=1.0, scale=-1.0),
                      PowerTransform(exponent=self.concentration1.reciprocal())]
        super().__init__(base, transforms, validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        new = self._get_checked_instance(Kumaraswamy, _instance)
        new.concentration1 = self.concentration1.expand(batch_shape)
        new.concentration0 = self.concentration0.expand(batch_shape)
        return super().expand(batch_shape, _instance=new)

    @property
    def mean(self):
        return _raw_moment(self.concentration1, self.concentration0, 1)

    @property
    def mode(self):
        a, b = self.concentration1, self.concentration0
        log_mode = b.reciprocal() * (-b).log1p() - (-b * a).log1p()
        return _gk.where((b < 1) | (a < 1), math.nan, log_mode).exp()

    @property
    def variance(self):
        return _raw_moment(self.concentration1, self.concentration0, 2) - _gk.pow(self.mean, 2)

    def entropy(self):
        a, b = self.concentration1, self.concentration0
        h = _gk.digamma(b + 1) + euler_constant
        return (1 - b.reciprocal()) + (1 - a.reciprocal()) * h - _gk.log(a) - _gk.log(b)
