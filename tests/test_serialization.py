"""gradkit.save / gradkit.load against torch.save / torch.load, in both directions."""
from __future__ import annotations

import io
import os
import pickle
from collections import OrderedDict

import numpy as np
import pytest
import torch

import gradkit as gk

DTYPES = ["float32", "float64", "float16", "int64", "int32", "int16", "int8", "uint8", "bool"]
SHAPES = [(), (0,), (5,), (3, 4), (2, 3, 4), (2, 0, 3)]


def _np_array(rng: np.random.Generator, shape, dtype: str) -> np.ndarray:
    if dtype == "bool":
        return np.asarray(rng.random(shape) < 0.5)
    if dtype.startswith("float"):
        return np.asarray(rng.standard_normal(shape), dtype=dtype)
    info = np.iinfo(dtype)
    return np.asarray(rng.integers(max(info.min, -1000), min(info.max, 1000), size=shape, endpoint=True), dtype=dtype)


def _torch_tree_to_gk(obj):
    """The same object tree with every torch tensor replaced by a gradkit tensor holding a copy,
    views of one torch storage becoming views of one NumPy buffer."""
    bases: dict[int, np.ndarray] = {}

    def conv(o):
        if isinstance(o, torch.Tensor):
            st = o.untyped_storage()
            key = st.data_ptr()
            np_dtype = np.dtype(str(o.dtype).split(".")[1]) if o.dtype != torch.bool else np.dtype(np.bool_)
            if key not in bases:
                bases[key] = np.frombuffer(bytes(st), dtype=np_dtype).copy()
            flat = bases[key]
            it = o.element_size()
            arr = np.ndarray(tuple(o.shape), dtype=np_dtype, buffer=flat, offset=o.storage_offset() * it,
                             strides=tuple(s * it for s in o.stride()))
            t = gk.from_numpy(arr)
            if isinstance(o, torch.nn.Parameter):
                return gk.nn.Parameter(t, o.requires_grad)
            if o.requires_grad:
                t.requires_grad_(True)
            return t
        if isinstance(o, OrderedDict):
            return OrderedDict((k, conv(v)) for k, v in o.items())
        if isinstance(o, dict):
            return {k: conv(v) for k, v in o.items()}
        if isinstance(o, list):
            return [conv(v) for v in o]
        if isinstance(o, tuple) and not isinstance(o, torch.Size):
            return tuple(conv(v) for v in o)
        if isinstance(o, torch.Size):
            return gk.Size(o)
        if isinstance(o, torch.dtype):
            return getattr(gk, str(o).split(".")[1])
        return o

    return conv(obj)


def _flatten(obj, prefix="") -> list[tuple[str, object]]:
    if isinstance(obj, dict):
        out = []
        for k, v in obj.items():
            out += _flatten(v, f"{prefix}/{k}")
        return out
    if isinstance(obj, (list, tuple)) and not isinstance(obj, (torch.Size, gk.Size)):
        out = []
        for i, v in enumerate(obj):
            out += _flatten(v, f"{prefix}/{i}")
        return out
    return [(prefix, obj)]


def _assert_same(tt, gg) -> None:
    """A torch object tree and a gradkit one hold the same structure, values, layouts and sharing."""
    ft, fg = _flatten(tt), _flatten(gg)
    assert [k for k, _ in ft] == [k for k, _ in fg]
    tensors = []
    for (key, a), (_, b) in zip(ft, fg):
        if isinstance(a, torch.Tensor):
            assert isinstance(b, gk.Tensor), key
            assert str(b.dtype) == str(a.dtype), key
            assert tuple(b.shape) == tuple(a.shape), key
            np.testing.assert_array_equal(b.detach().numpy(), a.detach().numpy(), err_msg=key)
            assert b.requires_grad == a.requires_grad, key
            assert isinstance(b, gk.nn.Parameter) == isinstance(a, torch.nn.Parameter), key
            if a.numel() > 1:
                assert tuple(b.stride()) == tuple(a.stride()), key
            tensors.append((key, a, b))
        elif isinstance(a, torch.Size):
            assert type(b) is gk.Size and tuple(a) == tuple(b), key
        elif isinstance(a, torch.dtype):
            assert str(a) == str(b), key
        else:
            assert type(a) is type(b) and a == b, key
    for i, (k1, a1, b1) in enumerate(tensors):
        for k2, a2, b2 in tensors[i + 1:]:
            if a1.numel() == 0 or a2.numel() == 0:
                continue
            t_shared = a1.untyped_storage().data_ptr() == a2.untyped_storage().data_ptr()
            g_shared = np.shares_memory(b1._data, b2._data) or (
                _root(b1._data) is _root(b2._data))
            assert t_shared == g_shared, (k1, k2)


