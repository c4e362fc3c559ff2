"""``torch.linalg``: norms, inverses, determinants, solves and decompositions, computed with NumPy's LAPACK.

Gradients: norms, ``inv``, ``det``, ``slogdet``, ``solve``, ``cholesky``, ``eigh``/``eigvalsh``, ``svdvals``,
``matrix_power``, ``multi_dot``, ``vecdot``, ``pinv``, ``qr``, ``svd`` and ``lstsq`` (through ``pinv``) are
differentiable; ``eig`` is not available (no complex dtypes) and ``matrix_rank`` returns integers."""
from __future__ import annotations

import builtins
import math

import numpy as np

from ._tensor import Tensor, _wrap
from .autograd.function import Function
from .autograd.grad_mode import GRAD
from .autograd.ops import _rt

__all__ = ["LinAlgError", "norm", "vector_norm", "matrix_norm", "inv", "inv_ex", "det", "slogdet", "solve",
           "solve_ex", "cholesky", "cholesky_ex", "eigh", "eigvalsh", "eig", "eigvals", "svd", "svdvals", "qr",
           "pinv", "matrix_rank", "matrix_power", "matrix_exp", "multi_dot", "vecdot", "cross", "diagonal",
           "matmul", "lstsq", "solve_triangular", "cond", "vander", "lu_factor", "lu_factor_ex", "lu", "lu_solve",
           "tensorinv", "tensorsolve"]


class LinAlgError(RuntimeError):
    """A matrix had no inverse / factorization (PyTorch's ``torch.linalg.LinAlgError``)."""


LinAlgError.__name__ = "_LinAlgError"
LinAlgError.__qualname__ = "_LinAlgError"

_slogdet_t = _rt("linalg_slogdet", ("sign", "logabsdet"))
_eigh_t = _rt("linalg_eigh", ("eigenvalues", "eigenvectors"))
_eig_t = _rt("linalg_eig", ("eigenvalues", "eigenvectors"))
_qr_t = _rt("linalg_qr", ("Q", "R"))
_svd_t = _rt("linalg_svd", ("U", "S", "Vh"))
_lstsq_t = _rt("linalg_lstsq", ("solution", "residuals", "rank", "singular_values"))
_inv_ex_t = _rt("linalg_inv_ex", ("inverse", "info"))
_chol_ex_t = _rt("linalg_cholesky_ex", ("L", "info"))
_solve_ex_t = _rt("linalg_solve_ex", ("result", "info"))


def _check_float(name: str, A: Tensor) -> None:
    if not A.dtype.is_floating_point:
        raise RuntimeError(f"{name}: Expected a floating point or complex tensor as input. "
                           f"Got {A.dtype.name.capitalize() if A.dtype.name != 'int64' else 'Long'}")


def _check_square(name: str, A: Tensor) -> None:
    if A.ndim < 2:
        raise RuntimeError(f"{name}: The input tensor A must have at least 2 dimensions.")
    if A.shape[-1] != A.shape[-2]:
        raise RuntimeError(f"{name}: A must be batches of square matrices, but they are "
                           f"{A.shape[-2]} by {A.shape[-1]} matrices")


def _forward_only(name: str, *tensors: Tensor) -> None:
    if GRAD[0] and builtins.any(isinstance(t, Tensor) and t.requires_grad for t in tensors):
        raise NotImplementedError(f"gradkit: the derivative of {name} is not implemented")


def _mT(x: Tensor) -> Tensor:
    return x.transpose(-2, -1)


