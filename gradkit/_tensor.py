"""The Tensor: an ndarray plus what autograd needs, in ``__slots__``."""
from __future__ import annotations

import builtins
import copy as _copy
import warnings as _warnings
from operator import attrgetter as _attrgetter

import numpy as np

from . import _dtype as D

__all__ = ["Tensor", "Size", "device", "_wrap"]

_ndarray = np.ndarray
_NONLEAF_GRAD_MSG = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be "
    "populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf "
    "Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure "
    "you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more information. "
    "(Triggered internally at /__w/pytorch/pytorch/build/aten/src/ATen/core/TensorBody.h:493.)")
_asarray = np.asarray


class Size(tuple, metaclass=D.TorchNamed):
    """A tensor's shape: a tuple that prints as ``torch.Size([2, 3])``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"torch.Size([{', '.join(map(str, self))}])"

    __str__ = __repr__

    def numel(self) -> int:
        n = 1
        for s in self:
            n *= s
        return n

    def __getitem__(self, item):
        r = tuple.__getitem__(self, item)
        return Size(r) if isinstance(item, slice) else r

    def __add__(self, other):
        if not isinstance(other, tuple):
            raise TypeError(f"can only concatenate tuple (not {type(other).__name__}) to torch.Size")
        return Size(tuple.__add__(self, other))

    def __radd__(self, other):
        if not isinstance(other, tuple):
            return NotImplemented
        return Size(tuple.__add__(other, self))

    def __mul__(self, n):
        return Size(tuple.__mul__(self, n))

    __rmul__ = __mul__

    def __reduce__(self):
        return (Size, (tuple(self),))


class device(metaclass=D.TorchNamed):
    """Where a tensor lives. gradkit has one: ``cpu``; other types can be named but not used."""

    __slots__ = ("type", "index")

    def __init__(self, type: str | device = "cpu", index: int | None = None) -> None:  # noqa: A002
        if isinstance(type, device):
            self.type, self.index = type.type, type.index
            return
        if isinstance(type, int) and not isinstance(type, builtins.bool):
            type, index = "cuda", type
        if not isinstance(type, str):
            raise TypeError(f"device() received an invalid combination of arguments - got ({type!r})")
        if type not in ("cpu", "cuda") and not type.partition(":")[0].replace("_", "a").isalpha():
            raise RuntimeError(f"Invalid device string: '{type}'")
        if ":" in type:
            type, _, idx = type.partition(":")
            if not idx.isdigit():
                raise RuntimeError(f"Invalid device string: '{type}:{idx}'")
            index = int(idx)
        if type not in ("cpu", "cuda", "mps", "meta", "xpu"):
            raise RuntimeError(
                "Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, "
                f"xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device "
                f"string: {type}")
        self.type = type
        self.index = index

    def __repr__(self) -> str:
        return f"device(type='{self.type}')" if self.index is None else \
            f"device(type='{self.type}', index={self.index})"

    def __str__(self) -> str:
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other) -> bool:
        if isinstance(other, str):
            other = device(other)
        return isinstance(other, device) and other.type == self.type and other.index == self.index

    def __hash__(self) -> int:
        return hash((self.type, self.index))

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass


CPU = device("cpu")


def check_device(dev) -> None:
    """Accept cpu; refuse accelerators the way a CPU-only torch build does."""
    if dev is None:
        return
    if isinstance(dev, (str, int)) and not isinstance(dev, builtins.bool):
        dev = device(dev)
    if isinstance(dev, device) and dev.type != "cpu":
        if dev.type == "cuda":
            raise AssertionError("Torch not compiled with CUDA enabled")
        raise RuntimeError(f"gradkit runs on the CPU only; device '{dev}' is not available")


class Tensor(metaclass=D.TorchNamed):
    """A multi-dimensional array with autograd, mirroring ``torch.Tensor``."""

    __slots__ = ("_data", "_requires_grad", "_grad", "grad_fn", "_vc", "_base", "_accum", "_vmeta", "_views",
                 "_hooks", "_post_hooks", "_retains", "__dict__", "__weakref__")
    __array_priority__ = 1000

    def __init__(self, *args, **kwargs) -> None:
        dt = kwargs.pop("dtype", None)
        kwargs.pop("device", None)
        if kwargs:
            raise TypeError(f"Tensor() got unexpected keyword arguments {list(kwargs)}")
        if len(args) == 1 and not isinstance(args[0], (int, np.integer)):
            src = args[0]
            if isinstance(src, Tensor):
                arr = src._data
            elif isinstance(src, (Size,)):
                arr = np.empty(tuple(src), dtype=D._default[0].np)
            else:
                arr = np.array(src, dtype=D._default[0].np)
        else:
            shape = args[0] if len(args) == 1 and isinstance(args[0], (tuple, list)) else (args or (0,))
            arr = np.zeros(tuple(int(s) for s in shape), dtype=D._default[0].np)
        if dt is not None:
            arr = arr.astype(D.np_of(D.as_dtype(dt)))
        _init(self, arr, False)

    # -- metadata -------------------------------------------------------------------------
    @property
    def shape(self) -> Size:
        return Size(self._data.shape)

    def size(self, dim: int | None = None):
        """The shape, or the length of one dimension."""
        if dim is None:
            return Size(self._data.shape)
        return self._data.shape[_dim(dim, self._data.ndim)]

    @property
    def dtype(self) -> D.dtype:
        return D._BY_NP[self._data.dtype]

    @property
    def device(self) -> device:
        return CPU

    @property
    def ndim(self) -> int:
        return self._data.ndim

    def dim(self) -> int:
        return self._data.ndim

    ndimension = dim

    def numel(self) -> int:
        return self._data.size

    nelement = numel

    def element_size(self) -> int:
        return self._data.itemsize

    @property
    def itemsize(self) -> int:
        return self._data.itemsize

    @property
    def nbytes(self) -> int:
        return self._data.nbytes

    def stride(self, dim: int | None = None):
        """Strides in elements, like torch (NumPy counts bytes)."""
        it = self._data.itemsize
        st = tuple(s // it for s in self._data.strides)
        if self._data.size <= 1 or 0 in self._data.shape:
            st = _contiguous_strides(self._data.shape)
        elif 0 in st:
            shp = self._data.shape
            fixed = list(st)
            for d in range(len(st) - 1, -1, -1):
                if shp[d] == 1 and fixed[d] == 0:
                    fixed[d] = fixed[d + 1] * shp[d + 1] if d + 1 < len(st) else 1
            st = tuple(fixed)
        return st if dim is None else st[_dim(dim, self._data.ndim)]

    def is_contiguous(self, memory_format=None) -> bool:
        if memory_format is None:
            return self._data.flags.c_contiguous
        from .autograd.ops import _is_contiguous_as
        return _is_contiguous_as(self._data, memory_format)

    def data_ptr(self) -> int:
        return self._data.__array_interface__["data"][0]

    def storage_offset(self) -> int:
        """Offset, in elements, of this tensor's first element within the array it views."""
        a = root = self._data
        while True:
            b = root.base
            if not isinstance(b, np.ndarray):
                b = getattr(b, "base", None)
                if not isinstance(b, np.ndarray):
                    break
            root = b
        off = a.__array_interface__["data"][0] - root.__array_interface__["data"][0]
        return off // a.itemsize if off > 0 and a.itemsize else 0

    @property
    def is_leaf(self) -> bool:
        return self.grad_fn is None

    def _is_view(self) -> builtins.bool:
        """Whether this tensor is a view of another (``_base``)."""
        return self._base is not None

    def _set_requires_grad(self, value) -> None:
        if value.__class__ is not builtins.bool:
            raise RuntimeError("requires_grad must be a bool")
        if self.grad_fn is not None:
            raise RuntimeError(_leaf_flag_msg(value))
        if value and self._data.dtype.kind not in "fc":
            raise RuntimeError("only Tensors of floating point and complex dtype can require gradients")
        self._requires_grad = value

    def _del_requires_grad(self) -> None:
        raise RuntimeError("requires_grad must be a bool")

    requires_grad = property(_attrgetter("_requires_grad"), _set_requires_grad, _del_requires_grad,
                             "Whether gradients are recorded for this tensor; settable on leaves only.")

    def _set_grad(self, value) -> None:
        if value is not None:
            if value.__class__ is not Tensor or value is self:
                _check_grad(self, value)
            else:
                a, b = value._data, self._data
                if a.dtype is not b.dtype or a.shape != b.shape:
                    _check_grad(self, value)
        self._grad = value

    def _del_grad(self) -> None:
        self._grad = None

    def _get_grad(self):
        g = self._grad
        if g is None and self.grad_fn is not None and not self._retains:
            _warnings.warn(_NONLEAF_GRAD_MSG, UserWarning, stacklevel=2)
        return g

    grad = property(_get_grad, _set_grad, _del_grad,
                    "The gradient accumulated by ``backward()`` (None until then); assignable.")

    @property
    def is_cuda(self) -> bool:
        return False

    is_sparse = False
    is_quantized = False
    is_meta = False
    is_mps = False
    layout = "torch.strided"

    def is_floating_point(self) -> bool:
        return self._data.dtype.kind == "f"

    def is_complex(self) -> bool:
        return False

    def is_signed(self) -> bool:
        return self.dtype.is_signed

    def get_device(self) -> int:
        return -1

    @property
    def data(self) -> Tensor:
        return _wrap(self._data)

    @data.setter
    def data(self, value: Tensor) -> None:
        if not isinstance(value, Tensor):
            raise TypeError(f"data must be a Tensor, not {type(value).__name__}")
        self._data = value._data

    @property
    def retains_grad(self) -> bool:
        return self._retains

    @property
    def output_nr(self) -> int:
        return 0

    @property
    def _version(self) -> int:
        """How many times this tensor's memory has been modified in place (shared by its views)."""
        return self._vc[0]

    # -- conversion to Python / NumPy -----------------------------------------------------
    def item(self):
        """The value of a one-element tensor as a Python number."""
        if self._data.size != 1:
            raise RuntimeError(f"a Tensor with {self._data.size} elements cannot be converted to Scalar")
        return self._data.reshape(()).item()

    def tolist(self):
        return self._data.tolist()

    def numpy(self, *, force: bool = False) -> np.ndarray:
        """A NumPy array sharing the tensor's memory (a new array object each call, as torch's is)."""
        if self._requires_grad and not force:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use "
                               "tensor.detach().numpy() instead.")
        return self._data.view()

    def __array__(self, dtype=None, copy=None):
        if self._requires_grad:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        if dtype is None:
            return self._data
        return self._data.astype(dtype)

    def __len__(self) -> int:
        if self._data.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._data.shape[0]

    def __iter__(self):
        if self._data.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        return iter(self.unbind(0))

    def __bool__(self) -> bool:
        if self._data.size != 1:
            what = "no values" if self._data.size == 0 else "more than one value"
            raise RuntimeError(f"Boolean value of Tensor with {what} is ambiguous")
        return builtins.bool(self._data.reshape(()).item())

    def __float__(self) -> float:
        if self._data.size != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        return float(self.item())

    def __int__(self) -> int:
        if self._data.size != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        return int(self.item())

    def __index__(self) -> int:
        if self._data.dtype.kind not in "iub" or self._data.size != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self._data.reshape(()).item())

    def __complex__(self) -> complex:
        if self._data.size != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        return complex(self.item())

    __hash__ = object.__hash__

    def __format__(self, spec: str) -> str:
        if self._data.ndim == 0:
            return self.item().__format__(spec)
        return object.__format__(self, spec) if spec else repr(self)

    def __repr__(self, *, tensor_contents=None) -> str:
        from ._printing import tensor_repr
        suffixes = []
        if self.grad_fn is not None:
            suffixes.append(f"grad_fn=<{type(self.grad_fn).__name__}>")
        elif self.requires_grad:
            suffixes.append("requires_grad=True")
        return tensor_repr(self._data, self.dtype.name, suffixes=suffixes, default_float=D._default[0].name)

    def __str__(self) -> str:
        return self.__repr__()

    def __dir__(self):
        return sorted(set(dir(type(self))) | set(getattr(self, "__dict__", {})))

    # -- copying / pickling ---------------------------------------------------------------
    def __deepcopy__(self, memo):
        if not self.is_leaf:
            raise RuntimeError("Only Tensors created explicitly by the user (graph leaves) support the "
                               "deepcopy protocol at the moment.  If you were attempting to deepcopy a "
                               "module, this may be because of a torch.nn.utils.weight_norm usage, see "
                               "https://github.com/pytorch/pytorch/pull/103001")
        if id(self) in memo:
            return memo[id(self)]
        new = type(self).__new__(type(self))
        _init(new, self._data.copy(), self.requires_grad)
        if self.grad is not None:
            new.grad = _copy.deepcopy(self.grad, memo)
        d = getattr(self, "__dict__", None)
        if d:
            new.__dict__.update(_copy.deepcopy(d, memo))
        memo[id(self)] = new
        return new

    def __reduce_ex__(self, proto):
        return (_rebuild, (type(self), self._data, self.requires_grad, dict(getattr(self, "__dict__", {}))))

    # -- autograd entry points ------------------------------------------------------------
    def backward(self, gradient=None, retain_graph=None, create_graph: builtins.bool = False,
                 inputs=None) -> None:
        """Compute the gradient of this tensor w.r.t. graph leaves, accumulating into ``.grad``."""
        fn = self.grad_fn
        if (gradient is None and not retain_graph and not create_graph and inputs is None and fn is not None
                and self._data.size == 1 and self._data.dtype.kind == "f"):
            seed = np.array(1, self._data.dtype)
            ENGINE[0]((fn,), (_wrap(seed if self._data.ndim == 0 else seed.reshape(self._data.shape)),), False, False)
            return
        from .autograd import backward
        backward(self, gradient, retain_graph, create_graph, inputs=inputs)

    def register_hook(self, hook):
        """Call ``hook(grad)`` when this tensor's gradient is computed; it may return a new grad."""
        if not self.requires_grad:
            raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
        from .utils.hooks import RemovableHandle
        if self.grad_fn is not None:
            node = self.grad_fn
            if node.pre_hooks is None:
                node.pre_hooks = {}
            h = RemovableHandle(node.pre_hooks)
            node.pre_hooks[h.id] = hook
            return h
        if self._hooks is None:
            self._hooks = {}
        h = RemovableHandle(self._hooks)
        self._hooks[h.id] = hook
        return h

    def register_post_accumulate_grad_hook(self, hook):
        """Call ``hook(tensor)`` after a gradient has been accumulated into this leaf's ``.grad``."""
        if self.grad_fn is not None:
            raise RuntimeError("post accumulate grad hooks cannot be registered on non-leaf tensors")
        from .utils.hooks import RemovableHandle
        if self._post_hooks is None:
            self._post_hooks = {}
        h = RemovableHandle(self._post_hooks)
        self._post_hooks[h.id] = hook
        return h

    def retain_grad(self) -> None:
        """Keep ``.grad`` for this non-leaf tensor after backward."""
        if not self.requires_grad:
            raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
        if self.grad_fn is None or self._retains:
            return
        self._retains = True
        me = self

        def _retain(g):
            if me.grad is None:
                me.grad = g.detach()._detached_copy() if not g.requires_grad else g
            else:
                me.grad = me.grad + g
        node = self.grad_fn
        if node.pre_hooks is None:
            node.pre_hooks = {}
        node.pre_hooks["retain"] = _retain

    def requires_grad_(self, requires_grad: builtins.bool = True) -> Tensor:
        """Set ``requires_grad`` in place (a non-leaf can only be switched on, which it already is)."""
        if requires_grad.__class__ is not builtins.bool:
            raise TypeError(f"requires_grad_(): argument 'requires_grad' (position 1) must be bool, not "
                            f"{type(requires_grad).__name__}")
        if self.grad_fn is not None:
            if not requires_grad:
                raise RuntimeError(_leaf_flag_msg(False))
            return self
        if requires_grad and self._data.dtype.kind not in "fc":
            raise RuntimeError("only Tensors of floating point dtype can require gradients")
        self._requires_grad = requires_grad
        return self

    def detach(self) -> Tensor:
        """A tensor sharing this one's data (and version counter), cut from the graph."""
        t = _wrap(self._data)
        t._vc = self._vc
        return t

    def detach_(self) -> Tensor:
        """Cut this tensor from the graph in place (views cannot be)."""
        if self._base is not None:
            raise RuntimeError("Can't detach views in-place. Use detach() instead. If you are using "
                               "DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as "
                               "True, gradients are views of DDP buckets, and hence detach_() cannot be called on "
                               "these gradients. To fix this error, please refer to the Optimizer.zero_grad() "
                               "function in torch/optim/optimizer.py as the solution.")
        self.grad_fn = None
        self._requires_grad = False
        self._accum = None
        return self

    def _detached_copy(self) -> Tensor:
        return _wrap(self._data.copy())

    # -- device / dtype -------------------------------------------------------------------
    def cpu(self, memory_format=None) -> Tensor:
        return self

    def cuda(self, device=None, non_blocking: builtins.bool = False, memory_format=None) -> Tensor:
        raise AssertionError("Torch not compiled with CUDA enabled")

    def to(self, *args, **kwargs) -> Tensor:
        """Convert dtype and/or device: ``to(dtype)``, ``to(device)``, ``to(other)``, ``to(device, dtype)``."""
        dt = kwargs.pop("dtype", None)
        dev = kwargs.pop("device", None)
        copy = kwargs.pop("copy", False)
        kwargs.pop("non_blocking", None)
        fmt = kwargs.pop("memory_format", None)
        if fmt is not None and getattr(fmt, "name", "preserve_format") != "preserve_format":
            r = self.to(*args, copy=copy, dtype=dt, device=dev, **kwargs)
            from .autograd.ops import _channels_last_rank, _suggest_format
            _channels_last_rank(r._data, fmt)
            if r is self:
                return r if _suggest_format(r._data) == fmt.name else r.clone(memory_format=fmt)
            r._data = r.clone(memory_format=fmt)._data if fmt.name != "contiguous_format" \
                else np.ascontiguousarray(r._data)
            return r
        if kwargs:
            raise TypeError(f"to() received an invalid combination of arguments - got {list(kwargs)}")
        for a in args:
            if isinstance(a, D.dtype):
                dt = a
            elif isinstance(a, Tensor):
                dt = a.dtype
            elif isinstance(a, (str, device, int)) and not isinstance(a, builtins.bool):
                dev = a
            elif isinstance(a, builtins.bool):
                pass
            elif a is not None:
                dt = D.as_dtype(a)
        check_device(dev)
        if dt is None or D.as_dtype(dt).np == self._data.dtype:
            return self.clone() if copy else self
        return self._to_dtype(D.as_dtype(dt))

    def type(self, dtype=None, non_blocking: builtins.bool = False):
        """Without arguments the type name (``'torch.FloatTensor'``); otherwise a conversion."""
        if dtype is None:
            return _TYPE_NAMES[self.dtype.name]
        if isinstance(dtype, str):
            if dtype not in _TYPE_FROM_NAME:
                raise ValueError(f"invalid type: '{dtype}'")
            dtype = _TYPE_FROM_NAME[dtype]
        dtype = getattr(dtype, "_dtype", dtype)
        return self.to(D.as_dtype(dtype))

    def type_as(self, other: Tensor) -> Tensor:
        return self.to(other.dtype)

    def float(self, memory_format=None) -> Tensor:
        return self.to(D.float32)

    def double(self, memory_format=None) -> Tensor:
        return self.to(D.float64)

    def half(self, memory_format=None) -> Tensor:
        return self.to(D.float16)

    def long(self, memory_format=None) -> Tensor:
        return self.to(D.int64)

    def int(self, memory_format=None) -> Tensor:
        return self.to(D.int32)

    def short(self, memory_format=None) -> Tensor:
        return self.to(D.int16)

    def char(self, memory_format=None) -> Tensor:
        return self.to(D.int8)

    def byte(self, memory_format=None) -> Tensor:
        return self.to(D.uint8)

    def bool(self, memory_format=None) -> Tensor:
        return self.to(D.bool)

    def pin_memory(self) -> Tensor:
        return self

    def share_memory_(self) -> Tensor:
        """Move the data into memory shared with processes forked afterwards (an anonymous shared mapping), so
        that in-place updates made there are seen here; views taken before the call keep the old memory."""
        a = self._data
        if not _in_shared_memory(a):
            import mmap
            arr = np.frombuffer(mmap.mmap(-1, max(a.nbytes, 1)), dtype=a.dtype, count=a.size).reshape(a.shape)
            arr[...] = a
            self._data = arr
        return self

    def is_shared(self) -> builtins.bool:
        """Whether the data lives in shared memory (after ``share_memory_``)."""
        return _in_shared_memory(self._data)

    def is_pinned(self) -> builtins.bool:
        return False

    # -- new_* constructors ---------------------------------------------------------------
    def _new(self, arr, dtype, requires_grad) -> Tensor:
        dt = D.np_of(D.as_dtype(dtype)) if dtype is not None else self._data.dtype
        t = _wrap(np.asarray(arr, dtype=dt))
        if requires_grad:
            t.requires_grad_(True)
        return t

    def new_zeros(self, *size, dtype=None, device=None, requires_grad=False, **kw) -> Tensor:
        return self._new(np.zeros(_size_arg(size)), dtype, requires_grad)

    def new_ones(self, *size, dtype=None, device=None, requires_grad=False, **kw) -> Tensor:
        return self._new(np.ones(_size_arg(size)), dtype, requires_grad)

    def new_empty(self, *size, dtype=None, device=None, requires_grad=False, **kw) -> Tensor:
        return self._new(np.zeros(_size_arg(size)), dtype, requires_grad)

    def new_full(self, size, fill_value, *, dtype=None, device=None, requires_grad=False, **kw) -> Tensor:
        return self._new(np.full(_size_arg((size,)), fill_value), dtype, requires_grad)

    def new_tensor(self, data, dtype=None, device=None, requires_grad=False) -> Tensor:
        if isinstance(data, Tensor):
            data = data._data
        return self._new(np.array(data), dtype, requires_grad)


