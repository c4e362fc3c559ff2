# Mixed-precision boilerplate on a CPU box: use_amp derived from the device, autocast(enabled=False),
# GradScaler(enabled=False) as pass-through, state queries, amp.autocast and amp.GradScaler spellings.
import torch
import torch.nn as nn

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
use_amp = device.type == "cuda"
model = nn.Sequential(nn.Linear(6, 12), nn.GELU(), nn.Linear(12, 3)).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.01)
scaler = torch.amp.GradScaler(device.type, enabled=use_amp)
x = torch.randn(20, 6)
y = torch.randint(0, 3, (20,))
crit = nn.CrossEntropyLoss()
print(torch.is_autocast_enabled(), scaler.is_enabled(), scaler.get_scale())
for epoch in range(5):
    model.train()
    opt.zero_grad(set_to_none=True)
    with torch.autocast(device_type=device.type, enabled=use_amp):
        logits = model(x)
        loss = crit(logits, y)
    print(logits.dtype, loss.dtype, torch.is_autocast_enabled())
    scaler.scale(loss).backward()
    scaler.unscale_(opt)
    gn = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
    scaler.step(opt)
    scaler.update()
    print(f"epoch {epoch} loss {loss.item():.5f} grad_norm {gn:.4f} scale {scaler.get_scale()}")
print(scaler.state_dict())
with torch.amp.autocast("cpu", enabled=False):
    print(model(x[:2]).dtype, torch.is_autocast_enabled("cpu"))
with torch.autocast("cpu", enabled=False):
    with torch.no_grad():
        print(model(x[:1]).requires_grad)
s2 = torch.amp.GradScaler("cpu", enabled=False)
print(s2.is_enabled(), s2.scale(torch.tensor(2.0)), s2.get_scale())
