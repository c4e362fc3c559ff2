# d2l ch.11 optimization algorithms from scratch: 1-D/2-D gradient descent traces (train_2d with python
# floats), Newton's method, SGD with a decaying lr, momentum, adagrad, rmsprop, adadelta and adam written
# with `with torch.no_grad()` state updates and a hyperparams dict, on a synthetic airfoil-like regression.
import math

import torch
from torch import nn


def f(x):
    return x ** 2


def f_grad(x):
    return 2 * x


def gd(eta, f_grad):
    x = 10.0
    results = [x]
    for i in range(10):
        x -= eta * f_grad(x)
        results.append(float(x))
    print(f"epoch 10, x: {x:f}")
    return results


print([round(r, 6) for r in gd(0.2, f_grad)])
print(gd(1.1, f_grad)[-1])
c = torch.tensor(0.15 * math.pi)


def f2(x):
    return x * torch.cos(c * x)


def f2_grad(x):
    return torch.cos(c * x) - c * x * torch.sin(c * x)


x = torch.tensor(10.0)
for i in range(10):
    x -= 2 * f2_grad(x)
print(x)


def train_2d(trainer, steps=20, f_grad=None):
    x1, x2, s1, s2 = -5, -2, 0, 0
    results = [(x1, x2)]
    for i in range(steps):
        if f_grad:
            x1, x2, s1, s2 = trainer(x1, x2, s1, s2, f_grad)
        else:
            x1, x2, s1, s2 = trainer(x1, x2, s1, s2)
        results.append((x1, x2))
    print(f"epoch {i + 1}, x1: {float(x1):f}, x2: {float(x2):f}")
    return results


def f_2d(x1, x2):
    return x1 ** 2 + 2 * x2 ** 2


def f_2d_grad(x1, x2):
    return (2 * x1, 4 * x2)


def gd_2d(x1, x2, s1, s2, f_grad):
    g1, g2 = f_grad(x1, x2)
    return (x1 - eta * g1, x2 - eta * g2, 0, 0)


eta = 0.1
train_2d(gd_2d, f_grad=f_2d_grad)
torch.manual_seed(0)


def sgd_2d(x1, x2, s1, s2, f_grad):
    g1, g2 = f_grad(x1, x2)
    g1 += torch.normal(0.0, 1, (1,)).item()
    g2 += torch.normal(0.0, 1, (1,)).item()
    eta_t = eta * lr()
    return (x1 - eta_t * g1, x2 - eta_t * g2, 0, 0)


t = 1


def exponential_lr():
    global t
    t += 1
    return math.exp(-0.1 * t)


lr = exponential_lr
train_2d(sgd_2d, steps=50, f_grad=f_2d_grad)


def adagrad_2d(x1, x2, s1, s2):
    eps = 1e-6
    g1, g2 = 0.2 * x1, 4 * x2
    s1 += g1 ** 2
    s2 += g2 ** 2
    x1 -= eta / math.sqrt(s1 + eps) * g1
    x2 -= eta / math.sqrt(s2 + eps) * g2
    return x1, x2, s1, s2


eta = 0.4
train_2d(adagrad_2d)

torch.manual_seed(0)
n, d = 300, 5
features = torch.randn(n, d)
features = (features - features.mean(axis=0)) / features.std(axis=0)
labels = features @ torch.tensor([0.5, -1.0, 2.0, 0.1, 0.0]) + 0.2 + 0.1 * torch.randn(n)


def init_momentum_states(feature_dim):
    return (torch.zeros((feature_dim, 1)), torch.zeros(1))


def sgd_momentum(params, states, hyperparams):
    for p, v in zip(params, states):
        with torch.no_grad():
            v[:] = hyperparams["momentum"] * v + p.grad
            p[:] -= hyperparams["lr"] * v
        p.grad.data.zero_()


def init_adagrad_states(feature_dim):
    return (torch.zeros((feature_dim, 1)), torch.zeros(1))


def adagrad(params, states, hyperparams):
    eps = 1e-6
    for p, s in zip(params, states):
        with torch.no_grad():
            s[:] += torch.square(p.grad)
            p[:] -= hyperparams["lr"] * p.grad / torch.sqrt(s + eps)
        p.grad.data.zero_()


def init_rmsprop_states(feature_dim):
    return (torch.zeros((feature_dim, 1)), torch.zeros(1))


