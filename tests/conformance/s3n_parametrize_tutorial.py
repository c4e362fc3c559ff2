# The parametrizations tutorial: custom parametrizations (Symmetric, SkewSymmetric + matrix_exp),
# right_inverse, chaining, caching, removing, state_dict keys, and weight_norm / spectral_norm parametrizations.
import torch
import torch.nn as nn
import torch.nn.utils.parametrize as parametrize
from torch.nn.utils import parametrizations


def symmetric(X):
    return X.triu() + X.triu(1).transpose(-1, -2)


class Symmetric(nn.Module):
    def forward(self, X):
        return X.triu() + X.triu(1).transpose(-1, -2)


class Skew(nn.Module):
    def forward(self, X):
        A = X.triu(1)
        return A - A.transpose(-1, -2)


class MatrixExponential(nn.Module):
    def forward(self, X):
        return torch.matrix_exp(X)


class NoisyParametrization(nn.Module):
    def forward(self, X):
        print("Computing the Parametrization")
        return X


class PruningParametrization(nn.Module):
    def __init__(self, X, p_drop=0.2):
        super().__init__()
        mask = torch.full_like(X, 1.0 - p_drop)
        self.mask = torch.bernoulli(mask)

    def forward(self, X):
        return X * self.mask

    def right_inverse(self, A):
        return A


class CayleyMap(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.register_buffer("Id", torch.eye(n))

    def forward(self, X):
        return torch.linalg.solve(self.Id - X, self.Id + X)


torch.manual_seed(0)
layer = nn.Linear(3, 3)
parametrize.register_parametrization(layer, "weight", Symmetric())
A = layer.weight
print(torch.dist(A, A.T).item(), A)
print(layer)
print(type(layer).__name__, parametrize.type_before_parametrizations(layer).__name__, isinstance(layer, nn.Linear))
print(parametrize.is_parametrized(layer), parametrize.is_parametrized(layer, "weight"), parametrize.is_parametrized(layer, "bias"))
print(layer.parametrizations.weight.original)
print([n for n, _ in layer.named_parameters()], list(layer.state_dict().keys()))
out = layer(torch.ones(2, 3))
out.sum().backward()
print(layer.parametrizations.weight.original.grad)

skew = nn.Linear(3, 3)
parametrize.register_parametrization(skew, "weight", Skew())
parametrize.register_parametrization(skew, "weight", MatrixExponential())
Q = skew.weight
print(torch.dist(Q.T @ Q, torch.eye(3)).item() < 1e-5, skew.parametrizations.weight)
cay = nn.Linear(3, 3)
parametrize.register_parametrization(cay, "weight", Skew())
parametrize.register_parametrization(cay, "weight", CayleyMap(3))
print(torch.dist(cay.weight.T @ cay.weight, torch.eye(3)).item() < 1e-5)
print(cay)

noisy = nn.Linear(4, 4)
parametrize.register_parametrization(noisy, "weight", NoisyParametrization())
print("Here, layer.weight is recomputed every time we call it")
foo = noisy.weight + noisy.weight.T
bar = noisy.weight.sum()
with parametrize.cached():
    print("Here, it is computed just the first time layer.weight is called")
    foo = noisy.weight + noisy.weight.T
    bar = noisy.weight.sum()

pl = nn.Linear(3, 4)
parametrize.register_parametrization(pl, "weight", PruningParametrization(pl.weight))
print(pl.parametrizations.weight[0].mask, pl.weight)
X = torch.rand(4, 3)
pl.weight = X
print(torch.allclose(pl.parametrizations.weight.original, X), pl.weight)

sl = nn.Linear(3, 3)
parametrize.register_parametrization(sl, "weight", Symmetric())
print("Before:", sl.weight)
parametrize.remove_parametrizations(sl, "weight")
print("After:", sl.weight, type(sl).__name__, sl)
sl2 = nn.Linear(3, 3)
parametrize.register_parametrization(sl2, "weight", Symmetric())
w_before = sl2.parametrizations.weight.original.clone()
parametrize.remove_parametrizations(sl2, "weight", leave_parametrized=False)
print(torch.equal(sl2.weight, w_before), [n for n, _ in sl2.named_parameters()])

wn = parametrizations.weight_norm(nn.Linear(4, 3))
print(wn)
print([n for n, _ in wn.named_parameters()])
print(wn.parametrizations.weight.original0.shape, wn.parametrizations.weight.original1.shape)
print(wn.parametrizations.weight.original0.squeeze(), wn.weight.norm(dim=1))
sn = parametrizations.spectral_norm(nn.Linear(5, 4))
print(torch.linalg.matrix_norm(sn.weight, 2).item(), sorted(sn.state_dict().keys()))
model = nn.Sequential(wn, nn.ReLU(), nn.Linear(3, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
data, target = torch.randn(8, 4), torch.randn(8, 1)
for step in range(5):
    loss = nn.functional.mse_loss(model(data), target)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 5), wn.parametrizations.weight.original0.squeeze())
sym_model = nn.Sequential(nn.Linear(3, 3), nn.Tanh(), nn.Linear(3, 1))
parametrize.register_parametrization(sym_model[0], "weight", Symmetric())
opt = torch.optim.Adam(sym_model.parameters(), lr=0.05)
for step in range(5):
    loss = sym_model(torch.ones(2, 3)).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
print(round(loss.item(), 5), torch.allclose(sym_model[0].weight, sym_model[0].weight.T))
sd = sym_model.state_dict()
fresh = nn.Sequential(nn.Linear(3, 3), nn.Tanh(), nn.Linear(3, 1))
parametrize.register_parametrization(fresh[0], "weight", Symmetric())
print(fresh.load_state_dict(sd), torch.equal(fresh[0].weight, sym_model[0].weight))
