"""DataLoader with ``num_workers > 0`` (simulated workers) against torch's real worker processes."""
from __future__ import annotations

import random

import numpy as np
import pytest

import gradkit

torch = pytest.importorskip("torch")


def _aug_dataset(T):
    class Aug(T.utils.data.Dataset):
        def __init__(self):
            self.x = T.arange(12.0).view(6, 2)

        def __len__(self):
            return 6

        def __getitem__(self, i):
            info = T.utils.data.get_worker_info()
            wid = -1 if info is None else info.id
            return self.x[i] + T.randn(2), float(np.random.rand()), random.random(), wid

    return Aug()


def _stream(T, n):
    class Stream(T.utils.data.IterableDataset):
        def __iter__(self):
            info = T.utils.data.get_worker_info()
            start, step = (0, 1) if info is None else (info.id, info.num_workers)
            for i in range(start, n, step):
                yield T.tensor([i, int(T.randint(0, 100, ()))])

    return Stream()


def _run_map(T, nw, persistent):
    T.manual_seed(0)
    np.random.seed(0)
    random.seed(0)
    g = T.Generator().manual_seed(3)
    kw = {"persistent_workers": True} if persistent else {}
    dl = T.utils.data.DataLoader(_aug_dataset(T), batch_size=2, shuffle=True, num_workers=nw, generator=g, **kw)
    out = []
    for _ in range(2):
        for x, a, b, w in dl:
            out.append((x.numpy().round(5).tolist(), a.numpy().round(6).tolist(), b.numpy().round(6).tolist(),
                        w.tolist()))
    out.append((float(T.rand(())), float(np.random.rand()), random.random()))
    return out


@pytest.mark.parametrize("nw,persistent", [(1, False), (2, False), (3, False), (2, True)])
def test_map_dataset_workers_match_torch(nw, persistent):
    assert _run_map(torch, nw, persistent) == _run_map(gradkit, nw, persistent)


@pytest.mark.parametrize("nw,drop_last", [(2, False), (2, True), (3, False)])
def test_iterable_dataset_workers_match_torch(nw, drop_last):
    res = []
    for T in (torch, gradkit):
        T.manual_seed(1)
        dl = T.utils.data.DataLoader(_stream(T, 7), batch_size=2, num_workers=nw, drop_last=drop_last)
        res.append([b.tolist() for b in dl])
    assert res[0] == res[1]


def test_worker_info_is_read_only_and_none_outside():
    assert gradkit.utils.data.get_worker_info() is None
    info = gradkit.utils.data._utils.worker.WorkerInfo(id=0, num_workers=2, seed=5, dataset=None)
    assert repr(info) == repr(torch.utils.data._utils.worker.WorkerInfo(id=0, num_workers=2, seed=5, dataset=None))
    with pytest.raises(AttributeError):
        info.id = 3
