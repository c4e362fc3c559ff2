"""DataLoader against torch's: same batches, in the same order, for the same seeds."""
from __future__ import annotations

import warnings

import numpy as np
import pytest
import torch
import torch.utils.data as tud

import gradkit as gk
import gradkit.utils.data as gud

from .._common import assert_tree_equal


def _datasets(n: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, 2, 3)).astype(np.float32)
    y = rng.integers(0, 10, size=(n,))
    return (tud.TensorDataset(torch.from_numpy(x), torch.from_numpy(y)),
            gud.TensorDataset(gk.tensor(x), gk.tensor(y)))


def _both(n: int, **kw):
    td, gd = _datasets(n)
    return tud.DataLoader(td, **kw), gud.DataLoader(gd, **kw)


def _compare(tl, gl, epochs: int = 2) -> None:
    assert len(gl) == len(tl)
    for _ in range(epochs):
        want, got = list(tl), list(gl)
        assert len(got) == len(want)
        assert_tree_equal(want, got)


@pytest.mark.parametrize("n", [1, 10, 23])
@pytest.mark.parametrize("batch_size", [1, 4, 32])
@pytest.mark.parametrize("drop_last", [False, True])
def test_sequential_batches(n: int, batch_size: int, drop_last: bool) -> None:
    _compare(*_both(n, batch_size=batch_size, drop_last=drop_last))


@pytest.mark.parametrize("n", [7, 23])
@pytest.mark.parametrize("batch_size", [1, 5])
@pytest.mark.parametrize("drop_last", [False, True])
def test_shuffle_with_generator(n: int, batch_size: int, drop_last: bool) -> None:
    seed = n * 10 + batch_size
    td, gd = _datasets(n)
    tl = tud.DataLoader(td, batch_size=batch_size, shuffle=True, drop_last=drop_last,
                        generator=torch.Generator().manual_seed(seed))
    gl = gud.DataLoader(gd, batch_size=batch_size, shuffle=True, drop_last=drop_last,
                        generator=gk.Generator().manual_seed(seed))
    _compare(tl, gl, epochs=3)


@pytest.mark.parametrize("seed", [0, 123])
def test_shuffle_with_global_seed_and_rng_consumption(seed: int) -> None:
    torch.manual_seed(seed)
    gk.manual_seed(seed)
    tl, gl = _both(17, batch_size=4, shuffle=True)
    _compare(tl, gl, epochs=3)
    np.testing.assert_array_equal(gk.rand(5).numpy(), torch.rand(5).numpy())
    td, gd = _datasets(17)
    tl = tud.DataLoader(td, batch_size=3, sampler=tud.RandomSampler(td, replacement=True, num_samples=40))
    gl = gud.DataLoader(gd, batch_size=3, sampler=gud.RandomSampler(gd, replacement=True, num_samples=40))
    _compare(tl, gl)
    np.testing.assert_array_equal(gk.rand(5).numpy(), torch.rand(5).numpy())


def test_workers_options_are_accepted_and_give_same_batches() -> None:
    torch.manual_seed(5)
    gk.manual_seed(5)
    td, gd = _datasets(12)
    kw = {"batch_size": 5, "shuffle": True, "num_workers": 2, "persistent_workers": True, "prefetch_factor": 3}
    tl = tud.DataLoader(td, **kw)
    gl = gud.DataLoader(gd, **kw, worker_init_fn=lambda wid: None)
    _compare(tl, gl, epochs=2)
    assert gud.get_worker_info() is None


def test_batch_size_none_and_custom_collate_and_samplers() -> None:
    _compare(*_both(6, batch_size=None))
    td, gd = _datasets(9)

    def first_only(batch):
        return [b[0] for b in batch]

    want = list(tud.DataLoader(td, batch_size=4, collate_fn=first_only))
    got = list(gud.DataLoader(gd, batch_size=4, collate_fn=first_only))
    assert_tree_equal(want, got)
    batches = [[0, 5], [8, 1, 2], [3]]
    _compare(tud.DataLoader(td, batch_sampler=batches), gud.DataLoader(gd, batch_sampler=batches))
    _compare(tud.DataLoader(td, sampler=[8, 0, 4, 4], batch_size=3), gud.DataLoader(gd, sampler=[8, 0, 4, 4],
                                                                                    batch_size=3))


class _TStream(tud.IterableDataset):
    def __init__(self, n: int) -> None:
        self.n = n

    def __iter__(self):
        return iter({"i": i, "x": float(i) / 2} for i in range(self.n))

    def __len__(self) -> int:
        return self.n


class _GStream(gud.IterableDataset):
    def __init__(self, n: int) -> None:
        self.n = n

    def __iter__(self):
        return iter({"i": i, "x": float(i) / 2} for i in range(self.n))

    def __len__(self) -> int:
        return self.n


@pytest.mark.parametrize("batch_size", [None, 1, 3])
@pytest.mark.parametrize("drop_last", [False, True])
def test_iterable_dataset(batch_size, drop_last: bool) -> None:
    if batch_size is None and drop_last:
        return
    tl = tud.DataLoader(_TStream(8), batch_size=batch_size, drop_last=drop_last)
    gl = gud.DataLoader(_GStream(8), batch_size=batch_size, drop_last=drop_last)
    _compare(tl, gl)


def test_iterable_dataset_length_warning() -> None:
    class Liar(_GStream):
        def __len__(self) -> int:
            return 2

    gl = gud.DataLoader(Liar(4), batch_size=None)
    assert len(gl) == 2
    with pytest.warns(UserWarning, match="was reported to be 2"):
        list(gl)


def test_argument_errors_match_torch() -> None:
    td, gd = _datasets(4)
    bad = [
        {"num_workers": -1}, {"timeout": -1}, {"prefetch_factor": 2}, {"persistent_workers": True},
        {"sampler": [0, 1], "shuffle": True}, {"batch_sampler": [[0]], "batch_size": 2},
        {"batch_sampler": [[0]], "drop_last": True}, {"batch_size": None, "drop_last": True},
        {"num_workers": 1, "prefetch_factor": -1},
    ]
    for kw in bad:
        with pytest.raises(ValueError):
            tud.DataLoader(td, **kw)
        with pytest.raises(ValueError):
            gud.DataLoader(gd, **kw)
    with pytest.raises(ValueError):
        gud.DataLoader(_GStream(3), shuffle=True)
    with pytest.raises(ValueError):
        gud.DataLoader(_GStream(3), sampler=[0, 1])
    gl = gud.DataLoader(gd, batch_size=2)
    with pytest.raises(ValueError, match="batch_size attribute should not be set"):
        gl.batch_size = 3
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert len(list(gud.DataLoader(gd, batch_size=2, pin_memory=True))) == 2
