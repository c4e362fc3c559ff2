# Save model+optimizer+scheduler+epoch in one dict (BytesIO and a temp file), reload, continue identically.
import io
import os
import tempfile

import torch
import torch.nn as nn

torch.manual_seed(5)
X, Y = torch.randn(32, 5), torch.randint(0, 3, (32,))


def make():
    m = nn.Sequential(nn.Linear(5, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 3))
    o = torch.optim.Adam(m.parameters(), lr=0.01)
    s = torch.optim.lr_scheduler.StepLR(o, step_size=2, gamma=0.5)
    return m, o, s


def train_epoch(m, o, s):
    m.train()
    for i in range(0, 32, 8):
        loss = nn.functional.cross_entropy(m(X[i:i + 8]), Y[i:i + 8])
        o.zero_grad()
        loss.backward()
        o.step()
    s.step()
    return loss.item()


model, opt, sched = make()
for epoch in range(3):
    print("A", epoch, train_epoch(model, opt, sched))
ckpt = {"epoch": 3, "model_state_dict": model.state_dict(), "optimizer_state_dict": opt.state_dict(),
        "scheduler": sched.state_dict(), "loss": 0.5, "history": [1, 2, 3]}
buf = io.BytesIO()
torch.save(ckpt, buf)
buf.seek(0)
tmpdir = tempfile.mkdtemp()
path = os.path.join(tmpdir, "ckpt.pt")
torch.save(ckpt, path)
print(sorted(ckpt["optimizer_state_dict"].keys()), ckpt["optimizer_state_dict"]["param_groups"][0]["lr"])
print(list(ckpt["optimizer_state_dict"]["state"][0].keys()), ckpt["optimizer_state_dict"]["state"][0]["step"])
ref = [train_epoch(model, opt, sched) for _ in range(2)]
print("ref", ref)
for src in (buf, path):
    m2, o2, s2 = make()
    c = torch.load(src, weights_only=True)
    m2.load_state_dict(c["model_state_dict"])
    o2.load_state_dict(c["optimizer_state_dict"])
    s2.load_state_dict(c["scheduler"])
    print(c["epoch"], c["loss"], c["history"], o2.param_groups[0]["lr"], s2.last_epoch)
    print("resumed", [train_epoch(m2, o2, s2) for _ in range(2)])
    print(torch.equal(m2[0].weight, model[0].weight), torch.allclose(m2[1].running_var, model[1].running_var))
sd = model.state_dict()
print(list(sd.keys()))
print(sd["1.num_batches_tracked"], sd["1.running_mean"].dtype)
m3, _, _ = make()
missing = m3.load_state_dict({k: v for k, v in sd.items() if not k.startswith("3.")}, strict=False)
print(missing.missing_keys, missing.unexpected_keys)
torch.save(model.state_dict(), path)
m3.load_state_dict(torch.load(path))
m3.eval()
model.eval()
print(torch.equal(m3(X[:4]), model(X[:4])))
os.remove(path)
os.rmdir(tmpdir)
