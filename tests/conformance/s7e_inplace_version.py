# In-place edits of tensors saved for backward: the version-counter error text for many ops.
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



def exp_case():
    a = torch.randn(3, requires_grad=True)
    b = a.exp()
    b.add_(1)
    b.sum().backward()


def sigmoid_case():
    a = torch.randn(2, 2, requires_grad=True)
    b = torch.sigmoid(a)
    b.mul_(2)
    b.sum().backward()


def tanh_case():
    a = torch.randn(4, requires_grad=True)
    b = a.tanh()
    b[0] = 0.0
    b.sum().backward()


def mul_input_case():
    a = torch.randn(3, requires_grad=True)
    w = torch.randn(3, requires_grad=True)
    x = a * 1.0
    y = x * w
    x.add_(1)
    y.sum().backward()


def pow_case():
    a = torch.randn(3, requires_grad=True)
    x = a + 0
    y = x ** 2
    x.zero_()
    y.sum().backward()


def matmul_case():
    a = torch.randn(2, 3, requires_grad=True)
    w = torch.randn(3, 2)
    x = a * 2
    y = x @ w.requires_grad_()
    x.mul_(3)
    y.sum().backward()


def double_case():
    a = torch.randn(3, dtype=torch.float64, requires_grad=True)
    b = a.exp()
    b.add_(1)
    b.sum().backward()


def version_prints():
    a = torch.randn(3, requires_grad=True)
    b = a.exp()
    print("v0", b._version)
    b.add_(1)
    b.mul_(2)
    print("v2", b._version)
    v = b[:2]
    v.sub_(1)
    print("shared", b._version, v._version)
    return b._version


def relu_inplace_ok():
    a = torch.randn(4, requires_grad=True)
    b = a * 2
    c = F.relu(b, inplace=True)
    c.sum().backward()
    return a.grad.shape


def sqrt_case():
    a = torch.rand(2, 3, requires_grad=True)
    b = a.sqrt()
    b.clamp_(min=0.1)
    b.sum().backward()


def leaf_edit_after_use():
    w = torch.randn(3, requires_grad=True)
    y = (w * w).sum()
    with torch.no_grad():
        w.add_(1)
    y.backward()


attempt("exp", exp_case)
attempt("sigmoid", sigmoid_case)
attempt("tanh_setitem", tanh_case)
attempt("mul_input", mul_input_case)
attempt("pow", pow_case)
attempt("matmul", matmul_case)
attempt("double", double_case)
attempt("versions", version_prints)
attempt("relu_inplace_ok", relu_inplace_ok)
attempt("sqrt_clamp", sqrt_case)
attempt("leaf_edit_after_use", leaf_edit_after_use)
