# Sequence models as in tutorials: LSTM time-series regression, GRU classifier over packed padded batches,
# char-level RNN with RNNCell, bidirectional LSTM tagger.
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(23)
t = torch.linspace(0, 12, 120)
series = torch.sin(t) + 0.05 * torch.randn(120)
window = 10
X = torch.stack([series[i:i + window] for i in range(100)]).unsqueeze(-1)
Y = series[window:window + 100].unsqueeze(-1)
print(X.shape, Y.shape)


class LSTMRegressor(nn.Module):
    def __init__(self, hidden=16, layers=2):
        super().__init__()
        self.lstm = nn.LSTM(1, hidden, num_layers=layers, batch_first=True)
        self.fc = nn.Linear(hidden, 1)

    def forward(self, x):
        out, (h_n, c_n) = self.lstm(x)
        return self.fc(out[:, -1, :])


model = LSTMRegressor()
print(model, sum(p.numel() for p in model.parameters()))
opt = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(15):
    pred = model(X)
    loss = nn.functional.mse_loss(pred, Y)
    opt.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    if epoch % 3 == 0:
        print(epoch, f"{loss.item():.5f}")
with torch.no_grad():
    print(model(X[:3]).squeeze(-1), Y[:3].squeeze(-1))

seqs = [torch.randn(n, 4) for n in (5, 2, 7, 3, 6, 1)]
labels = torch.tensor([0, 1, 0, 1, 1, 0])
lengths = torch.tensor([len(s) for s in seqs])
padded = pad_sequence(seqs, batch_first=True)
print(padded.shape, lengths)


class GRUClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(4, 8, batch_first=True, bidirectional=True)
        self.head = nn.Linear(16, 2)

    def forward(self, x, lens):
        packed = pack_padded_sequence(x, lens, batch_first=True, enforce_sorted=False)
        out, h = self.gru(packed)
        unpacked, out_lens = pad_packed_sequence(out, batch_first=True)
        feat = torch.cat([h[-2], h[-1]], dim=1)
        return self.head(feat), unpacked, out_lens


clf = GRUClassifier()
opt = torch.optim.SGD(clf.parameters(), lr=0.2, momentum=0.9)
for epoch in range(8):
    logits, unpacked, out_lens = clf(padded, lengths)
    loss = nn.functional.cross_entropy(logits, labels)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(epoch, round(loss.item(), 5), (logits.argmax(1) == labels).sum().item())
print(unpacked.shape, out_lens, unpacked[1, 2:].abs().sum().item())

text = "hello world, hello gradkit"
chars = sorted(set(text))
stoi = {c: i for i, c in enumerate(chars)}
data = torch.tensor([stoi[c] for c in text])
V = len(chars)


class CharRNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(V, 8)
        self.cell = nn.RNNCell(8, 16)
        self.out = nn.Linear(16, V)

    def forward(self, idx, h=None):
        outs = []
        for i in range(idx.size(0)):
            h = self.cell(self.emb(idx[i]), h)
            outs.append(self.out(h))
        return torch.stack(outs), h


cr = CharRNN()
opt = torch.optim.Adam(cr.parameters(), lr=0.02)
inp, tgt = data[:-1].unsqueeze(1), data[1:].unsqueeze(1)
for it in range(20):
    logits, _ = cr(inp)
    loss = nn.functional.cross_entropy(logits.view(-1, V), tgt.view(-1))
    opt.zero_grad()
    loss.backward()
    opt.step()
    if it % 5 == 4:
        print(it, f"{loss.item():.4f}")
with torch.no_grad():
    idx = torch.tensor([[stoi["h"]]])
    h = None
    s = "h"
    for _ in range(10):
        logits, h = cr(idx, h)
        nxt = logits[-1].argmax(-1)
        s += chars[nxt.item()]
        idx = nxt.view(1, 1)
print(repr(s))

tagger = nn.LSTM(5, 6, bidirectional=True, num_layers=2, dropout=0.1)
print(tagger, [n for n, _ in tagger.named_parameters()][:5])
tagger.eval()
sent = torch.randn(7, 1, 5)
out, (h, c) = tagger(sent)
print(out.shape, h.shape, c.shape, out[0, 0, :3], h[-1])
print(out.view(7, 1, 2, 6)[-1, 0, 0] - h[-2, 0], out.view(7, 1, 2, 6)[0, 0, 1] - h[-1, 0])
lc = nn.LSTMCell(5, 3)
hx, cx = torch.zeros(1, 3), torch.zeros(1, 3)
for i in range(7):
    hx, cx = lc(sent[i], (hx, cx))
print(hx, cx)
