"""LU factorization with partial pivoting (``linalg.lu_factor``, ``lu``, ``lu_solve``, ``torch.lu``,
``lu_unpack``) and the tensor-shaped inverses/solves (``linalg.tensorinv``, ``tensorsolve``).

``lu_factor`` is differentiable for square matrices; ``lu`` and ``lu_solve`` are built on it with
differentiable ops."""
from __future__ import annotations

import math
import warnings

import numpy as np

from ._tensor import Tensor, _wrap
from .autograd import ops as O
from .autograd.function import Function
from .autograd.ops import _rt

__all__ = ["lu_factor", "lu_factor_ex", "lu", "lu_solve", "tensorinv", "tensorsolve", "torch_lu", "lu_unpack",
           "torch_lu_solve"]

_lu_factor_t = _rt("linalg_lu_factor", ("LU", "pivots"))
_lu_factor_ex_t = _rt("linalg_lu_factor_ex", ("LU", "pivots", "info"))
_lu_t = _rt("linalg_lu", ("P", "L", "U"))
_lu_unpack_t = _rt("lu_unpack", ("P", "L", "U"))


def _la():
    from . import linalg
    return linalg


def _check(name: str, A: Tensor) -> None:
    if A.dim() < 2:
        raise RuntimeError(f"{name}: The input tensor A must have at least 2 dimensions.")
    if not A.is_floating_point():
        raise RuntimeError(f"{name}: Expected a floating point or complex tensor as input. Got {A.dtype}")


def _np_lu(a: np.ndarray, pivot: bool = True):
    """Doolittle elimination with row pivoting on the largest magnitude, batched; LAPACK's packed output."""
    if not pivot:
        raise RuntimeError("linalg.lu_factor: LU without pivoting is not implemented on the CPU")
    shape = a.shape
    m, n = shape[-2:]
    k = min(m, n)
    w = a.reshape((-1, m, n)).copy()
    B = w.shape[0]
    rows = np.arange(B)
    piv = np.zeros((B, k), np.int32)
    info = np.zeros(B, np.int32)
    for j in range(k):
        p = j + np.argmax(np.abs(w[:, j:, j]), axis=1)
        piv[:, j] = p + 1
        top = w[rows, j].copy()
        w[rows, j] = w[rows, p]
        w[rows, p] = top
        d = w[:, j, j]
        zero = d == 0
        info[(info == 0) & zero] = j + 1
        safe = np.where(zero, 1, d)
        w[:, j + 1:, j] = np.where(zero[:, None], w[:, j + 1:, j], w[:, j + 1:, j] / safe[:, None])
        w[:, j + 1:, j + 1:] -= w[:, j + 1:, j, None] * w[:, j, None, j + 1:]
    return (w.reshape(shape), piv.reshape(shape[:-2] + (k,)), info.reshape(shape[:-2]))


def _perm_from_pivots(piv: np.ndarray, m: int) -> np.ndarray:
    """Row order ``perm`` with ``A[perm] = L U`` (so ``P[perm[i], i] = 1``)."""
    flat = piv.reshape(-1, piv.shape[-1]).astype(np.int64) - 1
    B = flat.shape[0]
    perm = np.tile(np.arange(m), (B, 1))
    rows = np.arange(B)
    for j in range(flat.shape[1]):
        p = flat[:, j]
        a, b = perm[rows, j].copy(), perm[rows, p].copy()
        perm[rows, j], perm[rows, p] = b, a
    return perm.reshape(piv.shape[:-1] + (m,))


def _perm_matrix(perm: np.ndarray, dtype) -> np.ndarray:
    m = perm.shape[-1]
    P = np.zeros(perm.shape + (m,), dtype)
    np.put_along_axis(P, perm[..., None], 1, axis=-1)
    return np.swapaxes(P, -1, -2).copy()


def _tri_unit_lower(LU: Tensor, m: int, k: int) -> Tensor:
    eye = _wrap(np.eye(m, k, dtype=LU._data.dtype))
    return O.tril(LU[..., :, :k], -1) + eye


