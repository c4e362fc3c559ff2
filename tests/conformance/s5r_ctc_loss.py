# CTC as in the nn.CTCLoss docs and speech-recognition tutorials: padded and concatenated targets,
# reductions, blank index, zero_infinity, gradients w.r.t. log_probs, a few training steps of a tiny
# GRU acoustic model, and greedy CTC decoding (collapse repeats, drop blanks).
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
T, C, N, S, S_min = 20, 6, 3, 8, 3
inp = torch.randn(T, N, C).log_softmax(2).detach().requires_grad_()
target = torch.randint(low=1, high=C, size=(N, S), dtype=torch.long)
input_lengths = torch.full(size=(N,), fill_value=T, dtype=torch.long)
target_lengths = torch.randint(low=S_min, high=S, size=(N,), dtype=torch.long)
ctc_loss = nn.CTCLoss()
loss = ctc_loss(inp, target, input_lengths, target_lengths)
loss.backward()
print(ctc_loss, loss.item(), inp.grad.abs().sum().item(), inp.grad[0, 0])
for reduction in ("none", "sum", "mean"):
    print(reduction, F.ctc_loss(inp, target, input_lengths, target_lengths, reduction=reduction))
flat_targets = torch.cat([target[i, :target_lengths[i]] for i in range(N)])
print(flat_targets.shape, F.ctc_loss(inp, flat_targets, input_lengths, target_lengths).item())
print(F.ctc_loss(inp, target, [T, T - 2, T - 5], target_lengths.tolist(), reduction="none"))
short = torch.randn(3, 1, C).log_softmax(2)
tgt = torch.tensor([[1, 1, 2, 2]])
print(F.ctc_loss(short, tgt, torch.tensor([3]), torch.tensor([4])))
print(F.ctc_loss(short, tgt, torch.tensor([3]), torch.tensor([4]), zero_infinity=True))
blank_last = nn.CTCLoss(blank=C - 1, reduction="sum")
print(blank_last(inp, target.clamp(max=C - 2), input_lengths, target_lengths))


class Acoustic(nn.Module):
    def __init__(self, feat=5, hidden=16, classes=5):
        super().__init__()
        self.rnn = nn.GRU(feat, hidden, bidirectional=True)
        self.proj = nn.Linear(2 * hidden, classes)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.proj(out).log_softmax(-1)


model = Acoustic()
x = torch.randn(12, 2, 5)
y = torch.tensor([[1, 2, 3, 0], [4, 4, 2, 1]])
ylen = torch.tensor([3, 4])
xlen = torch.tensor([12, 10])
opt = torch.optim.Adam(model.parameters(), lr=0.05)
crit = nn.CTCLoss(blank=0, zero_infinity=True)
for step in range(8):
    lp = model(x)
    loss = crit(lp, y, xlen, ylen)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.4f}")


def greedy_decode(log_probs, blank=0):
    best = log_probs.argmax(-1)
    outs = []
    for b in range(best.size(1)):
        prev, seq = blank, []
        for t in best[:, b].tolist():
            if t != prev and t != blank:
                seq.append(t)
            prev = t
        outs.append(seq)
    return outs


print(greedy_decode(model(x).detach()))
try:
    F.ctc_loss(inp, target, input_lengths, torch.tensor([3, 3]))
except RuntimeError as e:
    print("RuntimeError:", str(e)[:60])
