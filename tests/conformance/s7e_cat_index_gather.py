# cat / stack / index / gather / scatter mistakes with the texts torch prints.
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
torch.manual_seed(4)
a = torch.randn(2, 3)
b = torch.randn(3, 2)
attempt("cat_dim0", lambda: torch.cat([a, b]))
attempt("cat_dim1", lambda: torch.cat([a, b], dim=1))
attempt("cat_rank", lambda: torch.cat([a, torch.randn(3)]))
attempt("cat_empty_list", lambda: torch.cat([]))
attempt("cat_dim_range", lambda: torch.cat([a, a], dim=2))
attempt("cat_tensor_not_list", lambda: torch.cat(a, a))
attempt("cat_mixed_dtype", lambda: torch.cat([a, torch.ones(1, 3, dtype=torch.long)]).dtype)
attempt("stack_shapes", lambda: torch.stack([a, b]))
attempt("stack_three", lambda: torch.stack([a, a, torch.randn(2, 4)]))
attempt("stack_empty", lambda: torch.stack([]))
attempt("stack_dim", lambda: torch.stack([a, a], dim=3))
attempt("hstack_bad", lambda: torch.hstack([a, torch.randn(3, 3)]))
attempt("vstack_bad", lambda: torch.vstack([a, b]))
attempt("idx_row", lambda: a[2])
attempt("idx_col", lambda: a[:, 3])
attempt("idx_neg", lambda: a[-3])
attempt("idx_too_many", lambda: a[0, 0, 0])
attempt("idx_list", lambda: a[[0, 2]])
attempt("idx_tensor", lambda: a[torch.tensor([1, 5])])
attempt("idx_bool_shape", lambda: a[torch.tensor([True, False, True])])
attempt("idx_scalar_0d", lambda: torch.tensor(5.0)[0])
attempt("setitem_oob", lambda: a.clone().__setitem__((0, 4), 1.0))
attempt("setitem_shape", lambda: a.clone().__setitem__(0, torch.ones(2)))
attempt("index_select_oob", lambda: a.index_select(1, torch.tensor([0, 3])))
attempt("index_select_float", lambda: a.index_select(0, torch.tensor([0.0])))
attempt("index_select_2d", lambda: a.index_select(0, torch.tensor([[0]])))
attempt("gather_float_idx", lambda: a.gather(1, torch.tensor([[0.0], [1.0]])))
attempt("gather_int32_idx", lambda: a.gather(1, torch.tensor([[0], [1]], dtype=torch.int32)))
attempt("gather_rank", lambda: a.gather(1, torch.tensor([0, 1])))
attempt("gather_oob", lambda: a.gather(1, torch.tensor([[0], [3]])))
attempt("gather_size", lambda: a.gather(1, torch.zeros(3, 1, dtype=torch.long)))
attempt("gather_dim", lambda: a.gather(2, torch.zeros(2, 1, dtype=torch.long)))
attempt("scatter_float_idx", lambda: torch.zeros(2, 3).scatter(1, torch.tensor([[0.0], [1.0]]), 1.0))
attempt("scatter_oob", lambda: torch.zeros(2, 3).scatter(1, torch.tensor([[0], [5]]), 1.0))
attempt("scatter_src_dtype", lambda: torch.zeros(2, 3).scatter(1, torch.tensor([[0], [1]]), torch.ones(2, 1, dtype=torch.long)))
attempt("scatter_add_rank", lambda: torch.zeros(2, 3).scatter_add(1, torch.tensor([0, 1]), torch.ones(2)))
attempt("scatter_add_ok", lambda: torch.zeros(2, 3).scatter_add(1, torch.tensor([[0, 0], [1, 2]]), torch.ones(2, 2)))
attempt("index_add_bad", lambda: torch.zeros(3).index_add(0, torch.tensor([0, 1]), torch.ones(3)))
attempt("masked_fill_shape", lambda: a.masked_fill(torch.tensor([True, False]), 0.0))
attempt("masked_fill_float_mask", lambda: a.masked_fill(a > 0, torch.ones(2)))
attempt("masked_fill_nonbool", lambda: a.masked_fill(torch.ones(2, 3), 0.0))
attempt("masked_select_shape", lambda: a.masked_select(torch.tensor([True, False])))
attempt("take_oob", lambda: a.take(torch.tensor([6])))
attempt("where_cond_float", lambda: torch.where(a, a, a))
attempt("where_shape", lambda: torch.where(a > 0, a, torch.zeros(3, 2)))
attempt("topk_too_big", lambda: a.topk(4))
attempt("kthvalue_bad", lambda: a.kthvalue(5))
