# torch.save / torch.load of state dicts, whole checkpoints (model + optimizer + epoch + loss) to BytesIO and
# a temp dir, resuming training, load_state_dict(strict=False) reporting, and map_location.
import io
import os
import tempfile
import torch
import torch.nn as nn

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8, bias=False)
        self.bn = nn.BatchNorm1d(8)
        self.fc2 = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc2(torch.relu(self.bn(self.fc1(x))))


X = torch.randn(32, 4)
y = (X[:, 0] > 0).long()
model = Net()
opt = torch.optim.Adam(model.parameters(), lr=0.01)
sched = torch.optim.lr_scheduler.StepLR(opt, 2, 0.5)


def train(model, opt, sched, epochs):
    for epoch in range(epochs):
        model.train()
        loss = nn.functional.cross_entropy(model(X), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
    return loss.item()


loss = train(model, opt, sched, 3)
print(round(loss, 5))
for k, v in model.state_dict().items():
    print(k, tuple(v.shape), v.dtype)
ckpt = {"epoch": 3, "model_state_dict": model.state_dict(), "optimizer_state_dict": opt.state_dict(),
        "scheduler": sched.state_dict(), "loss": loss, "meta": {"name": "net", "tags": ["a", "b"]}}
buf = io.BytesIO()
torch.save(ckpt, buf)
buf.seek(0)
loaded = torch.load(buf, weights_only=False)
print(sorted(loaded.keys()), loaded["epoch"], loaded["meta"], round(loaded["loss"], 5))
print(loaded["optimizer_state_dict"]["param_groups"][0]["lr"], loaded["scheduler"]["last_epoch"])
model2 = Net()
opt2 = torch.optim.Adam(model2.parameters(), lr=0.01)
sched2 = torch.optim.lr_scheduler.StepLR(opt2, 2, 0.5)
print(model2.load_state_dict(loaded["model_state_dict"]))
opt2.load_state_dict(loaded["optimizer_state_dict"])
sched2.load_state_dict(loaded["scheduler"])
print(opt2.state_dict()["state"][0]["step"], opt2.param_groups[0]["lr"])
l1 = train(model, opt, sched, 2)
l2 = train(model2, opt2, sched2, 2)
print(round(l1, 6), round(l2, 6), l1 == l2)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "model.pt")
    torch.save(model.state_dict(), path)
    sd = torch.load(path, map_location="cpu", weights_only=True)
    print(list(sd.keys()))
    print(sd["bn.num_batches_tracked"], sd["bn.running_mean"][:3])
    torch.save({"w": torch.arange(6).reshape(2, 3), "list": [torch.ones(2), 3, "x"], "t": (1, 2.5)},
               os.path.join(d, "misc.pth"))
    misc = torch.load(os.path.join(d, "misc.pth"))
    print(misc)
    torch.save(model, os.path.join(d, "whole.pt"))
    whole = torch.load(os.path.join(d, "whole.pt"), weights_only=False)
    print(type(whole).__name__, whole.fc1)
    whole.eval()
    model.eval()
    with torch.no_grad():
        print(torch.equal(whole(X[:4]), model(X[:4])))

partial = {k: v for k, v in model.state_dict().items() if k.startswith("fc1")}
partial["extra.weight"] = torch.zeros(1)
m3 = Net()
res = m3.load_state_dict(partial, strict=False)
print(res)
print(res.missing_keys, res.unexpected_keys)
try:
    m3.load_state_dict(partial)
except RuntimeError as e:
    print("RuntimeError", str(e).splitlines()[0])
bad = dict(model.state_dict())
bad["fc1.weight"] = torch.zeros(3, 3)
try:
    m3.load_state_dict(bad)
except RuntimeError as e:
    print(str(e))
t = torch.tensor([1.5, 2.5], dtype=torch.float64)
b2 = io.BytesIO()
torch.save(t, b2)
print(torch.load(io.BytesIO(b2.getvalue())), len(b2.getvalue()) > 0)
