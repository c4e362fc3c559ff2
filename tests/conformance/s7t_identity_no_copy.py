# Conversions that return the very same tensor object (no copy) vs a new tensor object.
import torch

x = torch.arange(4.0)
checks = {
    "float": x.float(), "to_dtype": x.to(torch.float32), "to_cpu": x.to("cpu"), "cpu": x.cpu(),
    "contiguous": x.contiguous(), "to_copy": x.to(torch.float32, copy=True), "type_str": x.type("torch.FloatTensor"),
    "type_cls": x.type(torch.FloatTensor), "detach": x.detach(), "requires_grad_": x.requires_grad_(False),
    "view_as": x.view_as(x), "reshape_same": x.reshape(4), "as_tensor": torch.as_tensor(x),
    "as_tensor_dt": torch.as_tensor(x, dtype=torch.float64), "squeeze_noop": x.squeeze(), "data": x.data,
    "to_other": x.to(torch.zeros(1)), "double": x.double(), "type_as": x.type_as(torch.zeros(1)),
    "align": x.to(device=x.device), "flatten_1d": x.flatten(), "ravel": x.ravel(), "t_1d": x.t(),
    "expand_same": x.expand(4), "movedim_noop": x.movedim(0, 0), "clone": x.clone(), "numpy_back": torch.from_numpy(x.numpy()),
}
for name, y in checks.items():
    print(f"{name:14s} same_object={y is x} same_memory={y.data_ptr() == x.data_ptr()} dtype={y.dtype}")
