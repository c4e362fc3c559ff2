# Save a full training checkpoint (epoch, model/optimizer/scheduler state, loss, rng state) into BytesIO
# mid-run, keep training, then resume a fresh model from the checkpoint and print the continued losses.
import io

import torch
import torch.nn as nn


def make():
    model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
    opt = torch.optim.Adam(model.parameters(), lr=1e-2, betas=(0.9, 0.99))
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
    return model, opt, sched


def train_epoch(model, opt, sched, X, Y):
    opt.zero_grad()
    loss = nn.functional.cross_entropy(model(X), Y)
    loss.backward()
    opt.step()
    sched.step()
    return loss


torch.manual_seed(0)
X = torch.randn(32, 4)
Y = (X[:, 0] > 0).long()
model, opt, sched = make()
buf = io.BytesIO()
for epoch in range(6):
    loss = train_epoch(model, opt, sched, X, Y)
    print(f"run1 epoch {epoch} loss {loss.item():.6f} lr {opt.param_groups[0]['lr']:.5f}")
    if epoch == 2:
        torch.save({
            "epoch": epoch,
            "model_state_dict": model.state_dict(),
            "optimizer_state_dict": opt.state_dict(),
            "scheduler_state_dict": sched.state_dict(),
            "loss": loss,
            "rng": torch.get_rng_state(),
        }, buf)
print(f"saved {buf.tell() > 0}")
buf.seek(0)
ckpt = torch.load(buf, weights_only=False)
print(sorted(ckpt), ckpt["epoch"], ckpt["loss"], ckpt["scheduler_state_dict"]["last_epoch"])
model2, opt2, sched2 = make()
model2.load_state_dict(ckpt["model_state_dict"])
opt2.load_state_dict(ckpt["optimizer_state_dict"])
sched2.load_state_dict(ckpt["scheduler_state_dict"])
torch.set_rng_state(ckpt["rng"])
start_epoch = ckpt["epoch"] + 1
print(opt2.state_dict()["state"][0]["step"], opt2.param_groups[0]["lr"], sched2.get_last_lr())
for epoch in range(start_epoch, 6):
    loss = train_epoch(model2, opt2, sched2, X, Y)
    print(f"run2 epoch {epoch} loss {loss.item():.6f} lr {opt2.param_groups[0]['lr']:.5f}")
print(all(torch.allclose(a, b) for a, b in zip(model.parameters(), model2.parameters())))
print(model2[2].bias)
