# Errors beginners hit in tutorials, printed with their messages: backward on non-scalars / twice / without grad,
# shape mismatches in cat/stack/conv/linear/bmm/losses, bad targets, optimizer and state_dict misuse.
import warnings

import torch
from torch import nn

warnings.simplefilter("ignore")

def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:
        print(label, type(e).__name__, str(e))
x = torch.ones(3, requires_grad=True)
attempt("nonscalar", lambda: (x * 2).backward())
y = (x * x).sum()
y.backward()
attempt("twice", lambda: y.backward())
attempt("no grad", lambda: torch.ones(2).sum().backward())
attempt("grad of int", lambda: torch.ones(2, dtype=torch.long, requires_grad=True))
attempt("leaf inplace", lambda: x.mul_(2))
attempt("view size", lambda: torch.ones(2, 3).t().view(6))
attempt("cat", lambda: torch.cat([torch.ones(2, 3), torch.ones(2, 4)]))
attempt("stack", lambda: torch.stack([torch.ones(2), torch.ones(3)]))
attempt("conv", lambda: nn.Conv2d(3, 4, 3)(torch.ones(1, 1, 5, 5)))
attempt("conv small", lambda: nn.Conv2d(1, 1, 7)(torch.ones(1, 1, 5, 5)))
attempt("bn", lambda: nn.BatchNorm1d(3)(torch.ones(1, 3)))
attempt("linear dtype", lambda: nn.Linear(2, 2)(torch.ones(1, 2, dtype=torch.float64)))
attempt("embedding", lambda: nn.Embedding(3, 2)(torch.tensor([3])))
attempt("embedding float", lambda: nn.Embedding(3, 2)(torch.tensor([1.0])))
attempt("mse shape", lambda: nn.MSELoss()(torch.ones(2, 1), torch.ones(2)))
attempt("ce target", lambda: nn.CrossEntropyLoss()(torch.ones(2, 3), torch.ones(2, 3, dtype=torch.long)))
attempt("bce range", lambda: nn.BCELoss()(torch.tensor([1.5]), torch.tensor([1.0])))
attempt("nll 1d", lambda: nn.NLLLoss()(torch.ones(3), torch.tensor([0, 1, 2])))
attempt("matmul 1d", lambda: torch.ones(3) @ torch.ones(4))
attempt("mm", lambda: torch.mm(torch.ones(3), torch.ones(3)))
attempt("bmm", lambda: torch.bmm(torch.ones(2, 3, 4), torch.ones(3, 4, 5)))
attempt("reshape", lambda: torch.ones(6).reshape(4, -1))
attempt("index", lambda: torch.ones(2, 3)[:, 3])
attempt("item", lambda: torch.ones(2).item())
attempt("optim empty", lambda: torch.optim.SGD([], lr=0.1))
attempt("optim lr", lambda: torch.optim.SGD(nn.Linear(1, 1).parameters(), lr=-1))
attempt("state dict", lambda: nn.Linear(2, 2).load_state_dict({"weight": torch.ones(3, 2), "bias": torch.ones(2)}))
attempt("lstm input", lambda: nn.LSTM(3, 4)(torch.ones(2, 5)))
attempt("lstm input2", lambda: nn.LSTM(3, 4)(torch.ones(2, 1, 5)))
attempt("softmax nodim", lambda: nn.functional.softmax(torch.ones(2, 2), dim=2))
attempt("to device", lambda: torch.ones(2).to("cuda"))
attempt("numpy grad", lambda: nn.Linear(1, 1).weight.numpy())
attempt("randint", lambda: torch.randint(5, 2, (3,)))
attempt("multinomial", lambda: torch.multinomial(torch.tensor([0.0, 0.0]), 1))
attempt("zero div int", lambda: torch.tensor([1]) // torch.tensor([0]))
attempt("pool", lambda: nn.MaxPool2d(3)(torch.ones(1, 1, 2, 2)))
attempt("module attr", lambda: nn.Linear(1, 1).weights)
attempt("add_module", lambda: nn.Sequential().add_module("a.b", nn.ReLU()))
attempt("param assign", lambda: setattr(nn.Linear(1, 1), "weight", torch.ones(1, 1)))
attempt("dataloader", lambda: next(iter(torch.utils.data.DataLoader([1, 2], batch_size=0))))
