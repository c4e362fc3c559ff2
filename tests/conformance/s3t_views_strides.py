# Which ops return views (shared storage) vs copies, strides of transposed/expanded/sliced tensors, contiguity.
import torch

torch.manual_seed(26)
base = torch.arange(12.0).view(3, 4)
views = {
    "view": base.view(4, 3), "t": base.t(), "slice": base[:, 1:3], "step": base[::2], "select": base[1],
    "narrow": base.narrow(1, 0, 2), "expand": base[:, :1].expand(3, 5), "unsqueeze": base.unsqueeze(1),
    "transpose": base.transpose(0, 1), "diagonal": base.diagonal(), "permute": base.permute(1, 0),
    "flatten_c": base.flatten(), "reshape_c": base.reshape(2, 6), "squeeze": base[None].squeeze(0),
    "unbind0": base.unbind(0)[0], "split0": base.split(1, dim=1)[2], "chunk": base.chunk(2, dim=0)[1],
    "real_view": base.view(-1)[2:5], "detach": base.detach(), "as_strided": base.as_strided((2, 2), (4, 1)),
    "mT": base.mT, "movedim": base.movedim(0, 1), "unfold": base.unfold(1, 2, 2),
}
for name, v in views.items():
    shares = v.data_ptr() >= base.data_ptr() and v.data_ptr() < base.data_ptr() + base.numel() * 4
    print(f"{name:10s} shape={tuple(v.shape)} stride={v.stride()} contiguous={v.is_contiguous()} shares={shares} offset={v.storage_offset()}")
copies = {
    "clone": base.clone(), "contiguous_t": base.t().contiguous(), "flip": base.flip(0), "index": base[[0, 2]],
    "mask": base[base > 5], "reshape_t": base.t().reshape(12), "repeat": base.repeat(1, 2), "float": base.double(),
    "cat": torch.cat([base, base]), "roll": base.roll(1),
}
for name, v in copies.items():
    print(f"{name:12s} shape={tuple(v.shape)} stride={v.stride()} contiguous={v.is_contiguous()} same_ptr={v.data_ptr() == base.data_ptr()}")
v = base.t()
try:
    v.view(12)
except RuntimeError as e:
    print(type(e).__name__, e)
print(v.reshape(12), v.contiguous().view(12), base.contiguous() is base, v.contiguous() is v)
s = base[:, 1]
s[0] = -1
print(base)
base.t()[0, 2] = -2
print(base)
ex = torch.zeros(3, 1).expand(3, 4)
print(ex.stride(), ex.is_contiguous(), ex.contiguous().stride(), ex.clone().stride())
x = torch.randn(2, 3, 4)
print(x.stride(), x.transpose(0, 2).stride(), x.permute(2, 0, 1).stride(), x[:, ::2, 1:].stride(), x[..., 0].stride(), x[0, 0].stride())
print(x.stride(0), x.stride(-1), x.size(-1), x.permute(1, 0, 2).contiguous().stride(), x.unsqueeze(2).stride(), x[:, None].stride())
y = torch.empty(0, 3)
print(y.stride(), torch.empty(3, 0).stride(), torch.tensor(1.0).stride(), torch.zeros(1, 1).stride(), torch.zeros(5, 1).t().stride())
print(torch.zeros(4, 1).expand(4, 3).t().is_contiguous(), torch.zeros(1, 4).t().is_contiguous(), torch.zeros(1, 4).is_contiguous())
z = torch.arange(6)
zv = z.view(2, 3)
zv.add_(10)
print(z, zv, z.view(3, 2).t(), z.view(3, 2).t().is_contiguous())
a = torch.ones(2, 2)
b = a.numpy()
c = a.view(4)
c[0] = 5
print(a, b, c)
d = torch.arange(10)
e = d[2:8:2]
print(e, e.stride(), e.storage_offset(), e.is_contiguous(), e.contiguous().storage_offset())
e.mul_(100)
print(d)
