"""gradkit.utils.safetensors against safetensors.torch, in both directions."""
from __future__ import annotations

import os

import numpy as np
import pytest
import torch
from safetensors import torch as st_torch

import gradkit as gk
from gradkit.utils import safetensors as gst

DTYPES = ["float32", "float64", "float16", "int64", "int32", "int16", "int8", "uint8", "bool"]
SHAPES = [(), (0,), (7,), (3, 5), (2, 3, 4), (4, 0, 2)]


def _arrays(seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    out = {}
    for d in DTYPES:
        for i, s in enumerate(SHAPES):
            if d == "bool":
                a = rng.random(s) < 0.5
            elif d.startswith("float"):
                a = rng.standard_normal(s)
            else:
                info = np.iinfo(d)
                a = rng.integers(max(info.min, -500), min(info.max, 500), size=s, endpoint=True)
            out[f"layer.{d}.{i}"] = np.asarray(a, dtype=d)
    return out


def _check(torch_dict: dict, gk_dict: dict) -> None:
    assert sorted(torch_dict) == sorted(gk_dict)
    for k, t in torch_dict.items():
        g = gk_dict[k]
        assert isinstance(g, gk.Tensor)
        assert str(g.dtype) == str(t.dtype), k
        assert tuple(g.shape) == tuple(t.shape), k
        np.testing.assert_array_equal(g.numpy(), t.numpy(), err_msg=k)


@pytest.mark.parametrize("seed", [0, 1])
def test_gradkit_to_torch(seed: int, tmp_path) -> None:
    arrays = _arrays(seed)
    tensors = {k: gk.tensor(a) for k, a in arrays.items()}
    path = tmp_path / "m.safetensors"
    gst.save_file(tensors, path, metadata={"format": "pt", "seed": str(seed)})
    back = st_torch.load_file(str(path))
    _check(back, tensors)
    _check(st_torch.load(gst.save(tensors)), tensors)
    with gst.safe_open(path) as f:
        assert f.metadata() == {"format": "pt", "seed": str(seed)}
        assert sorted(f.keys()) == sorted(arrays)
    assert os.listdir(tmp_path) == ["m.safetensors"]


@pytest.mark.parametrize("seed", [0, 1])
def test_torch_to_gradkit(seed: int, tmp_path) -> None:
    tensors = {k: torch.from_numpy(a) for k, a in _arrays(seed).items()}
    path = tmp_path / "t.safetensors"
    st_torch.save_file(tensors, str(path))
    got = gst.load_file(path)
    _check(tensors, got)
    got_b = gst.load(st_torch.save(tensors))
    _check(tensors, got_b)
    for g in (*got.values(), *got_b.values()):
        g._data[...] = g._data
        assert g._data.flags.writeable


def test_model_state_dict_round_trip(tmp_path) -> None:
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(5, 4), torch.nn.BatchNorm1d(4))
    st_torch.save_file(model.state_dict(), str(tmp_path / "a.safetensors"))
    loaded = gst.load_file(tmp_path / "a.safetensors")
    gst.save_file(loaded, tmp_path / "b.safetensors")
    model2 = torch.nn.Sequential(torch.nn.Linear(5, 4), torch.nn.BatchNorm1d(4))
    model2.load_state_dict(st_torch.load_file(str(tmp_path / "b.safetensors")))
    for (k1, v1), (k2, v2) in zip(model.state_dict().items(), model2.state_dict().items()):
        assert k1 == k2
        torch.testing.assert_close(v1, v2, rtol=0, atol=0)


def test_errors_match_safetensors_torch(tmp_path) -> None:
    base_np = np.arange(12, dtype=np.float32).reshape(3, 4)
    base_t, base_g = torch.from_numpy(base_np.copy()), gk.tensor(base_np)
    cases = [
        ({"a": base_t[0:2], "b": base_t[1:3]}, {"a": base_g[0:2], "b": base_g[1:3]}, RuntimeError),
        ({"a": base_t.t()}, {"a": base_g.t()}, ValueError),
        ({"a": 1.0}, {"a": 1.0}, ValueError),
        ([base_t], [base_g], ValueError),
    ]
    for tdict, gdict, exc in cases:
        with pytest.raises(exc):
            st_torch.save(tdict)
        with pytest.raises(exc):
            gst.save(gdict)
    ok_t = {"a": base_t[0:1], "b": base_t[1:3]}
    ok_g = {"a": base_g[0:1], "b": base_g[1:3]}
    _check(st_torch.load(st_torch.save(ok_t)), gst.load(gst.save(ok_g)))
    st_torch.save_file({"x": torch.ones(2, dtype=torch.bfloat16)}, str(tmp_path / "bf.safetensors"))
    with pytest.raises(TypeError, match="BF16"):
        gst.load_file(tmp_path / "bf.safetensors")


def test_save_file_is_atomic(tmp_path) -> None:
    path = tmp_path / "w.safetensors"
    gst.save_file({"w": gk.tensor(np.ones(3, np.float32))}, path)
    before = path.read_bytes()
    with pytest.raises(ValueError):
        gst.save_file({"w": gk.tensor(np.zeros(3, np.float32)), "bad": "not a tensor"}, path)
    with pytest.raises(TypeError):
        gst.save_file({"w": gk.tensor(np.zeros(3, np.float32))}, path, metadata={"n": 1})
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["w.safetensors"]
    gst.save_file({"w": gk.tensor(np.zeros(3, np.float32))}, str(path))
    np.testing.assert_array_equal(st_torch.load_file(str(path))["w"].numpy(), np.zeros(3, np.float32))