# ---------------------------------------------------------------------------------------------- norms
def vector_norm(x: Tensor, ord: float = 2, dim=None, keepdim: bool = False, *, dtype=None) -> Tensor:
    """The ``ord``-norm of ``x`` seen as one vector (``dim=None``) or as vectors along ``dim``."""
    if dtype is not None:
        x = x.to(dtype)
    if not x.dtype.is_floating_point:
        raise RuntimeError(f"linalg.vector_norm: Expected a floating point or complex tensor as input. "
                           f"Got {x.dtype.name.capitalize() if x.dtype.name != 'int64' else 'Long'}")
    if isinstance(dim, int):
        dim = (dim,)
    if dim is not None and len(dim) == 0:
        dim = None
    if dim is None and not keepdim:
        x, dim = x.reshape(-1), (0,)
    dims = tuple(range(x.ndim)) if dim is None else tuple(dim)
    ord = float(ord)
    ax = x.abs()
    if ord == math.inf:
        return ax.amax(dims, keepdim=keepdim)
    if ord == -math.inf:
        return ax.amin(dims, keepdim=keepdim)
    if ord == 0:
        return (x != 0).to(x.dtype).sum(dims, keepdim=keepdim)
    if ord == 1:
        return ax.sum(dims, keepdim=keepdim)
    if ord == 2:
        from .autograd.ops import norm as _norm
        return _norm(x, 2, dims, keepdim)
    return ax.pow(ord).sum(dims, keepdim=keepdim).pow(1.0 / ord)


def matrix_norm(A: Tensor, ord="fro", dim=(-2, -1), keepdim: bool = False, *, dtype=None) -> Tensor:
    """Frobenius, nuclear, 1/-1/inf/-inf or 2/-2 (spectral) norm of the matrices on ``dim``."""
    if dtype is not None:
        A = A.to(dtype)
    if A.ndim < 2:
        raise RuntimeError("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.")
    d0, d1 = (d % A.ndim for d in dim)
    if ord == "fro":
        return vector_norm(A, 2, (d0, d1), keepdim)
    if ord == "nuc" or ord in (2, -2):
        M = A.movedim((d0, d1), (-2, -1))
        s = svdvals(M)
        r = s.sum(-1) if ord == "nuc" else (s.amax(-1) if ord == 2 else s.amin(-1))
        if keepdim:
            for d in sorted((d0, d1)):
                r = r.unsqueeze(d)
        return r
    if ord in (1, -1, math.inf, -math.inf):
        red, other = (d0, d1) if ord in (1, -1) else (d1, d0)
        s = A.abs().sum(red, keepdim=True)
        r = s.amax(other, keepdim=True) if ord > 0 else s.amin(other, keepdim=True)
        if not keepdim:
            r = r.squeeze(max(d0, d1)).squeeze(min(d0, d1))
        return r
    raise RuntimeError(f"linalg.matrix_norm: Order {ord} not supported.")


def norm(A: Tensor, ord=None, dim=None, keepdim: bool = False, *, dtype=None) -> Tensor:
    """Vector norm or matrix norm, chosen from ``ord`` and ``dim`` as PyTorch chooses."""
    if isinstance(dim, int):
        dim = (dim,)
    if dim is not None:
        if len(dim) == 2:
            return matrix_norm(A, "fro" if ord is None else ord, dim, keepdim, dtype=dtype)
        return vector_norm(A, 2 if ord is None else ord, dim, keepdim, dtype=dtype)
    if ord is None:
        return vector_norm(A, 2, None, keepdim, dtype=dtype)
    if A.ndim == 2:
        return matrix_norm(A, ord, (-2, -1), keepdim, dtype=dtype)
    if A.ndim == 1:
        if isinstance(ord, str):
            raise RuntimeError("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.")
        return vector_norm(A, ord, None, keepdim, dtype=dtype)
    raise RuntimeError(f"linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. "
                       f"Got {A.ndim}D.")


def cond(A: Tensor, p=None) -> Tensor:
    """The condition number of ``A`` in the ``p`` norm (2-norm: ratio of extreme singular values)."""
    if p is None or p in (2, -2):
        s = svdvals(A)
        return s.amax(-1) / s.amin(-1) if p != -2 else s.amin(-1) / s.amax(-1)
    return matrix_norm(A, p) * matrix_norm(inv(A), p)