class _LUFactor(Function):
    @staticmethod
    def forward(ctx, A):
        lu_, piv, info = _np_lu(A._data)
        LU = _wrap(lu_.astype(A._data.dtype, copy=False))
        ctx.piv = piv
        ctx.save_for_backward(LU)
        return LU

    @staticmethod
    def backward(ctx, g):
        (LU,) = ctx.saved_tensors
        m, n = LU.shape[-2:]
        if m != n:
            raise NotImplementedError("gradkit: the derivative of linalg.lu_factor is implemented for square "
                                      "matrices only")
        la = _la()
        L = _tri_unit_lower(LU, m, n)
        U = O.triu(LU)
        gL, gU = O.tril(g, -1), O.triu(g)
        phi = O.tril(L.mT @ gL, -1) + O.triu(gU @ U.mT)
        x = la.solve_triangular(L.mT, phi, upper=True, unitriangular=True)
        x = la.solve_triangular(U.mT, x, upper=False, left=False)
        perm = _perm_from_pivots(ctx.piv, m)
        P = _wrap(_perm_matrix(perm, LU._data.dtype))
        return P @ x


def lu_factor(A: Tensor, *, pivot: bool = True):
    """The compact LU factorization ``(LU, pivots)`` of ``A = P L U`` (pivots are 1-based row swaps)."""
    _check("linalg.lu_factor", A)
    LU, piv, info = lu_factor_ex(A, pivot=pivot)
    bad = info._data.reshape(-1)
    if np.any(bad > 0):
        i = int(bad[bad > 0][0])
        raise RuntimeError(f"torch.linalg.lu_factor: U[{i},{i}] is zero and using it on lu_solve would result in a "
                           "division by zero. If you still want to perform the factorization, consider calling "
                           "linalg.lu(A, pivot) or linalg.lu_factor_ex(A, pivot)")
    return _lu_factor_t(LU, piv)


def lu_factor_ex(A: Tensor, *, pivot: bool = True, check_errors: bool = False):
    """``lu_factor`` that reports singular ``U`` in ``info`` (the 1-based index of the first zero pivot)."""
    _check("linalg.lu_factor_ex", A)
    _, piv, info = _np_lu(A._data, pivot)
    LU = _LUFactor.apply(A)
    if check_errors and np.any(info > 0):
        raise _la().LinAlgError("linalg.lu_factor_ex: U is singular")
    return _lu_factor_ex_t(LU, _wrap(piv), _wrap(info))


def lu(A: Tensor, *, pivot: bool = True):
    """``(P, L, U)`` with ``A = P @ L @ U``: ``L`` unit lower triangular, ``U`` upper triangular."""
    _check("linalg.lu", A)
    LU, piv, _ = lu_factor_ex(A, pivot=pivot)
    return _unpack(LU, piv, True, True, _lu_t)


def _unpack(LU: Tensor, piv: Tensor, unpack_data: bool, unpack_pivots: bool, cls):
    m, n = LU.shape[-2:]
    k = min(m, n)
    dt = LU._data.dtype
    if unpack_data:
        L = _tri_unit_lower(LU, m, k)
        U = O.triu(LU[..., :k, :])
    else:
        L = U = _wrap(np.zeros(0, dt))
    if unpack_pivots:
        P = _wrap(_perm_matrix(_perm_from_pivots(piv._data, m), dt))
    else:
        P = _wrap(np.zeros(0, dt))
    return cls(P, L, U)


def lu_unpack(LU_data: Tensor, LU_pivots: Tensor, unpack_data: bool = True, unpack_pivots: bool = True, *,
              out=None):
    """Expand a compact LU factorization into ``(P, L, U)``."""
    return _unpack(LU_data, LU_pivots, unpack_data, unpack_pivots, _lu_unpack_t)


