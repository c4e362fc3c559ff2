# Contrastive learning losses: InfoNCE / NT-Xent (SimCLR) with F.normalize, a masked similarity matrix and
# cross_entropy on shifted targets; CLIP-style symmetric loss with a learnable temperature; a short training loop.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(4)


def nt_xent(z1, z2, tau=0.5):
    z = F.normalize(torch.cat([z1, z2], dim=0), dim=1)
    n = z1.shape[0]
    sim = z @ z.t() / tau
    sim = sim.masked_fill(torch.eye(2 * n, dtype=torch.bool), float("-inf"))
    targets = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    return F.cross_entropy(sim, targets)


def info_nce(q, k, tau=0.1):
    q = F.normalize(q, dim=-1)
    k = F.normalize(k, dim=-1)
    logits = q @ k.T / tau
    return F.cross_entropy(logits, torch.arange(q.size(0)))


enc = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 4))
opt = torch.optim.Adam(enc.parameters(), lr=0.01)
data = torch.randn(32, 6)
for step in range(15):
    idx = torch.randperm(32)[:8]
    x = data[idx]
    v1 = x + 0.1 * torch.randn_like(x)
    v2 = x * (1 + 0.1 * torch.randn_like(x))
    loss = nt_xent(enc(v1), enc(v2))
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 3 == 0:
        print(step, f"{loss.item():.6f}")
q = torch.randn(5, 4, requires_grad=True)
k = torch.randn(5, 4, requires_grad=True)
loss = info_nce(q, k)
loss.backward()
print("infonce", f"{loss.item():.6f}", q.grad[0], k.grad[0])
img = torch.randn(4, 6, requires_grad=True)
txt = torch.randn(4, 6, requires_grad=True)
logit_scale = nn.Parameter(torch.ones([]) * torch.log(torch.tensor(1 / 0.07)))
ie = img / img.norm(dim=1, keepdim=True)
te = txt / txt.norm(dim=-1, keepdim=True)
logits_per_image = logit_scale.exp() * ie @ te.t()
labels = torch.arange(4)
clip = (F.cross_entropy(logits_per_image, labels) + F.cross_entropy(logits_per_image.t(), labels)) / 2
clip.backward()
print("clip", f"{clip.item():.6f}", logit_scale.grad, img.grad[1], txt.grad[2])
cs = F.cosine_similarity(q.unsqueeze(1), k.unsqueeze(0), dim=-1)
print(cs)
print(F.cosine_similarity(q, k, dim=1, eps=1e-8), F.normalize(q, p=1, dim=0)[0])
print(F.normalize(torch.zeros(2, 3), dim=1), F.cosine_similarity(torch.zeros(1, 3), torch.ones(1, 3)))
