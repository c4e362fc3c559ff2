# TransformerDecoderLayer / TransformerDecoder on top of an encoder memory: tgt_mask, tgt_is_causal,
# memory_key_padding_mask, tgt_key_padding_mask, a final LayerNorm; shapes, values, gradients into memory.
# conformance: rtol=1e-3 atol=1e-4
import torch
import torch.nn as nn

torch.manual_seed(0)
decoder_layer = nn.TransformerDecoderLayer(d_model=8, nhead=4, dim_feedforward=12, dropout=0.0)
print(decoder_layer)
transformer_decoder = nn.TransformerDecoder(decoder_layer, num_layers=2, norm=nn.LayerNorm(8))
memory = torch.rand(6, 2, 8, requires_grad=True)
tgt = torch.rand(4, 2, 8)
out = transformer_decoder(tgt, memory)
print(out.shape, out[0, 0])
tgt_mask = nn.Transformer.generate_square_subsequent_mask(4)
mem_pad = torch.tensor([[False, False, False, False, True, True], [False] * 6])
tgt_pad = torch.tensor([[False, False, False, True], [False] * 4])
out = transformer_decoder(tgt, memory, tgt_mask=tgt_mask, memory_key_padding_mask=mem_pad,
                          tgt_key_padding_mask=tgt_pad, tgt_is_causal=True)
print(out[:, 0].sum(-1), out[3, 1])
out.sum().backward()
print(memory.grad[4:, 0].abs().sum().item(), memory.grad[:, 1].abs().sum().item() > 0)
print(sorted({k.split(".")[2] for k in transformer_decoder.state_dict() if k.startswith("layers.")}))

bf = nn.TransformerDecoderLayer(6, 2, 10, dropout=0.0, batch_first=True, norm_first=True, activation="gelu")
m = torch.randn(3, 5, 6)
t = torch.randn(3, 2, 6)
print(bf(t, m).shape, bf(t, m)[2])
y1 = bf(t[:, :1], m)
y2 = bf(t, m, tgt_mask=nn.Transformer.generate_square_subsequent_mask(2))
print(torch.allclose(y1[:, 0], y2[:, 0], atol=1e-5))
