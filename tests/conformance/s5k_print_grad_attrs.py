# repr of tensors with requires_grad / grad_fn, and the attributes people print while debugging.
import torch

w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print(w)
y = w * 2
print(y, y.requires_grad, y.is_leaf, w.is_leaf, y.grad_fn is not None)
print(w.sum(), w.mean(), w[1], w[:2], w.view(3, 1), w.unsqueeze(0), w.t() if w.dim() == 2 else w.reshape(1, 3).t())
print(torch.tensor(1.5, requires_grad=True), torch.zeros(2, requires_grad=True, dtype=torch.float64))
z = (w ** 2).sum()
z.backward()
print(w.grad, w.grad.dtype, w.grad.shape, w.grad.requires_grad)
print(w.detach(), w.detach().requires_grad, w.data, w.data.requires_grad)
x = torch.arange(12.0).reshape(3, 4)
print(x.dtype, x.shape, x.size(), x.size(1), x.stride(), x.stride(0), x.is_contiguous(), x.dim(), x.ndim, x.numel(), x.nelement(), x.element_size())
print(x.t().stride(), x.t().is_contiguous(), x[:, 1].stride(), x[:, 1].is_contiguous(), x[1].is_contiguous(), x[::2].stride())
print(x.permute(1, 0).contiguous().stride(), x.unsqueeze(1).stride(), x.expand(2, 3, 4).stride(), x.reshape(2, 6).stride())
print(x.storage_offset(), x[1:].storage_offset(), x[1, 2:].storage_offset(), x.T[1].storage_offset())
print(x.is_floating_point(), x.long().is_floating_point(), x.is_complex(), x.device, x.layout, x.is_cuda, x.type(), x.int().type(), x.bool().type(), x.double().type())
p = torch.nn.Parameter(torch.ones(2))
print(p, repr(p * 1), p.requires_grad, p.is_leaf, type(p).__name__)
print(torch.ones(2, requires_grad=True) + 1, torch.ones(2, 2, requires_grad=True).sum(1), torch.ones(2, requires_grad=True).exp())
a = torch.ones(2, requires_grad=True)
with torch.no_grad():
    b = a * 2
print(b, b.requires_grad, b.grad_fn)
print(torch.tensor([1.0, 2.0], requires_grad=True).double(), torch.tensor([1.0, 2.0], requires_grad=True).to(torch.float64))
print(x.shape == (3, 4), x.shape[0], list(x.shape), tuple(x.shape), x.shape.numel(), torch.Size([2, 3]), len(x.shape))
