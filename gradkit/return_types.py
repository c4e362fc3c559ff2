"""``torch.return_types``: the named-tuple classes that multi-output ops return (``torch.return_types.max``
…); each prints like ``torch.return_types.max(values=..., indices=...)`` and supports ``isinstance`` checks."""
from __future__ import annotations

from . import _extra_api as _x
from . import _linalg_lu as _lu
from . import linalg as _la
from .autograd.ops import RT as _RT

max = _RT["max"]  # noqa: A001
min = _RT["min"]  # noqa: A001
sort = _RT["sort"]
topk = _RT["topk"]
kthvalue = _RT["kthvalue"]
median = _RT["median"]
nanmedian = _RT["nanmedian"]
mode = _RT["mode"]
cummax = _RT["cummax"]
cummin = _RT["cummin"]
aminmax = _RT["aminmax"]
frexp = _RT.get("frexp", _x._frexp_t)
histogram = _RT.get("histogram", _x._hist_t)
histogramdd = _x._histdd_t
svd = _x._svd_t
qr = _x._qr_t
slogdet = _x._slogdet_t
triangular_solve = _x._tri_t
linalg_slogdet = _la._slogdet_t
linalg_eigh = _la._eigh_t
linalg_eig = _la._eig_t
linalg_qr = _la._qr_t
linalg_svd = _la._svd_t
linalg_lstsq = _la._lstsq_t
linalg_inv_ex = _la._inv_ex_t
linalg_cholesky_ex = _la._chol_ex_t
linalg_solve_ex = _la._solve_ex_t
linalg_lu_factor = _lu._lu_factor_t
linalg_lu_factor_ex = _lu._lu_factor_ex_t
linalg_lu = _lu._lu_t
lu_unpack = _lu._lu_unpack_t

__all__ = ["max", "min", "sort", "topk", "kthvalue", "median", "nanmedian", "mode", "cummax", "cummin", "aminmax",
           "frexp", "histogram", "histogramdd", "svd", "qr", "slogdet", "triangular_solve", "linalg_slogdet",
           "linalg_eigh", "linalg_eig", "linalg_qr", "linalg_svd", "linalg_lstsq", "linalg_inv_ex",
           "linalg_cholesky_ex", "linalg_solve_ex", "linalg_lu_factor", "linalg_lu_factor_ex", "linalg_lu",
           "lu_unpack"]
all_return_types = [globals()[n] for n in __all__]
for _c in all_return_types:
    _c.__module__ = __name__
