# Tensor metadata printing: dtype, device, layout, requires_grad, is_leaf, grad_fn, shape.
import torch

torch.manual_seed(11)
w = torch.randn(2, 3, requires_grad=True)
x = torch.ones(3)
y = w @ x
z = y.sum()
for name, t in [("w", w), ("x", x), ("y", y), ("z", z)]:
    print(name, t.dtype, t.device, t.layout, t.requires_grad, t.is_leaf, t.grad_fn is None, t.shape, t.is_cuda)
print(w.device.type, str(w.device), repr(w.device), w.device == torch.device("cpu"), w.layout == torch.strided)
print(torch.strided, torch.device("cpu"), torch.device("cpu", 0) if False else "")
print(w.is_sparse, w.is_quantized, w.is_meta, w.is_complex(), w.is_floating_point(), x.long().is_signed())
print(w.grad, z.requires_grad, z.dim(), z.shape)
z.backward()
print(w.grad is not None, w.grad.shape, w.grad.requires_grad, w.grad.is_leaf)
print(y.is_leaf, y.grad)
d = y.detach()
print(d.is_leaf, d.requires_grad, d.grad_fn)
print(torch.tensor([1, 2]).dtype, torch.tensor([1, 2]).to(torch.float16).dtype, torch.uint8)
print(repr(torch.float32), str(torch.int64), torch.float32 == torch.float, torch.int64 is torch.long)
print(w.type(), w.names if hasattr(w, "names") else None)