# ---------------------------------------------------------------------------------------------- inverse & det
def _np_inv(name: str, a: np.ndarray) -> np.ndarray:
    try:
        return np.linalg.inv(a)
    except np.linalg.LinAlgError:
        raise LinAlgError(f"{name}: The diagonal element 1 is zero, the inversion could not be completed because "
                          "the input matrix is singular.") from None


class _Inv(Function):
    @staticmethod
    def forward(ctx, A):
        r = _wrap(_np_inv("linalg.inv", A._data).astype(A._data.dtype, copy=False))
        ctx.save_for_backward(r)
        return r

    @staticmethod
    def backward(ctx, g):
        (r,) = ctx.saved_tensors
        rT = _mT(r)
        return -(rT @ g @ rT)


def inv(A: Tensor) -> Tensor:
    """The inverse of each square matrix in ``A``; raises ``LinAlgError`` for singular ones."""
    _check_square("linalg.inv", A)
    _check_float("linalg.inv", A)
    return _Inv.apply(A)


def inv_ex(A: Tensor, *, check_errors: bool = False):
    try:
        return _inv_ex_t(inv(A), _wrap(np.zeros(A.shape[:-2], np.int32)))
    except LinAlgError:
        if check_errors:
            raise
        return _inv_ex_t(_wrap(np.full(A.shape, np.nan, A._data.dtype)), _wrap(np.ones(A.shape[:-2], np.int32)))


class _Det(Function):
    @staticmethod
    def forward(ctx, A):
        d = _wrap(np.asarray(np.linalg.det(A._data), dtype=A._data.dtype))
        ctx.save_for_backward(A, d)
        return d

    @staticmethod
    def backward(ctx, g):
        A, d = ctx.saved_tensors
        if bool((d == 0).any()):
            return g.unsqueeze(-1).unsqueeze(-1) * _adjugate_t(A)
        return (g * d).unsqueeze(-1).unsqueeze(-1) * _mT(inv(A))


def _adjugate_t(A: Tensor) -> Tensor:
    """The transposed adjugate (cofactor matrix) of each matrix, through its SVD (works for singular ones)."""
    a = A._data.astype(np.float64)
    u, s, vh = np.linalg.svd(a)
    n = a.shape[-1]
    prod_others = np.stack([np.prod(np.delete(s, i, axis=-1), axis=-1) for i in range(n)], axis=-1)
    sign = np.linalg.det(u) * np.linalg.det(vh)
    adj = (np.swapaxes(vh, -1, -2) * prod_others[..., None, :]) @ np.swapaxes(u, -1, -2)
    return _wrap((np.swapaxes(adj, -1, -2) * sign[..., None, None]).astype(A._data.dtype))


def det(A: Tensor) -> Tensor:
    """The determinant of each square matrix in ``A``."""
    _check_square("linalg.det", A)
    _check_float("linalg.det", A)
    return _Det.apply(A)


class _LogAbsDet(Function):
    @staticmethod
    def forward(ctx, A):
        _, logabs = np.linalg.slogdet(A._data)
        ctx.save_for_backward(A)
        return _wrap(np.asarray(logabs, dtype=A._data.dtype))

    @staticmethod
    def backward(ctx, g):
        (A,) = ctx.saved_tensors
        return g.unsqueeze(-1).unsqueeze(-1) * _mT(inv(A))


def slogdet(A: Tensor):
    """(sign, log|det|) of each square matrix; more stable than ``det`` for large or tiny determinants."""
    _check_square("linalg.slogdet", A)
    _check_float("linalg.slogdet", A)
    sign = np.sign(np.linalg.det(A._data)).astype(A._data.dtype)
    return _slogdet_t(_wrap(np.asarray(sign)), _LogAbsDet.apply(A))


# ---------------------------------------------------------------------------------------------- solves
class _Solve(Function):
    @staticmethod
    def forward(ctx, A, B):
        try:
            x = np.linalg.solve(A._data, B._data)
        except np.linalg.LinAlgError:
            raise LinAlgError("torch.linalg.solve: The solver failed because the input matrix is singular.") from None
        X = _wrap(x.astype(np.result_type(A._data, B._data), copy=False))
        ctx.save_for_backward(A, X)
        return X

    @staticmethod
    def backward(ctx, g):
        A, X = ctx.saved_tensors
        gB = _Solve.apply(_mT(A), g)
        gA = -(gB @ _mT(X)) if ctx.needs_input_grad[0] else None
        return gA, gB


