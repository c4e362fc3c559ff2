# Toy seq2seq (encoder GRU -> decoder GRU) learning to reverse digit strings, with a teacher forcing ratio drawn
# from Python's random module, SOS/EOS tokens, NLLLoss on log_softmax, clip_grad_norm_, and greedy decoding.
import random

import torch
import torch.nn as nn
import torch.nn.functional as F

random.seed(0)
torch.manual_seed(0)
SOS, EOS = 10, 11
V = 12


def make_pair(n):
    seq = [random.randint(0, 9) for _ in range(n)]
    return torch.tensor(seq + [EOS]), torch.tensor(seq[::-1] + [EOS])


pairs = [make_pair(random.randint(3, 5)) for _ in range(12)]
print(pairs[0])


class Encoder(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.embedding = nn.Embedding(V, hidden)
        self.gru = nn.GRU(hidden, hidden)

    def forward(self, src):
        out, h = self.gru(self.embedding(src).unsqueeze(1))
        return out, h


class Decoder(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.embedding = nn.Embedding(V, hidden)
        self.gru = nn.GRU(hidden, hidden)
        self.out = nn.Linear(hidden, V)

    def forward(self, tok, h):
        x = F.relu(self.embedding(tok).view(1, 1, -1))
        out, h = self.gru(x, h)
        return F.log_softmax(self.out(out[0]), dim=1), h


enc, dec = Encoder(16), Decoder(16)
params = list(enc.parameters()) + list(dec.parameters())
opt = torch.optim.Adam(params, lr=0.01)
crit = nn.NLLLoss()
teacher_forcing_ratio = 0.5
for epoch in range(6):
    total = 0.0
    for src, tgt in pairs:
        opt.zero_grad()
        _, h = enc(src)
        tok = torch.tensor([SOS])
        loss = 0
        use_tf = random.random() < teacher_forcing_ratio
        for t in range(tgt.size(0)):
            logp, h = dec(tok, h)
            loss = loss + crit(logp, tgt[t].unsqueeze(0))
            if use_tf:
                tok = tgt[t].unsqueeze(0)
            else:
                topv, topi = logp.topk(1)
                tok = topi.squeeze().detach().view(1)
        loss.backward()
        gn = torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        total += loss.item() / tgt.size(0)
    print(f"epoch {epoch} avg loss {total / len(pairs):.4f} last grad norm {gn:.4f}")


@torch.no_grad()
def greedy(src, max_len=8):
    _, h = enc(src)
    tok = torch.tensor([SOS])
    out = []
    for _ in range(max_len):
        logp, h = dec(tok, h)
        tok = logp.argmax(1)
        if tok.item() == EOS:
            break
        out.append(tok.item())
    return out


for src, tgt in pairs[:4]:
    print(src.tolist(), "->", greedy(src), "target", tgt[:-1].tolist())
