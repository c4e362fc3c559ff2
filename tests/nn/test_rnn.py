"""nn.RNN / LSTM / GRU, their cells and nn.utils.rnn packing, compared with torch (values and gradients)."""
from __future__ import annotations

import itertools

import numpy as np
import pytest
import torch
from _parity import assert_close

import gradkit as gk
from gradkit.autograd.gradcheck import gradcheck


def _pair(name: str, *args, **kwargs):
    tm = getattr(torch.nn, name)(*args, **kwargs)
    gm = getattr(gk.nn, name)(*args, **kwargs)
    gm.load_state_dict({k: gk.tensor(v.detach().numpy().copy()) for k, v in tm.state_dict().items()})
    return tm, gm


def _grads(m) -> list:
    return [p.grad for _, p in m.named_parameters()]


GRID = [dict(kw, **extra) for kw, extra in itertools.product(
    [dict(), dict(num_layers=2, bidirectional=True), dict(batch_first=True, bias=False), dict(num_layers=3)],
    [dict(), dict(batched=False), dict(with_hx=True)])]


@pytest.mark.parametrize("name", ["RNN", "LSTM", "GRU"])
@pytest.mark.parametrize("cfg", GRID, ids=str)
def test_rnn_modules(name, cfg):
    cfg = dict(cfg)
    batched, with_hx = cfg.pop("batched", True), cfg.pop("with_hx", False)
    rng = np.random.default_rng(0)
    tm, gm = _pair(name, 3, 4, **cfg)
    assert repr(tm) == repr(gm)
    assert [n for n, _ in tm.named_parameters()] == [n for n, _ in gm.named_parameters()]
    shape = (2, 5, 3) if cfg.get("batch_first") else (5, 2, 3)
    x = rng.standard_normal(shape if batched else (5, 3)).astype(np.float32)
    layers = cfg.get("num_layers", 1) * (2 if cfg.get("bidirectional") else 1)
    hshape = (layers, 2, 4) if batched else (layers, 4)
    h0 = rng.standard_normal(hshape).astype(np.float32)
    results = []
    for T, m in ((torch, tm), (gk, gm)):
        xt = T.tensor(x, requires_grad=True)
        hx = None
        if with_hx:
            hx = T.tensor(h0, requires_grad=True)
            hx = (hx, T.tensor(h0 * 0.5)) if name == "LSTM" else hx
        out, h = m(xt, hx)
        hs = h if isinstance(h, tuple) else (h,)
        (out.pow(2).sum() + sum(t.sin().sum() for t in hs)).backward()
        results.append((out, hs, xt.grad, _grads(m)))
    assert_close(results[0], results[1], rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("name", ["RNN", "LSTM", "GRU"])
@pytest.mark.parametrize("batch_first,bidirectional", [(False, False), (True, True)])
def test_rnn_packed(name, batch_first, bidirectional):
    rng = np.random.default_rng(1)
    tm, gm = _pair(name, 3, 4, num_layers=2, batch_first=batch_first, bidirectional=bidirectional)
    x = rng.standard_normal((3, 5, 3) if batch_first else (5, 3, 3)).astype(np.float32)
    results = []
    for T, m in ((torch, tm), (gk, gm)):
        xt = T.tensor(x, requires_grad=True)
        packed = T.nn.utils.rnn.pack_padded_sequence(xt, T.tensor([3, 5, 2]), batch_first=batch_first,
                                                     enforce_sorted=False)
        out, h = m(packed)
        padded, lens = T.nn.utils.rnn.pad_packed_sequence(out, batch_first=batch_first, total_length=6)
        hs = h if isinstance(h, tuple) else (h,)
        (padded.pow(2).sum() + sum(t.sum() for t in hs)).backward()
        results.append((out.data, out.batch_sizes, out.sorted_indices, padded, lens, hs, xt.grad, _grads(m)))
    assert_close(results[0], results[1], rtol=1e-4, atol=1e-5)


def test_lstm_proj_and_dropout():
    tm, gm = _pair("LSTM", 3, 5, num_layers=2, proj_size=2, dropout=0.4)
    assert repr(tm) == repr(gm)
    x = np.random.default_rng(2).standard_normal((4, 2, 3)).astype(np.float32)
    outs = []
    for T, m in ((torch, tm), (gk, gm)):
        T.manual_seed(7)
        train = m(T.tensor(x))
        m.eval()
        outs.append((train, m(T.tensor(x))))
    assert_close(outs[0], outs[1], rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("name,kw", [("RNNCell", {}), ("RNNCell", dict(nonlinearity="relu", bias=False)),
                                     ("LSTMCell", {}), ("GRUCell", {})])
@pytest.mark.parametrize("batched", [True, False])
def test_cells(name, kw, batched):
    tm, gm = _pair(name, 3, 4, **kw)
    assert repr(tm) == repr(gm)
    x = np.random.default_rng(3).standard_normal((3, 2, 3) if batched else (3, 3)).astype(np.float32)
    res = []
    for T, m in ((torch, tm), (gk, gm)):
        xt = T.tensor(x, requires_grad=True)
        h = None
        for t in range(3):
            h = m(xt[t], h)
        first = h[0] if isinstance(h, tuple) else h
        first.sum().backward()
        res.append((h, xt.grad, _grads(m)))
    assert_close(res[0], res[1], rtol=1e-4, atol=1e-5)


def test_gru_gradcheck_double():
    m = gk.nn.GRU(2, 3, bidirectional=True).double()
    x = gk.randn(3, 2, 2, dtype=gk.float64, requires_grad=True)
    assert gradcheck(lambda x: m(x)[0], (x,))


def _same_error(fn):
    errs = []
    for T in (torch, gk):
        with pytest.raises(Exception) as info:
            fn(T)
        errs.append(info.value)
    assert type(errs[1]) is type(errs[0]) and str(errs[1]) == str(errs[0]), (errs[0], errs[1])


@pytest.mark.parametrize("fn", [
    lambda T: T.nn.LSTM(3, 4)(T.randn(2, 2, 5)),
    lambda T: T.nn.GRU(3, 4)(T.randn(2, 2, 3), T.zeros(2, 2, 4)),
    lambda T: T.nn.LSTM(3, 4)(T.randn(2, 3), (T.zeros(1, 2, 4), T.zeros(1, 4))),
    lambda T: T.nn.RNN(3, 4, proj_size=2),
    lambda T: T.nn.RNN(3, 4, nonlinearity="gelu"),
    lambda T: T.nn.LSTM(3, 4)(T.randn(5, 2, 3, 1)),
    lambda T: T.nn.LSTM(3, 4)(T.randn(5, 2, 3, dtype=T.float64)),
    lambda T: T.nn.utils.rnn.pack_padded_sequence(T.zeros(3, 2), [1, 3]),
    lambda T: T.nn.utils.rnn.pack_padded_sequence(T.zeros(3, 2), [3, 0]),
])
def test_errors(fn):
    _same_error(fn)


def test_pad_pack_utils():
    seqs = [np.arange(n * 2, dtype=np.float32).reshape(n, 2) for n in (2, 4, 1)]
    res = []
    for T in (torch, gk):
        ts = [T.tensor(s, requires_grad=True) for s in seqs]
        U = T.nn.utils.rnn
        padded = U.pad_sequence(ts, batch_first=True, padding_value=-1.0)
        left = U.pad_sequence(ts, padding_side="left")
        packed = U.pack_sequence(ts, enforce_sorted=False)
        back = U.unpack_sequence(packed)
        unpadded = U.unpad_sequence(padded, T.tensor([2, 4, 1]), batch_first=True)
        (padded.sum() + packed.data.pow(2).sum()).backward()
        res.append((padded, left, packed.data, packed.batch_sizes, packed.unsorted_indices, back, unpadded,
                    [t.grad for t in ts], U.invert_permutation(T.tensor([2, 0, 1]))))
    assert_close(res[0], res[1])
