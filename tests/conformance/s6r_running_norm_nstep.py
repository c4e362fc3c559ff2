# Observation/reward normalisation and n-step targets: a RunningMeanStd with the parallel (Chan) update
# as in baselines, clamp-ed normalised obs, reward scaling by the std of discounted returns, n-step
# returns via unfold and a conv1d with gamma-power kernel, and TD(lambda) targets.
import torch
import torch.nn.functional as F

torch.manual_seed(0)


class RunningMeanStd:
    def __init__(self, shape=(), epsilon=1e-4):
        self.mean = torch.zeros(shape, dtype=torch.float64)
        self.var = torch.ones(shape, dtype=torch.float64)
        self.count = epsilon

    def update(self, x):
        batch_mean, batch_var, batch_count = x.mean(0), x.var(0, unbiased=False), x.shape[0]
        delta = batch_mean - self.mean
        tot = self.count + batch_count
        self.mean = self.mean + delta * batch_count / tot
        m2 = self.var * self.count + batch_var * batch_count + delta.pow(2) * self.count * batch_count / tot
        self.var = m2 / tot
        self.count = tot


rms = RunningMeanStd(shape=(3,))
chunks = [torch.randn(n, 3, dtype=torch.float64) * torch.tensor([1.0, 5.0, 0.1], dtype=torch.float64) + 2
          for n in (5, 17, 9)]
for c in chunks:
    rms.update(c)
allx = torch.cat(chunks)
print(rms.mean, rms.var, rms.count)
print(allx.mean(0), allx.var(0, unbiased=False))
obs = torch.randn(4, 3).double() * 3
print(torch.clamp((obs - rms.mean) / torch.sqrt(rms.var + 1e-8), -5.0, 5.0))

ret_rms = RunningMeanStd()
ret = torch.zeros(2)
rews = torch.randn(12, 2)
scaled = []
for t in range(12):
    ret = ret * 0.99 + rews[t]
    ret_rms.update(ret.double())
    scaled.append(rews[t] / torch.sqrt(ret_rms.var.float() + 1e-8))
print(torch.stack(scaled))

r = torch.randn(10)
n, gamma = 3, 0.9
kern = gamma ** torch.arange(n, dtype=torch.float32)
win = F.pad(r, (0, n - 1)).unfold(0, n, 1)
print(win.shape, win @ kern)
print(F.conv1d(F.pad(r, (0, n - 1)).view(1, 1, -1), kern.view(1, 1, -1)).flatten())
v = torch.randn(11)
lam = 0.8
G = torch.zeros(10)
nxt = v[10]
for t in reversed(range(10)):
    nxt = r[t] + gamma * ((1 - lam) * v[t + 1] + lam * nxt)
    G[t] = nxt
print(G)