def _root(a: np.ndarray) -> np.ndarray:
    while isinstance(a.base, np.ndarray):
        a = a.base
    return a


def _torch_checkpoint(seed: int) -> dict:
    rng = np.random.default_rng(seed)
    tensors = {f"{d}_{i}": torch.from_numpy(_np_array(rng, s, d)) for d in DTYPES
               for i, s in enumerate(SHAPES) if rng.random() < 0.5 or i == 3}
    base = torch.from_numpy(rng.standard_normal((4, 6)).astype(np.float32))
    views = {"base": base, "rows": base[1:3], "col": base[:, 2], "t": base.t(), "step": base[::2, 1::2],
             "flat": base.view(24)[5:17], "scalar": base[3, 4]}
    lin = torch.nn.Linear(3, 2)
    return {
        "tensors": tensors,
        "views": views,
        "nested": [OrderedDict(a=torch.arange(3), b=(torch.ones(2), 2.5, "s")), (None, True, -7, 1e300)],
        "meta": {"size": torch.Size([2, 3]), "dtype": torch.float16, "name": "ck", "bytes": b"\x00\x01",
                 "big": 2 ** 70, "neg": -(2 ** 40), "set": {1, 2}, "cplx": 1 + 2j},
        "params": [lin.weight, torch.nn.Parameter(torch.zeros(3), requires_grad=False)],
        "leaf_grad": torch.ones(2, requires_grad=True),
        "sd": lin.state_dict(),
    }


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("protocol", [2, 4, 5])
def test_torch_file_loads_in_gradkit(seed: int, protocol: int) -> None:
    ck = _torch_checkpoint(seed)
    buf = io.BytesIO()
    torch.save(ck, buf, pickle_protocol=protocol)
    buf.seek(0)
    got = gk.load(buf)
    _assert_same(ck, got)
    assert type(got["nested"][0]) is OrderedDict
    got["views"]["base"]._data[1, 2] = 123.0
    assert got["views"]["rows"]._data[0, 2] == 123.0 and got["views"]["t"]._data[2, 1] == 123.0


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("protocol", [2, 5])
def test_gradkit_file_loads_in_torch(seed: int, protocol: int, tmp_path) -> None:
    ck = _torch_checkpoint(seed)
    ck["meta"].pop("cplx")
    g = _torch_tree_to_gk(ck)
    path = tmp_path / "ck.pt"
    gk.save(g, path, pickle_protocol=protocol)
    # torch's weights-only unpickler has no FRAME opcode, so only protocol 2 files load with it
    back = torch.load(path, weights_only=protocol == 2)
    _assert_same(back, g)
    assert back["views"]["rows"].untyped_storage().data_ptr() == back["views"]["base"].untyped_storage().data_ptr()
    assert back["views"]["flat"].storage_offset() == 5
    buf = io.BytesIO()
    gk.save(g, buf)
    buf.seek(0)
    _assert_same(back, gk.load(buf))


