# Greedy vs beam search decoding from a small LSTM language model trained on a handful of sentences:
# log_softmax scores, topk over the flattened beam, length normalisation, and EOS handling.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
corpus = ["the cat sat on the mat", "the dog sat on the log", "a cat ate the fish", "the dog ate a bone"]
words = ["<s>", "</s>"] + sorted({w for s in corpus for w in s.split()})
w2i = {w: i for i, w in enumerate(words)}
V = len(words)
data = [torch.tensor([0] + [w2i[w] for w in s.split()] + [1]) for s in corpus]


class LM(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(V, 12)
        self.lstm = nn.LSTM(12, 24, batch_first=True)
        self.out = nn.Linear(24, V)

    def forward(self, x, state=None):
        h, state = self.lstm(self.emb(x), state)
        return self.out(h), state


lm = LM()
opt = torch.optim.Adam(lm.parameters(), lr=0.03)
batch = torch.nn.utils.rnn.pad_sequence(data, batch_first=True, padding_value=1)
for epoch in range(40):
    logits, _ = lm(batch[:, :-1])
    loss = F.cross_entropy(logits.reshape(-1, V), batch[:, 1:].reshape(-1))
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 8 == 7:
        print(epoch + 1, round(loss.item(), 4), round(loss.exp().item(), 3))


@torch.no_grad()
def greedy(prefix, max_len=8):
    ids = [0] + [w2i[w] for w in prefix.split()]
    logits, state = lm(torch.tensor([ids]))
    out = []
    nxt = logits[0, -1].argmax().item()
    while nxt != 1 and len(out) < max_len:
        out.append(words[nxt])
        logits, state = lm(torch.tensor([[nxt]]), state)
        nxt = logits[0, -1].argmax().item()
    return " ".join(out)


@torch.no_grad()
def beam_search(prefix, k=3, max_len=7, alpha=0.7):
    ids = [0] + [w2i[w] for w in prefix.split()]
    beams = [(0.0, ids, False)]
    for _ in range(max_len):
        candidates = []
        for score, seq, done in beams:
            if done:
                candidates.append((score, seq, True))
                continue
            logits, _ = lm(torch.tensor([seq]))
            logp = F.log_softmax(logits[0, -1], dim=-1)
            top_lp, top_ix = logp.topk(k)
            for lp, ix in zip(top_lp.tolist(), top_ix.tolist()):
                candidates.append((score + lp, seq + [ix], ix == 1))
        candidates.sort(key=lambda c: c[0] / (len(c[1]) ** alpha), reverse=True)
        beams = candidates[:k]
        if all(d for _, _, d in beams):
            break
    return [(" ".join(words[i] for i in s[1:] if i > 1), round(sc, 3)) for sc, s, _ in beams]


for p in ["the", "a cat", "the dog sat"]:
    print(repr(p), "->", greedy(p))
    print(beam_search(p))

logits, _ = lm(batch[:, :1])
lp = logits[:, -1].log_softmax(-1)
scores, flat = lp.view(-1).topk(5)
print(scores, flat // V, flat % V)
vals, idx = torch.topk(lp, 2, dim=-1, largest=True, sorted=True)
print(vals, idx)
