# ASGD: averaged SGD; state entries eta, mu, ax, step after a few iterations for different t0/lambd/alpha.
import torch

torch.manual_seed(0)
X = torch.randn(50, 2)
y = X @ torch.tensor([1.0, -3.0]) + 0.5 + 0.1 * torch.randn(50)

for kw in [dict(lr=0.1), dict(lr=0.1, t0=3), dict(lr=0.05, lambd=0.01, alpha=0.5, t0=2), dict(lr=0.1, weight_decay=0.1)]:
    w = torch.zeros(2, requires_grad=True)
    b = torch.zeros((), requires_grad=True)
    opt = torch.optim.ASGD([w, b], **kw)
    for it in range(8):
        opt.zero_grad()
        loss = ((X @ w + b - y) ** 2).mean()
        loss.backward()
        opt.step()
    st = opt.state[w]
    print(kw)
    print("  loss", round(loss.item(), 6), "w", w.detach().numpy().round(5), "b", round(b.item(), 5))
    print("  keys", sorted(st), "step", float(st["step"]), "eta", float(st["eta"]), "mu", float(st["mu"]))
    print("  ax", st["ax"].numpy().round(5))
    # evaluate with the averaged weights, the usual ASGD trick
    with torch.no_grad():
        ax_loss = ((X @ st["ax"] + opt.state[b]["ax"] - y) ** 2).mean()
    print("  averaged loss", round(ax_loss.item(), 6))
