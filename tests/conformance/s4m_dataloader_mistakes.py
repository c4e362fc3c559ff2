# DataLoader / Dataset mistakes and their messages.
import torch
from torch.utils.data import DataLoader, Dataset, TensorDataset


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:  # noqa: BLE001
        print(label, type(e).__name__, str(e))


attempt("tds_sizes", lambda: TensorDataset(torch.ones(3, 2), torch.ones(4)))
attempt("tds_oob", lambda: TensorDataset(torch.ones(3, 2))[3])
attempt("bs_zero", lambda: DataLoader(TensorDataset(torch.ones(3)), batch_size=0))
attempt("bs_neg", lambda: DataLoader(TensorDataset(torch.ones(3)), batch_size=-1))
attempt("bs_float", lambda: DataLoader(TensorDataset(torch.ones(3)), batch_size=1.5))
attempt("shuffle_sampler", lambda: DataLoader(TensorDataset(torch.ones(3)), shuffle=True,
                                              sampler=torch.utils.data.SequentialSampler(range(3))))
attempt("workers_neg", lambda: DataLoader(TensorDataset(torch.ones(3)), num_workers=-1))
attempt("bs_none_len", lambda: len(DataLoader(TensorDataset(torch.ones(3)), batch_size=None)))
attempt("bs_none_item", lambda: next(iter(DataLoader(TensorDataset(torch.arange(3)), batch_size=None))))


class Ragged(Dataset):
    def __len__(self):
        return 4

    def __getitem__(self, i):
        return torch.ones(i + 1)


class NoLen(Dataset):
    def __getitem__(self, i):
        return i


class Dicts(Dataset):
    def __len__(self):
        return 5

    def __getitem__(self, i):
        return {"x": torch.tensor([i, i * 2.0]), "y": i % 2, "name": f"item{i}"}


attempt("ragged_collate", lambda: next(iter(DataLoader(Ragged(), batch_size=2))))
attempt("ragged_list", lambda: next(iter(DataLoader(Ragged(), batch_size=2, collate_fn=lambda b: b))))
attempt("nolen", lambda: len(NoLen()))
attempt("nolen_loader", lambda: len(DataLoader(NoLen(), batch_size=2)))
b = next(iter(DataLoader(Dicts(), batch_size=3)))
print(b)
print({k: type(v).__name__ for k, v in b.items()})
attempt("tuple_batch", lambda: next(iter(DataLoader([(1, 2.0), (3, 4.0)], batch_size=2))))
attempt("np_batch", lambda: next(iter(DataLoader([[1, 2], [3, 4]], batch_size=2))))
attempt("none_item", lambda: next(iter(DataLoader([None, None], batch_size=2))))
attempt("str_items", lambda: next(iter(DataLoader(["a", "b", "c"], batch_size=2))))
attempt("subset_bad", lambda: torch.utils.data.random_split(range(10), [0.5, 0.6]))
attempt("sampler_len", lambda: len(torch.utils.data.RandomSampler(range(5), num_samples=3)))
attempt("weighted", lambda: len(list(torch.utils.data.WeightedRandomSampler([0.1, 0.9], 4))))
attempt("batch_sampler", lambda: list(torch.utils.data.BatchSampler(range(5), 2, drop_last=False)))
attempt("batch_sampler_bad", lambda: torch.utils.data.BatchSampler(range(5), 0, drop_last=False))
attempt("iter_twice", lambda: [len(list(DataLoader(range(5), batch_size=2))) for _ in range(2)])
