# Goal-conditioned and buffer plumbing: HER future-goal relabelling with torch.where, norm-threshold rewards,
# float64 numpy statistics mixed into float32 observations, a ring buffer written with tensor indexing,
# advanced-index assignment and accumulate, and a sum-tree for prioritized sampling kept in a tensor.
import torch
import torch.nn as nn
torch.manual_seed(0)
# HER goal relabelling, multi-goal Q with torch.cat of obs/goal, torch.norm distance rewards
obs = torch.randn(6, 3); ag = torch.randn(6, 2); g = torch.randn(6, 2)
future_idx = torch.randint(0, 6, (6,))
her_mask = torch.rand(6) < 0.8
g2 = torch.where(her_mask.unsqueeze(1), ag[future_idx], g)
r = -(torch.norm(ag - g2, dim=-1) > 0.05).float()
print(g2, r, torch.linalg.vector_norm(ag - g2, dim=-1))
# obs normalizer with clip and np float64 stats
import numpy as np
mean = np.zeros(3); std = np.ones(3) * 2
print(torch.clamp((obs - torch.as_tensor(mean, dtype=torch.float32)) / torch.as_tensor(std, dtype=torch.float32), -5, 5).dtype)
print(((obs - torch.tensor(mean)) / torch.tensor(std)).dtype)
# tensor in-place index ops for replay ring buffer
buf = torch.zeros(5, 3); ptr = 0
for i in range(7):
    buf[ptr] = torch.full((3,), float(i)); ptr = (ptr + 1) % 5
print(buf, buf[torch.tensor([4, 0, 2])])
b2 = torch.zeros(4, 2)
b2[torch.tensor([1, 3])] = torch.tensor([[1., 2.], [3., 4.]])
b2[[0, 2], 1] = 9.0
print(b2, b2[b2[:, 1] > 3])
idx = torch.tensor([0, 0, 2])
acc = torch.zeros(3)
acc[idx] += 1.0
print(acc, torch.zeros(3).index_put_((idx,), torch.ones(3), accumulate=True))
# priority sum tree as a tensor
tree = torch.zeros(2 * 8 - 1)
def update(i, p):
    j = i + 7
    change = p - tree[j]
    while True:
        tree[j] += change
        if j == 0: break
        j = (j - 1) // 2
for i, p in enumerate([0.5, 1.0, 0.1, 2.0, 0.3, 0.3, 1.5, 0.2]):
    update(i, p)
def retrieve(s):
    j = 0
    while j < 7:
        left = 2 * j + 1
        if s <= tree[left]: j = left
        else: s -= tree[left].item(); j = left + 1
    return j - 7
print(tree[0], [retrieve(s) for s in torch.rand(6).mul(tree[0]).tolist()])
