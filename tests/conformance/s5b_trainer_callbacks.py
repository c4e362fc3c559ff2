# A minimal Trainer class with callbacks (on_epoch_end hooks for logging, checkpointing into BytesIO,
# early stop flag), a history dict, fit/evaluate/predict methods and a summary table at the end.
import io
from collections import defaultdict

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


class Callback:
    def on_epoch_end(self, trainer, epoch, logs):
        pass


class PrintLogger(Callback):
    def on_epoch_end(self, trainer, epoch, logs):
        print(" - ".join([f"epoch {epoch}"] + [f"{k}: {v:.4f}" for k, v in logs.items()]))


class BestCheckpoint(Callback):
    def __init__(self, monitor="val_loss"):
        self.monitor, self.best, self.buffer, self.best_epoch = monitor, float("inf"), None, -1

    def on_epoch_end(self, trainer, epoch, logs):
        if logs[self.monitor] < self.best:
            self.best, self.best_epoch = logs[self.monitor], epoch
            self.buffer = io.BytesIO()
            torch.save({"epoch": epoch, "state_dict": trainer.model.state_dict()}, self.buffer)


class StopAt(Callback):
    def __init__(self, target):
        self.target = target

    def on_epoch_end(self, trainer, epoch, logs):
        if logs["val_acc"] >= self.target:
            trainer.stop_training = True


class Trainer:
    def __init__(self, model, optimizer, loss_fn, callbacks=()):
        self.model, self.optimizer, self.loss_fn = model, optimizer, loss_fn
        self.callbacks = list(callbacks)
        self.history = defaultdict(list)
        self.stop_training = False

    def _run(self, loader, train):
        self.model.train(train)
        total, correct, n = 0.0, 0, 0
        with torch.set_grad_enabled(train):
            for xb, yb in loader:
                out = self.model(xb)
                loss = self.loss_fn(out, yb)
                if train:
                    self.optimizer.zero_grad()
                    loss.backward()
                    self.optimizer.step()
                total += loss.detach() * len(yb)
                correct += (out.argmax(-1) == yb).sum().item()
                n += len(yb)
        return (total / n).item(), correct / n

    def fit(self, train_loader, val_loader, epochs):
        for epoch in range(epochs):
            tl, ta = self._run(train_loader, True)
            vl, va = self._run(val_loader, False)
            logs = {"loss": tl, "acc": ta, "val_loss": vl, "val_acc": va}
            for k, v in logs.items():
                self.history[k].append(v)
            for cb in self.callbacks:
                cb.on_epoch_end(self, epoch, logs)
            if self.stop_training:
                print(f"stopped after epoch {epoch}")
                break
        return dict(self.history)

    @torch.no_grad()
    def predict(self, x):
        self.model.eval()
        return self.model(x).softmax(-1)


torch.manual_seed(0)
X = torch.randn(120, 5)
Y = (X[:, 0] - X[:, 3] > 0).long()
train_loader = DataLoader(TensorDataset(X[:90], Y[:90]), batch_size=30, shuffle=True,
                          generator=torch.Generator().manual_seed(0))
val_loader = DataLoader(TensorDataset(X[90:], Y[90:]), batch_size=30)
model = nn.Sequential(nn.Linear(5, 16), nn.ReLU(), nn.Linear(16, 2))
ckpt = BestCheckpoint()
trainer = Trainer(model, torch.optim.Adam(model.parameters(), lr=0.02), nn.CrossEntropyLoss(),
                  [PrintLogger(), ckpt, StopAt(0.97)])
hist = trainer.fit(train_loader, val_loader, epochs=12)
print(sorted(hist), len(hist["loss"]), ckpt.best_epoch, f"{ckpt.best:.5f}")
ckpt.buffer.seek(0)
state = torch.load(ckpt.buffer)
model.load_state_dict(state["state_dict"])
print(state["epoch"], trainer.predict(X[90:93]))
print(f"{'epoch':>5} | {'loss':>8} | {'val_acc':>7}")
for i, (l, a) in enumerate(zip(hist["loss"], hist["val_acc"])):
    print(f"{i:>5} | {l:8.4f} | {a:7.3f}")