_TYPE_NAMES = {"float32": "torch.FloatTensor", "float64": "torch.DoubleTensor", "float16": "torch.HalfTensor",
               "bfloat16": "torch.BFloat16Tensor", "int64": "torch.LongTensor", "int32": "torch.IntTensor",
               "int16": "torch.ShortTensor", "int8": "torch.CharTensor", "uint8": "torch.ByteTensor",
               "bool": "torch.BoolTensor"}
_TYPE_FROM_NAME = {v: D._BY_NAME[k] for k, v in _TYPE_NAMES.items()}


def typename(obj) -> str:
    """torch.typename: ``'torch.FloatTensor'`` for tensors, the qualified class name otherwise."""
    if isinstance(obj, Tensor):
        return obj.type()
    module = getattr(obj, "__module__", "") or ""
    if hasattr(obj, "__qualname__"):
        qualname = obj.__qualname__
    elif hasattr(obj, "__name__"):
        qualname = obj.__name__
    else:
        module = obj.__class__.__module__ or ""
        qualname = obj.__class__.__qualname__
    if module in ("", "builtins"):
        return qualname
    if module.startswith("gradkit") and not isinstance(obj, type):
        import gradkit
        name = getattr(obj, "__name__", "")
        if getattr(gradkit, name, None) is obj:
            return f"torch._VariableFunctionsClass.{name}"
        if module == "gradkit.nn.functional":
            return f"torch.nn.functional.{qualname}"
    if module.startswith("gradkit"):
        module = "torch" + module[7:]
    return f"{module}.{qualname}"


