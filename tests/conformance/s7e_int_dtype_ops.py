# Integer tensors in float-only ops, and dtype=torch.float passed where integers are required.
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
torch.manual_seed(12)
i = torch.tensor([[1, 2], [3, 4]])
f = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
attempt("exp_long", lambda: torch.exp(i))
attempt("log_long", lambda: torch.log(i))
attempt("sigmoid_long", lambda: torch.sigmoid(i))
attempt("tanh_long", lambda: i.tanh())
attempt("relu_long", lambda: F.relu(i))
attempt("gelu_long", lambda: F.gelu(i))
attempt("log_softmax_long", lambda: F.log_softmax(i, dim=1))
attempt("std_long", lambda: i.std())
attempt("var_long", lambda: i.var())
attempt("norm_long", lambda: i.norm())
attempt("median_long", lambda: i.median())
attempt("mean_dim_long", lambda: i.mean(0))
attempt("prod_long", lambda: i.prod())
attempt("sum_long", lambda: i.sum().dtype)
attempt("cumsum_long", lambda: i.cumsum(0).dtype)
attempt("true_div_inplace", lambda: i.clone().div_(2))
attempt("floor_div_inplace", lambda: i.clone().div_(2, rounding_mode="floor"))
attempt("sub_bool", lambda: torch.tensor([True]) - torch.tensor([False]))
attempt("neg_bool", lambda: -torch.tensor([True]))
attempt("bitwise_float", lambda: f & f)
attempt("bitwise_not_float", lambda: ~f)
attempt("shift_float", lambda: f << 1)
attempt("mod_zero_int", lambda: i % 0)
attempt("int_div_zero", lambda: i // 0)
attempt("remainder_ok", lambda: i % 3)
attempt("pow_neg_int", lambda: i ** -1)
attempt("pow_int_float", lambda: (i ** 0.5).dtype)
attempt("arange_float_randperm", lambda: torch.randperm(4, dtype=torch.float).dtype)
attempt("one_hot_float", lambda: F.one_hot(torch.tensor([0.0, 1.0]), 3))
attempt("one_hot_int32", lambda: F.one_hot(torch.tensor([0, 1], dtype=torch.int32), 3))
attempt("one_hot_too_small", lambda: F.one_hot(torch.tensor([0, 3]), 3))
attempt("bincount_float", lambda: torch.bincount(torch.tensor([0.0, 1.0])))
attempt("bincount_neg", lambda: torch.bincount(torch.tensor([0, -1])))
attempt("bincount_2d", lambda: torch.bincount(i))
attempt("argmax_float_dtype", lambda: f.argmax().dtype)
attempt("histc_long", lambda: torch.histc(i))
attempt("repeat_interleave_float", lambda: torch.repeat_interleave(torch.tensor([2.0, 1.0])))
attempt("to_int_inplace", lambda: f.clone().add_(0.5).long())
attempt("long_add_float_inplace", lambda: i.clone().add_(1.5))
attempt("long_mul_float", lambda: (i * 1.5).dtype)
attempt("int_matmul_float", lambda: i.float() @ f)
attempt("isnan_int", lambda: torch.isnan(i))
attempt("round_decimals_int", lambda: torch.round(i, decimals=1))
attempt("clamp_int_float", lambda: i.clamp(min=0.5).dtype)
attempt("ceil_int", lambda: torch.ceil(i).dtype)
attempt("lerp_int", lambda: torch.lerp(i, i, 0.5))
attempt("dist_int", lambda: torch.dist(i, i))
