"""nn.Transformer* layers against torch: same init (seeded), outputs, gradients, dropout draws and masks."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from _parity import assert_close

import gradkit as gk


def _both(build, run):
    outs = []
    for T in (torch, gk):
        T.manual_seed(0)
        m = build(T)
        outs.append(run(T, m))
    assert_close(outs[0], outs[1], rtol=1e-4, atol=1e-5)
    return outs


def _params_grads(m):
    return [p.grad for p in m.parameters()]


ENC_CFG = [dict(batch_first=True), dict(batch_first=False, norm_first=True, activation="gelu"),
           dict(batch_first=True, bias=False), dict(batch_first=True, dropout=0.0, nhead=1)]


@pytest.mark.parametrize("cfg", ENC_CFG, ids=str)
@pytest.mark.parametrize("mask", ["none", "causal", "bool_causal", "padding"])
@pytest.mark.parametrize("train", [True, False])
def test_encoder(cfg, mask, train):
    cfg = dict(dict(d_model=8, nhead=2, dim_feedforward=12, dropout=0.2), **cfg)
    bf = cfg["batch_first"]
    rng = np.random.default_rng(0)
    x = rng.standard_normal((3, 5, 8) if bf else (5, 3, 8)).astype(np.float32)

    def build(T):
        layer = T.nn.TransformerEncoderLayer(**cfg)
        return T.nn.TransformerEncoder(layer, num_layers=2, norm=T.nn.LayerNorm(8), enable_nested_tensor=False)

    def run(T, m):
        m.train(train)
        xt = T.tensor(x, requires_grad=True)
        kw = {}
        if mask == "causal":
            kw["mask"] = T.nn.Transformer.generate_square_subsequent_mask(5)
        elif mask == "bool_causal":
            kw["mask"] = T.triu(T.ones(5, 5, dtype=T.bool), 1)
        elif mask == "padding":
            kw["src_key_padding_mask"] = T.tensor([[False] * 5, [False] * 3 + [True] * 2, [False] * 4 + [True]])
        T.manual_seed(1)
        out = m(xt, **kw)
        (out * T.tensor(np.linspace(-1, 1, out.numel(), dtype=np.float32).reshape(tuple(out.shape)))).sum().backward()
        return out, xt.grad, _params_grads(m)

    _both(build, run)


def test_encoder_inference_zeroes_padding_like_nested_fast_path():
    x = np.random.default_rng(1).standard_normal((3, 5, 8)).astype(np.float32)

    def build(T):
        layer = T.nn.TransformerEncoderLayer(8, 2, 16, batch_first=True)
        return T.nn.TransformerEncoder(layer, 2).eval()

    def run(T, m):
        pad = T.tensor([[False] * 5, [False] * 3 + [True] * 2, [False] * 4 + [True]])
        with T.no_grad():
            fast = m(T.tensor(x), src_key_padding_mask=pad)
        slow = m(T.tensor(x), src_key_padding_mask=pad)
        return fast, slow

    (tf, _), (gf, _) = _both(build, run)
    assert float(gf[1, 3:].abs().sum()) == 0.0 and float(tf[1, 3:].abs().sum()) == 0.0


@pytest.mark.parametrize("norm_first", [False, True])
def test_full_transformer(norm_first):
    rng = np.random.default_rng(2)
    src = rng.standard_normal((2, 4, 8)).astype(np.float32)
    tgt = rng.standard_normal((2, 3, 8)).astype(np.float32)

    def build(T):
        return T.nn.Transformer(d_model=8, nhead=2, num_encoder_layers=2, num_decoder_layers=2, dim_feedforward=10,
                                dropout=0.1, batch_first=True, norm_first=norm_first)

    def run(T, m):
        s, t = T.tensor(src, requires_grad=True), T.tensor(tgt, requires_grad=True)
        T.manual_seed(3)
        out = m(s, t, tgt_mask=m.generate_square_subsequent_mask(3),
                memory_key_padding_mask=T.tensor([[False, False, False, True], [False] * 4]))
        out.pow(2).sum().backward()
        return out, s.grad, t.grad, _params_grads(m), [tuple(p.shape) for p in m.parameters()]

    _both(build, run)
    assert repr(build(gk)) == repr(build(torch))


def test_decoder_layer_seq_first():
    rng = np.random.default_rng(4)
    tgt = rng.standard_normal((3, 2, 6)).astype(np.float32)
    mem = rng.standard_normal((4, 2, 6)).astype(np.float32)

    def build(T):
        return T.nn.TransformerDecoder(T.nn.TransformerDecoderLayer(6, 3, 8, dropout=0.3), 2, norm=T.nn.LayerNorm(6))

    def run(T, m):
        t = T.tensor(tgt, requires_grad=True)
        T.manual_seed(5)
        out = m(t, T.tensor(mem), tgt_is_causal=True, tgt_mask=T.nn.Transformer.generate_square_subsequent_mask(3))
        out.sum().backward()
        return out, t.grad

    _both(build, run)


def test_mha_key_padding_only_without_weights():
    x = np.random.default_rng(5).standard_normal((3, 5, 8)).astype(np.float32)

    def run(T, m):
        pad = T.tensor([[False] * 5, [False] * 3 + [True] * 2, [False] * 4 + [True]])
        xt = T.tensor(x, requires_grad=True)
        out = m(xt, xt, xt, key_padding_mask=pad, need_weights=False)[0]
        out.sum().backward()
        return out, xt.grad

    _both(lambda T: T.nn.MultiheadAttention(8, 2, batch_first=True), run)


def test_dropout_on_permuted_input_draws_in_memory_order():
    def run(T, _):
        x = T.ones(3, 4, 5).permute(2, 0, 1)
        T.manual_seed(6)
        a = T.nn.functional.dropout(x, 0.5)
        b = T.nn.functional.dropout(T.ones(4, 6)[:, ::2], 0.5)
        c = T.nn.functional.alpha_dropout(T.ones(3, 4).t(), 0.3, True)
        return a, b, c

    _both(lambda T: None, run)


def test_errors():
    for fn in (lambda T: T.nn.TransformerEncoderLayer(4, 2, activation="tanh"),
               lambda T: T.nn.Transformer(4, 2, 1, 1, 8)(T.zeros(3, 2, 4), T.zeros(3, 1, 4))):
        errs = []
        for T in (torch, gk):
            with pytest.raises(Exception) as info:
                fn(T)
            errs.append(info.value)
        assert type(errs[0]) is type(errs[1]) and str(errs[0]) == str(errs[1])
