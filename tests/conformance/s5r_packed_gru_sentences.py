# Sentence classifier over a packed batch (the "Taming LSTMs: variable-sized mini-batches" blog):
# sort by length, Embedding(padding_idx=0) -> pack -> GRU -> pad back -> masked mean pool, trained with Adam.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.manual_seed(0)
sentences = [[3, 4, 5, 6, 2], [7, 8], [9, 3, 4], [5, 5, 5, 5], [2, 8, 9], [6]]
labels = torch.tensor([1, 0, 1, 1, 0, 0])
lengths = torch.tensor([len(s) for s in sentences])
batch = torch.zeros(len(sentences), lengths.max().item(), dtype=torch.long)
for i, s in enumerate(sentences):
    batch[i, :len(s)] = torch.tensor(s)
print(batch, lengths)
lengths_sorted, perm = lengths.sort(descending=True)
print(lengths_sorted, perm)


class Net(nn.Module):
    def __init__(self, vocab=10, emb=8, hid=12):
        super().__init__()
        self.embedding = nn.Embedding(vocab, emb, padding_idx=0)
        self.gru = nn.GRU(emb, hid, batch_first=True)
        self.out = nn.Linear(hid, 2)

    def forward(self, x, lens):
        e = self.embedding(x)
        packed = pack_padded_sequence(e, lens, batch_first=True)
        out, h = self.gru(packed)
        out, out_lens = pad_packed_sequence(out, batch_first=True)
        mask = (torch.arange(out.size(1))[None, :] < out_lens[:, None]).unsqueeze(-1).float()
        pooled = (out * mask).sum(1) / out_lens.unsqueeze(1).float()
        return self.out(pooled), h


model = Net()
opt = torch.optim.Adam(model.parameters(), lr=0.05)
x_sorted, y_sorted = batch[perm], labels[perm]
for epoch in range(8):
    model.train()
    logits, h = model(x_sorted, lengths_sorted)
    loss = F.cross_entropy(logits, y_sorted)
    opt.zero_grad()
    loss.backward()
    opt.step()
    acc = (logits.argmax(1) == y_sorted).float().mean()
    print(f"epoch {epoch} loss {loss.item():.4f} acc {acc:.3f}")
print(h.shape, model.embedding.weight.grad[0].abs().sum().item())
model.eval()
with torch.no_grad():
    logits, _ = model(x_sorted, lengths_sorted)
    probs = logits.softmax(-1)
    unsort = torch.empty_like(perm)
    unsort[perm] = torch.arange(len(perm))
    print(probs[unsort].round(decimals=4))
