# CleanRL layer_init on conv and linear layers (orthogonal_ with gains, constant_ bias), checks of row/column
# orthogonality, calculate_gain values, xavier/kaiming inits and a weights_init_ applied with Module.apply.
import numpy as np
import torch
import torch.nn as nn
torch.manual_seed(0)
def layer_init(layer, std=np.sqrt(2), bias_const=0.0):
    torch.nn.init.orthogonal_(layer.weight, std)
    torch.nn.init.constant_(layer.bias, bias_const)
    return layer
net = nn.Sequential(layer_init(nn.Conv2d(4, 8, 4, stride=2)), nn.ReLU(), layer_init(nn.Conv2d(8, 4, 3)), nn.ReLU(), nn.Flatten(),
                    layer_init(nn.Linear(4 * 3 * 3, 16)), nn.ReLU())
actor = layer_init(nn.Linear(16, 3), std=0.01)
critic = layer_init(nn.Linear(16, 1), std=1)
for m in net:
    if hasattr(m, "weight"):
        w = m.weight.flatten(1)
        print(m.weight.shape, m.weight.sum().item(), (w @ w.T).diagonal()[:3] if w.shape[0] <= w.shape[1] else (w.T @ w).diagonal()[:3])
x = torch.rand(2, 4, 12, 12)
h = net(x)
print(actor(h), critic(h))
print(nn.init.calculate_gain("tanh"), nn.init.calculate_gain("relu"), nn.init.calculate_gain("leaky_relu", 0.2))
w = torch.empty(5, 3)
nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain("tanh"))
print(w)
nn.init.kaiming_normal_(w, nonlinearity="relu")
print(w.std())
def weights_init_(m):
    if isinstance(m, nn.Linear):
        torch.nn.init.xavier_uniform_(m.weight, gain=1)
        torch.nn.init.constant_(m.bias, 0)
mlp = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
mlp.apply(weights_init_)
print(mlp[0].weight, mlp[2].bias)
