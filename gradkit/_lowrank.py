"""Randomized low-rank SVD and PCA (``torch.svd_lowrank``, ``torch.pca_lowrank``), after Halko et al. 2009."""
from __future__ import annotations

from ._tensor import Tensor

__all__ = ["svd_lowrank", "pca_lowrank"]


def _approximate_basis(A: Tensor, q: int, niter: int, M: Tensor | None) -> Tensor:
    """An orthonormal ``Q`` (n_rows x q) whose span approximates the range of ``A - M`` (subspace iteration)."""
    from . import linalg
    from ._random_ops import randn
    dt = A.dtype if A.dtype.is_floating_point else None
    R = randn(A.shape[-1], q, dtype=dt)

    def times(B: Tensor, Mt: Tensor | None, X: Tensor) -> Tensor:
        Y = B @ X
        return Y - Mt @ X if Mt is not None else Y

    Q = linalg.qr(times(A, M, R)).Q
    At = A.mT
    Mt = M.mT if M is not None else None
    for _ in range(niter):
        Q = linalg.qr(times(At, Mt, Q)).Q
        Q = linalg.qr(times(A, M, Q)).Q
    return Q


def _svd_lowrank(A: Tensor, q: int | None, niter: int | None, M: Tensor | None):
    from . import linalg
    q = 6 if q is None else q
    niter = 2 if niter is None else niter
    m, n = A.shape[-2:]
    if M is not None:
        M = M.broadcast_to(A.shape)
    if m < n:
        A = A.mT
        M = M.mT if M is not None else None
    Q = _approximate_basis(A, q, niter, M)
    B = Q.mT @ A
    if M is not None:
        B = B - Q.mT @ M
    U, S, Vh = linalg.svd(B, full_matrices=False)
    V = Vh.mT
    U = Q @ U
    if m < n:
        U, V = V, U
    return U, S, V


def svd_lowrank(A: Tensor, q: int | None = 6, niter: int | None = 2, M: Tensor | None = None):
    """Approximate ``U, S, V`` (note: ``V``, not ``Vh``) of the ``q`` leading singular triplets of ``A - M``,
    by randomized subspace iteration (draws from the global generator)."""
    return _svd_lowrank(A, q, niter, M)


def pca_lowrank(A: Tensor, q: int | None = None, center: bool = True, niter: int = 2):
    """``U, S, V`` of a randomized low-rank SVD of ``A`` with its column means removed (when ``center``);
    ``q`` defaults to ``min(6, m, n)``."""
    m, n = A.shape[-2:]
    if q is None:
        q = min(6, m, n)
    elif not (q >= 0 and q <= min(m, n)):
        raise ValueError(f"q(={q}) must be non-negative integer and not greater than min(m, n)={min(m, n)}")
    if not niter >= 0:
        raise ValueError(f"niter(={niter}) must be non-negative integer")
    if not center:
        return _svd_lowrank(A, q, niter, None)
    return _svd_lowrank(A - A.mean(dim=(-2,), keepdim=True), q, niter, None)
