# ODE integration (Euler and RK4) written with tensor ops, backpropagating through the solver to
# get sensitivities, and fitting Lotka-Volterra parameters to observed trajectories.
import torch

torch.manual_seed(0)


def rk4_step(f, y, t, h, theta):
    k1 = f(t, y, theta)
    k2 = f(t + h / 2, y + h / 2 * k1, theta)
    k3 = f(t + h / 2, y + h / 2 * k2, theta)
    k4 = f(t + h, y + h * k3, theta)
    return y + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)


def euler_step(f, y, t, h, theta):
    return y + h * f(t, y, theta)


def odeint(f, y0, ts, theta, step=rk4_step):
    ys = [y0]
    for i in range(len(ts) - 1):
        ys.append(step(f, ys[-1], ts[i], ts[i + 1] - ts[i], theta))
    return torch.stack(ys)


def decay(t, y, k):
    return -k * y


ts = torch.linspace(0, 2, 21, dtype=torch.float64)
k = torch.tensor(1.5, dtype=torch.float64, requires_grad=True)
y0 = torch.tensor([1.0], dtype=torch.float64)
for name, step in [("euler", euler_step), ("rk4", rk4_step)]:
    ys = odeint(decay, y0, ts, k, step)
    exact = torch.exp(-k * ts)
    err = (ys.squeeze() - exact).abs().max()
    (dk,) = torch.autograd.grad(ys[-1, 0], k)
    print(name, ys[-1].item(), err.item(), dk.item(), (-2 * torch.exp(-2 * k)).item())


def lotka(t, z, th):
    x, y = z[..., 0], z[..., 1]
    a, b, c, d = th
    return torch.stack([a * x - b * x * y, c * x * y - d * y], -1)


true_th = torch.tensor([1.0, 0.5, 0.3, 0.8])
ts = torch.linspace(0, 5, 26)
z0 = torch.tensor([2.0, 1.0])
with torch.no_grad():
    obs = odeint(lotka, z0, ts, true_th)
    obs = obs + 0.02 * torch.randn_like(obs)
print(obs[::5])
th = torch.tensor([0.8, 0.6, 0.4, 0.6], requires_grad=True)
opt = torch.optim.Adam([th], lr=0.03)
for it in range(40):
    opt.zero_grad()
    pred = odeint(lotka, z0, ts, th)
    loss = ((pred - obs) ** 2).mean()
    loss.backward()
    opt.step()
    if it % 10 == 0:
        print(it, f"{loss.item():.6f}", th.grad.norm().item())
print("theta", th.detach(), "true", true_th)


def oscillator(t, s, w):
    return torch.stack([s[1], -w ** 2 * s[0]])


w = torch.tensor(2.0, requires_grad=True)
traj = odeint(oscillator, torch.tensor([1.0, 0.0]), torch.linspace(0, 3, 61), w)
energy = 0.5 * traj[:, 1] ** 2 + 0.5 * w ** 2 * traj[:, 0] ** 2
print(energy[[0, 30, 60]], traj[-1], torch.cos(w * 3).item())
traj[-1, 0].backward()
print(w.grad, (-3 * torch.sin(w * 3)).item())
