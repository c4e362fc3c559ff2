# Mask-type pitfalls from forum threads: a bool padding mask mixed with a float causal mask (deprecation warning
# from MultiheadAttention / TransformerEncoderLayer / TransformerEncoder, but the same numbers as matching types),
# a uint8 mask from (ids == 0).byte() rejected, a float padding mask with -inf, and the usual fix (.bool()).
import warnings

import torch
import torch.nn as nn

torch.manual_seed(0)
ids = torch.tensor([[5, 3, 2, 0, 0], [4, 4, 1, 7, 0]])
emb = nn.Embedding(8, 8, padding_idx=0)
x = emb(ids)
pad_bool = ids == 0
pad_float = torch.zeros(ids.shape).masked_fill(pad_bool, float("-inf"))
causal_float = nn.Transformer.generate_square_subsequent_mask(5)
causal_bool = torch.triu(torch.ones(5, 5, dtype=torch.bool), diagonal=1)
mha = nn.MultiheadAttention(8, 2, batch_first=True)
layer = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, batch_first=True)
encoder = nn.TransformerEncoder(layer, 2, enable_nested_tensor=False)


def run(label, fn):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            out = fn()
            out = out[0] if isinstance(out, tuple) else out
            print(label, tuple(out.shape), f"{out.abs().sum().item():.4f}")
        except AssertionError as e:
            print(label, "AssertionError:", e)
    for w in caught:
        print("   ", w.category.__name__, w.message)


run("mha same types", lambda: mha(x, x, x, key_padding_mask=pad_bool, attn_mask=causal_bool))
run("mha mixed", lambda: mha(x, x, x, key_padding_mask=pad_bool, attn_mask=causal_float))
run("mha floats", lambda: mha(x, x, x, key_padding_mask=pad_float, attn_mask=causal_float))
run("mha uint8", lambda: mha(x, x, x, key_padding_mask=pad_bool.byte()))
run("mha uint8 attn", lambda: mha(x, x, x, attn_mask=causal_bool.to(torch.uint8)))
run("mha fixed", lambda: mha(x, x, x, key_padding_mask=pad_bool.byte().bool()))
run("layer mixed", lambda: layer(x, src_mask=causal_float, src_key_padding_mask=pad_bool))
run("layer same", lambda: layer(x, src_mask=causal_bool, src_key_padding_mask=pad_bool))
run("encoder mixed", lambda: encoder(x, mask=causal_float, src_key_padding_mask=pad_bool))
run("encoder float", lambda: encoder(x, mask=causal_float, src_key_padding_mask=pad_float))
run("encoder int", lambda: encoder(x, src_key_padding_mask=pad_bool.long()))
o1, w1 = mha(x, x, x, key_padding_mask=pad_bool, attn_mask=causal_float)
o2, w2 = mha(x, x, x, key_padding_mask=pad_float, attn_mask=causal_bool)
print(torch.allclose(o1, o2, atol=1e-6), w1[0, 2], w2[1, 4])
