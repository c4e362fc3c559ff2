# Training with dropout switched on, as real models are: nn.LSTM(num_layers=2, dropout=0.3), nn.Dropout on
# embeddings, nn.TransformerEncoderLayer with its default dropout=0.1 and MultiheadAttention(dropout=0.2) in
# train mode; the same seed must give the same losses; eval() makes outputs deterministic.
import warnings

import torch
import torch.nn as nn

warnings.simplefilter("ignore")
torch.manual_seed(0)


class Tagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(20, 8)
        self.drop = nn.Dropout(0.25)
        self.lstm = nn.LSTM(8, 12, num_layers=2, dropout=0.3, batch_first=True, bidirectional=True)
        self.out = nn.Linear(24, 4)

    def forward(self, x):
        h, _ = self.lstm(self.drop(self.emb(x)))
        return self.out(self.drop(h))


x = torch.randint(0, 20, (4, 6))
y = torch.randint(0, 4, (4, 6))
model = Tagger()
opt = torch.optim.SGD(model.parameters(), lr=0.3, momentum=0.9)
for step in range(5):
    logits = model(x)
    loss = nn.functional.cross_entropy(logits.reshape(-1, 4), y.reshape(-1))
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.5f}")
model.eval()
a, b = model(x), model(x)
print(torch.equal(a, b), a[0, 0])
model.train()
print(torch.equal(model(x), model(x)))

layer = nn.TransformerEncoderLayer(8, 2, 16, batch_first=True)
print(layer.dropout.p, layer.dropout1, layer.self_attn.dropout)
src = torch.randn(2, 5, 8)
o1 = layer(src)
print(o1[0, 0])
opt = torch.optim.Adam(layer.parameters(), lr=1e-3)
for step in range(3):
    loss = layer(src).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.5f}")
mha = nn.MultiheadAttention(8, 2, dropout=0.2)
q = torch.randn(4, 1, 8)
out, w = mha(q, q, q)
print(w[0], out[0, 0])
mha.eval()
out, w = mha(q, q, q)
print(w[0].sum(-1))
