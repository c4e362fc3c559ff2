# Saving and loading model + optimizer state through BytesIO and a temporary file.
import io
import os
import tempfile

import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
opt = torch.optim.Adam(model.parameters(), lr=0.01)
x = torch.randn(8, 3)
for _ in range(3):
    opt.zero_grad()
    model(x).pow(2).mean().backward()
    opt.step()

buf = io.BytesIO()
torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "epoch": 3, "note": "hi"}, buf)
buf.seek(0)
ckpt = torch.load(buf)
print(sorted(ckpt.keys()), ckpt["epoch"], ckpt["note"])
print(list(ckpt["model"].keys()))
print(ckpt["opt"]["param_groups"])
print(ckpt["opt"]["state"][0]["step"], ckpt["opt"]["state"][0]["exp_avg"])

model2 = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
opt2 = torch.optim.Adam(model2.parameters(), lr=0.5)
print(model2.load_state_dict(ckpt["model"]))
opt2.load_state_dict(ckpt["opt"])
print(opt2.param_groups[0]["lr"])
for m, o in [(model, opt), (model2, opt2)]:
    o.zero_grad()
    m(x).pow(2).mean().backward()
    o.step()
print(torch.equal(model[0].weight, model2[0].weight), model2[2].bias)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "ckpt.pt")
    torch.save(model.state_dict(), path)
    sd = torch.load(path, weights_only=True)
    print(type(sd).__name__, {k: tuple(v.shape) for k, v in sd.items()})
    torch.save([torch.arange(5), torch.tensor(2.5), {"a": torch.ones(2, dtype=torch.int32)}], path)
    print(torch.load(path))

result = model2.load_state_dict({k: v for k, v in ckpt["model"].items() if k != "2.bias"}, strict=False)
print(result.missing_keys, result.unexpected_keys)
try:
    model2.load_state_dict({"0.weight": torch.zeros(3, 3)}, strict=False)
except RuntimeError as e:
    print("RuntimeError", "size mismatch" in str(e))