def solve(A: Tensor, B: Tensor, *, left: bool = True) -> Tensor:
    """The solution ``X`` of ``A @ X = B`` (``X @ A = B`` with ``left=False``)."""
    _check_square("linalg.solve", A)
    _check_float("linalg.solve", A)
    if not left:
        return _mT(solve(_mT(A), _mT(B)))
    vector = B.ndim == 1 or (B.ndim == A.ndim - 1 and tuple(B.shape) == tuple(A.shape[:-1]))
    if vector:
        return _Solve.apply(A, B.unsqueeze(-1)).squeeze(-1)
    if A.shape[-1] != B.shape[-2]:
        raise RuntimeError(f"linalg.solve: Incompatible shapes of A and B for the equation AX = B "
                           f"({A.shape[-2]}x{A.shape[-1]} and {B.shape[-2]}x{B.shape[-1]})")
    return _Solve.apply(A, B)


def solve_ex(A: Tensor, B: Tensor, *, left: bool = True, check_errors: bool = False):
    return _solve_ex_t(solve(A, B, left=left), _wrap(np.zeros(A.shape[:-2], np.int32)))


def solve_triangular(A: Tensor, B: Tensor, *, upper: bool, left: bool = True, unitriangular: bool = False) -> Tensor:
    """Solves a triangular system, using only the ``upper`` (or lower) triangle of ``A``."""
    from .autograd.ops import tril, triu
    T = triu(A) if upper else tril(A)
    if unitriangular:
        from .autograd.ops import diag_embed
        n = A.shape[-1]
        eye = _wrap(np.eye(n, dtype=A._data.dtype))
        T = T * (1 - eye) + eye + diag_embed(T.diagonal(dim1=-2, dim2=-1)) * 0
    return solve(T, B, left=left)


def lstsq(A: Tensor, B: Tensor, rcond=None, *, driver=None):
    """Least-squares solution of ``A @ X = B``, with torch's extra outputs per ``driver`` (default ``'gelsy'``):
    ``residuals`` (rows > cols, full rank, not gelsy), ``rank`` (not gels), ``singular_values`` (gelsd/gelss).
    Differentiable in ``A`` and ``B`` (through the pseudo-inverse)."""
    driver = "gelsy" if driver is None else driver
    if driver not in ("gels", "gelsy", "gelsd", "gelss"):
        raise RuntimeError("torch.linalg.lstsq: parameter `driver` should be one of (gels, gelsy, gelsd, gelss)")
    a = A._data
    dt = a.dtype
    m, n = a.shape[-2], a.shape[-1]
    vec = B.ndim == A.ndim - 1
    Bm = B.unsqueeze(-1) if vec else B
    b = Bm._data
    if GRAD[0] and (A.requires_grad or B.requires_grad):
        X = pinv(A) @ Bm
    elif a.ndim == 2:
        X = _wrap(np.ascontiguousarray(np.linalg.lstsq(a, b, rcond=rcond)[0].astype(dt, copy=False)))
    else:
        X = _wrap(np.ascontiguousarray((np.linalg.pinv(a) @ b).astype(dt, copy=False)))
    s = np.linalg.svd(a, compute_uv=False)
    eps = np.finfo(dt).eps * max(m, n) if rcond is None else rcond
    smax = s.max(axis=-1, keepdims=True) if s.shape[-1] else np.zeros(s.shape[:-1] + (1,), s.dtype)
    rank = (s > eps * smax).sum(axis=-1).astype(np.int64)
    empty = _wrap(np.zeros(0, dt))
    residuals = empty
    if m > n and driver != "gelsy" and np.all(rank == n):
        residuals = ((A @ X - Bm) ** 2).sum(-2)
    rank_t = _wrap(np.zeros(0, np.int64)) if driver == "gels" else _wrap(np.asarray(rank))
    sv = _wrap(s.astype(dt, copy=False)) if driver in ("gelsd", "gelss") else empty
    if vec:
        X = X.squeeze(-1)
    return _lstsq_t(X, residuals, rank_t, sv)


