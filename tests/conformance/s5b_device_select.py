# Device-selection boilerplate: cuda / mps / cpu fallback chain, .to(device) on models, batches and
# dicts of tensors, guarded .cuda(), non_blocking=True copies, device strings in f-strings.
import torch
import torch.nn as nn


def get_device(prefer=None):
    if prefer is not None:
        return torch.device(prefer)
    if torch.cuda.is_available():
        return torch.device("cuda")
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def to_device(batch, device):
    if isinstance(batch, torch.Tensor):
        return batch.to(device, non_blocking=True)
    if isinstance(batch, dict):
        return {k: to_device(v, device) for k, v in batch.items()}
    if isinstance(batch, (list, tuple)):
        return type(batch)(to_device(v, device) for v in batch)
    return batch


torch.manual_seed(0)
device = get_device()
print(f"Using device: {device}")
print(device.type, device.index, str(device) == "cpu", device == torch.device("cpu"))
print(get_device("cpu"), get_device("cpu:0") if False else "skip")
print(torch.backends.mps.is_available(), torch.backends.mps.is_built() in (True, False))
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
model = model.to(device)
if torch.cuda.is_available():
    model = model.cuda()
print(next(model.parameters()).device, all(p.device.type == "cpu" for p in model.parameters()))
batch = {"x": torch.randn(3, 4), "y": torch.tensor([0, 1, 1]), "meta": "abc",
         "pair": (torch.ones(2), [torch.zeros(1)])}
b = to_device(batch, device)
print(sorted(b), b["x"].device, b["y"].dtype, b["meta"], type(b["pair"]).__name__, b["pair"][1][0].device)
out = model(b["x"])
print(out.shape, out.device, out.is_cuda, out.get_device())
print(out.detach().cpu().numpy().round(4))
x = torch.randn(2, 2).to(device=device, dtype=torch.float64, non_blocking=True)
print(x.dtype, x.device, x.to("cpu", copy=True).dtype)
t = torch.arange(3)
print(t.to(device) is t, t.to(device, copy=True) is t, t.cpu() is t)
print(torch.cuda.device_count(), torch.cuda.is_available())
cuda_ok = torch.cuda.is_available() and torch.cuda.device_count() > 0
print("cuda path" if cuda_ok else "cpu path")
print(torch.device("cpu", 0), torch.device(device), torch.device("cuda:0").type)
dev_str = "cuda:0" if torch.cuda.is_available() else "cpu"
y = torch.zeros(2, 3, device=dev_str)
print(y.device, torch.empty(0, device=device).numel(), torch.ones(1, device=torch.device("cpu")).item())
