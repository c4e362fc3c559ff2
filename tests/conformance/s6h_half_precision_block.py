# Half-precision inference of LLaMA/GPT blocks on CPU: model.half(), RMSNorm/LayerNorm/GELU(tanh)/SiLU
# in float16 (torch computes them in float32 and rounds once), rsqrt/norm/normalize in float16,
# torch.linspace weights in float16, softmax attention in float16, and logits compared with the float32 model.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Block(nn.Module):
    def __init__(self, d=32):
        super().__init__()
        self.n1 = nn.RMSNorm(d)
        self.n2 = nn.LayerNorm(d, bias=False)
        self.w1 = nn.Linear(d, 64, bias=False)
        self.w3 = nn.Linear(d, 64, bias=False)
        self.w2 = nn.Linear(64, d, bias=False)
        self.fc = nn.Linear(d, 64)
        self.proj = nn.Linear(64, d)
        self.gelu = nn.GELU(approximate="tanh")

    def forward(self, x):
        x = x + self.w2(F.silu(self.w1(self.n1(x))) * self.w3(self.n1(x)))
        att = (x @ x.transpose(-2, -1) / 8.0).softmax(-1)
        x = x + att @ x
        return x + self.proj(self.gelu(self.fc(self.n2(x))))


blk = Block()
with torch.no_grad():
    blk.n1.weight.copy_(torch.linspace(0.5, 1.5, 32))
    blk.n2.weight.copy_(torch.linspace(1.5, 0.5, 32))
x = torch.randn(2, 6, 32)
ref = blk(x)
h = blk.half()
print(h.n1.weight.dtype, torch.linspace(0.3, 1.7, 9, dtype=torch.float16))
with torch.no_grad():
    y = h(x.half())
print(y.dtype, y[0, 0, :6], y[1, 5, -4:])
print((y.float() - ref).abs().max().item() < 0.05)
v = (torch.randn(4, 16) * 3).half()
print(F.gelu(v)[0], F.gelu(v, approximate="tanh")[1], F.silu(v)[2])
print(F.rms_norm(v, (16,))[3], F.layer_norm(v, (16,))[0], F.mish(v)[1])
print(F.rms_norm(v, (16,), torch.linspace(0.3, 1.7, 16, dtype=torch.float16))[2])
print(nn.GroupNorm(2, 4).half()(v.view(2, 4, 8))[1, 3])
u = v.abs() + 0.1
print(u.rsqrt()[0], v.norm(dim=-1), F.normalize(v, dim=-1)[1])
print(v.float().pow(2).mean(-1, keepdim=True).add(1e-6).rsqrt().half().view(-1), torch.linalg.vector_norm(v, dim=0)[:6])
