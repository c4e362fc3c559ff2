# A classifier training loop with the classic bugs shown, then fixed.
import torch
import torch.nn as nn
import torch.nn.functional as F


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:  # noqa: BLE001
        print(label, type(e).__name__, str(e))


torch.manual_seed(0)
X = torch.randn(64, 5)
y = (X[:, 0] + X[:, 1] > 0).long()
model = nn.Sequential(nn.Linear(5, 8), nn.ReLU(), nn.Linear(8, 2))
opt = torch.optim.SGD(model.parameters(), lr=0.5)
attempt("softmax_then_ce", lambda: round(F.cross_entropy(F.softmax(model(X), 1), y).item(), 4))
attempt("float_labels", lambda: F.cross_entropy(model(X), y.float()))
attempt("unsqueezed_labels", lambda: F.cross_entropy(model(X), y.unsqueeze(1)))
attempt("bce_2class", lambda: F.binary_cross_entropy_with_logits(model(X), y.float()))
attempt("bce_fixed", lambda: round(F.binary_cross_entropy_with_logits(model(X)[:, 1], y.float()).item(), 4))
attempt("mse_long", lambda: F.mse_loss(model(X)[:, 1], y))
attempt("accuracy_int_div", lambda: ((model(X).argmax(1) == y).sum() / len(y)).dtype)
attempt("accuracy_item", lambda: round((model(X).argmax(1) == y).float().mean().item(), 4))
attempt("loss_append_tensor", lambda: type(F.cross_entropy(model(X), y)).__name__)
losses = []
for epoch in range(5):
    opt.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    opt.step()
    losses.append(loss.item())
print([round(v, 4) for v in losses])
print(type(losses[0]).__name__)
total = 0
for epoch in range(2):
    out = model(X)
    loss = F.cross_entropy(out, y)
    total += loss
print("accumulated tensor keeps graph:", total.requires_grad, total.grad_fn is not None)
total = 0.0
total += loss.item()
print(type(total).__name__)
model.eval()
with torch.no_grad():
    out = model(X)
print(out.requires_grad, out.grad_fn)
attempt("backward_in_no_grad", lambda: F.cross_entropy(out, y).backward())
model.train()
attempt("predict_single", lambda: model(X[0]).shape)
attempt("predict_wrong_feat", lambda: model(torch.randn(3, 4)))
attempt("predict_int", lambda: model(torch.tensor([[1, 2, 3, 4, 5]])))
attempt("predict_double", lambda: model(torch.randn(1, 5, dtype=torch.float64)))
attempt("predict_numpy", lambda: model(X.numpy()))
attempt("predict_list", lambda: model([1.0] * 5))
attempt("step_before_backward", lambda: (opt.zero_grad(), opt.step(), "fine")[2])
attempt("argmax_keepdim", lambda: model(X[:3]).argmax(dim=1, keepdim=True).shape)
