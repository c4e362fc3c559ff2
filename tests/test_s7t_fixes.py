"""Parity tests for the tensor-internals fixes of session 7 (storages, set_, tensor(storage))."""
from __future__ import annotations

import warnings

import numpy as np
import pytest
from _parity import assert_close

import gradkit

torch = pytest.importorskip("torch")

warnings.filterwarnings("ignore", message="TypedStorage is deprecated")

DTYPES = ["float32", "float64", "int64", "int16"]


def _both(arr: np.ndarray):
    return torch.tensor(arr), gradkit.tensor(arr)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("index", [0, 3, -1, slice(1, 4)])
def test_typed_storage_setitem_writes_through(dtype, index):
    rng = np.random.default_rng(0)
    arr = (rng.standard_normal(6) * 10).astype(dtype).reshape(2, 3)
    outs = []
    for t in _both(arr):
        st = t.storage()
        st[index] = 7
        outs.append((t, st.tolist(), len(st)))
    assert_close(outs[0][0], outs[1][0])
    assert outs[0][1] == outs[1][1] and outs[0][2] == outs[1][2]


@pytest.mark.parametrize("dtype", ["float32", "int16", "uint8"])
def test_untyped_storage_fill_setitem_slice(dtype):
    arr = np.arange(5).astype(dtype)
    res = []
    for t in _both(arr):
        u = t.untyped_storage()
        u[1] = 9
        part = u[2:6]
        res.append((u.tolist(), part.tolist(), len(part), t.tolist()))
        u.fill_(3)
        res.append((t.tolist(), u.tolist()))
    assert res[:2] == res[2:]


@pytest.mark.parametrize("offset,size,stride", [(0, None, None), (2, (2, 2), (2, 1)), (1, (3,), (2,)),
                                                 (0, (2, 3), (1, 2)), (5, (1,), None), (1, (2, 2), (1, 3))])
@pytest.mark.parametrize("kind", ["typed", "untyped"])
def test_set_storage_grid(offset, size, stride, kind):
    arr = np.random.default_rng(1).standard_normal(8).astype(np.float32)
    res = []
    for mod, base in zip((torch, gradkit), _both(arr)):
        st = base.storage() if kind == "typed" else base.untyped_storage()
        t = mod.empty(0)
        if size is None:
            t.set_(st)
        else:
            t.set_(st, offset, size, stride) if stride is not None else t.set_(st, offset, size)
        res.append((t.clone(), t.storage_offset(), t.stride(), t.is_contiguous()))
        t.mul_(2)
        res.append(base.clone())
    assert_close(res[0][0], res[2][0])
    assert res[0][1:] == res[2][1:]
    assert_close(res[1], res[3])


@pytest.mark.parametrize("shape", [(6,), (2, 3), (3, 1)])
def test_set_tensor_and_empty(shape):
    arr = np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape)
    res = []
    for mod, a in zip((torch, gradkit), _both(arr)):
        b = mod.zeros(4, dtype=mod.float64)
        b.set_(a.t() if len(shape) == 2 else a)
        b.add_(1)
        c = mod.ones(3, dtype=mod.float64).set_()
        res.append((a.clone(), b.stride(), b.is_set_to(a.t() if len(shape) == 2 else a), tuple(c.shape)))
    assert_close(res[0][0], res[1][0])
    assert res[0][1:] == res[1][1:]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("kind", ["typed", "untyped"])
def test_tensor_from_storage(dtype, kind):
    arr = np.arange(8).astype(dtype).reshape(4, 2)
    res = []
    for t in _both(arr):
        mod = torch if isinstance(t, torch.Tensor) else gradkit
        st = t.storage() if kind == "typed" else t.untyped_storage()
        try:
            x = mod.tensor(st)
        except RuntimeError as e:
            res.append(str(e))
            continue
        res.append((x.clone(), x.data_ptr() == t.data_ptr()))
    if isinstance(res[0], str):
        assert res[0] == res[1]
    else:
        assert_close(res[0][0], res[1][0])
        assert res[0][1] == res[1][1]


@pytest.mark.parametrize("size,stride", [((2, 3), (1, 2)), ((2, 3), (3, 1)), ((4,), (2,)), ((2, 3, 4), (1, 2, 6)),
                                         ((3, 2), (0, 1)), ((1, 5), (9, 1))])
@pytest.mark.parametrize("dtype", ["float32", "int64"])
def test_empty_strided_strides(size, stride, dtype):
    a = torch.empty_strided(size, stride, dtype=getattr(torch, dtype))
    b = gradkit.empty_strided(size, stride, dtype=getattr(gradkit, dtype))
    assert a.stride() == b.stride() and tuple(a.shape) == tuple(b.shape) and repr(b.dtype) == str(a.dtype)
    assert a.is_contiguous() == b.is_contiguous()
    if 0 in stride:
        return
    src = np.arange(int(np.prod(size)), dtype=dtype).reshape(size)
    assert_close(a.copy_(torch.tensor(src)), b.copy_(gradkit.tensor(src)))


def test_empty_strided_rank_mismatch():
    msgs = []
    for mod in (torch, gradkit):
        with pytest.raises(RuntimeError) as e:
            mod.empty_strided((2, 3), (1,))
        msgs.append(str(e.value))
    assert msgs[0] == msgs[1]


@pytest.mark.parametrize("args", [(), (0,), (3,), (2, 3), ((2, 1),), ([1.0, 2.0],)])
def test_legacy_tensor_constructor_shapes(args):
    a, b = torch.Tensor(*args), gradkit.Tensor(*args)
    assert tuple(a.shape) == tuple(b.shape) and str(a.dtype) == repr(b.dtype)


