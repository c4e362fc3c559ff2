# The `if __name__ == '__main__':` layout with a dataclass config, asdict printing, a build/train/eval
# split into functions, a main() returning metrics and sys.exit-free flow.
from dataclasses import asdict, dataclass, field

import torch
import torch.nn as nn


@dataclass
class Config:
    seed: int = 0
    in_dim: int = 4
    hidden: list = field(default_factory=lambda: [16, 8])
    lr: float = 3e-3
    epochs: int = 5
    batch_size: int = 10
    device: str = "cuda" if torch.cuda.is_available() else "cpu"
    dropout: float = 0.1


def build_model(cfg: Config) -> nn.Module:
    layers, d = [], cfg.in_dim
    for h in cfg.hidden:
        layers += [nn.Linear(d, h), nn.ReLU(), nn.Dropout(cfg.dropout)]
        d = h
    layers.append(nn.Linear(d, 1))
    return nn.Sequential(*layers).to(cfg.device)


def get_data(cfg):
    g = torch.Generator().manual_seed(cfg.seed)
    x = torch.randn(50, cfg.in_dim, generator=g)
    y = (x ** 2).sum(1, keepdim=True)
    return x, y


def train(cfg, model, x, y):
    opt = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    hist = []
    for epoch in range(cfg.epochs):
        model.train()
        perm = torch.randperm(len(x))
        total = 0.0
        for i in range(0, len(x), cfg.batch_size):
            idx = perm[i:i + cfg.batch_size]
            opt.zero_grad()
            loss = nn.functional.mse_loss(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        hist.append(total / len(x))
        print(f"epoch {epoch + 1}/{cfg.epochs} loss {hist[-1]:.5f}")
    return hist


@torch.no_grad()
def evaluate(model, x, y):
    model.eval()
    pred = model(x)
    return {"mse": nn.functional.mse_loss(pred, y).item(), "mae": (pred - y).abs().mean().item()}


def main(cfg=None):
    cfg = cfg or Config()
    torch.manual_seed(cfg.seed)
    print(asdict(cfg))
    model = build_model(cfg)
    print(model)
    x, y = get_data(cfg)
    hist = train(cfg, model, x, y)
    metrics = evaluate(model, x, y)
    print({k: round(v, 5) for k, v in metrics.items()}, len(hist))
    return metrics


if __name__ == "__main__":
    m = main()
    m2 = main(Config(seed=1, hidden=[8], epochs=2, lr=1e-2))
    print(m["mse"] != m2["mse"], Config() == Config(), Config(seed=3))
