# RNN/LSTM/GRU shapes and values: batch_first, bidirectional, multi-layer, initial states, packed sequences,
# cells unrolled by hand and compared with the full layer, LSTM proj_size.
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pack_sequence, pad_sequence

torch.manual_seed(0)
x = torch.randn(3, 5, 4)
for cls in (nn.RNN, nn.LSTM, nn.GRU):
    for bf in (False, True):
        for bi in (False, True):
            m = cls(4, 6, num_layers=2, batch_first=bf, bidirectional=bi)
            out, h = m(x)
            hs = [t.shape for t in h] if isinstance(h, tuple) else h.shape
            print(cls.__name__, bf, bi, out.shape, hs, round(out.sum().item(), 4))
rnn = nn.RNN(4, 3, nonlinearity="relu", bias=False)
for n, p in rnn.named_parameters():
    print(n, p.shape)
h0 = torch.zeros(1, 5, 3)
out, hn = rnn(x, h0)
print(out[-1], hn)

cell = nn.LSTMCell(4, 6)
lstm = nn.LSTM(4, 6)
with torch.no_grad():
    lstm.weight_ih_l0.copy_(cell.weight_ih)
    lstm.weight_hh_l0.copy_(cell.weight_hh)
    lstm.bias_ih_l0.copy_(cell.bias_ih)
    lstm.bias_hh_l0.copy_(cell.bias_hh)
hx, cx = torch.zeros(5, 6), torch.zeros(5, 6)
outs = []
for t in range(3):
    hx, cx = cell(x[t], (hx, cx))
    outs.append(hx)
full, (hn, cn) = lstm(x)
print(torch.allclose(torch.stack(outs), full, atol=1e-6), torch.allclose(cn[0], cx, atol=1e-6))
gcell = nn.GRUCell(4, 2)
h = gcell(x[0])
print(h, gcell(x[1], h))

lp = nn.LSTM(4, 8, proj_size=3, batch_first=True)
o, (h, c) = lp(x)
print(o.shape, h.shape, c.shape, [n for n, _ in lp.named_parameters()])

seqs = [torch.randn(n, 2) for n in (4, 2, 3)]
lens = [4, 2, 3]
padded = pad_sequence(seqs)
print(padded.shape)
packed = pack_padded_sequence(padded, lens, enforce_sorted=False)
print(packed.batch_sizes, packed.sorted_indices, packed.unsorted_indices, packed.data.shape)
gru = nn.GRU(2, 3, bidirectional=True)
po, ph = gru(packed)
unpacked, ul = pad_packed_sequence(po, total_length=5)
print(unpacked.shape, ul, ph.shape)
print(unpacked[:, 1], ph[:, 1])
ps = pack_sequence(sorted(seqs, key=len, reverse=True))
print(ps.batch_sizes, ps.data[:3])
o2, _ = nn.RNN(2, 2)(ps)
print(type(o2).__name__, o2.data.shape)
pu, pl = pad_packed_sequence(o2, batch_first=True, padding_value=-1.0)
print(pu[:, :, 0], pl)


class CharRNN(nn.Module):
    def __init__(self, vocab, hidden):
        super().__init__()
        self.emb = nn.Embedding(vocab, 8)
        self.rnn = nn.GRU(8, hidden, batch_first=True)
        self.fc = nn.Linear(hidden, vocab)

    def forward(self, x, h=None):
        out, h = self.rnn(self.emb(x), h)
        return self.fc(out), h


text = "the quick brown fox jumps over the lazy dog"
chars = sorted(set(text))
idx = torch.tensor([chars.index(c) for c in text])
model = CharRNN(len(chars), 16)
opt = torch.optim.Adam(model.parameters(), lr=0.02)
inp, tgt = idx[:-1].unsqueeze(0), idx[1:].unsqueeze(0)
for it in range(30):
    logits, _ = model(inp)
    loss = nn.functional.cross_entropy(logits.reshape(-1, len(chars)), tgt.reshape(-1))
    opt.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 5.0)
    opt.step()
    if it % 10 == 0:
        print(it, round(loss.item(), 4))
h = None
cur = idx[:1].unsqueeze(0)
gen = []
with torch.no_grad():
    for _ in range(10):
        logits, h = model(cur, h)
        cur = logits[:, -1].argmax(-1, keepdim=True)
        gen.append(chars[cur.item()])
print("".join(gen))
