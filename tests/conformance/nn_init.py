# nn.init functions under a fixed seed, and gain values.
import math

import torch
import torch.nn as nn

w = torch.empty(4, 6)
for name, fn in [("uniform_", lambda t: nn.init.uniform_(t, -0.5, 0.5)),
                 ("normal_", lambda t: nn.init.normal_(t, 0.0, 0.02)),
                 ("xavier_uniform_", nn.init.xavier_uniform_),
                 ("xavier_normal_", lambda t: nn.init.xavier_normal_(t, gain=2.0)),
                 ("kaiming_uniform_", lambda t: nn.init.kaiming_uniform_(t, a=math.sqrt(5))),
                 ("kaiming_normal_", lambda t: nn.init.kaiming_normal_(t, mode="fan_out", nonlinearity="relu")),
                 ("trunc_normal_", lambda t: nn.init.trunc_normal_(t, std=0.5)),
                 ("constant_", lambda t: nn.init.constant_(t, 0.3)),
                 ("ones_", nn.init.ones_), ("zeros_", nn.init.zeros_), ("eye_", nn.init.eye_),
                 ("orthogonal_", nn.init.orthogonal_)]:
    torch.manual_seed(1)
    out = fn(w)
    print(name, out is w, w)
print((w @ w.T).diag())
for nl in ["linear", "conv2d", "sigmoid", "tanh", "relu", "selu"]:
    print(nl, nn.init.calculate_gain(nl))
print("leaky_relu", nn.init.calculate_gain("leaky_relu", 0.2))
conv = torch.empty(8, 3, 3, 3)
torch.manual_seed(2)
nn.init.kaiming_normal_(conv)
print(conv.std().item() > 0, conv.shape)
lin = nn.Linear(5, 3)
with torch.no_grad():
    lin.weight.fill_(0.1)
    nn.init.zeros_(lin.bias)
print(lin(torch.ones(1, 5)))
