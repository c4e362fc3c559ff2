"""Bind the op table onto ``Tensor``: methods, operators and in-place variants, all one function each."""
from __future__ import annotations

import numpy as np

from ._tensor import Tensor
from .autograd import ops as O

_METHODS = """
add sub mul div true_divide floor_divide remainder fmod pow float_power maximum minimum fmax fmin atan2 arctan2
hypot logaddexp xlogy lerp addcmul addcdiv copysign signbit
eq ne lt le gt ge greater greater_equal less less_equal not_equal logical_and logical_or logical_xor
logical_not bitwise_and bitwise_or bitwise_xor bitwise_not bitwise_left_shift bitwise_right_shift
equal isclose allclose isnan isinf isposinf isneginf isfinite isreal
exp exp2 expm1 log log2 log10 log1p sqrt rsqrt sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh
arcsin arccos arctan arcsinh arccosh arctanh reciprocal sigmoid erf erfc erfinv lgamma digamma relu abs
absolute neg negative positive floor ceil trunc fix sign sgn round frac square sinc logit nan_to_num
clamp clip clamp_min clamp_max where masked_fill
sum nansum mean nanmean prod cumsum cumprod logcumsumexp max min amax amin aminmax argmax argmin var std
logsumexp all any count_nonzero norm dist
reshape view view_as reshape_as flatten unflatten ravel squeeze unsqueeze permute transpose swapaxes
swapdims t adjoint movedim moveaxis expand expand_as broadcast_to repeat tile repeat_interleave flip fliplr
flipud roll rot90 index_put as_strided index_select index_add index_reduce renorm index_fill index_copy gather
take_along_dim take scatter
scatter_add scatter_reduce masked_select masked_scatter nonzero argwhere select narrow split tensor_split
chunk unbind hsplit vsplit tril triu diagonal diag diagflat diag_embed trace
mm matmul bmm mv dot inner vdot outer ger addmm baddbmm addbmm addmv addr cross
softmax log_softmax sort argsort msort topk kthvalue median quantile unique unique_consecutive bincount
histc histogram frexp cummax cummin clone contiguous _to_dtype diff mode sum_to_size narrow_copy kron isin deg2rad
rad2deg
cov corrcoef logaddexp2 nanmedian
add_ sub_ mul_ div_ relu_ zero_ fill_ copy_
"""



def numpy_names(fn):
    """``fn`` also taking NumPy's ``axis=``/``keepdims=`` for ``dim=``/``keepdim=`` (as torch's arg parser does)."""
    code = getattr(fn, "__code__", None)
    if code is None or "dim" not in code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]:
        return fn

    def aliased(*args, **kwargs):
        if kwargs and ("axis" in kwargs or "keepdims" in kwargs):
            if "axis" in kwargs:
                kwargs["dim"] = kwargs.pop("axis")
            if "keepdims" in kwargs:
                kwargs["keepdim"] = kwargs.pop("keepdims")
        return fn(*args, **kwargs)

    aliased.__name__, aliased.__qualname__, aliased.__doc__ = fn.__name__, fn.__qualname__, fn.__doc__
    aliased.__module__, aliased.__wrapped__ = fn.__module__, fn
    return aliased


for _name in _METHODS.split():
    setattr(Tensor, _name, numpy_names(getattr(O, _name)))

# In-place variants built from the out-of-place op.
_INPLACE = """
true_divide floor_divide remainder fmod pow float_power atan2 hypot lerp addcmul addcdiv copysign
eq ne lt le gt ge logical_and logical_or logical_xor logical_not bitwise_and bitwise_or bitwise_xor bitwise_not
exp exp2 expm1 log log2 log10 log1p sqrt rsqrt sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh
reciprocal sigmoid erf erfc erfinv lgamma digamma abs neg floor ceil trunc sign round frac square logit
nan_to_num clamp clip clamp_min clamp_max masked_fill index_put index_add index_reduce renorm index_fill index_copy
scatter
scatter_add scatter_reduce masked_scatter tril triu cumsum
"""
for _name in _INPLACE.split():
    setattr(Tensor, _name + "_", O._inplace(getattr(O, _name)))
Tensor.absolute_ = Tensor.abs_
_C_NAMES = {"Long": "long int", "Int": "int", "Short": "short int", "Char": "signed char", "Byte": "unsigned char",
            "Bool": "bool"}


