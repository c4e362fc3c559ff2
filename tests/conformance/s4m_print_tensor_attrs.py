# Printing tensor metadata and flags, as people check what they have.
import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(2, 3, requires_grad=True)
y = x * 2
z = y.detach()
for name, t in [("x", x), ("y", y), ("z", z)]:
    print(name, t.shape, t.dtype, t.device, t.requires_grad, t.is_leaf, t.grad_fn is None, t.grad is None
          if name != "y" else "-", t.is_contiguous(), t.dim(), t.numel())
print(x.data.requires_grad, x.detach().requires_grad, x.clone().requires_grad, x.clone().is_leaf)
print(x.T.is_contiguous(), x.T.stride(), x.stride(), x.storage_offset(), x[1].storage_offset())
print(x.new_tensor([1, 2]).dtype, x.new_ones(2).requires_grad, torch.zeros_like(x).requires_grad)
print(torch.ones_like(x, dtype=torch.int64).dtype, torch.empty_like(x).shape, torch.full_like(x, 3).dtype)
p = nn.Linear(2, 2).weight
print(type(p).__name__, p.requires_grad, p.is_leaf, p.grad, p.dtype, p.shape)
print(y.retains_grad, x.retains_grad)
y.retain_grad()
print(y.retains_grad)
print(x.data_ptr() == x.detach().data_ptr(), x.data_ptr() == x.clone().data_ptr())
print(x[0].data_ptr() == x.data_ptr(), x.view(-1).data_ptr() == x.data_ptr())
print(x._version, z._version)
z.add_(1)
print(z._version, x._version)
print(torch.is_grad_enabled())
with torch.no_grad():
    print(torch.is_grad_enabled(), (x * 2).requires_grad)
with torch.inference_mode():
    w = x * 2
    print(w.requires_grad, torch.is_inference_mode_enabled())
print(x.is_inference())
torch.set_grad_enabled(False)
print((x + 1).requires_grad)
torch.set_grad_enabled(True)
print((x + 1).requires_grad)
print(x.requires_grad_(False) is x, x.requires_grad)
print(x.sum().item(), x.mean(dim=0).tolist() == x.mean(0).tolist())
