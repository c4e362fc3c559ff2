# float16 workflows: half tensors with scalars, casting around reductions, overflow/underflow, mixed-dtype matmul.
import torch

torch.manual_seed(0)
x = torch.randn(6, 4).half()
print(x * 0.1, x / 3, 2.5 / (x.abs() + 1), x - 0.3, x + 1e-3)
print(x.sum(), x.mean(), x.float().mean(), x.std(), x.var(dim=0))
print(x.max(), x.argmax(), x.softmax(dim=1), x.float().log_softmax(dim=1))
print(torch.tensor([60000.0], dtype=torch.float16) * 2, torch.tensor([1e-8], dtype=torch.float16), torch.finfo(torch.float16).tiny)
print((x @ x.T).dtype, (x.float() @ x.float().T).sum(), x.cumsum(0)[-1], x.cumprod(1)[:, -1])
w = torch.randn(4, 3)
print((x.float() @ w).half(), (x @ w.half()))
print(x.exp().dtype, x.sigmoid(), torch.tanh(x), x.sqrt())
print(x.to(torch.float64).sum(), x.norm(), x.abs().sum(1))
y = x.clone()
y *= 0.7
y += 0.05
y /= 1.3
print(y)
print(torch.tensor([0.1, 0.2], dtype=torch.float16).tolist(), torch.tensor(0.1, dtype=torch.float16).item())
lin = torch.nn.Linear(4, 2).half()
print(lin.weight.dtype, lin(x).dtype, lin(x))
print(x.round(), x.floor(), (x * 100).int(), x.clamp(-0.5, 0.5))
