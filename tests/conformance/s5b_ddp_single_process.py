# DDP-ready script run as a single process: is_dist_avail_and_initialized / get_rank / is_main_process
# helpers, env-var driven init_process_group('gloo') with world_size 1, DistributedSampler.set_epoch,
# DistributedDataParallel wrapping, no_sync, all_reduce of metrics, 'module.' prefixes, cleanup.
import os
import socket

import torch
import torch.distributed as dist
import torch.nn as nn
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.data.distributed import DistributedSampler


def is_dist_avail_and_initialized():
    if not dist.is_available():
        return False
    if not dist.is_initialized():
        return False
    return True


def get_world_size():
    return dist.get_world_size() if is_dist_avail_and_initialized() else 1


def get_rank():
    return dist.get_rank() if is_dist_avail_and_initialized() else 0


def is_main_process():
    return get_rank() == 0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


print(dist.is_available(), is_dist_avail_and_initialized(), get_world_size(), get_rank(), is_main_process())
try:
    dist.get_rank()
except ValueError as e:
    print("ValueError:", e)
try:
    DistributedSampler(range(10))
except ValueError as e:
    print("ValueError:", e)
for var in ("RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT"):
    os.environ.pop(var, None)
try:
    dist.init_process_group(backend="gloo")
except ValueError as e:
    print("ValueError:", e)
local_rank = int(os.environ.get("LOCAL_RANK", 0))
print(local_rank, dist.get_node_local_rank(fallback_rank=0), dist.is_torchelastic_launched())
os.environ.update(RANK="0", WORLD_SIZE="1", MASTER_ADDR="127.0.0.1", MASTER_PORT=str(free_port()))
dist.init_process_group(backend="gloo")
print(dist.is_initialized(), dist.get_rank(), dist.get_world_size(), dist.get_backend(), is_main_process())
try:
    dist.init_process_group(backend="gloo")
except ValueError as e:
    print("ValueError:", e)
torch.manual_seed(0)
ds = TensorDataset(torch.randn(20, 3), torch.randn(20, 1))
sampler = DistributedSampler(ds, shuffle=True, seed=0)
print(sampler.num_replicas, sampler.rank, len(sampler), sampler.total_size)
dl = DataLoader(ds, batch_size=5, sampler=sampler)
model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1))
ddp = DDP(model)
print(type(ddp).__name__, ddp.module is model, list(ddp.state_dict())[:2])
opt = torch.optim.SGD(ddp.parameters(), lr=0.05)
accum = 2
for epoch in range(2):
    sampler.set_epoch(epoch)
    print("epoch", epoch, list(sampler)[:6])
    total = torch.zeros(2)
    for i, (xb, yb) in enumerate(dl):
        if (i + 1) % accum != 0:
            with ddp.no_sync():
                loss = nn.functional.mse_loss(ddp(xb), yb) / accum
                loss.backward()
        else:
            loss = nn.functional.mse_loss(ddp(xb), yb) / accum
            loss.backward()
            opt.step()
            opt.zero_grad()
        total += torch.tensor([loss.item() * len(xb), len(xb)])
    dist.all_reduce(total, op=dist.ReduceOp.SUM)
    if is_main_process():
        print(f"epoch {epoch} avg loss {(total[0] / total[1]).item():.6f}")
t = torch.tensor([3.0, 4.0])
dist.all_reduce(t, op=dist.ReduceOp.AVG)
gathered = [torch.zeros(2) for _ in range(dist.get_world_size())]
dist.all_gather(gathered, t)
objs = [None] * dist.get_world_size()
dist.all_gather_object(objs, {"acc": 0.5})
dist.broadcast(t, src=0)
dist.barrier()
print(t, gathered, objs, dist.ReduceOp.SUM == dist.ReduceOp.SUM)
state = ddp.module.state_dict() if hasattr(ddp, "module") else ddp.state_dict()
print(list(state)[:2], all(torch.equal(a, b) for a, b in zip(state.values(), model.state_dict().values())))
dist.destroy_process_group()
print(dist.is_initialized(), get_rank())
