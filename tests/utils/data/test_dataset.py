"""Datasets, Subset, Concat/Chain/Stack datasets and random_split against torch.utils.data."""
from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.utils.data as tud

import gradkit as gk
import gradkit.utils.data as gud

from .._common import assert_tree_equal


def _pair(seed: int, n: int):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, 3)).astype(np.float32)
    y = rng.integers(0, 5, size=(n,))
    return (tud.TensorDataset(torch.from_numpy(x), torch.from_numpy(y)),
            gud.TensorDataset(gk.tensor(x), gk.tensor(y)))


def test_tensor_dataset() -> None:
    td, gd = _pair(0, 7)
    assert len(gd) == len(td) == 7
    for i in (0, 3, 6, -1):
        assert_tree_equal(td[i], gd[i])
    assert_tree_equal(td[[1, 4]], gd[[1, 4]])
    with pytest.raises(AssertionError, match="Size mismatch"):
        gud.TensorDataset(gk.zeros(3, 2), gk.zeros(4))


class _Squares(gud.Dataset):
    def __init__(self, n: int) -> None:
        self.n = n

    def __getitem__(self, i):
        return i * i

    def __len__(self) -> int:
        return self.n


class _Stream(gud.IterableDataset):
    def __init__(self, start: int, n: int) -> None:
        self.start, self.n = start, n

    def __iter__(self):
        return iter(range(self.start, self.start + self.n))

    def __len__(self) -> int:
        return self.n


def test_concat_subset_stack() -> None:
    a, b, c = _Squares(3), _Squares(0), _Squares(5)
    cat = a + b + c
    assert isinstance(cat, gud.ConcatDataset)
    assert len(cat) == 8 and cat.cumulative_sizes == [3, 8]
    assert gud.ConcatDataset([a, b, c]).cumulative_sizes == [3, 3, 8]
    assert [cat[i] for i in range(8)] == [0, 1, 4, 0, 1, 4, 9, 16]
    assert cat[-1] == 16 and cat[-8] == 0
    with pytest.raises(ValueError, match="absolute value"):
        cat[-9]
    with pytest.raises(AssertionError):
        gud.ConcatDataset([])
    with pytest.raises(AssertionError):
        gud.ConcatDataset([_Stream(0, 2)])
    sub = gud.Subset(c, [4, 0, 2])
    assert len(sub) == 3 and [sub[i] for i in range(3)] == [16, 0, 4]
    assert sub.__getitems__([2, 0]) == [4, 16]
    st = gud.StackDataset(a, _Squares(3))
    assert st[2] == (4, 4) and len(st) == 3
    sd = gud.StackDataset(p=a, q=_Squares(3))
    assert sd[1] == {"p": 1, "q": 1} and sd.__getitems__([0, 2]) == [{"p": 0, "q": 0}, {"p": 4, "q": 4}]
    with pytest.raises(ValueError, match="Size mismatch"):
        gud.StackDataset(a, c)
    with pytest.raises(ValueError):
        gud.StackDataset()
    td, gd = _pair(1, 6)
    assert_tree_equal(tud.StackDataset(td, td).__getitems__([1, 5]), gud.StackDataset(gd, gd).__getitems__([1, 5]))


def test_chain_dataset() -> None:
    ch = _Stream(0, 3) + _Stream(10, 2)
    assert isinstance(ch, gud.ChainDataset)
    assert list(ch) == [0, 1, 2, 10, 11] and len(ch) == 5
    with pytest.raises(AssertionError):
        list(gud.ChainDataset([_Squares(2)]))


@pytest.mark.parametrize("lengths", [[3, 7], [5, 0, 5], [0.3, 0.7], [0.25, 0.25, 0.5], [0.33, 0.33, 0.34], [10]])
@pytest.mark.parametrize("seed", [0, 7])
def test_random_split_matches_torch(lengths, seed: int) -> None:
    t_parts = tud.random_split(range(10), lengths, generator=torch.Generator().manual_seed(seed))
    g_parts = gud.random_split(range(10), lengths, generator=gk.Generator().manual_seed(seed))
    assert [list(p.indices) for p in g_parts] == [list(p.indices) for p in t_parts]
    assert all(isinstance(p, gud.Subset) for p in g_parts)


def test_random_split_default_generator_and_errors() -> None:
    torch.manual_seed(3)
    gk.manual_seed(3)
    t_parts = tud.random_split(range(9), [4, 5])
    g_parts = gud.random_split(range(9), [4, 5])
    assert [list(p.indices) for p in g_parts] == [list(p.indices) for p in t_parts]
    for bad in ([4, 4], [0.5, 0.6]):
        with pytest.raises(ValueError):
            tud.random_split(range(9), bad)
        with pytest.raises(ValueError):
            gud.random_split(range(9), bad)
    with pytest.warns(UserWarning, match="Length of split at index 1 is 0"):
        gud.random_split(range(3), [1.0, 0.0])
