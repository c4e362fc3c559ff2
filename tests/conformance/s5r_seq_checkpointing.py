# Saving and restoring sequence models: state_dict of an LSTM classifier to an in-memory buffer, loading into a
# fresh model (same outputs), optimizer state round-trip, strict=False with missing/unexpected keys reported,
# size-mismatch errors, and resuming training with identical losses.
import io

import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, hidden=8):
        super().__init__()
        self.emb = nn.Embedding(12, 4)
        self.lstm = nn.LSTM(4, hidden, batch_first=True, num_layers=2)
        self.fc = nn.Linear(hidden, 3)

    def forward(self, x):
        out, (h, c) = self.lstm(self.emb(x))
        return self.fc(h[-1])


torch.manual_seed(0)
x = torch.randint(0, 12, (5, 6))
y = torch.randint(0, 3, (5,))
model = Net()
opt = torch.optim.Adam(model.parameters(), lr=0.01)
for step in range(3):
    loss = nn.functional.cross_entropy(model(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
buf = io.BytesIO()
torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "step": 3}, buf)
buf.seek(0)
ckpt = torch.load(buf)
print(sorted(ckpt), ckpt["step"], list(ckpt["model"].keys()))
print(ckpt["opt"]["param_groups"][0]["lr"], len(ckpt["opt"]["state"]), ckpt["opt"]["state"][0]["step"])
fresh = Net()
print(fresh.load_state_dict(ckpt["model"]))
print(torch.equal(fresh(x), model(x)))
opt2 = torch.optim.Adam(fresh.parameters(), lr=0.01)
opt2.load_state_dict(ckpt["opt"])
for step in range(3, 6):
    for m, o in ((model, opt), (fresh, opt2)):
        loss = nn.functional.cross_entropy(m(x), y)
        o.zero_grad()
        loss.backward()
        o.step()
        print(step, f"{loss.item():.6f}", end=" | ")
    print()
partial = {k: v for k, v in ckpt["model"].items() if not k.startswith("fc")}
partial["extra.weight"] = torch.zeros(1)
res = Net().load_state_dict(partial, strict=False)
print(res.missing_keys, res.unexpected_keys)
try:
    Net(hidden=6).load_state_dict(ckpt["model"])
except RuntimeError as e:
    msg = str(e)
    print(msg.splitlines()[0])
    print(len(msg.splitlines()), msg.splitlines()[1])
try:
    Net().load_state_dict(partial)
except RuntimeError as e:
    print(str(e)[:120])
gru = nn.GRU(3, 4, num_layers=2)
sd = gru.state_dict()
print({k: tuple(v.shape) for k, v in sd.items()})
print(nn.GRU(3, 4, num_layers=1).load_state_dict(sd, strict=False).unexpected_keys)
