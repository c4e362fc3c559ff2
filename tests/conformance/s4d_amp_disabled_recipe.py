# The "Automatic Mixed Precision" recipe run where CUDA is absent: use_amp=False, GradScaler('cuda',
# enabled=use_amp), autocast(enabled=use_amp), unscale_ + clip_grad_norm_, scaler.step/update,
# zero_grad(set_to_none=True); autocast state queries on CPU with an explicit dtype.
import warnings

import torch

warnings.simplefilter("ignore")
torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
use_amp = device == "cuda"
net = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 4))
opt = torch.optim.SGD(net.parameters(), lr=0.01)
scaler = torch.amp.GradScaler("cuda", enabled=use_amp)
x = torch.randn(16, 8)
y = torch.randn(16, 4)
for epoch in range(4):
    with torch.autocast(device_type=device, dtype=torch.float16, enabled=use_amp):
        out = net(x)
        assert out.dtype is torch.float32
        loss = torch.nn.functional.mse_loss(out, y)
    scaler.scale(loss).backward()
    scaler.unscale_(opt)
    norm = torch.nn.utils.clip_grad_norm_(net.parameters(), 0.5)
    scaler.step(opt)
    scaler.update()
    opt.zero_grad(set_to_none=True)
    print(epoch, f"{loss.item():.6f}", f"{norm.item():.5f}", out.dtype, scaler.get_scale(), scaler.is_enabled())
print(scaler.state_dict(), net[0].weight.grad)
with torch.autocast(device_type="cpu", dtype=torch.float16):
    print(torch.is_autocast_enabled("cpu"), torch.get_autocast_dtype("cpu"), torch.is_autocast_enabled())
    with torch.autocast(device_type="cpu", enabled=False):
        print(torch.is_autocast_enabled("cpu"))
print(torch.is_autocast_enabled("cpu"), torch.get_autocast_dtype("cpu"))
