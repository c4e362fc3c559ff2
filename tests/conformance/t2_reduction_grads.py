# Gradients of reductions with dim/keepdim, ties and normalisation.
import torch

torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)


def grad_of(fn):
    if x.grad is not None:
        x.grad = None
    fn(x).backward()
    return x.grad


print(grad_of(lambda t: t.sum(1, keepdim=True).pow(2).sum()))
print(grad_of(lambda t: t.mean(0).pow(2).sum()))
print(grad_of(lambda t: t.prod(1).sum()))
print(grad_of(lambda t: t.std(0).sum()))
print(grad_of(lambda t: t.var(1, unbiased=False).sum()))
print(grad_of(lambda t: t.max(1).values.sum()))
print(grad_of(lambda t: t.min(0, keepdim=True)[0].sum()))
print(grad_of(lambda t: t.amax((0, 1))))
print(grad_of(lambda t: t.logsumexp(1).sum()))
print(grad_of(lambda t: t.norm(dim=1).sum()))
print(grad_of(lambda t: t.cumsum(1).sum()))
print(grad_of(lambda t: t.cumprod(0).sum()))
print(grad_of(lambda t: t.cummax(1).values.sum()))
print(grad_of(lambda t: t.median(1).values.sum()))
print(grad_of(lambda t: t.kthvalue(2, 0).values.sum()))
print(grad_of(lambda t: t.sort(1).values[:, 0].sum()))
print(grad_of(lambda t: t.softmax(1)[:, 0].sum()))
print(grad_of(lambda t: t.log_softmax(0)[0].sum()))
print(grad_of(lambda t: t.abs().mean()))
print(grad_of(lambda t: t.mean((0, 1))))
print(grad_of(lambda t: torch.var_mean(t, 1)[0].sum()))
print(grad_of(lambda t: torch.std_mean(t, 0)[1].sum()))
print(grad_of(lambda t: t.nansum()))
print(grad_of(lambda t: t.sum(dtype=torch.float64)))
print(grad_of(lambda t: t.aminmax().max))
print(grad_of(lambda t: torch.linalg.vector_norm(t, ord=3, dim=0).sum()))
t = torch.tensor([[1.0, 3.0, 3.0], [2.0, 2.0, 2.0]], requires_grad=True)
t.max().backward()
print(t.grad)
t.grad = None
t.max(1).values.sum().backward()
print(t.grad)
t.grad = None
t.amax(1).sum().backward()
print(t.grad)
t.grad = None
t.amin().backward()
print(t.grad)
t.grad = None
t.min(1)[0].sum().backward()
print(t.grad)
t.grad = None
t.norm(p=float("inf")).backward()
print(t.grad)