def rmsprop(params, states, hyperparams):
    gamma, eps = hyperparams["gamma"], 1e-6
    for p, s in zip(params, states):
        with torch.no_grad():
            s[:] = gamma * s + (1 - gamma) * torch.square(p.grad)
            p[:] -= hyperparams["lr"] * p.grad / torch.sqrt(s + eps)
        p.grad.data.zero_()


def init_adadelta_states(feature_dim):
    s_w, s_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    delta_w, delta_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    return ((s_w, delta_w), (s_b, delta_b))


def adadelta(params, states, hyperparams):
    rho, eps = hyperparams["rho"], 1e-5
    for p, (s, delta) in zip(params, states):
        with torch.no_grad():
            s[:] = rho * s + (1 - rho) * torch.square(p.grad)
            g = (torch.sqrt(delta + eps) / torch.sqrt(s + eps)) * p.grad
            p[:] -= g
            delta[:] = rho * delta + (1 - rho) * g * g
        p.grad.data.zero_()


def init_adam_states(feature_dim):
    v_w, v_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    s_w, s_b = torch.zeros((feature_dim, 1)), torch.zeros(1)
    return ((v_w, s_w), (v_b, s_b))


def adam(params, states, hyperparams):
    beta1, beta2, eps = 0.9, 0.999, 1e-6
    for p, (v, s) in zip(params, states):
        with torch.no_grad():
            v[:] = beta1 * v + (1 - beta1) * p.grad
            s[:] = beta2 * s + (1 - beta2) * torch.square(p.grad)
            v_bias_corr = v / (1 - beta1 ** hyperparams["t"])
            s_bias_corr = s / (1 - beta2 ** hyperparams["t"])
            p[:] -= hyperparams["lr"] * v_bias_corr / (torch.sqrt(s_bias_corr) + eps)
        p.grad.data.zero_()
    hyperparams["t"] += 1


def train_ch11(trainer_fn, states, hyperparams, num_epochs=2, batch_size=30):
    w = torch.normal(mean=0.0, std=0.01, size=(d, 1), requires_grad=True)
    b = torch.zeros((1), requires_grad=True)

    def net(X):
        return torch.matmul(X, w) + b

    def loss(y_hat, y):
        return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2

    data_iter = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(features, labels), batch_size,
                                            shuffle=True)
    for epoch in range(num_epochs):
        for X, y in data_iter:
            l = loss(net(X), y).mean()
            l.backward()
            trainer_fn([w, b], states, hyperparams)
        print(f"loss: {loss(net(features), labels).mean().item():.5f}")
    return w.detach().reshape(-1), b.detach()


print(train_ch11(sgd_momentum, init_momentum_states(d), {"lr": 0.02, "momentum": 0.5}))
print(train_ch11(adagrad, init_adagrad_states(d), {"lr": 0.1}))
print(train_ch11(rmsprop, init_rmsprop_states(d), {"lr": 0.01, "gamma": 0.9}))
print(train_ch11(adadelta, init_adadelta_states(d), {"rho": 0.9}))
print(train_ch11(adam, init_adam_states(d), {"lr": 0.01, "t": 1}))


def train_concise_ch11(trainer_fn, hyperparams, num_epochs=2):
    net = nn.Sequential(nn.Linear(d, 1))

    def init_weights(m):
        if type(m) == nn.Linear:
            torch.nn.init.normal_(m.weight, std=0.01)

    net.apply(init_weights)
    optimizer = trainer_fn(net.parameters(), **hyperparams)
    loss = nn.MSELoss(reduction="none")
    data_iter = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(features, labels.reshape(-1, 1)), 30,
                                            shuffle=True)
    for _ in range(num_epochs):
        for X, y in data_iter:
            optimizer.zero_grad()
            out = net(X)
            y = y.reshape(out.shape)
            l = loss(out, y)
            l.mean().backward()
            optimizer.step()
        print(f"loss: {(loss(net(features), labels.reshape(-1, 1)).mean() / 2).item():.5f}")


train_concise_ch11(torch.optim.SGD, {"lr": 0.01, "momentum": 0.9})
train_concise_ch11(torch.optim.Adagrad, {"lr": 0.1})
train_concise_ch11(torch.optim.RMSprop, {"lr": 0.01, "alpha": 0.9})
train_concise_ch11(torch.optim.Adadelta, {"rho": 0.9})
train_concise_ch11(torch.optim.Adam, {"lr": 0.01})