# ---------------------------------------------------------------------------------------------- decompositions
def _cholesky_failure(a: np.ndarray) -> str:
    """torch's message for the first matrix of ``a`` that is not positive-definite, naming its leading minor."""
    mats = a.reshape(-1, *a.shape[-2:])
    for b, m in enumerate(mats):
        for k in range(1, m.shape[-1] + 1):
            try:
                np.linalg.cholesky(m[:k, :k])
            except np.linalg.LinAlgError:
                where = f"(Batch element {b}): " if a.ndim > 2 else ""
                return (f"linalg.cholesky: {where}The factorization could not be completed because the input is not "
                        f"positive-definite (the leading minor of order {k} is not positive-definite).")
    return "linalg.cholesky: The factorization could not be completed because the input is not positive-definite."


class _Cholesky(Function):
    @staticmethod
    def forward(ctx, A, upper):
        try:
            L = np.linalg.cholesky(A._data)
        except np.linalg.LinAlgError:
            raise LinAlgError(_cholesky_failure(A._data)) from None
        L = _wrap(L.astype(A._data.dtype, copy=False))
        ctx.save_for_backward(L)
        return L

    @staticmethod
    def backward(ctx, gL):
        from .autograd.ops import tril
        (L,) = ctx.saved_tensors
        P = tril(_mT(L) @ gL)
        P = P - 0.5 * P.diagonal(dim1=-2, dim2=-1).diag_embed()
        Linv = inv(L)
        S = _mT(Linv) @ P @ Linv
        return 0.5 * (S + _mT(S)), None


def cholesky(A: Tensor, *, upper: bool = False) -> Tensor:
    """The lower (or ``upper``) Cholesky factor of each symmetric positive-definite matrix."""
    _check_square("linalg.cholesky", A)
    _check_float("linalg.cholesky", A)
    L = _Cholesky.apply(A, upper)
    return _mT(L) if upper else L


def _partial_cholesky(m: np.ndarray) -> tuple[np.ndarray, int]:
    """LAPACK's unblocked Cholesky of one matrix, stopping at the first non-positive pivot: the factor so far
    (the failing pivot left unrooted) and the 1-based order of the failing leading minor (0: none)."""
    L = np.tril(m).astype(np.float64)
    for j in range(L.shape[0]):
        d = L[j, j] - L[j, :j] @ L[j, :j]
        if not d > 0:
            L[j, j] = d
            return L, j + 1
        L[j, j] = np.sqrt(d)
        L[j + 1:, j] = (L[j + 1:, j] - L[j + 1:, :j] @ L[j, :j]) / L[j, j]
    return L, 0


def cholesky_ex(A: Tensor, *, upper: bool = False, check_errors: bool = False):
    """Cholesky factor and ``info`` (per matrix: 0, or the order of the first leading minor that is not
    positive-definite); raises only with ``check_errors``."""
    _check_square("linalg.cholesky_ex", A)
    _check_float("linalg.cholesky_ex", A)
    try:
        L = cholesky(A, upper=upper)
    except LinAlgError:
        if check_errors:
            raise
        a = A._data
        mats = a.reshape(-1, *a.shape[-2:])
        parts = [_partial_cholesky(m) for m in mats]
        L = np.stack([p for p, _ in parts]).reshape(a.shape).astype(a.dtype)
        info = np.array([k for _, k in parts], np.int32).reshape(a.shape[:-2])
        L = _wrap(np.ascontiguousarray(np.swapaxes(L, -1, -2)) if upper else L)
        return _chol_ex_t(L, _wrap(info))
    return _chol_ex_t(L, _wrap(np.zeros(A.shape[:-2], np.int32)))


