# In-place ops that break autograd, and the fixes people use.
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
w = torch.randn(3, requires_grad=True)


def relu_inplace():
    h = w * 2
    out = F.relu(h, inplace=True)
    return out.sum().backward()


def sigmoid_then_inplace():
    s = torch.sigmoid(w)
    s += 1
    return s.sum().backward()


def exp_then_mul_():
    e = w.exp()
    loss = e.sum()
    e.mul_(2)
    return loss.backward()


def tanh_then_setitem():
    t = torch.tanh(w)
    out = t.sum()
    t[0] = 0
    return out.backward()


def mul_view_modified():
    a = w * 1
    v = a[:2]
    out = (v * v).sum()
    a.zero_()
    return out.backward()


def add_safe():
    a = w * 3
    out = a.sum()
    a.add_(1)
    out.backward()
    return w.grad


def index_assign_graph():
    a = torch.zeros(3)
    a[0] = w[0] * 2
    a[1:] = w[1:] ** 2
    a.sum().backward()
    return a.grad_fn.name(), w.grad


def param_data_update():
    p = nn.Parameter(torch.ones(2))
    loss = (p * 3).sum()
    loss.backward()
    p.data -= 0.1 * p.grad
    return p


attempt("relu_inplace", relu_inplace)
attempt("sigmoid_then_inplace", sigmoid_then_inplace)
attempt("exp_then_mul_", exp_then_mul_)
attempt("tanh_then_setitem", tanh_then_setitem)
attempt("mul_view_modified", mul_view_modified)
w.grad = None
attempt("add_safe", add_safe)
w.grad = None
attempt("index_assign_graph", index_assign_graph)
attempt("param_data_update", param_data_update)
attempt("leaf_inplace_nograd", lambda: torch.ones(2, requires_grad=True).detach().add_(1))
attempt("inplace_on_view_of_leaf", lambda: torch.ones(2, requires_grad=True)[0].fill_(3))
attempt("param_update_no_no_grad", lambda: nn.Parameter(torch.ones(2)).sub_(0.1))
attempt("param_clamp_", lambda: nn.Parameter(torch.ones(2)).clamp_(0, 1))
attempt("relu_inplace_leaf", lambda: F.relu(torch.ones(2, requires_grad=True), inplace=True))
attempt("dropout_inplace_leaf", lambda: F.dropout(torch.ones(2, requires_grad=True), 0.5, training=True, inplace=True))
attempt("unsqueeze_", lambda: torch.ones(2, requires_grad=True).unsqueeze_(0))
attempt("resize_", lambda: torch.ones(2, requires_grad=True).resize_(3))
