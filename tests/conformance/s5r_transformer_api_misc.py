# nn.Transformer odds and ends seen in forum questions: batch_first full model with src/tgt masks and padding,
# custom_encoder/custom_decoder, the sizes/assertions it checks, parameter counts per submodule, is_causal flags,
# the nested-tensor fast path output in eval (padded positions come back as zeros), and torch.compile on it.
import warnings

import torch
import torch.nn as nn

warnings.simplefilter("ignore")
torch.manual_seed(0)
model = nn.Transformer(d_model=8, nhead=2, num_encoder_layers=2, num_decoder_layers=1, dim_feedforward=16,
                       dropout=0.0, batch_first=True)
print(type(model.encoder).__name__, type(model.decoder).__name__, model.d_model, model.nhead, model.batch_first)
for name, child in model.named_children():
    print(name, sum(p.numel() for p in child.parameters()))
print(len(model.state_dict()), list(model.state_dict())[:3])
src = torch.randn(2, 5, 8)
tgt = torch.randn(2, 4, 8)
tgt_mask = model.generate_square_subsequent_mask(4)
src_pad = torch.tensor([[False, False, False, True, True], [False] * 5])
out = model(src, tgt, tgt_mask=tgt_mask, src_key_padding_mask=src_pad, memory_key_padding_mask=src_pad,
            tgt_is_causal=True)
print(out.shape, out[0, 0])
print(nn.Transformer.generate_square_subsequent_mask(3, dtype=torch.float64))
try:
    model(src, torch.randn(3, 4, 8))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    model(src, torch.randn(2, 4, 6))
except RuntimeError as e:
    print("RuntimeError:", e)
enc_layer = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0)
custom = nn.Transformer(d_model=8, nhead=2, custom_encoder=nn.TransformerEncoder(enc_layer, 1),
                        custom_decoder=nn.TransformerDecoder(nn.TransformerDecoderLayer(8, 2, 16, 0.0), 1))
print(sum(p.numel() for p in custom.parameters()), custom(torch.randn(5, 2, 8), torch.randn(3, 2, 8)).shape)
enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16, batch_first=True), 2)
enc.eval()
x = torch.randn(2, 5, 8)
with torch.no_grad():
    y = enc(x, src_key_padding_mask=src_pad)
print(y[0, 3:], y[1, 4])
with torch.no_grad():
    y_train_path = enc.layers[1](enc.layers[0](x, src_key_padding_mask=src_pad), src_key_padding_mask=src_pad)
print(torch.allclose(y[0, :3], y_train_path[0, :3], atol=1e-5))
compiled = torch.compile(enc)
with torch.no_grad():
    print(torch.allclose(compiled(x), enc(x), atol=1e-6))
