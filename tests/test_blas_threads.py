"""BLAS thread control: small products run on one thread, large ones on the configured count, and the
switching never changes a result."""
import numpy as np
import pytest
import torch

import gradkit as gk
from gradkit import _blas

lib = _blas._lib()
needs_openblas = pytest.mark.skipif(lib[1] is None, reason="NumPy's OpenBLAS not found on this build")


def _blas_threads() -> int:
    return lib[1]()


@needs_openblas
@pytest.mark.parametrize("n", [1, 2])
def test_small_products_use_one_thread_large_ones_the_setting(n):
    before = gk.get_num_threads()
    try:
        gk.set_num_threads(n)
        small = gk.randn(8, 8)
        small @ small
        assert _blas_threads() == 1
        big = gk.randn(256, 256)
        big @ big
        assert _blas_threads() == n
        assert gk.get_num_threads() == n
        small @ small
        gk.set_num_threads(n)
        assert _blas_threads() == 1, "setting the count while a small product ran must not undo the switch"
        big @ big
        assert _blas_threads() == n
    finally:
        gk.set_num_threads(before)


@pytest.mark.parametrize("shape", [(8, 16, 4), (64, 64, 128), (256, 128, 256)])
def test_products_match_torch_on_both_sides_of_the_switch(shape):
    m, k, n = shape
    rng = np.random.default_rng(m + k + n)
    a, b = rng.standard_normal((m, k)).astype(np.float32), rng.standard_normal((n, k)).astype(np.float32)
    bias = rng.standard_normal(n).astype(np.float32)
    res = {}
    for T in (torch, gk):
        x, w = T.tensor(a, requires_grad=True), T.tensor(b, requires_grad=True)
        y = T.nn.functional.linear(x, w, T.tensor(bias))
        (y * y).sum().backward()
        res[T.__name__] = [y.detach().numpy(), x.grad.numpy(), w.grad.numpy(), (x @ w.T).detach().numpy()]
    for g, t in zip(res["gradkit"], res["torch"]):
        np.testing.assert_allclose(g, t, rtol=1e-4, atol=1e-3)
