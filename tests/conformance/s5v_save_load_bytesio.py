# Checkpointing a CNN through io.BytesIO: torch.save of state_dict / a full checkpoint dict (epoch,
# model, optimizer, loss), torch.load(weights_only=True), load_state_dict return value (missing and
# unexpected keys with strict=False), size-mismatch errors, resuming training bit-for-bit, and
# loading a state dict into a differently-wrapped model by renaming "module." prefixes.
import io
from collections import OrderedDict

import torch
import torch.nn as nn

torch.manual_seed(0)


def make():
    return nn.Sequential(nn.Conv2d(1, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 4 * 4, 2))


model = make()
opt = torch.optim.Adam(model.parameters(), lr=0.01)
x = torch.randn(8, 1, 6, 6)
y = torch.randint(0, 2, (8,))
for _ in range(2):
    opt.zero_grad()
    loss = nn.functional.cross_entropy(model(x), y)
    loss.backward()
    opt.step()
buf = io.BytesIO()
torch.save({"epoch": 2, "model_state_dict": model.state_dict(), "optimizer_state_dict": opt.state_dict(),
            "loss": loss.item()}, buf)
print(buf.tell() > 0)
buf.seek(0)
ckpt = torch.load(buf, weights_only=True)
print(sorted(ckpt), ckpt["epoch"], f"{ckpt['loss']:.6f}", type(ckpt["model_state_dict"]).__name__)
print(list(ckpt["model_state_dict"].keys()))
print(ckpt["optimizer_state_dict"]["param_groups"][0]["lr"], sorted(ckpt["optimizer_state_dict"]["state"][0]))
model2 = make()
opt2 = torch.optim.Adam(model2.parameters(), lr=0.01)
res = model2.load_state_dict(ckpt["model_state_dict"])
print(res, res.missing_keys, res.unexpected_keys)
opt2.load_state_dict(ckpt["optimizer_state_dict"])
for m, o in [(model, opt), (model2, opt2)]:
    o.zero_grad()
    lo = nn.functional.cross_entropy(m(x), y)
    lo.backward()
    o.step()
    print(f"{lo.item():.6f}", m[4].bias)
print(all(torch.equal(a, b) for a, b in zip(model.state_dict().values(), model2.state_dict().values())))

sd = model.state_dict()
sd["extra.weight"] = torch.zeros(1)
del sd["4.bias"]
res = make().load_state_dict(sd, strict=False)
print(res.missing_keys, res.unexpected_keys)
try:
    make().load_state_dict(sd)
except RuntimeError as e:
    print("RuntimeError:", str(e).splitlines()[0])
bad = make().state_dict()
bad["4.weight"] = torch.zeros(3, 64)
try:
    make().load_state_dict(bad)
except RuntimeError as e:
    print("RuntimeError:", e)

wrapped = OrderedDict(("module." + k, v) for k, v in model.state_dict().items())
fixed = OrderedDict((k[len("module."):] if k.startswith("module.") else k, v) for k, v in wrapped.items())
m3 = make()
print(m3.load_state_dict(fixed))
buf2 = io.BytesIO()
torch.save(model, buf2)
buf2.seek(0)
whole = torch.load(buf2, weights_only=False)
print(type(whole).__name__, torch.equal(whole(x), model(x)))
buf3 = io.BytesIO()
torch.save([torch.arange(5), {"t": torch.ones(2, dtype=torch.float64)}, 3.5, "text"], buf3)
buf3.seek(0)
print(torch.load(buf3))
