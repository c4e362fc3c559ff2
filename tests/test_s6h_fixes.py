"""Parity tests for fixes found by the s6h transformer/LLM conformance programs."""
import numpy as np
import pytest
import torch

import gradkit
from _parity import run_both

RNG = np.random.default_rng(0)


def _x(shape, dtype=np.float32, scale=3.0):
    return (RNG.standard_normal(shape) * scale).astype(dtype)


ACTS = {
    "gelu": lambda T, x: T.nn.functional.gelu(x),
    "gelu_tanh": lambda T, x: T.nn.functional.gelu(x, approximate="tanh"),
    "silu": lambda T, x: T.nn.functional.silu(x),
    "mish": lambda T, x: T.nn.functional.mish(x),
    "rms_norm": lambda T, x: T.nn.functional.rms_norm(x, (50,)),
    "rms_norm_w": lambda T, x: T.nn.functional.rms_norm(x, (5, 50), weight=T.linspace(0.3, 1.7, 250).view(5, 50).to(x.dtype)),
    "rms_norm_w32": lambda T, x: T.nn.functional.rms_norm(x, (50,), weight=T.linspace(0.3, 1.7, 50)),
    "layer_norm": lambda T, x: T.nn.functional.layer_norm(x, (50,)),
    "layer_norm_wb": lambda T, x: T.nn.functional.layer_norm(
        x, (50,), T.linspace(0.5, 2.0, 50, dtype=x.dtype), T.linspace(-1.0, 1.0, 50, dtype=x.dtype)),
    "group_norm": lambda T, x: T.nn.functional.group_norm(x, 5),
    "rsqrt": lambda T, x: (x.abs() + 0.1).rsqrt(),
    "norm": lambda T, x: x.norm(dim=-1),
    "vector_norm": lambda T, x: T.linalg.vector_norm(x, dim=(0, 2), keepdim=True),
    "normalize": lambda T, x: T.nn.functional.normalize(x, dim=-1),
}


@pytest.mark.parametrize("name", sorted(ACTS))
def test_half_computes_in_float32(name: str) -> None:
    x = _x((8, 5, 50), np.float16)
    want, got = (ACTS[name](T, T.tensor(x.copy())) for T in (torch, gradkit))
    assert str(got.dtype) == "torch.float16"
    want, got = want.numpy().astype(np.float32), got.numpy().astype(np.float32)
    np.testing.assert_allclose(got, want, rtol=2e-3, atol=1e-5)
    assert (got != want).mean() < 0.05, f"{(got != want).sum()} of {got.size} half results differ from torch"


@pytest.mark.parametrize("name", sorted(ACTS))
def test_float32_values_and_grads(name: str) -> None:
    run_both(ACTS[name], [_x((4, 5, 50))], requires_grad=(0,), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_rms_norm_default_eps(dtype) -> None:
    x = np.zeros((3, 4), dtype=dtype)
    x[0, 0] = 1e-4
    run_both(lambda T, t: T.nn.functional.rms_norm(t, (4,)), [x], rtol=1e-3, atol=0.0)
    assert torch.nn.RMSNorm(4).eps is None


@pytest.mark.parametrize("args", [(0.3, 1.7, 50), (-1.0, 1.0, 50), (-3.7, 11.1, 333), (1, 1000, 1000), (5, -5, 11)])
@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_linspace_matches_bitwise(args, dtype: str) -> None:
    want = torch.linspace(*args, dtype=getattr(torch, dtype)).numpy()
    got = gradkit.linspace(*args, dtype=getattr(gradkit, dtype)).numpy()
    assert got.dtype == want.dtype
    np.testing.assert_array_equal(got, want)
