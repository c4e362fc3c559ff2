# The device-agnostic idioms: pick cuda when available, move models and tensors, query the backends.
import torch
import torch.nn as nn

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(device, device.type, repr(device))
print(torch.cuda.is_available(), torch.cuda.device_count())
torch.cuda.manual_seed(0)
torch.cuda.manual_seed_all(0)
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.benchmark = False
print(torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark)
print(torch.backends.mps.is_available())
dev2 = "mps" if torch.backends.mps.is_available() else "cpu"
print(dev2)

model = nn.Linear(3, 2).to(device)
x = torch.randn(4, 3).to(device)
y = torch.randn(4, 3, device=device)
print(next(model.parameters()).device, x.device, y.device, x.is_cuda)
out = model(x)
print(out.device, out.cpu().detach().numpy().shape, out.to("cpu").dtype)
print(x.to(device, torch.float64).dtype, x.to(torch.device("cpu")).device)
print(torch.zeros(2, device="cpu"), torch.tensor([1, 2], device=device))
print(torch.device("cuda:1"), torch.device("cuda", 0), torch.device("cpu") == torch.device("cpu"))
print(str(torch.device("cuda:0")), torch.device("cuda:0").index)
print(model.weight.device.type == "cpu")
try:
    torch.ones(2).cuda()
except (AssertionError, RuntimeError) as e:
    print(type(e).__name__, e)
try:
    torch.device("gpu")
except RuntimeError as e:
    print(type(e).__name__)
print(torch.cuda.memory_allocated(), torch.cuda.is_bf16_supported())
torch.cuda.empty_cache()
with torch.amp.autocast(device_type="cuda", enabled=False):
    print(model(x).dtype)
scaler = torch.amp.GradScaler("cuda", enabled=False)
loss = model(x).sum()
scaler.scale(loss).backward()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
scaler.step(opt)
scaler.update()
print(model.bias, scaler.is_enabled(), scaler.get_scale())
