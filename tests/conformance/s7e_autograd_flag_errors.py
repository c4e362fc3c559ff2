# requires_grad / backward / grad misuse: non-scalar backward, integer tensors, numpy() and item() slips.
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


torch.manual_seed(5)
x = torch.randn(2, 3, requires_grad=True)
attempt("backward_matrix", lambda: (x * 3).backward())
attempt("backward_matrix_grad_shape", lambda: (x * 3).backward(torch.ones(3)))
attempt("backward_grad_dtype", lambda: (x * 3).backward(torch.ones(2, 3, dtype=torch.float64)))
attempt("backward_scalar_grad_shape", lambda: (x.sum()).backward(torch.ones(2)))
attempt("grad_outputs_shape", lambda: torch.autograd.grad(x * 2, x, grad_outputs=torch.ones(3)))
attempt("grad_no_rg_input", lambda: torch.autograd.grad(x.sum(), torch.ones(2)))
attempt("grad_output_no_rg", lambda: torch.autograd.grad(torch.ones(2).sum(), x))
attempt("grad_float64_int", lambda: torch.zeros(3, dtype=torch.int32).requires_grad_())
attempt("grad_uint8", lambda: torch.tensor([1, 2], dtype=torch.uint8, requires_grad=True))
attempt("grad_randint", lambda: torch.randint(0, 5, (3,), requires_grad=True))
attempt("grad_arange_float", lambda: torch.arange(3.0, requires_grad=True).requires_grad)
attempt("grad_zeros_long", lambda: torch.zeros(2, dtype=torch.long, requires_grad=True))
attempt("grad_ones_like_int", lambda: torch.ones_like(torch.arange(3), requires_grad=True))
attempt("param_int", lambda: nn.Parameter(torch.arange(3)))
attempt("param_int_ok", lambda: nn.Parameter(torch.arange(3), requires_grad=False))
attempt("numpy_param", lambda: nn.Linear(2, 1).weight.numpy())
attempt("numpy_output", lambda: nn.Linear(2, 1)(torch.ones(1, 2)).numpy())
attempt("numpy_after_detach", lambda: nn.Linear(2, 1).weight.detach().numpy().shape)
attempt("item_row", lambda: x[0].item())
attempt("item_empty", lambda: torch.tensor([]).item())
attempt("item_2d_single", lambda: round(x[:1, :1].item(), 4))
attempt("int_of_vector", lambda: int(torch.arange(3)))
attempt("float_of_empty", lambda: float(torch.tensor([])))
attempt("tolist_grad", lambda: len(x.tolist()))
attempt("bool_ambiguous", lambda: bool(x > 0))
attempt("if_tensor", lambda: "yes" if torch.tensor([1, 0]) else "no")
attempt("grad_nonleaf_warn_attr", lambda: (x * 2).is_leaf)
attempt("set_rg_nonleaf_true", lambda: (x * 2).requires_grad_(True).requires_grad)
attempt("set_rg_nonleaf_false", lambda: setattr(x * 2, "requires_grad", False))
attempt("detach_inplace_view", lambda: x[0].detach_())
attempt("retain_grad_leaf", lambda: x.retain_grad())
attempt("retain_grad_no_rg", lambda: torch.ones(2).retain_grad())
attempt("register_hook_no_rg", lambda: torch.ones(2).register_hook(lambda g: g))
attempt("backward_inputs_nonleaf", lambda: (x * 2).sum().backward(inputs=[]))
attempt("grad_twice", lambda: [torch.autograd.grad(y, x) for y in [(x ** 2).sum()] * 2])
record("nonleaf_grad_warn", lambda: (x * 2).grad)
record("grad_mode_warn", lambda: x.grad is None)
