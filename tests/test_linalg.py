"""gradkit.linalg against torch.linalg: values and gradients on generated well-conditioned matrices."""
import numpy as np
import pytest
from _parity import run_both

import gradkit

RNG = np.random.default_rng(0)


def _mat(shape, dtype=np.float64, spd=False):
    a = RNG.standard_normal(shape).astype(dtype)
    n = shape[-1]
    if spd:
        return (a @ np.swapaxes(a, -1, -2) + n * np.eye(n)).astype(dtype)
    return (a + 3 * np.eye(n)).astype(dtype)


SHAPES = [(3, 3), (2, 4, 4)]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("name", ["inv", "det", "logabsdet", "cholesky", "eigvalsh", "svdvals", "pinv"])
def test_square_functions_and_grads(shape, name):
    spd = name in ("cholesky", "eigvalsh")

    def fn(T, A):
        if name == "logabsdet":
            return T.linalg.slogdet(A)[1]
        return getattr(T.linalg, name)(A)

    run_both(fn, [_mat(shape, spd=spd)], requires_grad=(0,), rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("left,rhs", [(True, (3,)), (True, (3, 2)), (False, (3, 2))])
def test_solve(left, rhs):
    b = RNG.standard_normal(rhs if left else rhs[::-1])
    run_both(lambda T, A, B: T.linalg.solve(A, B, left=left), [_mat((3, 3)), b], requires_grad=(0, 1),
             rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("ord", [None, 1, 2, float("inf"), -float("inf"), 0.5, 3])
@pytest.mark.parametrize("dim", [None, 0, 1])
def test_vector_norm(ord, dim):
    x = RNG.standard_normal((4, 5)).astype(np.float32)
    if ord is None:
        run_both(lambda T, a: T.linalg.norm(a, dim=dim), [x], requires_grad=(0,), rtol=1e-5, atol=1e-6)
    else:
        run_both(lambda T, a: T.linalg.vector_norm(a, ord, dim=dim), [x], requires_grad=(0,), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("ord", ["fro", "nuc", 1, -1, 2, -2, float("inf"), -float("inf")])
@pytest.mark.parametrize("keepdim", [False, True])
def test_matrix_norm(ord, keepdim):
    run_both(lambda T, a: T.linalg.matrix_norm(a, ord, keepdim=keepdim), [_mat((2, 3, 3))], requires_grad=(0,),
             rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("n", [-2, 0, 1, 3])
def test_matrix_power_and_exp(n):
    run_both(lambda T, a: T.linalg.matrix_power(a, n), [_mat((3, 3)) / 3], requires_grad=(0,), rtol=1e-6, atol=1e-8)
    run_both(lambda T, a: T.linalg.matrix_exp(a * n / 2), [_mat((3, 3)) / 3], requires_grad=(0,), rtol=1e-6,
             atol=1e-8)


def test_decompositions_reconstruct():
    a = gradkit.tensor(RNG.standard_normal((4, 3)))
    q, r = gradkit.linalg.qr(a)
    assert np.allclose((q @ r).numpy(), a.numpy())
    u, s, vh = gradkit.linalg.svd(a, full_matrices=False)
    assert np.allclose((u * s.unsqueeze(-2) @ vh).numpy(), a.numpy())
    w, v = gradkit.linalg.eigh(gradkit.tensor(_mat((3, 3), spd=True)))
    assert np.all(np.diff(w.numpy()) >= 0) and v.shape == (3, 3)
    assert int(gradkit.linalg.matrix_rank(gradkit.ones(3, 3))) == 1


def test_errors_match_torch():
    import torch
    for T in (torch, gradkit):
        with pytest.raises(RuntimeError, match="square matrices"):
            T.linalg.inv(T.zeros(2, 3))
        with pytest.raises(T.linalg.LinAlgError):
            T.linalg.inv(T.zeros(2, 2))
        with pytest.raises(T.linalg.LinAlgError):
            T.linalg.cholesky(-T.eye(2))
    assert type(gradkit.linalg.LinAlgError("x")).__name__ == "_LinAlgError"
