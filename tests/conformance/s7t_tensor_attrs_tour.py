# A tour of tensor attributes from internals posts: shared memory, T/mT/H, itemsize, dim_order, layout, names.
import torch

x = torch.arange(6.0).view(2, 3)
x.share_memory_()
print(x.is_shared(), x.clone().is_shared(), x[0].is_shared())
print(x.itemsize, x.nbytes, x.dim_order(), x.t().dim_order(), torch.zeros(2, 3, 4).permute(2, 0, 1).dim_order())
print(x.layout, x.is_sparse, x.is_mkldnn, x.is_nested, x.is_cpu, x.device.index)
print(x.T.stride(), x.mT.stride(), x.mH.stride(), x.H.stride(), torch.zeros(2, 3, 4).mT.stride())
print(x.data_ptr() == x.T.data_ptr(), x.untyped_storage().nbytes() == x.T.untyped_storage().nbytes())
print(x.storage_offset(), x[1:].storage_offset(), x[1:][0, 1:].storage_offset(), x.view(-1)[::2][1:].storage_offset())
y = x[:, 1:]
print(y.stride(), y.storage_offset(), y.is_contiguous(), y.t().contiguous().storage_offset())
z = torch.zeros(3, 1, 4)
print(z.is_contiguous(), z.transpose(0, 1).is_contiguous(), z.squeeze(1).stride(), z.unsqueeze(0).stride())
print(z.transpose(0, 1).stride(), z[:, 0].stride(), z.expand(3, 2, 4).stride(), z.flatten(1).stride())
print(torch.empty(0).data_ptr() == 0 or True, torch.tensor(1.5).untyped_storage().nbytes(), torch.tensor(1.5).stride())
print(torch.zeros(2, 3, dtype=torch.float16).nbytes, torch.zeros(5, dtype=torch.bool).untyped_storage().nbytes())
