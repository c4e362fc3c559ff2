# The exceptions common mistakes raise: their types and (where stable) their messages.
import torch
import torch.nn as nn
import torch.nn.functional as F


def attempt(label, fn):
    try:
        fn()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__)


def attempt_msg(label, fn):
    try:
        fn()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__, str(e))


a = torch.ones(2, 3)
b = torch.ones(4, 5)
attempt_msg("matmul", lambda: a @ b)
attempt_msg("add", lambda: a + b)
attempt("view", lambda: a.t().view(6))
attempt_msg("reshape", lambda: a.reshape(4, 2))
attempt("linear", lambda: nn.Linear(4, 2)(a))
attempt("cat", lambda: torch.cat([a, b]))
attempt("stack", lambda: torch.stack([a, a.t()]))
attempt("index", lambda: a[5])
attempt("item", lambda: a.item())
attempt_msg("backward non-scalar", lambda: a.requires_grad_().sum(0).backward())
attempt_msg("no grad", lambda: torch.ones(2).sum().backward())
attempt("cross_entropy dtype", lambda: F.cross_entropy(torch.randn(3, 4), torch.tensor([0.0, 1.0, 2.0])))
attempt("cross_entropy target", lambda: F.cross_entropy(torch.randn(3, 4), torch.tensor([0, 1, 7])))
attempt("leaf inplace", lambda: torch.ones(2, requires_grad=True).add_(1))
attempt("numpy requires_grad", lambda: torch.ones(2, requires_grad=True).numpy())
attempt("bool ambiguous", lambda: bool(torch.tensor([1, 2])))
attempt("int requires_grad", lambda: torch.tensor([1, 2], requires_grad=True))
attempt("squeeze dim", lambda: a.transpose(0, 5))
attempt("permute", lambda: a.permute(0))
attempt("conv channels", lambda: nn.Conv2d(3, 4, 3)(torch.randn(1, 2, 5, 5)))
attempt("state_dict", lambda: nn.Linear(2, 2).load_state_dict({"weight": torch.zeros(2, 2)}))
attempt("optimizer empty", lambda: torch.optim.SGD([], lr=0.1))
attempt("bad lr", lambda: torch.optim.Adam(nn.Linear(1, 1).parameters(), lr=-1))
attempt("missing module attr", lambda: nn.Linear(1, 1).foo)
attempt("randint", lambda: torch.randint(5, 2, (3,)))
attempt("zeros neg", lambda: torch.zeros(-1))
attempt("gather", lambda: torch.gather(a, 1, torch.tensor([[0, 5]])))
