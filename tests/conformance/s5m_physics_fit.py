# Physics parameter fitting: a damped pendulum simulated with semi-implicit Euler (fit damping and
# length from noisy angles) and a projectile with quadratic drag (fit drag and launch angle).
import math

import torch

torch.manual_seed(4)
g = 9.81
dt = 0.02
steps = 150


def simulate_pendulum(theta0, length, damping):
    theta = theta0
    omega = torch.zeros_like(theta0)
    out = []
    for _ in range(steps):
        alpha = -(g / length) * torch.sin(theta) - damping * omega
        omega = omega + dt * alpha
        theta = theta + dt * omega
        out.append(theta)
    return torch.stack(out)


with torch.no_grad():
    obs = simulate_pendulum(torch.tensor(1.0), torch.tensor(1.5), torch.tensor(0.3))
    obs += 0.01 * torch.randn_like(obs)
print(obs[::30])
log_L = torch.tensor(math.log(1.0), requires_grad=True)
log_c = torch.tensor(math.log(0.1), requires_grad=True)
opt = torch.optim.Adam([log_L, log_c], lr=0.05)
for it in range(40):
    opt.zero_grad()
    pred = simulate_pendulum(torch.tensor(1.0), log_L.exp(), log_c.exp())
    loss = torch.nn.functional.mse_loss(pred, obs)
    loss.backward()
    opt.step()
    if it % 10 == 0:
        print(it, round(loss.item(), 6), log_L.exp().item(), log_c.exp().item())
print("L", log_L.exp().item(), "c", log_c.exp().item())
period = 2 * math.pi * math.sqrt(log_L.exp().item() / g)
print("small-angle period", period)


def projectile(v0, angle, k, n=100, h=0.02):
    pos = torch.zeros(2)
    vel = v0 * torch.stack([torch.cos(angle), torch.sin(angle)])
    path = []
    for _ in range(n):
        speed = vel.norm()
        acc = torch.stack([torch.tensor(0.0), torch.tensor(-g)]) - k * speed * vel
        vel = vel + h * acc
        pos = pos + h * vel
        path.append(pos)
    return torch.stack(path)


with torch.no_grad():
    target = projectile(torch.tensor(20.0), torch.tensor(math.radians(40)), torch.tensor(0.02))
print(target[[0, 49, 99]])
angle = torch.tensor(math.radians(30), requires_grad=True)
k = torch.tensor(0.0, requires_grad=True)
opt = torch.optim.LBFGS([angle, k], lr=0.5, max_iter=20)


def closure():
    opt.zero_grad()
    loss = ((projectile(torch.tensor(20.0), angle, k) - target) ** 2).mean()
    loss.backward()
    return loss


for i in range(2):
    print("lbfgs", opt.step(closure).item())
print(math.degrees(angle.item()), k.item())
t_flight = 2 * 20 * math.sin(math.radians(40)) / g
print("vacuum range", 20 ** 2 * math.sin(2 * math.radians(40)) / g, t_flight)
