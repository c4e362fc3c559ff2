"""Comparing torch object trees with gradkit ones."""
from __future__ import annotations

import numpy as np
import torch

import gradkit as gk


def assert_tree_equal(t, g, path: str = "") -> None:
    """``t`` (built by torch) and ``g`` (built by gradkit) have the same container types, keys,
    tensor dtypes, shapes and values, and equal plain values."""
    if isinstance(t, torch.Tensor):
        assert isinstance(g, gk.Tensor), f"{path}: {type(g)} is not a Tensor"
        assert str(g.dtype) == str(t.dtype), f"{path}: {g.dtype} != {t.dtype}"
        assert tuple(g.shape) == tuple(t.shape), f"{path}: {tuple(g.shape)} != {tuple(t.shape)}"
        np.testing.assert_array_equal(g.detach().numpy(), t.detach().numpy(), err_msg=path)
        return
    if isinstance(t, tuple) and hasattr(t, "_fields"):
        assert type(g).__name__ == type(t).__name__ and g._fields == t._fields, path
    elif isinstance(t, np.ndarray):
        assert isinstance(g, np.ndarray) and g.dtype == t.dtype, path
        np.testing.assert_array_equal(g, t, err_msg=path)
        return
    else:
        assert type(g) is type(t), f"{path}: {type(g)} != {type(t)}"
    if isinstance(t, dict):
        assert list(g.keys()) == list(t.keys()), path
        for k in t:
            assert_tree_equal(t[k], g[k], f"{path}/{k}")
    elif isinstance(t, (list, tuple)):
        assert len(g) == len(t), path
        for i, (a, b) in enumerate(zip(t, g)):
            assert_tree_equal(a, b, f"{path}/{i}")
    else:
        assert g == t, f"{path}: {g!r} != {t!r}"