class _Eigh(Function):
    @staticmethod
    def forward(ctx, A, uplo):
        w, v = np.linalg.eigh(A._data, UPLO=uplo)
        W, V = _wrap(w.astype(A._data.dtype, copy=False)), _wrap(v.astype(A._data.dtype, copy=False))
        ctx.save_for_backward(W, V)
        return W, V

    @staticmethod
    def backward(ctx, gW, gV):
        W, V = ctx.saved_tensors
        VT = _mT(V)
        inner = gW.diag_embed()
        if gV is not None:
            diff = W.unsqueeze(-2) - W.unsqueeze(-1)
            n = W.shape[-1]
            eye = _wrap(np.eye(n, dtype=W._data.dtype))
            F = (1 - eye) / (diff + eye)
            inner = inner + F * (VT @ gV)
        gA = V @ inner @ VT
        return 0.5 * (gA + _mT(gA)), None


def eigh(A: Tensor, UPLO: str = "L"):
    """Eigenvalues (ascending) and orthonormal eigenvectors of each symmetric matrix."""
    _check_square("linalg.eigh", A)
    _check_float("linalg.eigh", A)
    return _eigh_t(*_Eigh.apply(A, UPLO))


def eigvalsh(A: Tensor, UPLO: str = "L") -> Tensor:
    """Eigenvalues (ascending) of each symmetric matrix."""
    return eigh(A, UPLO)[0]


def eig(A: Tensor):
    """Complex eigen-decomposition: not available (gradkit has no complex dtypes)."""
    raise NotImplementedError("gradkit has no complex dtypes: linalg.eig is not supported (use eigh for symmetric)")


def eigvals(A: Tensor):
    raise NotImplementedError("gradkit has no complex dtypes: linalg.eigvals is not supported (use eigvalsh)")


class _SVDVals(Function):
    @staticmethod
    def forward(ctx, A):
        u, s, vh = np.linalg.svd(A._data, full_matrices=False)
        dt = A._data.dtype
        ctx.save_for_backward(_wrap(u.astype(dt, copy=False)), _wrap(vh.astype(dt, copy=False)))
        return _wrap(s.astype(dt, copy=False))

    @staticmethod
    def backward(ctx, g):
        U, Vh = ctx.saved_tensors
        return (U * g.unsqueeze(-2)) @ Vh


def svdvals(A: Tensor) -> Tensor:
    """The singular values of each matrix, in descending order."""
    _check_float("linalg.svdvals", A)
    return _SVDVals.apply(A)


class _SVD(Function):
    @staticmethod
    def forward(ctx, A, full_matrices):
        u, s, vh = np.linalg.svd(A._data, full_matrices=full_matrices)
        dt = A._data.dtype
        U, S, Vh = (_wrap(x.astype(dt, copy=False)) for x in (u, s, vh))
        ctx.save_for_backward(U, S, Vh)
        return U, S, Vh

    @staticmethod
    def backward(ctx, gU, gS, gVh):
        U, S, Vh = ctx.saved_tensors
        k = S.shape[-1]
        m, n = U.shape[-2], Vh.shape[-1]
        U, Vh = U[..., :k], Vh[..., :k, :]
        gU = gU[..., :k] if gU is not None else None
        gVh = gVh[..., :k, :] if gVh is not None else None
        if gU is None and gVh is None:
            return (U * gS.unsqueeze(-2)) @ Vh, None
        V = _mT(Vh)
        gV = _mT(gVh) if gVh is not None else None
        S2 = S * S
        eye = _wrap(np.eye(k, dtype=S._data.dtype))
        E = S2.unsqueeze(-2) - S2.unsqueeze(-1) + eye
        gA = None
        if gU is not None:
            UhgU = _mT(U) @ gU
            gA = (UhgU - _mT(UhgU)) / E * S.unsqueeze(-2)
        if gV is not None:
            VhgV = Vh @ gV
            t = S.unsqueeze(-1) * ((VhgV - _mT(VhgV)) / E)
            gA = t if gA is None else gA + t
        if gS is not None:
            gA = gA + gS.diag_embed()
        if m > n and gU is not None:
            gA = U @ gA
            gUSinv = gU / S.unsqueeze(-2)
            gA = (gA + gUSinv - U @ (_mT(U) @ gUSinv)) @ Vh
        elif m < n and gV is not None:
            gA = gA @ Vh
            gVSinv = gV / S.unsqueeze(-2)
            gA = U @ (gA + _mT(gVSinv) - (_mT(gVSinv) @ V) @ Vh)
        else:
            gA = U @ (gA @ Vh) if m >= n else (U @ gA) @ Vh
        return gA, None


