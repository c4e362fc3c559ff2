"""Anomaly mode in the backward engine: a formula producing NaN raises torch's error; without it, NaN flows."""
from __future__ import annotations

import warnings

import pytest
import torch

import gradkit as gk

CASES = {
    "div_zero": lambda T, x: (lambda y: (y / y).sum())(T.sqrt(x) * 0),
    "sqrt_neg": lambda T, x: T.sqrt(x - 1).sum(),
    "log_neg": lambda T, x: (T.log(x - 1) * 0).sum(),
}


def _run(T, name, anomaly):
    x = T.tensor([0.0, 0.5], requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ctx = T.autograd.detect_anomaly() if anomaly else T.autograd.set_detect_anomaly(False)
        with ctx:
            try:
                CASES[name](T, x).backward()
            except RuntimeError as e:
                return "error", str(e)
    return "ok", [str(v) for v in x.grad.tolist()]


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("anomaly", [True, False])
def test_anomaly_matches_torch(name, anomaly):
    assert _run(gk, name, anomaly) == _run(torch, name, anomaly)
