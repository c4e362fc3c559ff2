# LayerNorm / GroupNorm / InstanceNorm models, elementwise_affine off, train a bit.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(11)


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv = nn.Conv2d(c, c, 3, padding=1, bias=False)
        self.gn = nn.GroupNorm(2, c)
        self.inorm = nn.InstanceNorm2d(c, affine=True)

    def forward(self, x):
        return self.inorm(F.gelu(self.gn(self.conv(x)))) + x


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 4, 1)
        self.blocks = nn.Sequential(Block(4), Block(4))
        self.ln = nn.LayerNorm(4)
        self.head = nn.Linear(4, 3)

    def forward(self, x):
        x = self.blocks(self.stem(x))
        x = x.amax(dim=(2, 3))
        return self.head(self.ln(x))


m = Model()
print(m)
x = torch.randn(6, 3, 5, 5)
t = torch.tensor([0, 1, 2, 0, 1, 2])
opt = torch.optim.AdamW(m.parameters(), lr=0.01, weight_decay=0.1)
for step in range(8):
    loss = F.cross_entropy(m(x), t)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.5f}")
print(m.blocks[0].gn.weight, m.ln.bias)
ln = nn.LayerNorm([3, 4], elementwise_affine=False, eps=1e-6)
z = torch.randn(2, 3, 4)
print(ln, ln(z).mean((-1, -2)), ln(z).var((-1, -2), unbiased=False))
print(F.layer_norm(z, (4,)).sum().item())
print(F.group_norm(x, 3).std().item())
ln2 = nn.LayerNorm(4, bias=False)
print(ln2, [n for n, _ in ln2.named_parameters()])
rms = nn.RMSNorm(4)
print(rms, rms(z[0]))
print(F.normalize(z, dim=-1).norm(dim=-1))
inn = nn.InstanceNorm1d(3, track_running_stats=True)
inn(torch.randn(2, 3, 7))
print(inn.running_mean, inn.running_var)
inn.eval()
print(inn(torch.ones(1, 3, 2)))
