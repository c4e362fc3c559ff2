# DataLoader boilerplate: pin_memory=True, num_workers=0 with worker_init_fn/persistent flags absent,
# drop_last, a seeded generator, seed_worker from the reproducibility docs, and len() arithmetic.
import random

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset


def seed_worker(worker_id):
    worker_seed = torch.initial_seed() % 2 ** 32
    np.random.seed(worker_seed)
    random.seed(worker_seed)


class NoisyDS(Dataset):
    def __init__(self, n):
        self.x = torch.linspace(-1, 1, n).unsqueeze(1)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], torch.tensor(i % 2)


torch.manual_seed(0)
g = torch.Generator()
g.manual_seed(0)
ds = NoisyDS(23)
dl = DataLoader(ds, batch_size=5, shuffle=True, num_workers=0, worker_init_fn=seed_worker, generator=g,
                pin_memory=True, drop_last=True)
print(len(dl), dl.batch_size, dl.drop_last, dl.num_workers, dl.pin_memory)
for epoch in range(2):
    for bi, (xb, yb) in enumerate(dl):
        xb = xb.to("cpu", non_blocking=True)
        print(epoch, bi, xb.squeeze(1).round(decimals=3).tolist(), yb.tolist(), xb.is_pinned())
dl2 = DataLoader(ds, batch_size=10, shuffle=False, drop_last=False)
print(len(dl2), [len(b[0]) for b in dl2])
print(len(DataLoader(ds, batch_size=4)), len(DataLoader(ds, batch_size=4, drop_last=True)))
kwargs = {"num_workers": 1, "pin_memory": True} if torch.cuda.is_available() else {}
dl3 = DataLoader(ds, batch_size=8, **kwargs)
print(dl3.num_workers, dl3.pin_memory, len(dl3.dataset))
it = iter(dl2)
first = next(it)
print(type(first).__name__, first[0].shape, first[1].dtype)
steps_per_epoch = len(dl)
total_steps = 3 * steps_per_epoch
print(steps_per_epoch, total_steps, len(ds) // 5, -(-len(ds) // 5))
