# The EarlyStopping class copied between projects (patience, delta, verbose messages, best checkpoint
# kept in memory via state_dict deep copies), driving a noisy regression until it stops.
import copy

import numpy as np
import torch
import torch.nn as nn


class EarlyStopping:
    """Early stops the training if validation loss doesn't improve after a given patience."""

    def __init__(self, patience=7, verbose=False, delta=0, trace_func=print):
        self.patience = patience
        self.verbose = verbose
        self.counter = 0
        self.best_score = None
        self.early_stop = False
        self.val_loss_min = np.inf
        self.delta = delta
        self.trace_func = trace_func
        self.best_state = None

    def __call__(self, val_loss, model):
        score = -val_loss
        if self.best_score is None:
            self.best_score = score
            self.save_checkpoint(val_loss, model)
        elif score < self.best_score + self.delta:
            self.counter += 1
            self.trace_func(f"EarlyStopping counter: {self.counter} out of {self.patience}")
            if self.counter >= self.patience:
                self.early_stop = True
        else:
            self.best_score = score
            self.save_checkpoint(val_loss, model)
            self.counter = 0

    def save_checkpoint(self, val_loss, model):
        if self.verbose:
            self.trace_func(f"Validation loss decreased ({self.val_loss_min:.6f} --> {val_loss:.6f}).  Saving model ...")
        self.best_state = copy.deepcopy(model.state_dict())
        self.val_loss_min = val_loss


torch.manual_seed(3)
X = torch.randn(80, 3)
Y = X[:, :1] * 2 - X[:, 1:2] + 0.5 * torch.randn(80, 1)
model = nn.Sequential(nn.Linear(3, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
opt = torch.optim.Adam(model.parameters(), lr=0.02)
stopper = EarlyStopping(patience=3, verbose=True, delta=1e-3)
for epoch in range(60):
    model.train()
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(X[:20]), Y[:20])
    loss.backward()
    opt.step()
    model.eval()
    with torch.no_grad():
        val_loss = nn.functional.mse_loss(model(X[20:]), Y[20:]).item()
    print(f"[{epoch:2d}] train_loss: {loss.item():.5f} valid_loss: {val_loss:.5f}")
    stopper(val_loss, model)
    if stopper.early_stop:
        print("Early stopping")
        break
model.load_state_dict(stopper.best_state)
with torch.no_grad():
    print(f"restored val {nn.functional.mse_loss(model(X[20:]), Y[20:]).item():.6f} best {stopper.val_loss_min:.6f}")
print(type(stopper.val_loss_min).__name__, list(stopper.best_state)[:2])