def svd(A: Tensor, full_matrices: bool = True):
    """``U, S, Vh`` with ``A = U @ diag(S) @ Vh``; differentiable (gauge-invariant losses, distinct singular values)."""
    _check_float("linalg.svd", A)
    return _svd_t(*_SVD.apply(A, full_matrices))


class _QR(Function):
    @staticmethod
    def forward(ctx, A, mode):
        dt = A._data.dtype
        q, r = np.linalg.qr(A._data, mode="complete" if mode == "complete" else "reduced")
        Q, R = _wrap(q.astype(dt, copy=False)), _wrap(r.astype(dt, copy=False))
        ctx.save_for_backward(Q, R)
        return Q, R

    @staticmethod
    def backward(ctx, gQ, gR):
        from .autograd.ops import cat, tril, triu
        Q, R = ctx.saved_tensors
        m, n = Q.shape[-2], R.shape[-1]
        if gQ is None:
            gA = gR @ _mT(R)
        elif gR is None:
            gA = -(_mT(Q) @ gQ)
        else:
            gA = gR @ _mT(R) - _mT(Q) @ gQ
        if m >= n:
            sym = triu(gA)
            sym = sym + _mT(sym)
            sym = sym - 0.5 * sym.diagonal(dim1=-2, dim2=-1).diag_embed()
            gA = Q @ sym
            if gQ is not None:
                gA = gA + gQ
            return solve_triangular(_mT(R), gA, upper=False, left=False), None
        X = -gA
        gA = Q @ tril(X - _mT(X))
        gA = solve_triangular(_mT(R[..., :m]), gA, upper=False, left=False)
        gA = cat([gA, gA.new_zeros(*gA.shape[:-1], n - m)], -1)
        if gR is not None:
            gA = gA + Q @ gR
        return gA, None


def qr(A: Tensor, mode: str = "reduced"):
    """``Q, R`` with ``A = Q @ R``; differentiable for ``mode='reduced'`` (and ``'complete'`` when rows <= cols)."""
    _check_float("linalg.qr", A)
    if mode not in ("reduced", "complete", "r"):
        raise RuntimeError(f"qr received unrecognized mode '{mode}' but expected one of 'reduced' (default), "
                           "'r', or 'complete'")
    dt = A._data.dtype
    if mode == "r":
        _forward_only("linalg.qr", A)
        r = np.linalg.qr(A._data, mode="r")
        return _qr_t(_wrap(np.zeros(0, dt)), _wrap(r.astype(dt, copy=False)))
    if mode == "complete" and A.shape[-2] > A.shape[-1]:
        _forward_only("linalg.qr", A)
    return _qr_t(*_QR.apply(A, mode))


def pinv(A: Tensor, *, atol=None, rtol=None, hermitian: bool = False) -> Tensor:
    """The Moore-Penrose pseudo-inverse; for full-rank ``A`` built from differentiable ops."""
    _check_float("linalg.pinv", A)
    m, n = A.shape[-2], A.shape[-1]
    rank = np.linalg.matrix_rank(A._data)
    if np.all(rank == min(m, n)):
        AT = _mT(A)
        return inv(AT @ A) @ AT if m >= n else AT @ inv(A @ AT)
    _forward_only("linalg.pinv (rank-deficient input)", A)
    return _wrap(np.linalg.pinv(A._data, hermitian=hermitian).astype(A._data.dtype, copy=False))


