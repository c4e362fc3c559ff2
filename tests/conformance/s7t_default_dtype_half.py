# set_default_dtype(float16), legacy set_default_tensor_type, get_default_device, and dtypes inferred afterwards.
import warnings

import torch

warnings.filterwarnings("ignore")
torch.set_default_dtype(torch.float16)
print(torch.tensor([1.5]).dtype, torch.zeros(1).dtype, torch.arange(2.0).dtype, (torch.tensor([1]) / 2).dtype, torch.tensor(1.0) + 1)
torch.set_default_dtype(torch.float32)
torch.set_default_tensor_type(torch.DoubleTensor)
print(torch.get_default_dtype(), torch.tensor([1.0]).dtype, torch.Tensor([1]).dtype, torch.Tensor([1]).type())
torch.set_default_tensor_type("torch.FloatTensor")
print(torch.get_default_dtype(), torch.get_default_device())
print(torch.tensor([1, 2]).float().dtype, torch.tensor(2**40).dtype, torch.tensor(True).dtype, torch.tensor([1.0, 2]).to(torch.int32).type())
