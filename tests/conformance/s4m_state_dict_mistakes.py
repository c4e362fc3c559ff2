# load_state_dict with missing / unexpected / mis-sized keys, strict and non-strict.
import torch
import torch.nn as nn


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:  # noqa: BLE001
        print(label, type(e).__name__, str(e))


torch.manual_seed(1)


class Net(nn.Module):
    def __init__(self, hidden=4):
        super().__init__()
        self.fc1 = nn.Linear(3, hidden)
        self.bn = nn.BatchNorm1d(hidden)
        self.fc2 = nn.Linear(hidden, 2)

    def forward(self, x):
        return self.fc2(torch.relu(self.bn(self.fc1(x))))


net = Net()
sd = net.state_dict()
print(list(sd.keys()))
print(type(sd).__name__, len(sd))
missing = {k: v for k, v in sd.items() if not k.startswith("fc2")}
attempt("missing_strict", lambda: Net().load_state_dict(missing))
res = Net().load_state_dict(missing, strict=False)
print("missing_nonstrict", res)
print(res.missing_keys, res.unexpected_keys)
extra = dict(sd)
extra["fc3.weight"] = torch.zeros(1)
extra["head.bias"] = torch.zeros(1)
attempt("unexpected_strict", lambda: Net().load_state_dict(extra))
print("unexpected_nonstrict", Net().load_state_dict(extra, strict=False))
both = dict(missing)
both["fc3.weight"] = torch.zeros(1)
attempt("both_strict", lambda: Net().load_state_dict(both))
print("ok_result", Net().load_state_dict(sd))
r = Net().load_state_dict(sd)
print(r.missing_keys, r.unexpected_keys, bool(r.missing_keys))
attempt("size_mismatch", lambda: Net(hidden=5).load_state_dict(sd))
attempt("size_mismatch_nonstrict", lambda: Net(hidden=5).load_state_dict(sd, strict=False))
prefixed = {"module." + k: v for k, v in sd.items()}
attempt("dataparallel_prefix", lambda: Net().load_state_dict(prefixed))
fixed = {k.removeprefix("module."): v for k, v in prefixed.items()}
print("prefix_fixed", Net().load_state_dict(fixed))
attempt("not_a_dict", lambda: Net().load_state_dict([1, 2]))
attempt("linear_only", lambda: nn.Linear(3, 4).load_state_dict({"weight": torch.zeros(4, 3)}))
attempt("linear_extra_bias", lambda: nn.Linear(3, 4, bias=False).load_state_dict(nn.Linear(3, 4).state_dict()))
attempt("dtype_cast", lambda: nn.Linear(1, 1).load_state_dict({"weight": torch.tensor([[2]]), "bias": torch.tensor([1])}))
m = nn.Linear(1, 1)
m.load_state_dict({"weight": torch.tensor([[2]]), "bias": torch.tensor([1])})
print(m.weight, m.bias.dtype)
seq = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
print(list(seq.state_dict().keys()))
attempt("seq_named", lambda: seq.load_state_dict({"fc.weight": torch.zeros(2, 2)}))
attempt("opt_state_mismatch", lambda: torch.optim.SGD(Net().parameters(), lr=0.1).load_state_dict(
    torch.optim.SGD(nn.Linear(2, 2).parameters(), lr=0.1).state_dict()))