def matrix_rank(A: Tensor, tol=None, hermitian: bool = False, *, atol=None, rtol=None) -> Tensor:
    """The numerical rank of each matrix (number of singular values above the tolerance; ``tol`` is the old
    spelling of ``atol`` with ``rtol=0``)."""
    if tol is not None:
        atol, rtol = tol, 0.0
    s = np.linalg.svd(A._data, compute_uv=False)
    if atol is None and rtol is None:
        rtol = max(A.shape[-2], A.shape[-1]) * np.finfo(A._data.dtype).eps
    smax = s.max(axis=-1, keepdims=True) if s.shape[-1] else np.zeros(s.shape[:-1] + (1,), s.dtype)
    tol = np.maximum(0.0 if atol is None else float(atol), (0.0 if rtol is None else float(rtol)) * smax)
    return _wrap(np.asarray((s > tol).sum(axis=-1), np.int64))


# ---------------------------------------------------------------------------------------------- products
def matmul(input: Tensor, other: Tensor) -> Tensor:
    """Same as ``torch.matmul``."""
    return input @ other


def matrix_power(A: Tensor, n: int) -> Tensor:
    """``A`` multiplied by itself ``n`` times (``n < 0``: powers of the inverse, ``n == 0``: identity)."""
    _check_square("linalg.matrix_power", A)
    if n == 0:
        eye = _wrap(np.broadcast_to(np.eye(A.shape[-1], dtype=A._data.dtype), A.shape).copy())
        return eye + A * 0 if A.requires_grad and GRAD[0] else eye
    if n < 0:
        A, n = inv(A), -n
    result = None
    base = A
    while n:
        if n & 1:
            result = base if result is None else result @ base
        n >>= 1
        if n:
            base = base @ base
    return result


def matrix_exp(A: Tensor) -> Tensor:
    """The matrix exponential, by scaling and squaring of a Taylor series (differentiable)."""
    _check_square("linalg.matrix_exp", A)
    nrm = float(np.abs(A._data).sum(axis=-1).max()) if A.numel() else 0.0
    s = max(0, int(math.ceil(math.log2(nrm))) + 1) if nrm > 0.5 else 0
    X = A / (2 ** s)
    eye = _wrap(np.broadcast_to(np.eye(A.shape[-1], dtype=A._data.dtype), A.shape).copy())
    term, result = eye, eye
    for k in range(1, 19):
        term = term @ X / k
        result = result + term
    for _ in range(s):
        result = result @ result
    return result


def multi_dot(tensors) -> Tensor:
    """The product of a chain of matrices (first may be a vector, last may be a vector)."""
    ts = list(tensors)
    if len(ts) < 2:
        raise RuntimeError(f"multi_dot(): expected at least 2 tensors but got {len(ts)}")
    out = ts[0]
    for t in ts[1:]:
        out = out @ t
    return out


def vecdot(x: Tensor, y: Tensor, *, dim: int = -1) -> Tensor:
    """Dot products of the vectors along ``dim``."""
    return (x * y).sum(dim)


def cross(input: Tensor, other: Tensor, *, dim: int = -1) -> Tensor:
    from .autograd.ops import cross as _cross
    return _cross(input, other, dim=dim)


def diagonal(A: Tensor, *, offset: int = 0, dim1: int = -2, dim2: int = -1) -> Tensor:
    return A.diagonal(offset=offset, dim1=dim1, dim2=dim2)


def vander(x: Tensor, *, N: int | None = None) -> Tensor:
    """Vandermonde matrix with increasing powers ``x**0 .. x**(N-1)`` along the last dim."""
    n = x.shape[-1] if N is None else N
    from .autograd.ops import stack
    return stack([x ** i for i in range(n)], -1) if n else x.unsqueeze(-1)[..., :0]


from ._linalg_lu import lu, lu_factor, lu_factor_ex, lu_solve, tensorinv, tensorsolve  # noqa: E402
