# Large-vocabulary LM output layer: nn.AdaptiveLogSoftmaxWithLoss with frequency-sorted cutoffs on top of a GRU,
# the (output, loss) namedtuple, log_prob over the full vocabulary, predict(), head_bias, training a few steps,
# and the errors for bad cutoffs / target range.
import torch
import torch.nn as nn

torch.manual_seed(0)
V = 30
asm = nn.AdaptiveLogSoftmaxWithLoss(in_features=12, n_classes=V, cutoffs=[6, 15], div_value=2.0)
print(asm)
print([(n, tuple(p.shape)) for n, p in asm.named_parameters()])
hidden = torch.randn(10, 12)
target = torch.tensor([0, 5, 6, 14, 15, 29, 3, 7, 20, 1])
out = asm(hidden, target)
print(type(out).__name__, out._fields, out.output.shape, out.loss)
print(out.output)
lp = asm.log_prob(hidden)
print(lp.shape, lp.exp().sum(1))
print(torch.allclose(lp.gather(1, target[:, None]).squeeze(1), out.output, atol=1e-5))
print(asm.predict(hidden), lp.argmax(1))
out.loss.backward()
print(asm.head.weight.grad.abs().sum().item(), asm.tail[1][1].weight.grad.shape)
hb = nn.AdaptiveLogSoftmaxWithLoss(12, V, [10], div_value=4.0, head_bias=True)
print(hb.head, hb(hidden, target).loss)
single = asm(hidden[0], target[0])
print(single.output.shape, single.loss)


class LM(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(V, 12)
        self.rnn = nn.GRU(12, 12, batch_first=True)
        self.out = nn.AdaptiveLogSoftmaxWithLoss(12, V, cutoffs=[5, 12], div_value=2.0)

    def forward(self, x, y):
        h, _ = self.rnn(self.emb(x))
        return self.out(h.reshape(-1, 12), y.reshape(-1))


lm = LM()
seq = torch.randint(0, V, (4, 9))
opt = torch.optim.Adagrad(lm.parameters(), lr=0.1)
for step in range(5):
    res = lm(seq[:, :-1], seq[:, 1:])
    opt.zero_grad()
    res.loss.backward()
    opt.step()
    print(step, f"{res.loss.item():.5f}", f"ppl {res.loss.exp().item():.3f}")
for bad in ([6, 6], [0, 10], [10, 40]):
    try:
        nn.AdaptiveLogSoftmaxWithLoss(12, V, bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    asm(hidden, torch.full((10,), V))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asm(hidden, target[:5])
except RuntimeError as e:
    print("RuntimeError:", e)
