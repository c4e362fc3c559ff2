# data_ptr equality between views, clones, detaches (booleans only, never raw addresses).
import torch

torch.manual_seed(3)
x = torch.randn(4, 5)


def same(a, b):
    return a.data_ptr() == b.data_ptr()


def shares(a, b):
    return a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr()


print(same(x, x.view(20)), same(x, x.t()), same(x, x[1:]), same(x, x[:, 2:]))
print(shares(x, x[1:]), shares(x, x[:, 2:]), shares(x, x.clone()), shares(x, x.detach()))
print(same(x, x.detach()), same(x, x.clone()), same(x, x.reshape(5, 4)), same(x, x.t().reshape(20)))
print(same(x, x.flatten()), same(x, x.t().flatten()), same(x, x.contiguous()), same(x, x.float()))
print(same(x, x.double()), same(x, x.to(torch.float32)), same(x, x.to(torch.float32, copy=True)))
print(x[1:].data_ptr() - x.data_ptr(), x[:, 2:].data_ptr() - x.data_ptr(), x[2, 3].data_ptr() - x.data_ptr())
n = x.numpy()
y = torch.from_numpy(n)
print(same(x, y), shares(x, torch.as_tensor(n)), shares(x, torch.tensor(n)))
print(x.element_size(), x.double().element_size(), x.half().element_size(), x.long().element_size())
print(torch.zeros(3, dtype=torch.bool).element_size(), torch.zeros(3, dtype=torch.uint8).element_size())
print(torch.zeros(3, dtype=torch.int16).element_size(), torch.zeros(3, dtype=torch.int32).element_size())
print(x.nbytes, x[:, 1].nbytes, x.itemsize, x.untyped_storage().nbytes(), x[:, 1].untyped_storage().nbytes())
