# Sliding windows: unfold, as_strided, conv-style patches, moving averages with cumsum and conv1d.
import torch

x = torch.arange(10.0)
print(x.unfold(0, 3, 1).mean(1), x.unfold(0, 2, 2), x.unfold(0, 10, 1), x.unfold(0, 3, 4), torch.as_strided(x, (4, 3), (2, 1)), x.as_strided((3,), (3,), 1))
c = torch.cumsum(torch.cat([torch.zeros(1), x]), 0)
print((c[3:] - c[:-3]) / 3, torch.nn.functional.conv1d(x.view(1, 1, -1), torch.ones(1, 1, 3) / 3).flatten(), torch.nn.functional.avg_pool1d(x.view(1, 1, -1), 3, 1).flatten())
img = torch.arange(16.0).reshape(1, 1, 4, 4)
p = torch.nn.functional.unfold(img, kernel_size=2, stride=2)
print(p, p.shape, torch.nn.functional.fold(p, (4, 4), kernel_size=2, stride=2).equal(img), img.unfold(2, 2, 2).unfold(3, 2, 2).reshape(-1, 4))
m = torch.arange(12).reshape(3, 4)
print(m.unfold(1, 2, 1).shape, m.unfold(0, 2, 1), m.unfold(1, 4, 1).squeeze(1).shape)
w = torch.arange(5.0, requires_grad=True)
w.unfold(0, 3, 1).sum().backward()
print(w.grad)
w = torch.arange(6.0, requires_grad=True)
torch.as_strided(w, (2, 2), (1, 2)).pow(2).sum().backward()
print(w.grad)
for bad in [lambda: x.unfold(0, 11, 1), lambda: x.unfold(0, 2, 0), lambda: x.unfold(1, 2, 1), lambda: x.unfold(0, -1, 1), lambda: x.unfold(0, 2, -1)]:
    try:
        print(bad())
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, e)
