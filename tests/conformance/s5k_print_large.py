# Large tensors get summarised with '...': 1-d, 2-d, 3-d, int, bool, float64 and wide rows.
import torch

print(torch.arange(1500))
print(torch.arange(1500).float())
print(torch.arange(2000).reshape(40, 50))
print(torch.arange(3000).reshape(10, 10, 30))
print(torch.zeros(1200, dtype=torch.bool))
print(torch.linspace(-1, 1, 1500, dtype=torch.float64))
print(torch.ones(2, 1000))
print(torch.ones(1000, 2) * 0.5)
print(torch.arange(1001) * 1e-5)
print(torch.arange(5000).reshape(5, 1000)[:, ::2])
print(torch.arange(1200).reshape(1200, 1))
print((torch.arange(1100) % 3 == 0))
print(torch.full((1100,), 7, dtype=torch.int8))
print(torch.arange(-600, 600, dtype=torch.int16))
