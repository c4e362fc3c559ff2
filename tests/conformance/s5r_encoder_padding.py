# TransformerEncoderLayer / TransformerEncoder with src_key_padding_mask and a causal mask
# (nn.Transformer.generate_square_subsequent_mask), norm_first, gelu, in eval mode and in training with
# dropout=0.0; masked mean pooling for a classifier head; reprs and state_dict keys.
import warnings

import torch
import torch.nn as nn

warnings.simplefilter("ignore")
torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16, dropout=0.0, batch_first=True)
print(layer)
enc = nn.TransformerEncoder(layer, num_layers=2, norm=nn.LayerNorm(8))
print(list(enc.state_dict().keys())[:8], len(enc.state_dict()))
src = torch.randn(3, 5, 8)
pad = torch.tensor([[False] * 5, [False, False, False, True, True], [False, True, True, True, True]])
out = enc(src, src_key_padding_mask=pad)
print(out.shape)
print(out[1, :3])
enc.eval()
with torch.no_grad():
    out_eval = enc(src, src_key_padding_mask=pad)
print(out_eval.shape, torch.allclose(out_eval[0], out[0].detach(), atol=1e-5))
print(torch.allclose(out_eval[1, :3], out[1, :3].detach(), atol=1e-5))
mask = nn.Transformer.generate_square_subsequent_mask(5)
print(mask)
enc.train()
o_causal = enc(src, mask=mask, is_causal=True)
print(o_causal[2, 0], o_causal.requires_grad)
first = enc(src[:, :1])
print(torch.allclose(first[:, 0], o_causal[:, 0], atol=1e-5))

pre = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, activation="gelu", norm_first=True)
print(pre)
x = torch.randn(5, 2, 8)
y = pre(x, src_mask=mask)
print(y[0], y.shape)
y.pow(2).mean().backward()
print(pre.self_attn.in_proj_weight.grad.norm().item(), pre.linear1.weight.grad.norm().item())


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(20, 8, padding_idx=0)
        self.enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 32, 0.0, batch_first=True), 1,
                                         enable_nested_tensor=False)
        self.head = nn.Linear(8, 2)

    def forward(self, ids):
        pad_mask = ids == 0
        h = self.enc(self.emb(ids) * 8 ** 0.5, src_key_padding_mask=pad_mask)
        keep = (~pad_mask).unsqueeze(-1).float()
        return self.head((h * keep).sum(1) / keep.sum(1))


torch.manual_seed(1)
ids = torch.randint(1, 20, (6, 7))
ids[0, 4:] = 0
ids[3, 2:] = 0
y = torch.tensor([0, 1, 0, 1, 1, 0])
clf = Classifier()
opt = torch.optim.AdamW(clf.parameters(), lr=1e-2)
for step in range(6):
    loss = nn.functional.cross_entropy(clf(ids), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 5))
