# DataLoader shuffling driven by the global seed (no generator=): torch.manual_seed before building loaders,
# reproducibility across two identical runs, random_split without generator, and worker_init_fn/get_worker_info.
import torch
from torch.utils.data import DataLoader, TensorDataset, get_worker_info, random_split

ds = TensorDataset(torch.arange(12))


def epoch_orders(seed):
    torch.manual_seed(seed)
    loader = DataLoader(ds, batch_size=4, shuffle=True)
    return [[b[0].tolist() for b in loader] for _ in range(2)]


a = epoch_orders(0)
b = epoch_orders(0)
print(a)
print("reproducible", a == b, "epochs differ", a[0] != a[1])
print(epoch_orders(1)[0])

torch.manual_seed(3)
tr, va = random_split(range(10), [8, 2])
print(list(tr), list(va))
print("draw after split", torch.randint(0, 100, (3,)).tolist())

torch.manual_seed(5)
loader = DataLoader(ds, batch_size=5, shuffle=True, worker_init_fn=lambda i: print("never for 0 workers"))
print([b[0].tolist() for b in loader], get_worker_info())
print("rng after one epoch", torch.rand(2).numpy().round(6))

g = torch.Generator().manual_seed(9)
loader = DataLoader(ds, batch_size=6, shuffle=True, generator=g)
print([b[0].tolist() for b in loader])
print("generator state advanced", g.initial_seed())
try:
    DataLoader(ds, num_workers=0, prefetch_factor=2)
except ValueError as e:
    print("ValueError:", e)
try:
    DataLoader(ds, num_workers=0, persistent_workers=True)
except ValueError as e:
    print("ValueError:", e)
try:
    DataLoader(ds, num_workers=-1)
except ValueError as e:
    print("ValueError:", e)
