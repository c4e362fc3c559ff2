# In-place pitfalls: broadcasting into a smaller tensor, dtype casts that in-place ops refuse, leaf tensors, fill_ values.
import torch


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:  # noqa: BLE001
        print(label, type(e).__name__, str(e))


def iadd(a, b):
    a += b
    return a


torch.manual_seed(39)
attempt("iadd_bcast", lambda: iadd(torch.ones(3), torch.ones(2, 3)))
attempt("iadd_ok", lambda: iadd(torch.ones(2, 3), torch.arange(3.0)))
attempt("add_out_bcast", lambda: torch.ones(3).add_(torch.ones(2, 3)))
attempt("mul_long_float", lambda: torch.ones(3, dtype=torch.long).mul_(1.5))
attempt("div_long", lambda: torch.ones(3, dtype=torch.long).div_(2))
attempt("floordiv_long", lambda: torch.ones(3, dtype=torch.long).floor_divide_(2))
attempt("add_bool", lambda: torch.ones(3, dtype=torch.bool).add_(1))
attempt("sub_bool", lambda: torch.tensor([True]) - True)
for dt in [torch.int64, torch.int32, torch.uint8]:
    attempt(f"clamp_{dt}", lambda: torch.tensor([1, 5], dtype=dt).clamp_(max=2.5))
    attempt(f"clamp_ok_{dt}", lambda: torch.tensor([1, 5], dtype=dt).clamp_(max=2))
attempt("copy_shape", lambda: torch.zeros(3).copy_(torch.ones(4)))
attempt("copy_bcast", lambda: torch.zeros(2, 3).copy_(torch.arange(3)))
attempt("view_inplace_leaf", lambda: torch.ones(3, requires_grad=True)[0].add_(1))
attempt("leaf_setitem", lambda: torch.ones(3, requires_grad=True).__setitem__(0, 5.0))
attempt("expand_inplace", lambda: torch.ones(1, 3).expand(2, 3).add_(1))
attempt("masked_fill_float", lambda: torch.tensor([1, 2]).masked_fill(torch.tensor([True, False]), 2.5))
attempt("masked_fill_shape", lambda: torch.ones(2, 3).masked_fill(torch.ones(3, 2, dtype=torch.bool), 0))
attempt("masked_fill_int_mask", lambda: torch.ones(2).masked_fill(torch.tensor([1, 0]), 0))
attempt("fill_vec", lambda: torch.zeros(3).fill_(torch.tensor([1.0, 2.0])))
attempt("fill_0d", lambda: torch.zeros(3).fill_(torch.tensor(2.5)))
attempt("index_put_shape", lambda: torch.zeros(3).index_put_((torch.tensor([0, 1]),), torch.ones(3)))
attempt("zero_none_grad", lambda: torch.ones(2, requires_grad=True).grad.zero_())
attempt("requires_grad_nonleaf", lambda: (torch.ones(2, requires_grad=True) * 2).requires_grad_(False))
attempt("backward_nonscalar", lambda: (torch.ones(2, requires_grad=True) * 2).backward())
attempt("backward_int", lambda: torch.ones(2, dtype=torch.long).sum().backward())
attempt("backward_shape", lambda: (torch.ones(2, requires_grad=True) * 2).backward(torch.ones(3)))
w = torch.randn(3, requires_grad=True)
with torch.no_grad():
    w.clamp_(-0.5, 0.5)
    w.mul_(2).add_(0.1)
print(w, w.is_leaf, w.grad_fn)
x = torch.randn(4)
x.clamp_(min=0).sqrt_().mul_(10).round_()
print(x, x.int().clamp_(1, 3), x.long().clip_(max=5))