def test_gradkit_views_made_by_gradkit_ops_are_shared(tmp_path) -> None:
    rng = np.random.default_rng(5)
    base = gk.tensor(rng.standard_normal((5, 4)).astype(np.float32))
    obj = {"base": base, "rows": base[1:4], "t": base.t(), "col": base[:, 1], "pick": base[1:4][::2]}
    gk.save(obj, tmp_path / "v.pt")
    back = torch.load(tmp_path / "v.pt")
    ptr = back["base"].untyped_storage().data_ptr()
    for k, v in obj.items():
        np.testing.assert_array_equal(back[k].numpy(), v.numpy())
        assert back[k].untyped_storage().data_ptr() == ptr, k
    assert back["base"].untyped_storage().nbytes() == 5 * 4 * 4


def test_optimizer_state_dict_round_trip(tmp_path) -> None:
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.Tanh(), torch.nn.Linear(3, 1))
    opt = torch.optim.AdamW(model.parameters(), lr=0.05, weight_decay=0.1)
    x = torch.randn(8, 4)
    for _ in range(3):
        opt.zero_grad()
        model(x).pow(2).mean().backward()
        opt.step()
    ck = {"model": model.state_dict(), "optim": opt.state_dict(), "epoch": 3}
    torch.save(ck, tmp_path / "t.pt")
    loaded = gk.load(tmp_path / "t.pt")
    _assert_same(ck, loaded)
    assert loaded["optim"]["param_groups"][0]["params"] == [0, 1, 2, 3]

    gk.save(loaded, tmp_path / "g.pt")
    back = torch.load(tmp_path / "g.pt")
    model2 = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.Tanh(), torch.nn.Linear(3, 1))
    model2.load_state_dict(back["model"])
    opt2 = torch.optim.AdamW(model2.parameters())
    opt2.load_state_dict(back["optim"])
    for m, o in ((model, opt), (model2, opt2)):
        o.zero_grad()
        m(x).pow(2).mean().backward()
        o.step()
    for p1, p2 in zip(model.parameters(), model2.parameters()):
        torch.testing.assert_close(p1, p2, rtol=0, atol=0)


class _Custom:
    def __init__(self) -> None:
        self.v = 3


def _custom_file() -> io.BytesIO:
    buf = io.BytesIO()
    torch.save({"w": torch.ones(2), "c": _Custom()}, buf)
    buf.seek(0)
    return buf


def test_weights_only_rejects_unknown_globals() -> None:
    with pytest.raises(pickle.UnpicklingError, match=r"_Custom"):
        gk.load(_custom_file())
    with pytest.raises(pickle.UnpicklingError, match=r"_Custom"):
        gk.load(_custom_file(), weights_only=True)
    got = gk.load(_custom_file(), weights_only=False)
    assert isinstance(got["c"], _Custom) and got["c"].v == 3
    np.testing.assert_array_equal(got["w"].numpy(), np.ones(2, np.float32))
    assert gk.serialization.get_unsafe_globals_in_checkpoint(_custom_file()) == [f"{__name__}._Custom"]
    with gk.serialization.safe_globals([_Custom]):
        assert gk.load(_custom_file())["c"].v == 3
    with pytest.raises(pickle.UnpicklingError):
        gk.load(_custom_file())


class _Evil:
    def __reduce__(self):
        return (os.system, ("echo pwned",))


def test_weights_only_never_calls_code(capfd) -> None:
    buf = io.BytesIO()
    torch.save({"x": _Evil()}, buf)
    buf.seek(0)
    with pytest.raises(pickle.UnpicklingError, match="system"):
        gk.load(buf)
    buf = io.BytesIO()
    pickled = pickle.dumps({"x": _Evil()}, protocol=2)
    with pytest.raises(pickle.UnpicklingError):
        gk.serialization._WeightsUnpickler(pickled, lambda pid: None).load()
    assert "pwned" not in capfd.readouterr().out


def test_atomic_save_keeps_previous_file(tmp_path) -> None:
    path = tmp_path / "model.pt"
    first = {"w": gk.tensor(np.arange(6, dtype=np.float32).reshape(2, 3))}
    gk.save(first, path)
    before = path.read_bytes()
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        gk.save({"w": first["w"], "f": lambda: 1}, path)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["model.pt"]
    np.testing.assert_array_equal(torch.load(path)["w"].numpy(), first["w"].numpy())
    gk.save({"w": gk.tensor([1.0])}, str(path))
    assert torch.load(str(path))["w"].tolist() == [1.0]
    assert sorted(os.listdir(tmp_path)) == ["model.pt"]


