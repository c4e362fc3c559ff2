# LoRA adapters on a frozen Linear (kaiming_uniform_(a=sqrt(5)) A, zero B, scaling alpha/r, merge into the
# base weight), trainable-parameter counting after requires_grad_(False); ALiBi slopes and bias added to
# causal scores; sliding-window causal mask from tril/triu with a window, all through softmax + grads.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class LoRALinear(nn.Module):
    def __init__(self, base, r=4, alpha=8):
        super().__init__()
        self.base = base
        self.base.requires_grad_(False)
        self.lora_A = nn.Parameter(torch.empty(r, base.in_features))
        self.lora_B = nn.Parameter(torch.zeros(base.out_features, r))
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))
        self.scaling = alpha / r

    def forward(self, x):
        return self.base(x) + (x @ self.lora_A.T @ self.lora_B.T) * self.scaling


base = nn.Linear(12, 6)
lora = LoRALinear(base)
trainable = sum(p.numel() for p in lora.parameters() if p.requires_grad)
total = sum(p.numel() for p in lora.parameters())
print(f"trainable params: {trainable} || all params: {total} || trainable%: {100 * trainable / total:.4f}")
x, y = torch.randn(8, 12), torch.randn(8, 6)
opt = torch.optim.AdamW([p for p in lora.parameters() if p.requires_grad], lr=1e-2)
for step in range(4):
    loss = F.mse_loss(lora(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 6), base.weight.grad is None)
with torch.no_grad():
    merged = base.weight + (lora.lora_B @ lora.lora_A) * lora.scaling
print((F.linear(x, merged, base.bias) - lora(x)).abs().max().item() < 1e-5, lora.lora_A[0, :4])


def get_slopes(n):
    start = 2 ** (-(2 ** -(math.log2(n) - 3)))
    return [start * start ** i for i in range(n)]


H, T = 4, 6
slopes = torch.tensor(get_slopes(H))
rel = torch.arange(T)[None, :] - torch.arange(T)[:, None]
alibi = slopes[:, None, None] * rel[None].float()
print(slopes, alibi[1, 3])
scores = torch.randn(2, H, T, T, requires_grad=True)
causal = torch.ones(T, T, dtype=torch.bool).tril()
window = 3
win = causal & ~torch.ones(T, T, dtype=torch.bool).tril(-window)
print(win.int())
att = (scores + alibi).masked_fill(~causal, float("-inf")).softmax(-1)
att_w = scores.masked_fill(~win, float("-inf")).softmax(-1)
print(att[0, 2, 5], att_w[1, 0, 5])
(att * torch.arange(T).float()).sum().backward()
print(scores.grad[0, 3, 4])