def _contiguous_strides(shape) -> tuple:
    st = []
    acc = 1
    for s in reversed(shape):
        st.append(acc)
        acc *= max(s, 1)
    return tuple(reversed(st))


def _dim(d: int, ndim: int) -> int:
    """Wrap a possibly negative dimension index, raising torch's IndexError when out of range."""
    n = ndim if ndim > 0 else 1
    if not -n <= d < n:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], but got {d})")
    return d + n if d < 0 else d


def _size_kw(f):
    """Let a ``f(*size, ...)`` factory also be called as ``f(size=(2, 3), ...)``, as torch's are."""
    def g(*size, **kw):
        if "size" in kw:
            if size:
                raise TypeError(f"{f.__name__}() got multiple values for argument 'size'")
            size = (kw.pop("size"),)
        return f(*size, **kw)
    g.__name__, g.__qualname__, g.__doc__, g.__wrapped__ = f.__name__, f.__qualname__, f.__doc__, f
    g.__module__ = f.__module__
    return g


def _size_error(i: int, s, fn: str) -> TypeError:
    """torch's argument-parser message for a non-int entry ``s`` at index ``i`` of a size."""
    t = type(s).__name__
    if i == 0:
        return TypeError(f"{fn}(): argument 'size' (position 1) must be tuple of ints, but found element of type "
                         f"{t} at pos 0")
    return TypeError(f"{fn}(): argument 'size' failed to unpack the object at pos {i + 1} with error \"type must be "
                     f"tuple of ints,but got {t}\"")


