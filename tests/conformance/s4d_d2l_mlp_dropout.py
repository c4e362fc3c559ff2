# d2l 4.2/4.6: MLP from scratch with a hand-written relu and dropout_layer (torch.rand mask), then the
# concise nn.Dropout version; train/eval mode differences.
import torch
from torch import nn

torch.manual_seed(0)


def relu(X):
    a = torch.zeros_like(X)
    return torch.max(X, a)


def dropout_layer(X, dropout):
    assert 0 <= dropout <= 1
    if dropout == 1:
        return torch.zeros_like(X)
    if dropout == 0:
        return X
    mask = (torch.rand(X.shape) > dropout).float()
    return mask * X / (1.0 - dropout)


X = torch.arange(16, dtype=torch.float32).reshape((2, 8))
print(X)
print(dropout_layer(X, 0.))
print(dropout_layer(X, 0.5))
print(dropout_layer(X, 1.))

num_inputs, num_outputs, num_hiddens1, num_hiddens2 = 16, 4, 32, 32
dropout1, dropout2 = 0.2, 0.5


class Net(nn.Module):
    def __init__(self, num_inputs, num_outputs, num_hiddens1, num_hiddens2, is_training=True):
        super(Net, self).__init__()
        self.num_inputs = num_inputs
        self.training = is_training
        self.lin1 = nn.Linear(num_inputs, num_hiddens1)
        self.lin2 = nn.Linear(num_hiddens1, num_hiddens2)
        self.lin3 = nn.Linear(num_hiddens2, num_outputs)
        self.relu = nn.ReLU()

    def forward(self, X):
        H1 = self.relu(self.lin1(X.reshape((-1, self.num_inputs))))
        if self.training:
            H1 = dropout_layer(H1, dropout1)
        H2 = self.relu(self.lin2(H1))
        if self.training:
            H2 = dropout_layer(H2, dropout2)
        out = self.lin3(H2)
        return out


net = Net(num_inputs, num_outputs, num_hiddens1, num_hiddens2)
Xs = torch.randn(200, num_inputs)
ys = (Xs[:, :4] * 2 + Xs[:, 4:8]).argmax(1)
loss = nn.CrossEntropyLoss(reduction="none")
trainer = torch.optim.SGD(net.parameters(), lr=0.5)
for epoch in range(6):
    for i in range(0, 200, 50):
        l = loss(net(Xs[i:i + 50]), ys[i:i + 50])
        trainer.zero_grad()
        l.mean().backward()
        trainer.step()
    print(epoch, f"{l.mean().item():.5f}")
net.training = False
print((net(Xs).argmax(1) == ys).float().mean())

net = nn.Sequential(nn.Flatten(), nn.Linear(num_inputs, num_hiddens1), nn.ReLU(), nn.Dropout(dropout1),
                    nn.Linear(num_hiddens1, num_hiddens2), nn.ReLU(), nn.Dropout(dropout2),
                    nn.Linear(num_hiddens2, num_outputs))


def init_weights(m):
    if type(m) == nn.Linear:
        nn.init.normal_(m.weight, std=0.01)


net.apply(init_weights)
trainer = torch.optim.SGD(net.parameters(), lr=0.5)
for epoch in range(6):
    net.train()
    for i in range(0, 200, 50):
        l = loss(net(Xs[i:i + 50]), ys[i:i + 50])
        trainer.zero_grad()
        l.mean().backward()
        trainer.step()
    net.eval()
    with torch.no_grad():
        print(epoch, f"{l.mean().item():.5f}", (net(Xs).argmax(1) == ys).sum().item())
print(net.training, [m.training for m in net])
d = nn.Dropout(p=0.3)
print(d, d(torch.ones(3, 4)), d.eval()(torch.ones(2)))
print(relu(torch.tensor([-1.0, 2.0])), nn.functional.dropout(torch.ones(6), 0.5, training=True))
