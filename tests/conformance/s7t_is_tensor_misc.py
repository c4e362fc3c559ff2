# torch.is_tensor / is_storage / numel / is_floating_point / is_nonzero, legacy Tensor constructors and new_*.
import warnings

import torch

warnings.filterwarnings("ignore")
x = torch.arange(6.0).view(2, 3)
print(torch.is_tensor(x), torch.is_tensor([1]), torch.is_storage(x.storage()), torch.is_storage(x),
      torch.is_storage(x.untyped_storage()))
print(torch.numel(x), torch.is_floating_point(x), torch.is_floating_point(x.long()), torch.is_nonzero(torch.tensor([2])))
print(torch.Tensor([1, 2]).dtype, torch.Tensor(2, 3).shape, torch.Tensor().shape, torch.tensor([]).dtype)
print(x.new_tensor([1, 2]).dtype, x.long().new_tensor([1.5]).dtype, x.new_ones(2).dtype, x.new_full((1,), 7).tolist())
print(x.new(2).shape, x.new([3, 4]).tolist(), x.new().shape, x.long().new(1, 2).dtype)
print(len(x), x.__len__(), x.T.shape, x.mT.shape, x.H.shape if hasattr(x, "H") else None)
print(x.is_contiguous(), x.is_shared(), x.share_memory_() is x, x.is_pinned())
print(torch.is_same_size(x, x.t().t()), x.shape == x.t().t().shape, x.storage_offset())
print(x.dtype.is_floating_point, x.dtype.is_complex, x.dtype.is_signed, x.long().dtype.to_complex if False else "")
print(x.element_size() * x.nelement(), x.nbytes, torch.tensor(1).dim(), torch.tensor([[1]]).squeeze().dim())