def _size_arg(size, fn: str = "empty") -> tuple:
    """Accept ``f(2, 3)``, ``f((2, 3))``, ``f([2, 3])`` and ``f(torch.Size([2, 3]))``."""
    single = len(size) == 1
    if single and isinstance(size[0], (tuple, list)):
        size = size[0]
        single = False
    out = []
    for i, s in enumerate(size):
        if isinstance(s, Tensor):
            s = s.item() if s._data.dtype.kind in "iu" and s._data.ndim == 0 else s
        if not isinstance(s, (int, np.integer)) or isinstance(s, builtins.bool):
            if single:
                raise TypeError(f"{fn}(): argument 'size' (position 1) must be tuple of ints, not {type(s).__name__}")
            raise _size_error(i, s, fn)
        if s < 0:
            raise RuntimeError(f"Trying to create tensor with negative dimension {s}: {list(size)}")
        out.append(int(s))
    return tuple(out)


def _leaf_flag_msg(requires_grad) -> str:
    if requires_grad:
        return "you can only change requires_grad flags of leaf variables."
    return ("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in "
            "a subgraph that doesn't require differentiation use var_no_grad = var.detach().")


_CPP_NAMES = {"float32": "float", "float64": "double", "float16": "c10::Half", "bfloat16": "c10::BFloat16",
              "int64": "long int", "int32": "int", "int16": "short int", "int8": "signed char",
              "uint8": "unsigned char", "bool": "bool"}
