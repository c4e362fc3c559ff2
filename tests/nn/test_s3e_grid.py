"""grid_sample / affine_grid parity with torch: every mode x padding_mode x align_corners, 4-D and 5-D, values and
gradients w.r.t. input, grid and theta; gradcheck; errors and warnings."""
from __future__ import annotations

import itertools
import warnings

import numpy as np
import pytest
from _parity import run_both

import gradkit
from gradkit.autograd import gradcheck

torch = pytest.importorskip("torch")
RNG = np.random.default_rng(7)

_COMBOS = list(itertools.product(["bilinear", "nearest", "bicubic"], ["zeros", "border", "reflection"], [False, True]))


@pytest.mark.parametrize("mode,padding_mode,align", _COMBOS)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_grid_sample_2d(mode, padding_mode, align, dtype):
    x = RNG.standard_normal((2, 3, 5, 6)).astype(dtype)
    g = RNG.uniform(-1.3, 1.3, (2, 4, 3, 2)).astype(dtype)
    tol = dict(rtol=1e-4, atol=1e-5) if dtype == np.float32 else {}
    run_both(lambda T, a, b: T.nn.functional.grid_sample(a, b, mode=mode, padding_mode=padding_mode,
                                                         align_corners=align), [x, g], requires_grad=(0, 1), **tol)


@pytest.mark.parametrize("mode,padding_mode,align", [c for c in _COMBOS if c[0] != "bicubic"])
def test_grid_sample_3d(mode, padding_mode, align):
    x = RNG.standard_normal((2, 2, 4, 5, 3))
    g = RNG.uniform(-1.3, 1.3, (2, 3, 2, 4, 3))
    run_both(lambda T, a, b: T.nn.functional.grid_sample(a, b, mode=mode, padding_mode=padding_mode,
                                                         align_corners=align), [x, g], requires_grad=(0, 1))


def test_grid_sample_unit_sizes_and_exact_grid():
    x = RNG.standard_normal((1, 2, 1, 4))
    g = np.stack(np.meshgrid(np.linspace(-1, 1, 4), np.linspace(-1, 1, 3)), -1)[None]
    for pm in ("zeros", "border", "reflection"):
        for align in (False, True):
            run_both(lambda T, a, b: T.nn.functional.grid_sample(a, b, padding_mode=pm, align_corners=align),
                     [x, g], requires_grad=(0,))


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
@pytest.mark.parametrize("padding_mode", ["zeros", "border", "reflection"])
def test_grid_sample_gradcheck(mode, padding_mode):
    x = gradkit.tensor(RNG.standard_normal((1, 2, 3, 4)), requires_grad=True)
    g = gradkit.tensor(RNG.uniform(-0.9, 0.9, (1, 2, 3, 2)), requires_grad=True)
    assert gradcheck(lambda a, b: gradkit.nn.functional.grid_sample(a, b, mode=mode, padding_mode=padding_mode,
                                                                    align_corners=False), (x, g))


@pytest.mark.parametrize("align", [False, True])
@pytest.mark.parametrize("size", [(2, 3, 4, 5), (2, 1, 3, 2, 4), (1, 1, 1, 3)])
def test_affine_grid(align, size):
    nd = len(size) - 2
    theta = RNG.standard_normal((size[0], nd, nd + 1))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run_both(lambda T, t: T.nn.functional.affine_grid(t, list(size), align_corners=align), [theta],
                 requires_grad=(0,))
        run_both(lambda T, t: T.nn.functional.affine_grid(t, T.Size(size), align_corners=align),
                 [theta.astype(np.float32)], requires_grad=(0,))


def test_spatial_transformer_roundtrip():
    x = RNG.standard_normal((2, 3, 6, 6)).astype(np.float32)
    theta = np.array([[[0.9, -0.2, 0.1], [0.3, 1.1, -0.05]]] * 2, np.float32)

    def stn(T, img, th):
        grid = T.nn.functional.affine_grid(th, img.shape, align_corners=False)
        return T.nn.functional.grid_sample(img, grid, align_corners=False)
    run_both(stn, [x, theta], requires_grad=(0, 1), rtol=1e-4, atol=1e-5)


def test_errors_and_warnings():
    for T in (torch, gradkit):
        F = T.nn.functional
        x, g = T.zeros(1, 1, 3, 3), T.zeros(1, 2, 2, 2)
        with pytest.raises(ValueError, match="expected mode"):
            F.grid_sample(x, g, mode="cubic", align_corners=False)
        with pytest.raises(ValueError, match="padding_mode"):
            F.grid_sample(x, g, padding_mode="wrap", align_corners=False)
        with pytest.raises(RuntimeError, match="bicubic"):
            F.grid_sample(T.zeros(1, 1, 2, 2, 2), T.zeros(1, 1, 1, 1, 3), mode="bicubic", align_corners=False)
        with pytest.raises(RuntimeError):
            F.grid_sample(x, T.zeros(1, 2, 2, 3), align_corners=False)
        with pytest.warns(UserWarning, match="align_corners=False"):
            F.grid_sample(x, g)
        with pytest.warns(UserWarning, match="align_corners=False"):
            F.affine_grid(T.zeros(1, 2, 3), [1, 1, 2, 2])
        with pytest.raises(ValueError, match="Nx2x3"):
            F.affine_grid(T.zeros(1, 3, 4), [1, 1, 2, 2], align_corners=False)
        with pytest.raises(ValueError, match="Nx3x4"):
            F.affine_grid(T.zeros(1, 2, 3), [1, 1, 2, 2, 2], align_corners=False)
        with pytest.raises(NotImplementedError):
            F.affine_grid(T.zeros(1, 2, 3), [1, 1, 2], align_corners=False)
        with pytest.raises(ValueError, match="floating point"):
            F.affine_grid(T.zeros(1, 2, 3, dtype=T.int64), [1, 1, 2, 2], align_corners=False)
        with pytest.raises(ValueError, match="positive"):
            F.affine_grid(T.zeros(1, 2, 3), [1, 0, 2, 2], align_corners=False)