def test_load_options_and_errors(tmp_path) -> None:
    ck = {"a": torch.randn(3, 2), "b": torch.arange(4)}
    path = tmp_path / "x.pt"
    torch.save(ck, path)
    for kw in ({"mmap": True}, {"map_location": "cpu"}, {"map_location": gk.device("cpu")},
               {"map_location": {"cpu": "cpu"}}, {"map_location": lambda storage, loc: storage}):
        got = gk.load(str(path), **kw)
        _assert_same(ck, got)
    with open(path, "rb") as fh:
        _assert_same(ck, gk.load(fh))
    with pytest.raises(ValueError, match="mmap"):
        gk.load(io.BytesIO(path.read_bytes()), mmap=True)
    with pytest.raises(pickle.UnpicklingError):
        gk.load(io.BytesIO(b"not a checkpoint at all"))
    with pytest.raises(FileNotFoundError):
        gk.load(tmp_path / "missing.pt")
    with pytest.raises(RuntimeError, match="cuda|CUDA"):
        gk.load(str(path), map_location="cuda:0")


def test_pickled_file_bytes_are_deterministic_except_id(tmp_path) -> None:
    t = gk.tensor(np.arange(10, dtype=np.int64))
    obj = {"x": t, "y": t[2:5]}
    a, b = io.BytesIO(), io.BytesIO()
    gk.save(obj, a)
    gk.save(obj, b)
    import zipfile
    za, zb = zipfile.ZipFile(a), zipfile.ZipFile(b)
    names = za.namelist()
    assert names == zb.namelist()
    assert {"archive/data.pkl", "archive/byteorder", "archive/version", "archive/data/0"} <= set(names)
    assert "archive/data/1" not in names
    for n in names:
        if "serialization_id" not in n:
            assert za.read(n) == zb.read(n), n
    for info in za.infolist():
        if info.filename.startswith("archive/data/"):
            a.seek(info.header_offset + 26)
            name_len, extra_len = np.frombuffer(a.read(4), dtype="<u2")
            assert (info.header_offset + 30 + name_len + extra_len) % 64 == 0


def test_unsupported_dtypes_raise_type_error() -> None:
    buf = io.BytesIO()
    torch.save({"w": torch.ones(3, dtype=torch.bfloat16)}, buf)
    buf.seek(0)
    with pytest.raises(TypeError, match="bfloat16|BFloat16"):
        gk.load(buf)


def test_gradkit_optimizer_state_dict_loads_in_torch(tmp_path) -> None:
    rng = np.random.default_rng(0)
    w0 = rng.standard_normal((3, 4)).astype(np.float32)
    gw = gk.nn.Parameter(gk.tensor(w0.copy()))
    tw = torch.nn.Parameter(torch.from_numpy(w0.copy()))
    gopt = gk.optim.Adam([gw], lr=0.05)
    grads = [rng.standard_normal((3, 4)).astype(np.float32) for _ in range(3)]
    for g in grads[:2]:
        gw.grad = gk.tensor(g)
        gopt.step()
    gk.save({"w": gw, "optim": gopt.state_dict()}, tmp_path / "o.pt")
    ck = torch.load(tmp_path / "o.pt")
    assert isinstance(ck["w"], torch.nn.Parameter)
    with torch.no_grad():
        tw.copy_(ck["w"])
    topt = torch.optim.Adam([tw], lr=0.05)
    topt.load_state_dict(ck["optim"])
    assert topt.state_dict()["state"][0]["step"].item() == 2.0
    gw.grad = gk.tensor(grads[2])
    gopt.step()
    tw.grad = torch.from_numpy(grads[2])
    topt.step()
    np.testing.assert_allclose(gw.detach().numpy(), tw.detach().numpy(), rtol=1e-5, atol=1e-6)
