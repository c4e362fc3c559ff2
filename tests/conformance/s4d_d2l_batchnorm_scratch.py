# d2l 7.5 batch normalization from scratch (moving stats, torch.is_grad_enabled to pick the mode) inside
# a LeNet, compared with the nn.BatchNorm2d/1d version.
import torch
from torch import nn


def batch_norm(X, gamma, beta, moving_mean, moving_var, eps, momentum):
    if not torch.is_grad_enabled():
        X_hat = (X - moving_mean) / torch.sqrt(moving_var + eps)
    else:
        assert len(X.shape) in (2, 4)
        if len(X.shape) == 2:
            mean = X.mean(dim=0)
            var = ((X - mean) ** 2).mean(dim=0)
        else:
            mean = X.mean(dim=(0, 2, 3), keepdim=True)
            var = ((X - mean) ** 2).mean(dim=(0, 2, 3), keepdim=True)
        X_hat = (X - mean) / torch.sqrt(var + eps)
        moving_mean = momentum * moving_mean + (1.0 - momentum) * mean
        moving_var = momentum * moving_var + (1.0 - momentum) * var
    Y = gamma * X_hat + beta
    return Y, moving_mean.data, moving_var.data


class BatchNorm(nn.Module):
    def __init__(self, num_features, num_dims):
        super().__init__()
        if num_dims == 2:
            shape = (1, num_features)
        else:
            shape = (1, num_features, 1, 1)
        self.gamma = nn.Parameter(torch.ones(shape))
        self.beta = nn.Parameter(torch.zeros(shape))
        self.moving_mean = torch.zeros(shape)
        self.moving_var = torch.ones(shape)

    def forward(self, X):
        if self.moving_mean.device != X.device:
            self.moving_mean = self.moving_mean.to(X.device)
            self.moving_var = self.moving_var.to(X.device)
        Y, self.moving_mean, self.moving_var = batch_norm(
            X, self.gamma, self.beta, self.moving_mean, self.moving_var, eps=1e-5, momentum=0.9)
        return Y


def lenet(bn1, bn2, bn3, bn4):
    return nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5), bn1(6, 4), nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Conv2d(6, 16, kernel_size=5), bn2(16, 4), nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2), nn.Flatten(),
        nn.Linear(16 * 4 * 4, 120), bn3(120, 2), nn.Sigmoid(),
        nn.Linear(120, 84), bn4(84, 2), nn.Sigmoid(),
        nn.Linear(84, 10))


torch.manual_seed(0)
X = torch.rand(32, 1, 28, 28)
y = torch.randint(0, 10, (32,))
net = lenet(BatchNorm, BatchNorm, BatchNorm, BatchNorm)
torch.manual_seed(1)
net2 = lenet(lambda c, d: nn.BatchNorm2d(c), lambda c, d: nn.BatchNorm2d(c),
             lambda c, d: nn.BatchNorm1d(c), lambda c, d: nn.BatchNorm1d(c))
net2.load_state_dict({k: v for k, v in net.state_dict().items()}, strict=False)
with torch.no_grad():
    for i in (1, 5, 10, 13):
        net2[i].weight.copy_(net[i].gamma.view(-1))
        net2[i].bias.copy_(net[i].beta.view(-1))
for model in (net, net2):
    trainer = torch.optim.SGD(model.parameters(), lr=0.5)
    loss = nn.CrossEntropyLoss()
    for step in range(4):
        l = loss(model(X), y)
        trainer.zero_grad()
        l.backward()
        trainer.step()
        print(step, f"{l.item():.5f}")
print(net[1].gamma.reshape((-1,)), net[1].beta.reshape((-1,)))
print(net2[1].weight, net2[1].bias)
print(net[1].moving_mean.reshape(-1), net2[1].running_mean)
print(net[10].moving_var.reshape(-1)[:6], net2[10].running_var[:6])
with torch.no_grad():
    print(net(X[:4]).argmax(1), net(X[:2]))
net2.eval()
print(net2(X[:4]).argmax(1), net2(X[:2]))
print(net2[1].num_batches_tracked, net2[1])