_SCALAR_NAMES = {"float32": "Float", "float64": "Double", "float16": "Half", "bfloat16": "BFloat16", "int64": "Long",
                 "int32": "Int", "int16": "Short", "int8": "Char", "uint8": "Byte", "bool": "Bool"}


def _check_grad(t: Tensor, g) -> None:
    """torch's checks on ``t.grad = g``."""
    if not isinstance(g, Tensor):
        raise TypeError(f"assigned grad expected to be a Tensor or None but got grad of type {_pytype(g)}")
    if g is t:
        raise RuntimeError("can't assign Variable as its own grad")
    a, b = g._data, t._data
    if a.dtype != b.dtype:
        raise RuntimeError(f"attempting to assign a gradient with dtype '{_CPP_NAMES[D._BY_NP[a.dtype].name]}' to a "
                           f"tensor with grad_dtype '{_SCALAR_NAMES[D._BY_NP[b.dtype].name]}'. The gradient must "
                           "match the tensor's grad_dtype (defaults to the tensor's dtype). You can set the tensor's "
                           "grad_dtype attribute with a specific dtype, or None to allow any dtype. Set grad_dtype "
                           "with caution. Diverging the dtypes of a tensor and its gradient may break downstream "
                           "systems that assume they match.")
    if a.shape != b.shape:
        raise RuntimeError(f"attempting to assign a gradient of size '{list(a.shape)}' to a tensor of size "
                           f"'{list(b.shape)}'. Please ensure that the gradient and the tensor are the same size")


