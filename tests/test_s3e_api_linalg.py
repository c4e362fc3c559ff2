"""LU family (linalg.lu_factor / lu_factor_ex / lu / lu_solve, torch.lu / lu_unpack / lu_solve), tensorinv and
tensorsolve: values and gradients against torch; gradcheck of the LU backward."""
from __future__ import annotations

import warnings

import numpy as np
import pytest
from _parity import run_both

import gradkit
from gradkit.autograd import gradcheck

torch = pytest.importorskip("torch")
RNG = np.random.default_rng(5)


@pytest.mark.parametrize("shape", [(4, 4), (2, 3, 3), (1, 5, 5)])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_lu_factor(shape, dtype):
    a = RNG.standard_normal(shape).astype(dtype)
    tol = {"rtol": 1e-4, "atol": 1e-5} if dtype == np.float32 else {}
    run_both(lambda T, x: T.linalg.lu_factor(x), [a], requires_grad=(0,), **tol)
    run_both(lambda T, x: T.linalg.lu_factor_ex(x), [a], requires_grad=(0,), **tol)


@pytest.mark.parametrize("shape", [(4, 4), (3, 5), (5, 3), (2, 4, 2)])
def test_lu_and_unpack(shape):
    a = RNG.standard_normal(shape)
    grad = (0,) if shape[-1] == shape[-2] else ()
    run_both(lambda T, x: T.linalg.lu(x), [a], requires_grad=grad)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run_both(lambda T, x: T.lu_unpack(*T.lu(x)), [a])
        run_both(lambda T, x: T.lu(x, get_infos=True), [a])
        run_both(lambda T, x: T.lu_unpack(*T.lu(x), unpack_data=False), [a])
        run_both(lambda T, x: T.lu_unpack(*T.lu(x), unpack_pivots=False), [a])


@pytest.mark.parametrize("left,adjoint", [(True, False), (True, True), (False, False), (False, True)])
def test_lu_solve(left, adjoint):
    a = RNG.standard_normal((2, 4, 4))
    b = RNG.standard_normal((2, 4, 3) if left else (2, 3, 4))

    def fn(T, A, B):
        LU, piv = T.linalg.lu_factor(A)
        return T.linalg.lu_solve(LU, piv, B, left=left, adjoint=adjoint)
    run_both(fn, [a, b], requires_grad=(0, 1))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run_both(lambda T, A, B: T.lu_solve(B, *T.lu(A)), [a, RNG.standard_normal((2, 4, 3))], requires_grad=(0, 1))
        run_both(lambda T, A, B: B.lu_solve(*A.lu()), [a, RNG.standard_normal((2, 4, 3))])


def test_singular_and_gradcheck():
    z = np.zeros((2, 2))
    run_both(lambda T, x: T.linalg.lu_factor_ex(x), [z])
    run_both(lambda T, x: T.linalg.lu(x), [z])
    for T in (torch, gradkit):
        with pytest.raises(RuntimeError, match="is zero"):
            T.linalg.lu_factor(T.zeros(2, 2))
    a = gradkit.tensor(RNG.standard_normal((3, 3)), requires_grad=True)
    assert gradcheck(lambda x: gradkit.linalg.lu_factor(x).LU, (a,))
    assert gradcheck(lambda x: gradkit.linalg.lu(x).L @ gradkit.linalg.lu(x).U, (a,))


def test_tensorinv_tensorsolve():
    a = RNG.standard_normal((4, 6, 8, 3))
    run_both(lambda T, x: T.linalg.tensorinv(x, ind=2), [a], requires_grad=(0,))
    run_both(lambda T, x: T.linalg.tensorinv(x, ind=1), [RNG.standard_normal((6, 2, 3))], requires_grad=(0,))
    A = RNG.standard_normal((2, 3, 6))
    B = RNG.standard_normal((2, 3))
    run_both(lambda T, x, y: T.linalg.tensorsolve(x, y), [A, B], requires_grad=(0, 1))
    A2 = RNG.standard_normal((6, 2, 3))
    run_both(lambda T, x, y: T.linalg.tensorsolve(x, y, dims=(0,)), [A2, B], requires_grad=(0, 1))
    for T in (torch, gradkit):
        with pytest.raises(RuntimeError, match="prod"):
            T.linalg.tensorinv(T.zeros(2, 3, 4), ind=1)