@pytest.mark.parametrize("shape", [(5,), (3, 4), (2, 3, 4), (1, 6)])
@pytest.mark.parametrize("fn", ["nonzero", "argwhere"])
def test_nonzero_layout(shape, fn):
    arr = np.random.default_rng(2).standard_normal(shape) > 0
    a, b = getattr(torch, fn)(torch.tensor(arr)), getattr(gradkit, fn)(gradkit.tensor(arr))
    assert_close(a, b)
    assert a.stride() == b.stride() and a.is_contiguous() == b.is_contiguous()
    assert_close(a.contiguous().view(-1), b.contiguous().view(-1))


@pytest.mark.parametrize("call", ["max", "sort", "topk", "aminmax", "frexp", "slogdet", "eigh"])
def test_return_type_attributes(call):
    arr = np.random.default_rng(3).standard_normal((3, 3))
    arr = arr @ arr.T + np.eye(3)
    res = []
    for mod in (torch, gradkit):
        x = mod.tensor(arr)
        r = {"max": lambda: x.max(0), "sort": lambda: x.sort(1), "topk": lambda: x.topk(2),
             "aminmax": lambda: mod.aminmax(x), "frexp": lambda: mod.frexp(x),
             "slogdet": lambda: mod.linalg.slogdet(x), "eigh": lambda: mod.linalg.eigh(x)}[call]()
        res.append((r, repr(type(r)), hasattr(r, "_fields"), r.n_fields, r.n_sequence_fields,
                    r.n_unnamed_fields, isinstance(r, tuple), len(r)))
    assert res[0][1:] == res[1][1:]
    assert_close(tuple(res[0][0])[:1], tuple(res[1][0])[:1], rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("call", ["max", "sort", "aminmax", "frexp", "slogdet"])
def test_return_type_pickles(call):
    import pickle
    arr = np.random.default_rng(4).standard_normal((3, 3)) + 3 * np.eye(3)
    res = []
    for mod in (torch, gradkit):
        x = mod.tensor(arr)
        r = {"max": lambda: x.max(0), "sort": lambda: x.sort(1), "aminmax": lambda: mod.aminmax(x),
             "frexp": lambda: mod.frexp(x), "slogdet": lambda: mod.linalg.slogdet(x)}[call]()
        back = pickle.loads(pickle.dumps(r))
        res.append((back, type(back).__name__, repr(back).split("(")[0]))
    assert res[0][1:] == res[1][1:]
    assert_close(tuple(res[0][0]), tuple(res[1][0]), rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("perm", [(1, 0, 2), (2, 0, 1), (2, 1, 0), (0, 2, 1)])
@pytest.mark.parametrize("dtype", ["float32", "int64"])
def test_storage_lists_memory_order(perm, dtype):
    arr = np.arange(24).astype(dtype).reshape(2, 3, 4)
    res = []
    for t in _both(arr):
        c = t.permute(*perm).clone()
        st = c.storage()
        before = (st.tolist(), c.untyped_storage().tolist(), c.stride())
        st[5] = -7
        c.untyped_storage()[0] = 1
        res.append((c, before, c.storage().tolist()))
    assert_close(res[0][0], res[1][0])
    assert res[0][1:] == res[1][1:]


@pytest.mark.parametrize("order", ["C", "F"])
def test_storage_of_numpy_layouts(order):
    a = np.asarray(np.arange(12.0).reshape(3, 4), order=order)
    res = []
    for mod in (torch, gradkit):
        t = mod.from_numpy(a.copy(order=order))
        st = t.storage()
        res.append((st.tolist(), t.stride(), len(t.untyped_storage())))
        u = mod.empty(0, dtype=mod.float64).set_(st, 1, (2, 2), (1, 3))
        res.append((u.tolist(), u.stride()))
    assert res[:2] == res[2:]


@pytest.mark.parametrize("perm", [(2, 0, 1), (1, 2, 0), (0, 2, 1)])
def test_save_permuted_clone_keeps_layout_and_sharing(perm):
    import io
    arr = np.random.default_rng(5).standard_normal((2, 3, 4)).astype(np.float32)
    got = []
    for saver in (torch, gradkit):
        p = saver.tensor(arr).permute(*perm).clone()
        buf = io.BytesIO()
        saver.save((p, p.permute(1, 2, 0)[:, 1:]), buf)
        for loader in (torch, gradkit):
            buf.seek(0)
            a, b = loader.load(buf)
            got.append((a.stride(), b.stride(), b.storage_offset(), a.is_contiguous(),
                        a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr(), a.tolist(), b.tolist()))
    assert all(g == got[0] for g in got)


@pytest.mark.parametrize("start,new", [(0, (2, 2)), (2, (3,)), (4, (2, 3)), (1, (1,)), (0, (12,)), (3, (3, 3))])
def test_resize_shrink_keeps_storage(start, new):
    arr = np.arange(12, dtype=np.float32)
    res = []
    for mod in (torch, gradkit):
        base = mod.tensor(arr)
        x = base[start:]
        x.resize_(*new)
        keep = (tuple(x.shape), x.stride(), x.storage_offset(), x.untyped_storage().nbytes())
        if x.numel() and start + x.numel() <= 12:
            x.fill_(-1)
        res.append((base.clone(), keep))
    assert_close(res[0][0], res[1][0])
    assert res[0][1] == res[1][1]


@pytest.mark.parametrize("perm", [(1, 0), (0, 1)])
def test_resize_same_shape_is_noop(perm):
    res = []
    for mod in (torch, gradkit):
        z = mod.arange(6.0).view(2, 3).permute(*perm)
        z.resize_(*z.shape)
        res.append((z.stride(), z.is_contiguous(), z.tolist()))
    assert res[0] == res[1]