def _pytype(x) -> str:
    c = type(x)
    return c.__qualname__ if c.__module__ == "builtins" else f"{c.__module__}.{c.__qualname__}"


def _init(t: Tensor, arr: np.ndarray, requires_grad: builtins.bool) -> None:
    t._data = arr
    t._requires_grad = requires_grad
    t._grad = None
    t.grad_fn = None
    t._vc = [0]
    t._base = None
    t._accum = None
    t._hooks = None
    t._post_hooks = None
    t._retains = False


_new = object.__new__
# The backward engine, filled in by ``gradkit.autograd`` (which this layer cannot import at load time).
ENGINE: list = [None]


def _in_shared_memory(a: np.ndarray) -> builtins.bool:
    """True when ``a`` views a shared mapping made by ``share_memory_``."""
    while isinstance(a, np.ndarray):
        a = a.base
    if isinstance(a, memoryview):
        a = a.obj
    return a is not None and type(a).__name__ == "mmap"


def _wrap(arr, requires_grad: builtins.bool = False) -> Tensor:
    """A new Tensor around ``arr`` (no copy). 0-d results of NumPy become 0-d arrays."""
    if arr.__class__ is not _ndarray:
        arr = _asarray(arr)
    t = _new(Tensor)
    t._data = arr
    t._requires_grad = requires_grad
    t._grad = None
    t.grad_fn = None
    t._vc = [0]
    t._base = None
    t._accum = None
    t._hooks = None
    t._post_hooks = None
    t._retains = False
    return t


def _rebuild(cls, arr, requires_grad, d):
    t = _new(cls)
    _init(t, arr, requires_grad)
    if d:
        t.__dict__.update(d)
    return t
