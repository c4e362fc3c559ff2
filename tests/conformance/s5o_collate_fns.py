# Collation: default_collate on dicts / tuples / nested / numpy / numbers / strings, default_convert,
# a padding collate_fn for variable-length sequences and a collate_fn returning a dict.
import numpy as np
import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader
from torch.utils.data.dataloader import default_collate

batch = [{"x": torch.tensor([1.0, 2.0]), "y": 0, "name": "a"},
         {"x": torch.tensor([3.0, 4.0]), "y": 1, "name": "b"}]
out = default_collate(batch)
print(sorted(out), out["x"], out["y"], out["y"].dtype, out["name"])

print(default_collate([(1, 2.5), (3, 4.5)]))
print(default_collate([(torch.zeros(2), (1, "p")), (torch.ones(2), (2, "q"))]))
arrs = default_collate([np.array([1, 2]), np.array([3, 4])])
print(arrs, arrs.dtype)
print(default_collate([np.float64(1.5), np.float64(2.5)]).dtype)
print(default_collate([[1, 2], [3, 4], [5, 6]]))
print(default_collate([True, False]))
nested = default_collate([{"a": {"b": torch.tensor(1)}, "c": [1, 2]}, {"a": {"b": torch.tensor(2)}, "c": [3, 4]}])
print(nested)
from torch.utils.data._utils.collate import default_convert  # noqa: E402
print(default_convert(np.array([1.0, 2.0])), default_convert([np.array([1]), 3]))
try:
    default_collate([torch.zeros(2), torch.zeros(3)])
except RuntimeError as e:
    print("RuntimeError:", e)

seqs = [torch.tensor([5, 6, 7]), torch.tensor([8]), torch.tensor([1, 2]), torch.tensor([9, 9, 9, 9])]
labels = [1, 0, 1, 0]
data = list(zip(seqs, labels))


def pad_collate(batch):
    xs, ys = zip(*batch)
    lengths = torch.tensor([len(x) for x in xs])
    padded = pad_sequence(xs, batch_first=True, padding_value=0)
    return padded, lengths, torch.tensor(ys)


for padded, lengths, ys in DataLoader(data, batch_size=2, collate_fn=pad_collate):
    print(padded, lengths, ys)


def dict_collate(batch):
    xs, ys = zip(*batch)
    return {"input_ids": pad_sequence(xs, batch_first=True, padding_value=-1), "labels": torch.tensor(ys)}


for b in DataLoader(data, batch_size=3, collate_fn=dict_collate):
    print({k: v.tolist() for k, v in b.items()})

loader = DataLoader([{"img": torch.full((2,), float(i)), "label": i % 2} for i in range(5)], batch_size=2)
for i, b in enumerate(loader):
    print(i, b["img"].shape, b["label"])

loader = DataLoader([(np.ones(2) * i, i) for i in range(4)], batch_size=4)
x, y = next(iter(loader))
print(x.dtype, x, y.dtype)
loader = DataLoader(list(range(6)), batch_size=4, collate_fn=lambda b: b)
print(list(loader))
