# A small training loop with the errors beginners hit while wiring it up, each caught and printed.
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:  # noqa: BLE001
        print(label, type(e).__name__, str(e))


def record(label, fn):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            out = fn()
            print(label, "ok", out)
        except Exception as e:  # noqa: BLE001
            print(label, type(e).__name__, str(e))
    for item in w:
        print(label, "warn", item.category.__name__, str(item.message))
torch.manual_seed(15)
X = torch.randn(8, 4)
y_cls = torch.randint(0, 3, (8,))
y_reg = torch.randn(8)
model = nn.Sequential(nn.Linear(4, 6), nn.ReLU(), nn.Linear(6, 3))
opt = torch.optim.SGD(model.parameters(), lr=0.1)


def reg_with_class_model():
    out = model(X)
    return F.mse_loss(out, y_reg)


def ce_with_onehot_float_shape():
    return F.cross_entropy(model(X), F.one_hot(y_cls, 4).float())


def ce_softmax_then_argmax():
    pred = model(X).argmax(1)
    loss = F.cross_entropy(pred, y_cls)
    return loss


def backward_twice():
    loss = F.cross_entropy(model(X), y_cls)
    loss.backward()
    loss.backward()


def accuracy_int_div():
    pred = model(X).argmax(1)
    correct = (pred == y_cls).sum()
    return (correct / len(y_cls)).dtype, correct.dtype


def item_on_batch_loss():
    return F.cross_entropy(model(X), y_cls, reduction="none").item()


def numpy_on_output():
    return model(X).numpy()


def step_with_no_grad():
    opt.zero_grad()
    with torch.no_grad():
        loss = F.cross_entropy(model(X), y_cls)
    loss.backward()


def target_unsqueezed():
    return F.cross_entropy(model(X), y_cls.unsqueeze(1))


def bce_on_logits():
    return F.binary_cross_entropy(model(X)[:, 0], (y_cls > 0).float())


def bce_long_target():
    return F.binary_cross_entropy_with_logits(model(X)[:, 0], (y_cls > 0).long())


def good_step():
    opt.zero_grad()
    loss = F.cross_entropy(model(X), y_cls)
    loss.backward()
    opt.step()
    return round(loss.item(), 4)


def eval_batch_of_one():
    bn_model = nn.Sequential(nn.Linear(4, 3), nn.BatchNorm1d(3))
    return bn_model(X[:1])


def wrong_feature_count():
    return model(torch.randn(8, 5))


def forgot_batch_dim_ok():
    return model(X[0]).shape


for fn in [reg_with_class_model, ce_with_onehot_float_shape, ce_softmax_then_argmax, backward_twice,
           accuracy_int_div, item_on_batch_loss, numpy_on_output, step_with_no_grad, target_unsqueezed,
           bce_on_logits, bce_long_target, good_step, eval_batch_of_one, wrong_feature_count, forgot_batch_dim_ok]:
    record(fn.__name__, fn)