def _c_type_errors(method):
    """clamp_'s cast error names the C type (``long int``), not the ScalarType (``Long``), as torch's does."""
    def op(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except RuntimeError as e:
            msg = str(e)
            head, sep, tail = msg.rpartition("desired output type ")
            if sep and tail in _C_NAMES:
                raise RuntimeError(head + sep + _C_NAMES[tail]) from None
            raise
    op.__name__ = method.__name__
    return op


for _name in ("clamp_", "clip_", "clamp_min_", "clamp_max_"):
    setattr(Tensor, _name, _c_type_errors(getattr(Tensor, _name)))
Tensor.negative_ = Tensor.neg_
Tensor.arctan2_ = Tensor.atan2_


def _swap(fn):
    def r(self, other):
        return fn(other, self)
    r.__name__ = "__r" + fn.__name__ + "__"
    return r


def _invert(self):
    if self._data.dtype.kind == "f":
        raise TypeError("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
    return O.bitwise_not(self)


def _rsub(self, other):
    return O.sub(other, self)


def _rtruediv(self, other):
    """``number / tensor`` is ``tensor.reciprocal() * number`` in torch (rounded that way too)."""
    if isinstance(other, Tensor):
        return O.div(other, self)
    return O.mul(O.reciprocal(self), other)


_OPS = {
    "__add__": O.add, "__radd__": _swap(O.add), "__iadd__": O.add_,
    "__sub__": O.sub, "__rsub__": _rsub, "__isub__": O.sub_,
    "__mul__": O.mul, "__rmul__": _swap(O.mul), "__imul__": O.mul_,
    "__truediv__": O.div, "__rtruediv__": _rtruediv, "__itruediv__": O.div_,
    "__floordiv__": O.floor_divide, "__rfloordiv__": _swap(O.floor_divide),
    "__ifloordiv__": Tensor.floor_divide_,
    "__mod__": O.remainder, "__rmod__": _swap(O.remainder), "__imod__": Tensor.remainder_,
    "__pow__": O.pow, "__rpow__": _swap(O.pow), "__ipow__": Tensor.pow_,
    "__matmul__": O.matmul, "__rmatmul__": _swap(O.matmul),
    "__and__": O.bitwise_and, "__rand__": _swap(O.bitwise_and), "__iand__": Tensor.bitwise_and_,
    "__or__": O.bitwise_or, "__ror__": _swap(O.bitwise_or), "__ior__": Tensor.bitwise_or_,
    "__xor__": O.bitwise_xor, "__rxor__": _swap(O.bitwise_xor), "__ixor__": Tensor.bitwise_xor_,
    "__lshift__": O.bitwise_left_shift, "__rshift__": O.bitwise_right_shift,
    "__eq__": O.eq, "__ne__": O.ne, "__lt__": O.lt, "__le__": O.le, "__gt__": O.gt, "__ge__": O.ge,
    "__neg__": O.neg, "__pos__": O.positive, "__abs__": O.abs, "__invert__": _invert,
    "__getitem__": O.getitem, "__setitem__": O.setitem,
}
for _name, _fn in _OPS.items():
    setattr(Tensor, _name, _fn)
Tensor.__hash__ = object.__hash__


def _contains(self, element) -> bool:
    if isinstance(element, (Tensor, int, float, bool)):
        return bool((self == element).any())
    raise RuntimeError(f"Tensor.__contains__ only supports Tensor or scalar, but you passed in a "
                       f"{type(element).__name__}.")


Tensor.__contains__ = _contains


def _T(self):
    nd = self._data.ndim
    if nd > 2 or nd == 0:
        import warnings
        warnings.warn("Tensor.T is deprecated on 0-D tensors. This function is the identity in these cases." if nd == 0
                      else "The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated "
                      "and it will throw an error in a future release. Consider `x.mT` to transpose batches of "
                      "matrices or `x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a "
                      "tensor.", UserWarning, stacklevel=2)
    return O.permute(self, tuple(range(nd - 1, -1, -1)))


Tensor.T = property(_T)


def _matrix_t(name):
    def get(self):
        nd = self._data.ndim
        if nd < 2:
            if nd == 0:
                import warnings
                warnings.warn(f"Tensor.{name} is deprecated on 0-D tensors. This function is the identity in these "
                              "cases.", UserWarning, stacklevel=2)
                return self
            raise RuntimeError(f"tensor.{name} is only supported on matrices or batches of matrices. Got "
                               f"{nd}-D tensor.")
        return O.transpose(self, -2, -1)
    return property(get)


def _h(self):
    nd = self._data.ndim
    if nd != 2 and nd != 0:
        raise RuntimeError(f"tensor.H is only supported on matrices (2-D tensors). Got {nd}-D tensor."
                           + (" For batches of matrices, consider using tensor.mH" if nd > 2 else ""))
    return O.permute(self, tuple(range(nd - 1, -1, -1)))


Tensor.mT = _matrix_t("mT")
Tensor.H = property(_h)
Tensor.mH = _matrix_t("mH")


def _flip(self, *dims, **kw):
    if "dims" in kw:
        dims = (kw.pop("dims"),)
    if kw:
        raise TypeError(f"flip() got an unexpected keyword argument '{next(iter(kw))}'")
    return O.flip(self, dims[0] if len(dims) == 1 and isinstance(dims[0], (tuple, list)) else dims)


Tensor.flip = _flip


def _leaf_check(self):
    if self._requires_grad and self.grad_fn is None and O.GRAD[0]:
        raise RuntimeError(O._LEAF_MSG)


def _squeeze_(self, dim=None):
    _leaf_check(self)
    r = O.squeeze(self.detach(), dim)
    self._data = r._data
    return self


def _unsqueeze_(self, dim):
    _leaf_check(self)
    self._data = O.unsqueeze(self.detach(), dim)._data
    return self


def _t_(self):
    _leaf_check(self)
    self._data = O.t(self.detach())._data
    return self


def _transpose_(self, d0, d1):
    _leaf_check(self)
    self._data = O.transpose(self.detach(), d0, d1)._data
    return self


def _resize_(self, *sizes, memory_format=None):
    from ._tensor import _size_arg
    if self._requires_grad:
        raise RuntimeError("cannot resize variables that require grad")
    shape = _size_arg(sizes)
    a = self._data
    if tuple(shape) == a.shape:
        return self
    n = int(np.prod(shape))
    from .storage import _mem_flat, _root
    root = _root(a)
    mem = _mem_flat(root) if root.dtype == a.dtype else None
    off = self.storage_offset()
    if mem is not None and off + n <= mem.size:
        self._data = mem[off:off + n].reshape(shape)
        return self
    flat = self._data.reshape(-1)
    new = np.zeros(n, self._data.dtype)
    new[:min(n, flat.size)] = flat[:n]
    self._data = new.reshape(shape)
    return self


def _unfold(self, dimension, size, step):
    """Sliding windows of ``size`` with ``step`` along ``dimension`` as a new last dim."""
    d = O._dim(dimension, max(self.ndim, 1))
    n = self.shape[d] if self.ndim else 1
    if size < 0 or step <= 0 or size > n:
        raise RuntimeError(f"size is {size} but must be >= 0" if size < 0 else f"step is {step} but must be > 0"
                           if step <= 0 else f"maximum size for tensor at dimension {d} is {n} but size is {size}")
    count = (n - size) // step + 1
    from ._tensor import _wrap
    if not (self.requires_grad and O.GRAD[0]) and self.ndim and count > 0:
        a = self._data
        st = list(a.strides)
        shape = [*a.shape[:d], count, *a.shape[d + 1:], size]
        strides = [*st[:d], st[d] * step, *st[d + 1:], st[d]]
        return _wrap(np.lib.stride_tricks.as_strided(a, shape, strides))
    idx = (np.arange(count)[:, None] * step + np.arange(size)[None, :]).reshape(-1)
    r = O.index_select(self, d, _wrap(idx))
    shp = list(self.shape)
    shp[d:d + 1] = [count, size]
    return O.movedim(r.reshape(shp), d + 1, -1)


Tensor.squeeze_ = _squeeze_
Tensor.unsqueeze_ = _unsqueeze_
Tensor.t_ = _t_
Tensor.transpose_ = _transpose_
Tensor.resize_ = _resize_
Tensor.unfold = _unfold


def _heaviside(self, values):
    from ._creation import heaviside
    return heaviside(self, values)


Tensor.heaviside = _heaviside


def _where(self, condition, y):
    """``self`` where ``condition`` holds, else ``y`` (``torch.where(condition, self, y)``)."""
    return O.where(condition, self, y)


Tensor.where = _where
Tensor.apply_ = lambda self, fn: (self._data.__setitem__(..., np.vectorize(fn)(self._data)), self)[1]
Tensor.map_ = lambda self, other, fn: (self._data.__setitem__(..., np.vectorize(fn)(self._data, other._data)),
                                       self)[1]


def _fill_diagonal_(self, fill_value, wrap=False):
    """Fill the main diagonal in place (all dims equal when more than 2; ``wrap`` restarts it in tall matrices)."""
    shape = self.shape
    if self.ndim < 2:
        raise RuntimeError("dimensions must larger than 1")
    if self.ndim > 2 and len(set(shape)) != 1:
        raise RuntimeError("all dimensions of input must be of equal length")
    if self.ndim == 2:
        rows, cols = shape
        end = rows * cols if wrap else min(rows, cols) * cols
        flat = np.arange(0, end, cols + 1)
        ix = np.unravel_index(flat, shape)
    else:
        i = np.arange(shape[0])
        ix = (i,) * self.ndim
    from ._tensor import _wrap
    O.setitem(self, tuple(_wrap(k.astype(np.int64)) for k in ix), fill_value)
    return self


Tensor.fill_diagonal_ = _fill_diagonal_
