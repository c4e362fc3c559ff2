# nn.Module misuse: calling classes, wrong argument counts, missing forward, bad children.
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
torch.manual_seed(14)


class NoForward(nn.Module):
    pass


class NoSuper(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(2, 2)


class TwoInputs(nn.Module):
    def forward(self, a, b):
        return a + b


attempt("no_forward", lambda: NoForward()(torch.ones(1)))
attempt("no_super", lambda: NoSuper())
attempt("two_inputs_one", lambda: TwoInputs()(torch.ones(1)))
attempt("two_inputs_three", lambda: TwoInputs()(torch.ones(1), torch.ones(1), torch.ones(1)))
attempt("linear_no_args", lambda: nn.Linear())
attempt("linear_float_feat", lambda: nn.Linear(2.5, 3))
attempt("linear_tensor_call", lambda: nn.Linear(2, 3)([1.0, 2.0]))
attempt("linear_numpy_call", lambda: nn.Linear(2, 3)(__import__("numpy").ones((1, 2))))
attempt("seq_list", lambda: nn.Sequential([nn.Linear(2, 2), nn.ReLU()]))
attempt("seq_call_two", lambda: nn.Sequential(nn.Linear(2, 2))(torch.ones(1, 2), torch.ones(1, 2)))
attempt("seq_index_oob", lambda: nn.Sequential(nn.Linear(2, 2))[3])
attempt("modlist_call", lambda: nn.ModuleList([nn.Linear(2, 2)])(torch.ones(1, 2)))
attempt("modlist_nonmodule", lambda: nn.ModuleList([torch.ones(2)]))
attempt("moddict_nonmodule", lambda: nn.ModuleDict({"a": 3}))
attempt("add_module_bad_name", lambda: nn.Module().add_module("a.b", nn.ReLU()))
attempt("add_module_empty", lambda: nn.Module().add_module("", nn.ReLU()))
attempt("add_module_not_module", lambda: nn.Module().add_module("a", 5))
attempt("register_buffer_bad", lambda: nn.Module().register_buffer("b", [1, 2]))
attempt("register_param_tensor", lambda: nn.Module().register_parameter("p", torch.ones(2)))
attempt("assign_tensor_to_param", lambda: setattr(nn.Linear(2, 2), "weight", torch.ones(2, 2)))
attempt("getattr_missing", lambda: nn.Linear(2, 2).wieght)
attempt("relu_class_on_tensor", lambda: nn.ReLU(torch.ones(2)))
attempt("dropout_p_bad", lambda: nn.Dropout(p=2))
attempt("lstm_input_3d_wrong", lambda: nn.LSTM(4, 3)(torch.randn(5, 2, 6)))
attempt("conv_kernel_zero", lambda: nn.Conv2d(1, 1, 0)(torch.randn(1, 1, 4, 4)))
attempt("maxpool_stride_zero", lambda: F.max_pool2d(torch.randn(1, 1, 4, 4), 2, stride=0))
attempt("eval_returns", lambda: type(nn.Linear(2, 2).eval()).__name__)
attempt("train_bad", lambda: nn.Linear(2, 2).train("no"))
attempt("to_bad_dtype", lambda: nn.Linear(2, 2).to(torch.long))
attempt("half_param_dtype", lambda: nn.Linear(2, 2).half().weight.dtype)
attempt("apply_non_callable", lambda: nn.Linear(2, 2).apply(3))
