"""W1–W5 of issue 8, written once against the torch API; ``T`` is torch or gradkit."""
from __future__ import annotations

import numpy as np


def _data(T, n, d_in, d_out, kind, seed=0):
    rng = np.random.default_rng(seed)
    x = T.tensor(rng.standard_normal((n, d_in)).astype(np.float32))
    if kind == "reg":
        y = T.tensor(rng.standard_normal((n, d_out)).astype(np.float32))
    elif kind == "cls":
        y = T.tensor(rng.integers(0, d_out, n))
    else:
        y = T.tensor(rng.integers(0, 2, (n, d_out)).astype(np.float32))
    return x, y


def _mlp(T, sizes):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(T.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(T.nn.ReLU())
    return T.nn.Sequential(*layers)


def build(T, name):
    """Return a zero-argument function that performs one training step of workload ``name``."""
    T.manual_seed(0)
    if name == "W1":
        x = T.linspace(0, 10, 100).unsqueeze(1)
        y = 3 * x + 2
        model, loss_fn = T.nn.Linear(1, 1), T.nn.MSELoss()
        opt = T.optim.Adam(model.parameters(), lr=1e-3)
    elif name == "W2":
        x = T.linspace(0, 10, 100).unsqueeze(1)
        y = 3 * x + 2
        model, loss_fn = _mlp(T, [1, 4, 1]), T.nn.MSELoss()
        opt = T.optim.SGD(model.parameters(), lr=1e-2)
    elif name == "W3":
        x, y = _data(T, 64, 64, 10, "cls")
        model, loss_fn = _mlp(T, [64, 128, 10]), T.nn.CrossEntropyLoss()
        opt = T.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    elif name == "W4":
        x, y = _data(T, 256, 784, 10, "cls")
        model, loss_fn = _mlp(T, [784, 1024, 1024, 10]), T.nn.CrossEntropyLoss()
        opt = T.optim.Adam(model.parameters())
    elif name == "W5":
        x, y = _data(T, 32, 30, 1, "bin")
        model, loss_fn = _mlp(T, [30, 16, 1]), T.nn.BCEWithLogitsLoss()
        opt = T.optim.Adam(model.parameters())
    elif name == "CNN":
        x = T.tensor(np.random.default_rng(0).standard_normal((64, 1, 8, 8)).astype(np.float32))
        y = T.tensor(np.random.default_rng(1).integers(0, 10, 64))
        model = T.nn.Sequential(T.nn.Conv2d(1, 8, 3, padding=1), T.nn.ReLU(), T.nn.Conv2d(8, 16, 3, padding=1),
                                T.nn.ReLU(), T.nn.Flatten(), T.nn.Linear(16 * 64, 32), T.nn.ReLU(),
                                T.nn.Linear(32, 10))
        loss_fn = T.nn.CrossEntropyLoss()
        opt = T.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    else:
        raise KeyError(name)

    def step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss
    return step


def build_numpy_floor(name):
    """The same step hand-written in NumPy (float32), the floor a framework cannot beat (None: not written)."""
    if name == "CNN":
        return None
    rng = np.random.default_rng(0)
    sizes = {"W1": [1, 1], "W2": [1, 4, 1], "W3": [64, 128, 10], "W4": [784, 1024, 1024, 10], "W5": [30, 16, 1]}[name]
    n = {"W1": 100, "W2": 100, "W3": 64, "W4": 256, "W5": 32}[name]
    if name in ("W1", "W2"):
        x = np.linspace(0, 10, 100, dtype=np.float32)[:, None]
        y = 3 * x + 2
    else:
        x = rng.standard_normal((n, sizes[0])).astype(np.float32)
        y = rng.integers(0, sizes[-1], n) if name in ("W3", "W4") else rng.integers(0, 2, (n, 1)).astype(np.float32)
    Ws = [rng.standard_normal((sizes[i + 1], sizes[i])).astype(np.float32) * 0.1 for i in range(len(sizes) - 1)]
    bs = [np.zeros(sizes[i + 1], np.float32) for i in range(len(sizes) - 1)]
    params = Ws + bs
    adam = name in ("W1", "W4", "W5")
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    t = [0]

    def step():
        acts = [x]
        h = x
        for i, (W, b) in enumerate(zip(Ws, bs)):
            h = h @ W.T + b
            if i < len(Ws) - 1:
                h = np.maximum(h, 0)
            acts.append(h)
        if name in ("W1", "W2"):
            g = 2 * (h - y) / h.size
        elif name in ("W3", "W4"):
            e = np.exp(h - h.max(1, keepdims=True))
            p = e / e.sum(1, keepdims=True)
            p[np.arange(n), y] -= 1
            g = p / n
        else:
            g = (1 / (1 + np.exp(-h)) - y) / h.size
        grads_W, grads_b = [None] * len(Ws), [None] * len(Ws)
        for i in range(len(Ws) - 1, -1, -1):
            grads_W[i] = g.T @ acts[i]
            grads_b[i] = g.sum(0)
            if i:
                g = (g @ Ws[i]) * (acts[i] > 0)
        grads = grads_W + grads_b
        t[0] += 1
        for p, gr, mm, vv in zip(params, grads, m, v):
            if adam:
                mm *= 0.9
                mm += 0.1 * gr
                vv *= 0.999
                vv += 0.001 * gr * gr
                p -= 1e-3 * (mm / (1 - 0.9 ** t[0])) / (np.sqrt(vv / (1 - 0.999 ** t[0])) + 1e-8)
            else:
                p -= 0.01 * gr
    return step
