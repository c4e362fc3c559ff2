# "Parametrizations" and "Pruning" tutorials: Symmetric / MatrixExponential / RankOne parametrizations,
# original parameters, right_inverse on assignment, cached(), remove_parametrizations; orthogonal,
# weight_norm and spectral_norm; random_unstructured, l1_unstructured, ln_structured, global_unstructured,
# masks/buffers/forward_pre_hooks, prune.remove.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.utils.parametrize as parametrize
from torch.nn.utils import prune


class Symmetric(nn.Module):
    def forward(self, X):
        return X.triu() + X.triu(1).transpose(-1, -2)


class MatrixExponential(nn.Module):
    def forward(self, X):
        return torch.matrix_exp(X)


class Skew(nn.Module):
    def forward(self, X):
        A = X.triu(1)
        return A - A.transpose(-1, -2)


class CayleyMap(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.register_buffer("Id", torch.eye(n))

    def forward(self, X):
        return torch.linalg.solve(self.Id - X, self.Id + X)


class NoisyParametrization(nn.Module):
    def forward(self, X):
        print("Computing the Parametrization")
        return X


class Symmetric2(nn.Module):
    def forward(self, X):
        return X.triu() + X.triu(1).mT

    def right_inverse(self, A):
        return A.triu()


torch.manual_seed(0)
layer = nn.Linear(3, 3)
parametrize.register_parametrization(layer, "weight", Symmetric())
A = layer.weight
print(torch.allclose(A, A.T), A)
print(layer)
print(layer.parametrizations.weight.original)
print(dict(layer.named_parameters()).keys())
layer = nn.Linear(3, 3)
parametrize.register_parametrization(layer, "weight", Skew())
parametrize.register_parametrization(layer, "weight", CayleyMap(3))
X = layer.weight
print(torch.dist(X.T @ X, torch.eye(3)) < 1e-5)
layer_orthogonal = nn.Linear(3, 3)
parametrize.register_parametrization(layer_orthogonal, "weight", Skew())
parametrize.register_parametrization(layer_orthogonal, "weight", MatrixExponential())
X = layer_orthogonal.weight
print(torch.dist(X.T @ X, torch.eye(3)) < 1e-5)
layer = nn.Linear(4, 4)
parametrize.register_parametrization(layer, "weight", NoisyParametrization())
print("Here, layer.weight is recomputed every time we call it")
foo = layer.weight + layer.weight.T
bar = layer.weight.sum()
with parametrize.cached():
    print("Here, it is computed just the first time layer.weight is called")
    foo = layer.weight + layer.weight.T
    bar = layer.weight.sum()
layer = nn.Linear(3, 3)
parametrize.register_parametrization(layer, "weight", Symmetric2())
Xs = torch.rand(3, 3)
Xs = Xs + Xs.T
layer.weight = Xs
print(torch.allclose(layer.weight, Xs), layer.parametrizations.weight.original)
opt = torch.optim.SGD(layer.parameters(), lr=0.1)
for step in range(3):
    loss = layer(torch.ones(2, 3)).pow(2).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.5f}", torch.allclose(layer.weight, layer.weight.T))
parametrize.remove_parametrizations(layer, "weight", leave_parametrized=True)
print(layer, type(layer.weight).__name__, parametrize.is_parametrized(layer))
orth = nn.utils.parametrizations.orthogonal(nn.Linear(4, 4))
Q = orth.weight
print(torch.dist(Q.T @ Q, torch.eye(4)) < 1e-5)
wn = nn.utils.parametrizations.weight_norm(nn.Linear(3, 2))
print(sorted(n for n, _ in wn.named_parameters()), wn.parametrizations.weight.original0.shape)
sn = nn.utils.parametrizations.spectral_norm(nn.Linear(5, 4))
print(sorted(n for n, _ in sn.named_parameters()))


class LeNet(nn.Module):
    def __init__(self):
        super(LeNet, self).__init__()
        self.conv1 = nn.Conv2d(1, 6, 3)
        self.conv2 = nn.Conv2d(6, 16, 3)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(-1, int(x.nelement() / x.shape[0]))
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x


model = LeNet()
module = model.conv1
print(list(module.named_parameters())[1], list(module.named_buffers()))
prune.random_unstructured(module, name="weight", amount=0.3)
print(list(module.named_parameters())[0][0], list(module.named_buffers())[0][0])
print(module.weight_mask.sum(), (module.weight == 0).sum())
print(module._forward_pre_hooks.__len__())
prune.l1_unstructured(module, name="bias", amount=3)
print(module.bias, module.bias_mask)
prune.ln_structured(module, name="weight", amount=0.5, n=2, dim=0)
print(module.weight_mask.sum((1, 2, 3)))
for hook in module._forward_pre_hooks.values():
    if hook._tensor_name == "weight":
        break
print([type(h).__name__ for h in hook], type(hook).__name__)
print(model.state_dict().keys())
prune.remove(module, "weight")
print(list(module.named_parameters())[0][0], list(module.named_buffers())[0][0])
new_model = LeNet()
for name, module in new_model.named_modules():
    if isinstance(module, torch.nn.Conv2d):
        prune.l1_unstructured(module, name="weight", amount=0.2)
    elif isinstance(module, torch.nn.Linear):
        prune.l1_unstructured(module, name="weight", amount=0.4)
print(dict(new_model.named_buffers()).keys())
model = LeNet()
parameters_to_prune = ((model.conv1, "weight"), (model.conv2, "weight"), (model.fc1, "weight"),
                       (model.fc2, "weight"), (model.fc3, "weight"))
prune.global_unstructured(parameters_to_prune, pruning_method=prune.L1Unstructured, amount=0.2)
for m, n in parameters_to_prune:
    print(f"Sparsity: {100. * float(torch.sum(m.weight == 0)) / float(m.weight.nelement()):.2f}%")
total = sum(float(torch.sum(m.weight == 0)) for m, _ in parameters_to_prune)
print(total, sum(m.weight.nelement() for m, _ in parameters_to_prune))
print(model(torch.randn(2, 1, 28, 28)).shape)
