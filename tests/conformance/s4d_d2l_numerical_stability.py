# d2l 4.8 numerical stability: sigmoid gradient vanishing, exploding products of random matrices,
# softmax overflow vs the max-subtraction trick, logsumexp, log_softmax of large logits, float16 range.
import torch

torch.manual_seed(0)
x = torch.arange(-8.0, 8.0, 1, requires_grad=True)
y = torch.sigmoid(x)
y.backward(torch.ones_like(x))
print(y.detach(), x.grad)

M = torch.normal(0, 1, size=(4, 4))
print("一个矩阵 \n", M)
for i in range(100):
    M = torch.mm(M, torch.normal(0, 1, size=(4, 4)))
print("乘以100个矩阵后\n", M.abs().log10().round())

big = torch.tensor([[1000.0, 1001.0, 1002.0], [-1000.0, 0.0, 1000.0]])
naive = big.exp() / big.exp().sum(1, keepdim=True)
print(naive)
stable = (big - big.max(1, keepdim=True).values).exp()
stable = stable / stable.sum(1, keepdim=True)
print(stable, torch.softmax(big, 1), torch.log_softmax(big, 1))
print(torch.logsumexp(big, 1), big.exp().sum(1).log())
print(torch.nn.functional.cross_entropy(big, torch.tensor([0, 2])))
print(torch.finfo(torch.float32).max, torch.finfo(torch.float16).max, torch.finfo(torch.float32).eps,
      torch.finfo(torch.float32).tiny, torch.iinfo(torch.int64).max)
h = torch.tensor([60000.0, 1e-8, 3.14159]).half()
print(h, h * 2, h.float(), h.dtype)
print(torch.tensor(1e-45), torch.tensor(1e38) * 10, torch.tensor(-1.0).sqrt(), torch.tensor(0.0) / 0)
print(torch.isnan(torch.tensor([1.0, float("nan")])), torch.isinf(torch.tensor([float("inf"), 1.0])))
z = torch.tensor([0.0, 1e-30, 1.0], requires_grad=True)
w = torch.sqrt(z)
w.sum().backward()
print(w, z.grad)
p = torch.tensor([0.0, 0.5, 1.0], requires_grad=True)
lp = torch.log(p)
lp.sum().backward()
print(lp, p.grad)
print(torch.nn.functional.binary_cross_entropy(torch.tensor([0.0, 1.0, 0.3]), torch.tensor([1.0, 0.0, 0.3])))
print(torch.nn.functional.softplus(torch.tensor([-100.0, 0.0, 30.0, 100.0])))
print(torch.log1p(torch.tensor([1e-10, 1.0])), torch.expm1(torch.tensor([1e-10, 1.0])))
lin = torch.nn.Linear(64, 64)
torch.nn.init.xavier_uniform_(lin.weight)
print(lin.weight.std() < 0.2, lin.weight.abs().max() <= (6 / 128) ** 0.5)
h = torch.randn(8, 64)
for _ in range(10):
    h = torch.tanh(lin(h))
print(h.std(), h.mean())
