# Tensor attributes and conversions: size/shape/dim/numel, to(), type(), item/tolist, Python number protocols.
import torch

x = torch.arange(24.0).view(2, 3, 4)
print(x.size(), x.shape, x.size(-1), x.shape[1:], x.dim(), x.ndim, x.ndimension(), x.numel(), x.nelement(), len(x), x.dtype, x.device, x.is_leaf, x.layout)
print(x.shape == (2, 3, 4), x.shape == torch.Size([2, 3, 4]), list(x.shape), tuple(x.size()), x.size() + (5,), torch.Size([2, 3]).numel(), x.shape.numel(), type(x.shape).__name__)
print(x.to(torch.int32).dtype, x.to(torch.float64).dtype, x.to("cpu").dtype, x.to(torch.zeros(1, dtype=torch.int64)).dtype, x.to(torch.float32) is x, x.to(torch.float32, copy=True) is x, x.cpu() is x, x.float() is x, x.double().float() is x)
print(x.type(torch.int64).dtype, x.type("torch.DoubleTensor").dtype, x.long().type(), x.int().type(), x.bool().type(), x.half().type(), x.short().dtype, x.char().dtype, x.byte().dtype)
print(torch.tensor(3.5).item(), torch.tensor([[7]]).item(), torch.tensor(True).item(), torch.tensor(2, dtype=torch.int8).item(), type(torch.tensor(2.0, dtype=torch.float16).item()).__name__, type(torch.tensor(True).item()).__name__)
print(int(torch.tensor(3.9)), float(torch.tensor(2)), bool(torch.tensor(0.0)), bool(torch.tensor([3])), complex(torch.tensor(1.5)) if False else "", round(float(torch.tensor(2.567)), 2), abs(torch.tensor(-3)), -torch.tensor(2), +torch.tensor([1, 2]))
print(torch.tensor(5) + 1, 1 - torch.tensor(5), 2 * torch.tensor([1.5]), 1 / torch.tensor([2, 4]), 7 // torch.tensor([2, 3]), 7 % torch.tensor([4, 5]), 2 ** torch.tensor([1, 2, 3]), 3 > torch.tensor([1, 5]), [1, 2][torch.tensor(1)], range(5)[torch.tensor(2)])
print(x[0, 0].tolist(), x.tolist()[1][2][3], torch.tensor([[1, 2], [3, 4]]).tolist(), torch.tensor([]).tolist(), torch.tensor(1.5).tolist(), type(torch.tensor([1.0]).tolist()[0]).__name__, torch.tensor([1, 2], dtype=torch.uint8).tolist())
print([float(v) for v in torch.tensor([0.5, 1.5])], [int(v) for v in torch.arange(3)], sum(torch.arange(4)), max(torch.tensor([3, 9, 2])), sorted(torch.tensor([3, 1, 2]).tolist()), list(torch.arange(3)), [t.shape for t in torch.ones(2, 3)])
show_items = {int(k): float(v) for k, v in zip(torch.arange(3), torch.linspace(0, 1, 3))}
print(show_items, "%.3f" % torch.tensor(1.23456), "{:.2f}".format(torch.tensor(2.5).item()), f"{torch.tensor(3).item():04d}", str(torch.tensor(1.0).item()))  # noqa: UP031, UP032
print(x.is_floating_point(), x.long().is_floating_point(), x.is_contiguous(), x.is_complex(), torch.is_tensor(x), torch.is_tensor([1]), isinstance(x, torch.Tensor), torch.numel(x), x.requires_grad, x.data.shape, x.T.shape if x.dim() == 2 else x.permute(2, 1, 0).shape)
y = torch.tensor([1, 2, 3], dtype=torch.int32)
print(y + 2.5, (y + 2.5).dtype, y * torch.tensor(2.0), (y * torch.tensor(2.0)).dtype, y.float().dtype, y.to(torch.float16) + 1, (y.to(torch.float16) + 1).dtype, y.div(2), y.div(2).dtype, y.sum().dtype, y.double().mean())
print(torch.tensor([1.7, -1.7, 0.5, -0.5]).long(), torch.tensor([255.9, 256.0]).to(torch.int32), torch.tensor([-1, 300]).to(torch.float16), torch.tensor([True, False]).float(), torch.tensor([0.0, 2.0, -0.1]).bool(), torch.tensor([1e10]).int().dtype)
print(torch.get_default_dtype(), torch.tensor([1.0]).dtype, torch.zeros(1).dtype, torch.arange(1.0).dtype, torch.float32.is_floating_point, torch.int64.is_signed, torch.uint8.is_signed, torch.bool.is_floating_point, str(torch.float64), repr(torch.int8))
torch.set_default_dtype(torch.float64)
print(torch.tensor([1.0]).dtype, torch.zeros(2).dtype, torch.arange(2.0).dtype, torch.linspace(0, 1, 2).dtype, torch.tensor([1]).dtype, (torch.tensor([1]) * 1.5).dtype, torch.randn(2).dtype, torch.get_default_dtype())
torch.set_default_dtype(torch.float32)
print(torch.tensor([1.0]).dtype, (torch.tensor([1]) * 1.5).dtype)
