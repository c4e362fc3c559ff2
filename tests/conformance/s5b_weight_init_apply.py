# Weight initialisation helpers applied with model.apply: isinstance dispatch over Linear/Conv/BatchNorm/
# Embedding, xavier/kaiming/normal/constant/orthogonal, classname string matching (DCGAN style).
import math

import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(10, 4)
        self.conv = nn.Conv1d(4, 6, 3)
        self.bn = nn.BatchNorm1d(6)
        self.fc = nn.Linear(6, 2)
        self.fc2 = nn.Linear(2, 2, bias=False)

    def forward(self, idx):
        h = self.emb(idx).transpose(1, 2)
        h = torch.relu(self.bn(self.conv(h))).mean(-1)
        return self.fc2(self.fc(h))


def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight)
        if m.bias is not None:
            nn.init.zeros_(m.bias)
    elif isinstance(m, nn.Conv1d):
        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
        nn.init.constant_(m.bias, 0.01)
    elif isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
        nn.init.ones_(m.weight)
        nn.init.zeros_(m.bias)
    elif isinstance(m, nn.Embedding):
        nn.init.normal_(m.weight, mean=0.0, std=0.02)


def weights_init_dcgan(m):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        nn.init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find("BatchNorm") != -1:
        nn.init.normal_(m.weight.data, 1.0, 0.02)
        nn.init.constant_(m.bias.data, 0)


torch.manual_seed(0)
net = Net()
ret = net.apply(init_weights)
print(ret is net)
for n, p in net.named_parameters():
    print(f"{n:12s} mean={p.mean().item():+.5f} std={p.std().item():.5f}")
torch.manual_seed(1)
net.apply(weights_init_dcgan)
print(net.conv.weight.std().item() < 0.05, net.bn.weight[:3])
for m in net.modules():
    if isinstance(m, nn.Linear):
        nn.init.orthogonal_(m.weight)
        nn.init.uniform_(m.weight, -1 / math.sqrt(m.in_features), 1 / math.sqrt(m.in_features))
print(net.fc.weight)
nn.init.trunc_normal_(net.fc2.weight, std=0.02, a=-0.04, b=0.04)
print(net.fc2.weight.abs().max().item() <= 0.04)
gain = nn.init.calculate_gain("leaky_relu", 0.2)
print(f"{gain:.6f}", nn.init.calculate_gain("tanh"), nn.init.calculate_gain("relu"))
out = net(torch.randint(0, 10, (3, 5)))
print(out.shape, out.requires_grad)
with torch.no_grad():
    net.fc.weight.fill_(0.5)
    net.fc.bias.copy_(torch.arange(2.0))
print(net.fc.weight.sum(), net.fc.bias)
