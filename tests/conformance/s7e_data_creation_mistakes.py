# DataLoader collate mismatches, ragged torch.tensor inputs and creation-argument slips.
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
from torch.utils.data import DataLoader, Dataset, TensorDataset, default_collate


class Varlen(Dataset):
    def __len__(self):
        return 4

    def __getitem__(self, i):
        return torch.ones(i + 1), i


class DictItems(Dataset):
    def __len__(self):
        return 3

    def __getitem__(self, i):
        return {"x": torch.full((2,), float(i)), "y": i, "name": f"s{i}"}


torch.manual_seed(1)
attempt("collate_varlen", lambda: next(iter(DataLoader(Varlen(), batch_size=2))))
attempt("collate_varlen_bs1", lambda: next(iter(DataLoader(Varlen(), batch_size=1))))
attempt("collate_dict", lambda: next(iter(DataLoader(DictItems(), batch_size=3))))
attempt("collate_direct", lambda: default_collate([torch.ones(2), torch.ones(3)]))
attempt("collate_mixed_types", lambda: default_collate([1, "a"]))
attempt("collate_lists_ragged", lambda: default_collate([[1, 2], [3]]))
attempt("collate_float_int", lambda: default_collate([1.5, 2.5]))
attempt("collate_np", lambda: default_collate([__import__("numpy").ones(2), __import__("numpy").zeros(2)]))
attempt("tds_not_tensor", lambda: TensorDataset([1, 2, 3]))
attempt("ragged_3d", lambda: torch.tensor([[[1, 2]], [[3]]]))
attempt("ragged_first", lambda: torch.tensor([[1], [2, 3]]))
attempt("ragged_scalar_list", lambda: torch.tensor([1, [2]]))
attempt("ragged_list_scalar", lambda: torch.tensor([[2], 1]))
attempt("tensor_of_str_list", lambda: torch.tensor(["a", "b"]))
attempt("tensor_tuple", lambda: torch.tensor((1, 2)).dtype)
attempt("tensor_from_tensor", lambda: torch.tensor(torch.ones(2)).shape)
attempt("zeros_float_size", lambda: torch.zeros(2.5))
attempt("zeros_neg", lambda: torch.zeros(-1))
attempt("ones_tensor_size", lambda: torch.ones(torch.tensor([2, 3])).shape)
attempt("randn_float_size", lambda: torch.randn(2, 3.0))
attempt("rand_neg", lambda: torch.rand(2, -3))
attempt("arange_zero_step", lambda: torch.arange(0, 5, 0))
attempt("arange_wrong_sign", lambda: torch.arange(5, 0, 1))
attempt("linspace_neg", lambda: torch.linspace(0, 1, -1))
attempt("full_bool_float", lambda: torch.full((2,), 1.5, dtype=torch.bool))
attempt("randint_low_high", lambda: torch.randint(5, 2, (3,)))
attempt("randint_float_dtype", lambda: torch.randint(0, 5, (3,), dtype=torch.float).dtype)
attempt("eye_neg", lambda: torch.eye(-2))
attempt("empty_neg", lambda: torch.empty(2, -1))
attempt("multinomial_bad", lambda: torch.multinomial(torch.tensor([0.0, 0.0]), 1))
attempt("multinomial_noreplace", lambda: torch.multinomial(torch.tensor([0.5, 0.5]), 3))
attempt("normal_neg_std", lambda: torch.normal(0.0, -1.0, (2,)))
attempt("bernoulli_range", lambda: torch.bernoulli(torch.tensor([1.5])))
