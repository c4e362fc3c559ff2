# squeeze / unsqueeze / movedim / permute / transpose / swapaxes / narrow / select / T / mT.
import torch

x = torch.zeros(1, 3, 1, 4)
print(x.squeeze().shape, x.squeeze(0).shape, x.squeeze(1).shape, x.squeeze(-2).shape, x.squeeze((0, 2)).shape, torch.squeeze(x, dim=2).shape, torch.zeros(1).squeeze().shape, torch.zeros(()).squeeze().shape)
print(x.unsqueeze(0).shape, x.unsqueeze(-1).shape, x.unsqueeze(4).shape, torch.arange(3).unsqueeze(1), torch.arange(3)[:, None].shape, torch.arange(3).unsqueeze(-2).shape)
y = torch.arange(24).reshape(2, 3, 4)
print(y.permute(2, 0, 1).shape, y.permute(-1, 0, 1).stride(), torch.permute(y, (1, 0, 2))[0], y.movedim(0, -1).shape, y.movedim((0, 1), (2, 0)).shape, torch.moveaxis(y, 2, 0).shape, y.transpose(0, 2).shape, y.swapaxes(0, 1).shape, y.swapdims(1, 2).stride())
print(y.mT.shape, y.T.shape if False else "", torch.ones(2, 3).T.shape, y.narrow(2, 1, 2), y.narrow(0, -1, 1).shape, torch.narrow(y, 1, torch.tensor(1), 2).shape, y.select(1, 0), y.select(-1, -1).shape, y[:, 0].equal(y.select(1, 0)))
n = y.narrow(1, 0, 2)
n.zero_()
print(y[0])
s = torch.zeros(2, 1)
s.squeeze_()
u = torch.zeros(3)
u.unsqueeze_(0)
tt = torch.zeros(2, 3)
tt.t_()
print(s.shape, u.shape, tt.shape, tt.stride(), torch.zeros(2, 3, 4).transpose_(0, 2).shape)
w = torch.arange(6.0).reshape(2, 3).requires_grad_()
(w.permute(1, 0).unsqueeze(0).squeeze(0).narrow(0, 1, 2) * torch.tensor([[1.0, 2.0], [3.0, 4.0]])).sum().backward()
print(w.grad)
for bad in [lambda: y.permute(0, 1), lambda: y.permute(0, 1, 1), lambda: y.squeeze(3), lambda: y.unsqueeze(5), lambda: y.narrow(2, 3, 2), lambda: y.transpose(0, 3), lambda: y.movedim(0, 0).shape, lambda: y.movedim((0, 1), (1, 1)), lambda: y.select(1, 3), lambda: torch.ones(2, 2, 2).mT.shape, lambda: torch.ones(3).mT]:
    try:
        print(bad())
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, e)
