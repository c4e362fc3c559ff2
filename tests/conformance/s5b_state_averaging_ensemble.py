# Checkpoint averaging (mean of several state_dicts), whole-model torch.save/torch.load with
# weights_only=False, and a prediction ensemble over models trained from different seeds.
import copy
import io

import torch
import torch.nn as nn


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, 12), nn.ReLU(), nn.Linear(12, 3))

    def forward(self, x):
        return self.net(x)


torch.manual_seed(0)
X = torch.randn(40, 4)
Y = torch.randint(0, 3, (40,))
snapshots, models = [], []
for seed in range(3):
    torch.manual_seed(seed)
    m = MLP()
    opt = torch.optim.SGD(m.parameters(), lr=0.2)
    for _ in range(15):
        opt.zero_grad()
        loss = nn.functional.cross_entropy(m(X), Y)
        loss.backward()
        opt.step()
    print(f"seed {seed} loss {loss.item():.5f}")
    snapshots.append(copy.deepcopy(m.state_dict()))
    models.append(m)
avg = {k: sum(sd[k] for sd in snapshots) / len(snapshots) for k in snapshots[0]}
avg2 = {k: torch.stack([sd[k].float() for sd in snapshots]).mean(0) for k in snapshots[0]}
print(all(torch.allclose(avg[k], avg2[k]) for k in avg), list(avg))
soup = MLP()
soup.load_state_dict(avg)
with torch.no_grad():
    probs = torch.stack([torch.softmax(m(X), -1) for m in models]).mean(0)
    ens_acc = (probs.argmax(1) == Y).float().mean().item()
    soup_acc = (soup(X).argmax(1) == Y).float().mean().item()
    ind = [(m(X).argmax(1) == Y).float().mean().item() for m in models]
print(f"individual {[round(a, 4) for a in ind]} ensemble {ens_acc:.4f} soup {soup_acc:.4f}")
print(probs[:3])
buf = io.BytesIO()
torch.save(models[0], buf)
buf.seek(0)
loaded = torch.load(buf, weights_only=False)
print(type(loaded).__name__, loaded is models[0], torch.equal(loaded(X), models[0](X)))
print(loaded)
buf = io.BytesIO()
torch.save({"models": [m.state_dict() for m in models], "meta": {"n": 3}}, buf)
buf.seek(0)
blob = torch.load(buf)
print(len(blob["models"]), blob["meta"], list(blob["models"][1])[:2])
