"""Parity tests for fixes found by the s5r conformance programs (sequence and text models)."""
from __future__ import annotations

import numpy as np
import pytest
from _parity import run_both

import gradkit

torch = pytest.importorskip("torch")


def _ctc_messages(T, case):
    inp = T.zeros(20, 3, 6).log_softmax(2)
    tg = T.ones(3, 8, dtype=T.long)
    il, tl = [20, 20, 20], [3, 3, 3]
    if case == "tl_size":
        tl = [3, 3]
    elif case == "il_size":
        il = [20, 20]
    elif case == "too_long_target":
        tl = [3, 3, 9]
    elif case == "too_long_input":
        il = [20, 20, 21]
    elif case == "flat_targets":
        tg = T.ones(8, dtype=T.long)
    try:
        T.nn.functional.ctc_loss(inp, tg, T.tensor(il), T.tensor(tl))
    except RuntimeError as e:
        return str(e)
    return None


@pytest.mark.parametrize("case", ["tl_size", "il_size", "too_long_target", "too_long_input", "flat_targets"])
def test_ctc_loss_error_messages_match(case):
    expected = _ctc_messages(torch, case)
    assert expected is not None
    assert _ctc_messages(gradkit, case) == expected


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_ctc_loss_values_and_grads(reduction):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((12, 3, 5)).astype(np.float32)
    tg = rng.integers(1, 5, (3, 4)).astype(np.int64)
    run_both(lambda T, a, t: T.nn.functional.ctc_loss(a.log_softmax(2), t, T.tensor([12, 10, 7]),
                                                     T.tensor([4, 2, 3]), reduction=reduction),
             [x, tg], requires_grad=(0,), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("shape", [(7,), (64, 33)])
def test_tanh_backward_bit_exact_float32(shape):
    rng = np.random.default_rng(len(shape))
    x = (rng.standard_normal(shape) * 2).astype(np.float32)
    g = rng.standard_normal(shape).astype(np.float32)
    grads, outs = [], []
    for T in (torch, gradkit):
        t = T.tensor(x, requires_grad=True)
        y = t.tanh()
        y.backward(T.tensor(g))
        grads.append(t.grad.numpy())
        outs.append(y.detach().numpy())
    same = outs[0] == outs[1]
    assert same.mean() > 0.5
    np.testing.assert_array_equal(grads[1][same], grads[0][same])
    y64 = outs[1].astype(np.float64)
    np.testing.assert_array_equal(grads[1], g * (1.0 - y64 * y64).astype(np.float32))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_tanh_double_backward(dtype):
    x = np.random.default_rng(3).standard_normal((4, 5)).astype(dtype)

    def fn(T, a):
        (g,) = T.autograd.grad(a.tanh().pow(2).sum(), a, create_graph=True)
        return g * a

    run_both(fn, [x], requires_grad=(0,), rtol=1e-5, atol=1e-6)


def _mask_warnings(T, case):
    import warnings
    T.manual_seed(0)
    q = T.ones(3, 2, 4)
    bool_kpm = T.tensor([[False, False, True], [False, False, False]])
    float_causal = T.nn.Transformer.generate_square_subsequent_mask(3)
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        try:
            if case == "mha":
                T.nn.MultiheadAttention(4, 2)(q, q, q, key_padding_mask=bool_kpm, attn_mask=float_causal)
            elif case == "functional":
                m = T.nn.MultiheadAttention(4, 2)
                T.nn.functional.multi_head_attention_forward(
                    q, q, q, 4, 2, m.in_proj_weight, m.in_proj_bias, None, None, False, 0.0, m.out_proj.weight,
                    m.out_proj.bias, key_padding_mask=bool_kpm, attn_mask=float_causal)
            elif case == "layer":
                T.nn.TransformerEncoderLayer(4, 2, 8)(q, src_mask=float_causal, src_key_padding_mask=bool_kpm)
            elif case == "encoder":
                enc = T.nn.TransformerEncoder(T.nn.TransformerEncoderLayer(4, 2, 8), 2, enable_nested_tensor=False)
                enc(q, mask=float_causal, src_key_padding_mask=bool_kpm)
            elif case == "uint8":
                T.nn.MultiheadAttention(4, 2)(q, q, q, attn_mask=T.zeros(3, 3, dtype=T.uint8))
            elif case == "uint8_kpm":
                T.nn.MultiheadAttention(4, 2)(q, q, q, key_padding_mask=T.zeros(2, 3, dtype=T.uint8))
            err = None
        except AssertionError as e:
            err = str(e)
    return err, [(type(w.message).__name__, str(w.message)) for w in rec]


@pytest.mark.parametrize("case", ["mha", "functional", "layer", "encoder", "uint8", "uint8_kpm"])
def test_attention_mask_dtype_checks_and_warnings_match(case):
    assert _mask_warnings(gradkit, case) == _mask_warnings(torch, case)


@pytest.mark.parametrize("kpm_float", [False, True])
@pytest.mark.parametrize("mask_bool", [False, True])
def test_mha_mixed_mask_types_values_and_grads(kpm_float, mask_bool):
    rng = np.random.default_rng(5)
    x = rng.standard_normal((3, 2, 4)).astype(np.float32)
    kpm = np.array([[False, True, False], [False, False, False]])
    causal = np.triu(np.ones((3, 3), bool), 1)

    def fn(T, a):
        T.manual_seed(0)
        m = T.nn.MultiheadAttention(4, 2)
        k = T.tensor(kpm)
        if kpm_float:
            k = T.zeros(2, 3).masked_fill(k, float("-inf"))
        am = T.tensor(causal)
        if not mask_bool:
            am = T.zeros(3, 3).masked_fill(am, float("-inf"))
        out, w = m(a, a, a, key_padding_mask=k, attn_mask=am)
        return out * 1.0, w

    run_both(fn, [x], requires_grad=(0,), rtol=1e-5, atol=1e-6)
