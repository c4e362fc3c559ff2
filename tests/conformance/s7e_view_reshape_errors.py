# view / reshape / expand / permute mistakes and their exact texts.
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


torch.manual_seed(2)
a = torch.randn(2, 3, 4)
t = a.transpose(0, 1)
attempt("view_noncontig", lambda: t.view(-1))
attempt("view_noncontig2", lambda: a.permute(2, 0, 1).view(4, 6))
attempt("view_ok_contig", lambda: t.contiguous().view(-1).shape)
attempt("reshape_ok", lambda: t.reshape(6, 4).shape)
attempt("view_size", lambda: a.view(5, 5))
attempt("reshape_size", lambda: a.reshape(7, -1))
attempt("reshape_two_neg", lambda: a.reshape(-1, -1))
attempt("reshape_neg2", lambda: a.reshape(-2, 12))
attempt("view_zero", lambda: a.view(0, -1))
attempt("view_tuple_list", lambda: a.view([4, 6]).shape)
attempt("view_dtype_ok", lambda: a.view(torch.int32).dtype)
attempt("view_dtype_bad", lambda: torch.ones(3, dtype=torch.float32).view(torch.float64))
attempt("expand_bad", lambda: a.expand(3, 3, 4))
attempt("expand_fewer", lambda: a.expand(3, 4))
attempt("expand_neg", lambda: torch.ones(1, 3).expand(-1, 3).shape)
attempt("expand_neg_new", lambda: torch.ones(3).expand(-1, 3))
attempt("expand_as_bad", lambda: torch.ones(2, 3).expand_as(torch.ones(3, 2)))
attempt("permute_len", lambda: a.permute(0, 1))
attempt("permute_dup", lambda: a.permute(0, 1, 1))
attempt("permute_range", lambda: a.permute(0, 1, 3))
attempt("transpose_range", lambda: a.transpose(0, 3))
attempt("squeeze_range", lambda: a.squeeze(3))
attempt("unsqueeze_range", lambda: a.unsqueeze(5))
attempt("unsqueeze_neg_ok", lambda: a.unsqueeze(-4).shape)
attempt("flatten_bad", lambda: a.flatten(2, 1))
attempt("unflatten_bad", lambda: a.unflatten(2, (3, 2)))
attempt("narrow_bad", lambda: a.narrow(1, 2, 3))
attempt("split_zero", lambda: a.split(0, dim=1))
attempt("split_sizes_bad", lambda: a.split([1, 1], dim=1))
attempt("chunk_zero", lambda: a.chunk(0))
attempt("repeat_fewer", lambda: a.repeat(2, 2))
attempt("movedim_bad", lambda: a.movedim(0, 5))
attempt("T_3d", lambda: a.T.shape)
attempt("mT_1d", lambda: torch.ones(3).mT)
attempt("unfold_bad", lambda: torch.arange(5.0).unfold(0, 6, 1))
attempt("flip_dup", lambda: a.flip(0, 0))
attempt("roll_bad", lambda: a.roll((1, 2), (0,)))
