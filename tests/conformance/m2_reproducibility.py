# torch.manual_seed reproducibility: two identical runs, generators, get/set_rng_state, fork_rng.
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


def run(seed):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.25), nn.Linear(8, 2))
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    ds = TensorDataset(torch.randn(40, 4), torch.randint(0, 2, (40,)))
    dl = DataLoader(ds, batch_size=8, shuffle=True)
    losses = []
    for _ in range(3):
        for xb, yb in dl:
            loss = nn.functional.cross_entropy(model(xb), yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(round(loss.item(), 6))
    return losses, model[0].weight.detach().clone()


l1, w1 = run(0)
l2, w2 = run(0)
l3, w3 = run(1)
print(l1 == l2, torch.equal(w1, w2), l1 == l3)
print(l1[:6], l3[:3])
print(w1[0])
torch.manual_seed(123)
a = torch.rand(3)
state = torch.get_rng_state()
b = torch.rand(3)
torch.set_rng_state(state)
c = torch.rand(3)
print(a, b, torch.equal(b, c))
print(state.dtype, state.shape)
g = torch.Generator()
g.manual_seed(7)
print(torch.randn(2, generator=g), torch.randint(0, 10, (4,), generator=g), torch.randperm(5, generator=g))
print(g.initial_seed())
g2 = torch.Generator().manual_seed(7)
print(torch.randn(2, generator=g2))
gs = g.get_state()
x1 = torch.rand(2, generator=g)
g.set_state(gs)
print(torch.equal(x1, torch.rand(2, generator=g)))
torch.manual_seed(0)
print(torch.initial_seed(), torch.rand(2))
with torch.random.fork_rng():
    torch.manual_seed(99)
    print(torch.rand(1))
print(torch.rand(2))
torch.manual_seed(4)
print(torch.normal(0.0, 1.0, size=(3,)), torch.empty(3).uniform_(-1, 1), torch.empty(2).normal_(5, 0.1))
print(torch.bernoulli(torch.full((6,), 0.5)), torch.multinomial(torch.tensor([0.1, 0.5, 0.4]), 4, replacement=True))
print(torch.randint(5, (2, 2)), torch.randn_like(torch.zeros(2)), torch.rand_like(torch.zeros(2, dtype=torch.float64)))
print(torch.empty(3).exponential_(), torch.empty(3).random_(0, 10), torch.empty(2).geometric_(0.3))
print(torch.empty(2).log_normal_(), torch.empty(2).cauchy_())
