# Sentiment toy with a vocabulary built in plain Python (Counter, min_freq, <pad>/<unk>), a collate function that
# pads with pad_sequence, a bidirectional LSTM classifier with BCEWithLogitsLoss, per-epoch loss/accuracy,
# and predictions on unseen sentences.
from collections import Counter

import torch
import torch.nn as nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
train = [("i loved this movie it was great", 1), ("terrible acting and a boring plot", 0),
         ("what a great film", 1), ("i hated it so boring", 0), ("great story great cast", 1),
         ("awful terrible movie", 0), ("loved the music", 1), ("the plot was awful", 0)]


def tokenize(s):
    return s.lower().split()


counter = Counter(tok for s, _ in train for tok in tokenize(s))
itos = ["<pad>", "<unk>"] + sorted(w for w, c in counter.items() if c >= 1)
stoi = {w: i for i, w in enumerate(itos)}
print(len(itos), counter.most_common(3), itos[:6])


def encode(s):
    return torch.tensor([stoi.get(t, stoi["<unk>"]) for t in tokenize(s)], dtype=torch.long)


def collate(batch):
    xs = [encode(s) for s, _ in batch]
    ys = torch.tensor([y for _, y in batch], dtype=torch.float)
    lens = torch.tensor([len(x) for x in xs])
    return pad_sequence(xs, batch_first=True, padding_value=stoi["<pad>"]), lens, ys


class SentimentLSTM(nn.Module):
    def __init__(self, vocab_size, emb_dim=16, hidden=16):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, emb_dim, padding_idx=0)
        self.lstm = nn.LSTM(emb_dim, hidden, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(2 * hidden, 1)

    def forward(self, x, lens):
        out, (h, c) = self.lstm(self.embedding(x))
        idx = (lens - 1).view(-1, 1, 1).expand(-1, 1, out.size(2))
        last = out.gather(1, idx).squeeze(1)
        feat = torch.cat([last[:, :h.size(2)], out[:, 0, h.size(2):]], dim=1)
        return self.fc(feat).squeeze(1)


model = SentimentLSTM(len(itos))
print(model)
opt = torch.optim.Adam(model.parameters(), lr=0.02)
loss_fn = nn.BCEWithLogitsLoss()
for epoch in range(10):
    perm = torch.randperm(len(train)).tolist()
    epoch_loss, correct = 0.0, 0
    for i in range(0, len(train), 4):
        x, lens, y = collate([train[j] for j in perm[i:i + 4]])
        logits = model(x, lens)
        loss = loss_fn(logits, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        epoch_loss += loss.item() * len(y)
        correct += ((logits > 0).float() == y).sum().item()
    print(f"Epoch {epoch + 1:02d} | loss {epoch_loss / len(train):.4f} | acc {correct / len(train):.2f}")
model.eval()
tests = ["great movie", "boring and awful", "i loved the cast", "unknown words here"]
with torch.no_grad():
    x, lens, _ = collate([(s, 0) for s in tests])
    print(x)
    probs = torch.sigmoid(model(x, lens))
for s, p in zip(tests, probs):
    print(f"{s!r:22} {p.item():.4f} {'pos' if p > 0.5 else 'neg'}")
