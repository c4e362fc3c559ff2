# Word2vec skip-gram with negative sampling, blog style: build (center, context) pairs with a window, unigram^0.75
# noise distribution, torch.multinomial negatives from a Generator, two Embedding tables, logsigmoid loss,
# SGD, and nearest neighbours by cosine similarity (F.normalize + topk).
from collections import Counter

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
corpus = ("king queen man woman king man queen woman prince princess boy girl prince boy princess girl "
          "king rules the land queen rules the land").split()
counts = Counter(corpus)
vocab = sorted(counts)
w2i = {w: i for i, w in enumerate(vocab)}
ids = [w2i[w] for w in corpus]
window = 2
pairs = [(ids[i], ids[j]) for i in range(len(ids)) for j in range(max(0, i - window), min(len(ids), i + window + 1))
         if i != j]
print(len(vocab), len(pairs), pairs[:5])
freq = torch.tensor([counts[w] for w in vocab], dtype=torch.float)
noise = freq.pow(0.75)
noise = noise / noise.sum()
print(noise.round(decimals=4))


class SkipGramNeg(nn.Module):
    def __init__(self, n_vocab, n_embed):
        super().__init__()
        self.in_embed = nn.Embedding(n_vocab, n_embed)
        self.out_embed = nn.Embedding(n_vocab, n_embed)
        self.in_embed.weight.data.uniform_(-1, 1)
        self.out_embed.weight.data.uniform_(-1, 1)

    def forward(self, center, context, negatives):
        v = self.in_embed(center)
        u = self.out_embed(context)
        neg = self.out_embed(negatives)
        pos_loss = F.logsigmoid((v * u).sum(1))
        neg_loss = F.logsigmoid(-torch.bmm(neg, v.unsqueeze(2)).squeeze(2)).sum(1)
        return -(pos_loss + neg_loss).mean()


model = SkipGramNeg(len(vocab), 6)
opt = torch.optim.SGD(model.parameters(), lr=0.2)
g = torch.Generator().manual_seed(7)
data = torch.tensor(pairs)
for epoch in range(5):
    perm = torch.randperm(len(data), generator=g)
    total = 0.0
    for i in range(0, len(data), 16):
        batch = data[perm[i:i + 16]]
        negs = torch.multinomial(noise, batch.size(0) * 3, replacement=True, generator=g).view(-1, 3)
        loss = model(batch[:, 0], batch[:, 1], negs)
        opt.zero_grad()
        loss.backward()
        opt.step()
        total += loss.item() * batch.size(0)
    print(f"epoch {epoch} loss {total / len(data):.4f}")
emb = F.normalize(model.in_embed.weight.detach(), dim=1)
sims = emb @ emb.T
for w in ["king", "boy"]:
    vals, idx = sims[w2i[w]].topk(3)
    print(w, [(vocab[i], round(v, 3)) for v, i in zip(vals.tolist(), idx.tolist())])
print(F.cosine_similarity(emb[w2i["king"]], emb[w2i["queen"]], dim=0).item())
print(torch.cdist(emb[:3], emb[:3]))
