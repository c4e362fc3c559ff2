"""default_collate / default_convert against torch's on generated samples."""
from __future__ import annotations

import collections

import numpy as np
import pytest
import torch
from torch.utils.data import default_collate as t_collate
from torch.utils.data import default_convert as t_convert

import gradkit as gk
from gradkit.utils.data import default_collate, default_convert

from .._common import assert_tree_equal

Point = collections.namedtuple("Point", ["x", "y"])


def _make(seed: int, kind: str, lib: str):
    """Sample ``seed`` of a batch of kind ``kind``, built with torch or gradkit tensors."""
    rng = np.random.default_rng(seed)
    T = (lambda a: torch.from_numpy(a.copy())) if lib == "torch" else (lambda a: gk.tensor(a.copy()))
    if kind == "tensor":
        return T(rng.standard_normal((2, 3)).astype(np.float32))
    if kind == "int_tensor":
        return T(rng.integers(-5, 5, size=(4,)))
    if kind == "bool_tensor":
        return T(rng.random(3) < 0.5)
    if kind == "scalar_tensor":
        return T(np.asarray(rng.standard_normal(), dtype=np.float64))
    if kind == "ndarray":
        return rng.standard_normal((3,)).astype(np.float32)
    if kind == "np_scalar":
        return np.float32(rng.standard_normal())
    if kind == "np_int":
        return np.int16(rng.integers(0, 100))
    if kind == "float":
        return float(rng.standard_normal())
    if kind == "int":
        return int(rng.integers(-100, 100))
    if kind == "bool":
        return bool(rng.random() < 0.5)
    if kind == "str":
        return f"s{seed}"
    if kind == "bytes":
        return f"b{seed}".encode()
    if kind == "dict":
        return {"img": T(rng.standard_normal((2, 2)).astype(np.float32)), "label": int(rng.integers(10)),
                "name": f"n{seed}", "w": float(rng.random())}
    if kind == "ordered":
        return collections.OrderedDict(b=T(rng.integers(0, 3, size=(2,))), a=float(rng.random()))
    if kind == "namedtuple":
        return Point(T(rng.standard_normal(2).astype(np.float32)), int(rng.integers(5)))
    if kind == "tuple":
        return (T(rng.standard_normal(3).astype(np.float32)), int(rng.integers(5)), f"t{seed}")
    if kind == "list":
        return [float(rng.random()), T(rng.integers(0, 9, size=(2, 2)))]
    if kind == "nested":
        return {"pair": (T(rng.standard_normal(1).astype(np.float32)), [int(rng.integers(3)), bool(seed % 2)]),
                "meta": {"id": seed, "arr": rng.integers(0, 4, size=(2,)).astype(np.int32)}}
    raise AssertionError(kind)


KINDS = ["tensor", "int_tensor", "bool_tensor", "scalar_tensor", "ndarray", "np_scalar", "np_int", "float", "int",
         "bool", "str", "bytes", "dict", "ordered", "namedtuple", "tuple", "list", "nested"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("batch", [1, 4])
def test_default_collate_matches_torch(kind: str, batch: int) -> None:
    want = t_collate([_make(s, kind, "torch") for s in range(batch)])
    got = default_collate([_make(s, kind, "gk") for s in range(batch)])
    assert_tree_equal(want, got)


@pytest.mark.parametrize("kind", KINDS)
def test_default_convert_matches_torch(kind: str) -> None:
    assert_tree_equal(t_convert(_make(3, kind, "torch")), default_convert(_make(3, kind, "gk")))
    assert_tree_equal(t_convert([_make(s, kind, "torch") for s in range(3)]),
                      default_convert([_make(s, kind, "gk") for s in range(3)]))


def test_default_convert_shares_ndarray_memory() -> None:
    a = np.arange(6.0)
    t = default_convert(a)
    t._data[0] = 42.0
    assert a[0] == 42.0


def test_collate_errors_match_torch() -> None:
    bad_batches = [
        ([[1, 2], [3]], RuntimeError),
        ([object(), object()], TypeError),
        ([np.array(["a", "b"]), np.array(["c", "d"])], TypeError),
    ]
    for batch, exc in bad_batches:
        with pytest.raises(exc):
            t_collate(batch)
        with pytest.raises(exc):
            default_collate(batch)
    with pytest.raises(RuntimeError):
        default_collate([gk.zeros(2), gk.zeros(3)])
