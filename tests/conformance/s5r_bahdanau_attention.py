# Additive (Bahdanau) and multiplicative (Luong) attention over encoder outputs, as in the NMT tutorials:
# bidirectional GRU encoder, masking padded source positions with masked_fill(-1e10 / -inf), softmax weights,
# bmm context vectors, a decoder step with nn.GRUCell; training loss and attention maps printed.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Attention(nn.Module):
    def __init__(self, enc_hid_dim, dec_hid_dim):
        super().__init__()
        self.attn = nn.Linear((enc_hid_dim * 2) + dec_hid_dim, dec_hid_dim)
        self.v = nn.Linear(dec_hid_dim, 1, bias=False)

    def forward(self, hidden, encoder_outputs, mask):
        src_len = encoder_outputs.shape[0]
        hidden = hidden.unsqueeze(1).repeat(1, src_len, 1)
        encoder_outputs = encoder_outputs.permute(1, 0, 2)
        energy = torch.tanh(self.attn(torch.cat((hidden, encoder_outputs), dim=2)))
        attention = self.v(energy).squeeze(2)
        attention = attention.masked_fill(mask == 0, -1e10)
        return F.softmax(attention, dim=1)


class LuongDot(nn.Module):
    def forward(self, query, keys, mask):
        scores = torch.bmm(keys, query.unsqueeze(2)).squeeze(2)
        scores = scores.masked_fill(~mask, float("-inf"))
        w = scores.softmax(-1)
        return torch.bmm(w.unsqueeze(1), keys).squeeze(1), w


emb = nn.Embedding(12, 6, padding_idx=0)
encoder = nn.GRU(6, 5, bidirectional=True)
fc = nn.Linear(10, 7)
attn = Attention(5, 7)
cell = nn.GRUCell(10 + 6, 7)
out_proj = nn.Linear(7 + 10, 12)
src = torch.tensor([[4, 5], [6, 7], [8, 0], [9, 0]])
mask = (src != 0).permute(1, 0)
tgt = torch.tensor([[1, 1], [3, 4], [5, 6], [2, 2]])
params = [p for m in (emb, encoder, fc, attn, cell, out_proj) for p in m.parameters()]
opt = torch.optim.Adam(params, lr=0.02)
for epoch in range(5):
    enc_out, hidden = encoder(emb(src))
    hidden = torch.tanh(fc(torch.cat((hidden[-2, :, :], hidden[-1, :, :]), dim=1)))
    loss = 0.0
    maps = []
    for t in range(1, tgt.size(0)):
        a = attn(hidden, enc_out, mask)
        maps.append(a)
        weighted = torch.bmm(a.unsqueeze(1), enc_out.permute(1, 0, 2)).squeeze(1)
        hidden = cell(torch.cat([emb(tgt[t - 1]), weighted], dim=1), hidden)
        pred = out_proj(torch.cat([hidden, weighted], dim=1))
        loss = loss + F.cross_entropy(pred, tgt[t])
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(epoch, round(loss.item() / 3, 5))
print(torch.stack(maps, 1)[1])

keys = torch.randn(2, 4, 3)
q = torch.randn(2, 3)
m = torch.tensor([[True, True, True, False], [True, False, False, False]])
ctx, w = LuongDot()(q, keys, m)
print(ctx, w)
general = nn.Bilinear(3, 3, 1)
print(general(q.unsqueeze(1).expand(-1, 4, -1).reshape(-1, 3), keys.reshape(-1, 3)).view(2, 4))
