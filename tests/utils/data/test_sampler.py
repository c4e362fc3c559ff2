"""Samplers against torch.utils.data's: same indices for the same seeds."""
from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.utils.data as tud

import gradkit as gk
import gradkit.utils.data as gud


def _gens(seed: int):
    return torch.Generator().manual_seed(seed), gk.Generator().manual_seed(seed)


@pytest.mark.parametrize("n", [1, 5, 33])
@pytest.mark.parametrize("batch_size", [1, 4, 40])
@pytest.mark.parametrize("drop_last", [False, True])
def test_sequential_and_batch_sampler(n: int, batch_size: int, drop_last: bool) -> None:
    ts, gs = tud.SequentialSampler(range(n)), gud.SequentialSampler(range(n))
    assert list(gs) == list(ts) and len(gs) == len(ts)
    tb = tud.BatchSampler(ts, batch_size, drop_last)
    gb = gud.BatchSampler(gs, batch_size, drop_last)
    assert list(gb) == list(tb) and len(gb) == len(tb)
    assert list(gud.BatchSampler(range(n), batch_size, drop_last)) == list(tud.BatchSampler(range(n), batch_size,
                                                                                          drop_last))


@pytest.mark.parametrize("n", [1, 10, 37])
@pytest.mark.parametrize("replacement", [False, True])
@pytest.mark.parametrize("num_samples", [None, 3, 70])
def test_random_sampler_with_generator(n: int, replacement: bool, num_samples) -> None:
    tg, gg = _gens(n * 100 + (num_samples or 0))
    ts = tud.RandomSampler(range(n), replacement=replacement, num_samples=num_samples, generator=tg)
    gs = gud.RandomSampler(range(n), replacement=replacement, num_samples=num_samples, generator=gg)
    assert len(gs) == len(ts)
    for _ in range(2):
        assert list(gs) == list(ts)


@pytest.mark.parametrize("replacement", [False, True])
def test_random_sampler_default_generator(replacement: bool) -> None:
    torch.manual_seed(11)
    gk.manual_seed(11)
    ts = tud.RandomSampler(range(13), replacement=replacement)
    gs = gud.RandomSampler(range(13), replacement=replacement)
    for _ in range(3):
        assert list(gs) == list(ts)
    np.testing.assert_array_equal(gk.rand(4).numpy(), torch.rand(4).numpy())


def test_subset_random_and_weighted_samplers() -> None:
    idx = [3, 9, 1, 12, 7, 5]
    tg, gg = _gens(4)
    assert list(gud.SubsetRandomSampler(idx, generator=gg)) == list(tud.SubsetRandomSampler(idx, generator=tg))
    assert len(gud.SubsetRandomSampler(idx)) == 6
    rng = np.random.default_rng(0)
    w = rng.random(8).tolist()
    for replacement, num in ((True, 20), (False, 5), (False, 8)):
        tg, gg = _gens(num)
        ts = tud.WeightedRandomSampler(w, num, replacement=replacement, generator=tg)
        gs = gud.WeightedRandomSampler(w, num, replacement=replacement, generator=gg)
        assert list(gs) == list(ts) and len(gs) == num
        assert str(gs.weights.dtype) == "torch.float64"


def test_sampler_argument_errors() -> None:
    bad = [
        (lambda m: m.RandomSampler(range(3), replacement=1), TypeError),
        (lambda m: m.RandomSampler(range(3), num_samples=0), ValueError),
        (lambda m: m.RandomSampler([], replacement=False), ValueError),
        (lambda m: m.WeightedRandomSampler([1.0, 2.0], 0), ValueError),
        (lambda m: m.WeightedRandomSampler([1.0, 2.0], True), ValueError),
        (lambda m: m.WeightedRandomSampler([1.0, 2.0], 2, replacement=None), ValueError),
        (lambda m: m.WeightedRandomSampler([[1.0, 2.0]], 2), ValueError),
        (lambda m: m.BatchSampler(range(3), 0, False), ValueError),
        (lambda m: m.BatchSampler(range(3), 2, None), ValueError),
    ]
    for make, exc in bad:
        with pytest.raises(exc):
            make(tud)
        with pytest.raises(exc):
            make(gud)
    with pytest.raises(NotImplementedError):
        iter(gud.Sampler())
