"""gradkit._printing.tensor_repr against torch's own repr on generated tensors and print options."""

from __future__ import annotations

import zlib

import numpy as np
import pytest
import torch

from gradkit import _printing as gp

FLOAT_DTYPES = ["float32", "float64", "float16", "bfloat16"]
INT_DTYPES = ["int64", "int32", "int16", "int8", "uint8"]

SHAPES = [
    (),
    (0,),
    (0, 3),
    (3, 0, 2),
    (1,),
    (5,),
    (3, 4),
    (2, 3, 4),
    (2, 1, 3, 2),
    (37,),
    (6, 23),
    (1001,),
    (3, 400),
    (12, 12, 12),
    (2, 2, 2, 300),
]
SMALL_SHAPES = [(), (0, 2), (7,), (3, 4), (2, 3, 4), (1001,), (3, 400), (9, 9, 15)]


def _rng(*key: object) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32(repr(key).encode()))


def _float_values(kind: str, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
    n = int(np.prod(shape))
    sign = rng.choice([-1.0, 1.0], n)
    if kind == "normal":
        v = rng.standard_normal(n)
    elif kind == "positive":
        v = rng.random(n) * 9
    elif kind == "mixed_mag":
        v = sign * 10.0 ** rng.uniform(-8, 8, n)
    elif kind == "small":
        v = sign * 10.0 ** rng.uniform(-8, -4, n)
    elif kind == "wide":
        v = sign * 10.0 ** rng.uniform(-2, 12, n)
    elif kind in ("tiny_neg", "tiny_pos"):
        tiny = 10.0 ** rng.uniform(-200, 0, n)
        moderate = 10.0 ** rng.uniform(-3, 3, n)
        if kind == "tiny_neg":
            v = np.where(sign < 0, -tiny, moderate)
        else:
            v = np.where(sign < 0, -moderate, tiny)
    elif kind == "int_floats":
        v = rng.integers(-1000, 1000, n).astype(np.float64)
    elif kind == "big_int_floats":
        v = sign * np.round(10.0 ** rng.uniform(0, 10, n))
    elif kind == "near_round":
        v = sign * (10.0 ** rng.integers(0, 4, n) - 10.0 ** rng.uniform(-7, -3, n))
    elif kind == "special":
        v = rng.standard_normal(n) * 100
        pick = rng.random(n)
        v[pick < 0.3] = np.nan
        v[(pick >= 0.3) & (pick < 0.45)] = np.inf
        v[(pick >= 0.45) & (pick < 0.6)] = -np.inf
        v[(pick >= 0.6) & (pick < 0.75)] = -0.0
    elif kind == "special_ints":
        v = rng.integers(-50, 50, n).astype(np.float64)
        pick = rng.random(n)
        v[pick < 0.2] = np.nan
        v[(pick >= 0.2) & (pick < 0.4)] = -np.inf
        v[(pick >= 0.4) & (pick < 0.5)] = -0.0
    elif kind == "no_finite":
        v = rng.choice([np.nan, np.inf, -np.inf, 0.0, -0.0], n)
    else:
        raise AssertionError(kind)
    return v.reshape(shape)


FLOAT_KINDS = [
    "normal",
    "positive",
    "mixed_mag",
    "small",
    "wide",
    "tiny_neg",
    "tiny_pos",
    "int_floats",
    "big_int_floats",
    "near_round",
    "special",
    "special_ints",
    "no_finite",
]


def _torch_and_values(v: np.ndarray, dtype: str) -> tuple[torch.Tensor, np.ndarray]:
    """A torch tensor of dtype ``dtype`` built from ``v`` and the values it holds, as NumPy."""
    if dtype == "bfloat16":
        t = torch.from_numpy(np.asarray(v, dtype=np.float32)).to(torch.bfloat16)
        return t, t.float().numpy()
    with np.errstate(over="ignore", invalid="ignore"):
        arr = np.asarray(v).astype(np.dtype(dtype))
    return torch.from_numpy(arr), arr


def _int_values(kind: str, dtype: str, shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
    info = np.iinfo(np.dtype(dtype))
    if kind == "small":
        lo, hi = max(info.min, -9), min(info.max, 9)
    elif kind == "medium":
        lo, hi = max(info.min, -5000), min(info.max, 5000)
    else:
        lo, hi = int(info.min), int(info.max)
    return rng.integers(lo, hi, shape, dtype=np.dtype(dtype), endpoint=True)


def _check(t: torch.Tensor, values: np.ndarray, dtype: str, what: str = "", **kw: object) -> None:
    expected = repr(t)
    got = gp.tensor_repr(values, dtype, **kw)
    assert got == expected, f"{what}\n--- torch ---\n{expected}\n--- gradkit ---\n{got}"
    assert str(t) == expected


@pytest.fixture(autouse=True)
def _reset_options():
    yield
    torch.set_printoptions(profile="default")
    gp.set_printoptions(profile="default")
    torch.set_default_dtype(torch.float32)


def _set_both(**kw: object) -> None:
    torch.set_printoptions(**kw)
    gp.set_printoptions(**kw)


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("dtype", FLOAT_DTYPES)
def test_float_grid(dtype, shape):
    for kind in FLOAT_KINDS:
        v = _float_values(kind, shape, _rng(dtype, shape, kind))
        t, values = _torch_and_values(v, dtype)
        _check(t, values, dtype, what=kind)


@pytest.mark.parametrize("kind", ["small", "medium", "full"])
@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("dtype", INT_DTYPES)
def test_int_grid(dtype, shape, kind):
    values = _int_values(kind, dtype, shape, _rng(dtype, shape, kind))
    _check(torch.from_numpy(values), values, dtype)


@pytest.mark.parametrize("p_true", [0.0, 0.5, 1.0])
@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_bool_grid(shape, p_true):
    values = _rng(shape, p_true).random(shape) < p_true
    _check(torch.from_numpy(np.asarray(values)), np.asarray(values), "bool")


def test_int64_extremes():
    info = np.iinfo(np.int64)
    values = np.array([info.min, info.max, 0, -1], dtype=np.int64)
    _check(torch.from_numpy(values), values, "int64")


OPTION_SETS = [
    {"precision": 0},
    {"precision": 2},
    {"precision": 8},
    {"sci_mode": True},
    {"sci_mode": False},
    {"precision": 2, "sci_mode": True},
    {"threshold": 5},
    {"threshold": 0},
    {"threshold": 5, "edgeitems": 1},
    {"threshold": 5, "edgeitems": 0},
    {"edgeitems": 0},
    {"edgeitems": 5},
    {"linewidth": 40},
    {"linewidth": 10},
    {"linewidth": 200},
    {"profile": "full"},
    {"profile": "short"},
    {"profile": "short", "precision": 6, "sci_mode": False},
    {"profile": "full", "linewidth": 50, "sci_mode": True},
]


@pytest.mark.parametrize("shape", SMALL_SHAPES, ids=str)
@pytest.mark.parametrize("opts", OPTION_SETS, ids=str)
def test_options_float(opts, shape):
    _set_both(**opts)
    for kind in ["normal", "mixed_mag", "int_floats", "special", "near_round", "tiny_neg"]:
        dtype = "float64" if kind in ("near_round", "tiny_neg") else "float32"
        v = _float_values(kind, shape, _rng(str(opts), shape, kind))
        t, values = _torch_and_values(v, dtype)
        _check(t, values, dtype, what=kind)


@pytest.mark.parametrize("dtype", ["int64", "bool"])
@pytest.mark.parametrize("shape", SMALL_SHAPES, ids=str)
@pytest.mark.parametrize("opts", OPTION_SETS, ids=str)
def test_options_int(opts, shape, dtype):
    _set_both(**opts)
    rng = _rng(str(opts), shape, dtype)
    values = (
        np.asarray(rng.random(shape) < 0.5) if dtype == "bool" else _int_values("medium", dtype, shape, rng)
    )
    _check(torch.from_numpy(values), values, dtype)


@pytest.mark.parametrize("opts", OPTION_SETS, ids=str)
def test_get_printoptions_matches_torch(opts):
    _set_both(**opts)
    assert gp.get_printoptions() == torch._tensor_str.get_printoptions()
    _set_both(precision=3)
    assert gp.get_printoptions() == torch._tensor_str.get_printoptions()


def test_printoptions_context_restores():
    before = gp.get_printoptions()
    with gp.printoptions(precision=1, sci_mode=True):
        assert gp.get_printoptions()["precision"] == 1
        assert gp.get_printoptions()["sci_mode"] is True
    assert gp.get_printoptions() == before


def test_default_options_are_torchs():
    assert gp.get_printoptions() == torch._tensor_str.get_printoptions()


@pytest.mark.parametrize("mode", ["leaf", "mul", "sum", "detached"])
@pytest.mark.parametrize("dtype", ["float32", "float64", "float16"])
@pytest.mark.parametrize("n", [0, 1, 3, 5, 6, 7, 8, 9, 10, 12, 20, 1200])
def test_autograd_suffixes(n, dtype, mode):
    v = _float_values("normal", (n,), _rng(n, dtype, mode)) * 100
    with np.errstate(over="ignore"):
        base = torch.from_numpy(v.astype(np.dtype(dtype))).requires_grad_(True)
    if mode == "leaf":
        t = base
    elif mode == "mul":
        t = base * 2
    elif mode == "sum":
        t = base.sum()
    else:
        t = (base * 2).detach()
    grad_fn = None if t.grad_fn is None else type(t.grad_fn).__name__
    values = t.detach().numpy()
    _check(t, values, dtype, suffixes=gp.suffixes_for(t.requires_grad, grad_fn))


@pytest.mark.parametrize("linewidth", [30, 60, 80])
@pytest.mark.parametrize("shape", [(4,), (2, 3), (3, 1, 2), (9,)], ids=str)
def test_suffix_wrapping_with_dtype(shape, linewidth):
    _set_both(linewidth=linewidth)
    v = _float_values("normal", shape, _rng(shape, linewidth))
    t = torch.from_numpy(v).requires_grad_(True).mul(3)
    _check(t, t.detach().numpy(), "float64", suffixes=gp.suffixes_for(True, type(t.grad_fn).__name__))


@pytest.mark.parametrize("dtype", ["float32", "float64", "float16", "int64", "bool"])
@pytest.mark.parametrize("shape", [(), (0,), (2, 0), (4,), (3, 5)], ids=str)
def test_default_dtype_float64(dtype, shape):
    torch.set_default_dtype(torch.float64)
    rng = _rng(dtype, shape, "default64")
    if dtype == "bool":
        values = np.asarray(rng.random(shape) < 0.5)
    elif dtype == "int64":
        values = _int_values("medium", dtype, shape, rng)
    else:
        values = _float_values("normal", shape, rng).astype(np.dtype(dtype))
    _check(torch.from_numpy(values), values, dtype, default_float="float64")


class MySubTensor(torch.Tensor):
    pass


@pytest.mark.parametrize("shape", [(), (0, 2), (5,), (3, 30)], ids=str)
def test_custom_prefix(shape):
    v = _float_values("normal", shape, _rng(shape, "prefix")).astype(np.float32)
    t = torch.from_numpy(v).as_subclass(MySubTensor)
    got = gp.tensor_repr(v, "float32", prefix="MySubTensor(")
    assert got == repr(t)


def test_non_contiguous_input():
    base = _float_values("mixed_mag", (6, 8), _rng("nc"))
    for view in (base.T, base[::2, 1::3], base[::-1]):
        expected = repr(torch.from_numpy(np.ascontiguousarray(view)))
        assert gp.tensor_repr(view, "float64") == expected


def test_float32_values_stay_float32_formatted():
    v = np.array([0.1, 1 / 3, 2.675], dtype=np.float32)
    _set_both(precision=10)
    _check(torch.from_numpy(v), v, "float32")


def test_unknown_dtype_name_raises():
    with pytest.raises(ValueError, match="complex64"):
        gp.tensor_repr(np.zeros(2), "complex64")
