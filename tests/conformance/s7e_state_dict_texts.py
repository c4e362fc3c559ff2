# load_state_dict strict errors: missing / unexpected / size mismatch texts, and the non-strict result.
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


class Net(nn.Module):
    def __init__(self, hidden=4, extra=False):
        super().__init__()
        self.fc1 = nn.Linear(3, hidden)
        self.bn = nn.BatchNorm1d(hidden)
        self.fc2 = nn.Linear(hidden, 2)
        if extra:
            self.head = nn.Linear(2, 2)

    def forward(self, x):
        return self.fc2(self.bn(self.fc1(x)))


torch.manual_seed(9)
src = Net()
sd = src.state_dict()
attempt("same_ok", lambda: Net().load_state_dict(sd))
attempt("missing", lambda: Net(extra=True).load_state_dict(sd))
attempt("unexpected", lambda: Net().load_state_dict(Net(extra=True).state_dict()))
attempt("size_mismatch", lambda: Net(hidden=5).load_state_dict(sd))
attempt("size_mismatch_nonstrict", lambda: Net(hidden=5).load_state_dict(sd, strict=False))
attempt("nonstrict_ok", lambda: Net(extra=True).load_state_dict(sd, strict=False))
wrapped = {"module." + k: v for k, v in sd.items()}
attempt("dataparallel_prefix", lambda: Net().load_state_dict(wrapped))
attempt("missing_and_unexpected", lambda: nn.Linear(3, 4).load_state_dict({"weight": torch.ones(4, 3), "w2": torch.ones(1)}))
attempt("empty_dict", lambda: nn.Linear(3, 4).load_state_dict({}))
attempt("not_a_dict", lambda: nn.Linear(3, 4).load_state_dict([("weight", torch.ones(4, 3))]))
attempt("model_not_sd", lambda: nn.Linear(3, 4).load_state_dict(nn.Linear(3, 4)))
attempt("tensor_value_list", lambda: nn.Linear(2, 1).load_state_dict({"weight": [[1.0, 2.0]], "bias": torch.ones(1)}))
attempt("dtype_cast", lambda: nn.Linear(2, 1).load_state_dict({"weight": torch.ones(1, 2, dtype=torch.float64),
                                                               "bias": torch.ones(1)}))
attempt("bn_buffer_missing", lambda: nn.BatchNorm1d(2).load_state_dict({"weight": torch.ones(2), "bias": torch.ones(2)}))
attempt("seq_index_keys", lambda: nn.Sequential(nn.Linear(2, 2)).load_state_dict({"fc.weight": torch.ones(2, 2),
                                                                                   "fc.bias": torch.ones(2)}))
r = Net(extra=True).load_state_dict(sd, strict=False)
print("missing_keys", r.missing_keys)
print("unexpected_keys", r.unexpected_keys)
print("named tuple", r)