def lu_solve(LU: Tensor, pivots: Tensor, B: Tensor, *, left: bool = True, adjoint: bool = False) -> Tensor:
    """Solve ``A X = B`` (``X A = B`` when not ``left``; with ``A^H`` when ``adjoint``) from ``A``'s LU factors."""
    if not left:
        return lu_solve(LU, pivots, B.mT, adjoint=not adjoint).mT
    la = _la()
    n = LU.shape[-1]
    L = _tri_unit_lower(LU, n, n)
    U = O.triu(LU)
    perm = _perm_from_pivots(pivots._data, n)
    P = _wrap(_perm_matrix(perm, LU._data.dtype))
    if not adjoint:
        y = la.solve_triangular(L, P.mT @ B, upper=False, unitriangular=True)
        return la.solve_triangular(U, y, upper=True)
    y = la.solve_triangular(U.mT, B, upper=False)
    y = la.solve_triangular(L.mT, y, upper=True, unitriangular=True)
    return P @ y


_WARNED: set = set()


def _deprecated(key: str, msg: str) -> None:
    if key not in _WARNED:
        _WARNED.add(key)
        warnings.warn(msg, UserWarning, stacklevel=3)


def torch_lu(A: Tensor, pivot: bool = True, get_infos: bool = False, out=None):
    """``torch.lu``: ``(A_LU, pivots)`` (plus ``infos`` when ``get_infos``)."""
    _deprecated("lu", "torch.lu is deprecated in favor of torch.linalg.lu_factor / torch.linalg.lu_factor_ex and will "
                      "be removed in a future PyTorch release.\nLU, pivots = torch.lu(A, compute_pivots)\nshould be "
                      "replaced with\nLU, pivots = torch.linalg.lu_factor(A, compute_pivots)\nand\nLU, pivots, info = "
                      "torch.lu(A, compute_pivots, get_infos=True)\nshould be replaced with\nLU, pivots, info = "
                      "torch.linalg.lu_factor_ex(A, compute_pivots)")
    LU, piv, info = lu_factor_ex(A, pivot=pivot)
    return (LU, piv, info) if get_infos else (LU, piv)


def torch_lu_solve(b: Tensor, LU_data: Tensor, LU_pivots: Tensor, *, out=None) -> Tensor:
    """``torch.lu_solve(b, LU, pivots)``."""
    _deprecated("lu_solve", "torch.lu_solve is deprecated in favor of torch.linalg.lu_solveand will be removed in a "
                            "future PyTorch release.\nNote that torch.linalg.lu_solve has its arguments reversed.\n"
                            "X = torch.lu_solve(B, LU, pivots)\nshould be replaced with\n"
                            "X = torch.linalg.lu_solve(LU, pivots, B)")
    return lu_solve(LU_data, LU_pivots, b)


def tensorinv(A: Tensor, ind: int = 2) -> Tensor:
    """The inverse of ``A`` seen as a linear map from its last dims to its first ``ind`` dims."""
    if ind <= 0:
        raise RuntimeError(f"Expected a strictly positive integer for 'ind', but got {ind}")
    out_shape = tuple(A.shape[:ind])
    in_shape = tuple(A.shape[ind:])
    p, q = math.prod(out_shape), math.prod(in_shape)
    if p != q:
        raise RuntimeError(f"Expected self to satisfy the requirement prod(self.shape[ind:]) == "
                           f"prod(self.shape[:ind]), but got {q} != {p}")
    return _la().inv(A.reshape(p, q)).reshape(in_shape + out_shape)


def tensorsolve(A: Tensor, B: Tensor, dims=None) -> Tensor:
    """``X`` with ``tensordot(A, X, X.ndim) == B``."""
    if dims is not None:
        nd = A.dim()
        dims = [d % nd for d in dims]
        rest = [d for d in range(nd) if d not in dims]
        A = A.permute(*rest, *dims)
    res_shape = tuple(A.shape[B.dim():])
    p = B.numel()
    q = math.prod(res_shape)
    if p != q:
        raise RuntimeError(f"Expected self to satisfy the requirement prod(self.shape[other.ndim:]) == "
                           f"prod(self.shape[:other.ndim]), but got {q} != {p}")
    return _la().solve(A.reshape(p, q), B.reshape(p)).reshape(res_shape)
