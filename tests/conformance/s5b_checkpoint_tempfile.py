# Checkpoints written to a temporary directory: best/last files, os.path checks, map_location='cpu',
# strict=False loading with missing/unexpected keys, and stripping a 'module.' DataParallel prefix.
import os
import tempfile
from collections import OrderedDict

import torch
import torch.nn as nn

torch.manual_seed(1)


class Net(nn.Module):
    def __init__(self, head=True):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(3, 5), nn.ReLU())
        if head:
            self.head = nn.Linear(5, 2)

    def forward(self, x):
        return self.head(self.body(x))


model = Net()
x = torch.randn(4, 3)
with tempfile.TemporaryDirectory() as d:
    last = os.path.join(d, "last.pt")
    best = os.path.join(d, "checkpoints", "best.pth")
    os.makedirs(os.path.dirname(best), exist_ok=True)
    torch.save(model.state_dict(), last)
    torch.save({"state_dict": model.state_dict(), "best_acc": 0.875, "arch": "Net"}, best)
    print(os.path.exists(last), os.path.isfile(best), sorted(os.listdir(d)))
    sd = torch.load(last, map_location="cpu")
    print(type(sd).__name__, list(sd.keys()))
    ck = torch.load(best, map_location=torch.device("cpu"), weights_only=True)
    print(ck["best_acc"], ck["arch"], sorted(ck))
    m2 = Net()
    print(m2.load_state_dict(ck["state_dict"]))
    print(torch.equal(m2(x), model(x)))
    parallel_sd = OrderedDict(("module." + k, v) for k, v in sd.items())
    print(list(parallel_sd)[:2])
    clean = OrderedDict((k[7:] if k.startswith("module.") else k, v) for k, v in parallel_sd.items())
    m3 = Net()
    m3.load_state_dict(clean)
    print(torch.allclose(m3(x), model(x)))
    clean2 = {k.replace("module.", "", 1): v for k, v in parallel_sd.items()}
    print(sorted(clean2) == sorted(sd))
    body_only = Net(head=False)
    res = body_only.load_state_dict(sd, strict=False)
    print(res.missing_keys, res.unexpected_keys)
    try:
        body_only.load_state_dict(sd)
    except RuntimeError as e:
        print("RuntimeError:", str(e).splitlines()[0])
    bigger = Net()
    bigger.head = nn.Linear(5, 4)
    try:
        bigger.load_state_dict(sd)
    except RuntimeError as e:
        print(str(e).splitlines()[1].strip())
    filtered = {k: v for k, v in sd.items() if k in bigger.state_dict() and v.shape == bigger.state_dict()[k].shape}
    print(sorted(filtered), bigger.load_state_dict(filtered, strict=False))
