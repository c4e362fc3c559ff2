# A tiny GRU encoder-decoder (reverse a sequence) with teacher forcing decided by Python's random module,
# greedy decoding, and per-token accuracy.
import random
import torch
import torch.nn as nn
import torch.nn.functional as F

random.seed(0)
torch.manual_seed(0)
SOS, EOS, V, L = 0, 1, 8, 5


def make_batch(n):
    src = torch.randint(2, V, (n, L))
    tgt = torch.cat([src.flip(1), torch.full((n, 1), EOS)], dim=1)
    return src, tgt


class Encoder(nn.Module):
    def __init__(self, V, H):
        super().__init__()
        self.embedding = nn.Embedding(V, H)
        self.gru = nn.GRU(H, H, batch_first=True)

    def forward(self, x):
        out, hidden = self.gru(self.embedding(x))
        return out, hidden


class Decoder(nn.Module):
    def __init__(self, V, H):
        super().__init__()
        self.embedding = nn.Embedding(V, H)
        self.gru = nn.GRU(H, H, batch_first=True)
        self.out = nn.Linear(H, V)

    def forward_step(self, inp, hidden):
        output = F.relu(self.embedding(inp))
        output, hidden = self.gru(output, hidden)
        return self.out(output), hidden


H = 24
enc, dec = Encoder(V, H), Decoder(V, H)
params = list(enc.parameters()) + list(dec.parameters())
opt = torch.optim.Adam(params, lr=0.01)
criterion = nn.NLLLoss()
tf_ratio = 0.5
for it in range(40):
    src, tgt = make_batch(16)
    _, hidden = enc(src)
    dec_in = torch.full((16, 1), SOS, dtype=torch.long)
    loss = 0
    use_tf = random.random() < tf_ratio
    for t in range(tgt.size(1)):
        logits, hidden = dec.forward_step(dec_in, hidden)
        logp = F.log_softmax(logits.squeeze(1), dim=-1)
        loss = loss + criterion(logp, tgt[:, t])
        if use_tf:
            dec_in = tgt[:, t].unsqueeze(1)
        else:
            _, topi = logp.topk(1)
            dec_in = topi.detach()
    opt.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(params, 1.0)
    opt.step()
    if it % 8 == 0:
        print(f"iter {it} tf={use_tf} loss {loss.item() / tgt.size(1):.4f}")


@torch.no_grad()
def greedy(src):
    _, hidden = enc(src)
    dec_in = torch.full((src.size(0), 1), SOS, dtype=torch.long)
    outs = []
    for t in range(L + 1):
        logits, hidden = dec.forward_step(dec_in, hidden)
        dec_in = logits.argmax(-1)
        outs.append(dec_in)
    return torch.cat(outs, dim=1)


src, tgt = make_batch(6)
pred = greedy(src)
print(src)
print(pred)
print("token acc", (pred == tgt).float().mean().item(), "seq acc", (pred == tgt).all(1).float().mean().item())
print([random.randint(0, 9) for _ in range(5)], random.choice(["a", "b", "c"]))
