# WGAN-GP and spectral-norm critics: the gradient penalty computed with torch.autograd.grad(create_graph=True)
# through a conv critic on interpolated samples (double backward through Conv2d/LeakyReLU/Linear),
# RMSprop/Adam with betas (0., 0.9), n_critic loop, weight clipping (WGAN) with p.data.clamp_, and
# nn.utils.spectral_norm / parametrizations.spectral_norm reprs, state_dict keys and sigma estimates.
import torch
import torch.nn as nn
from torch.nn.utils import parametrizations

torch.manual_seed(0)
critic = nn.Sequential(nn.Conv2d(1, 4, 3, stride=2, padding=1), nn.LeakyReLU(0.2),
                       nn.Conv2d(4, 8, 3, stride=2, padding=1), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(8 * 2 * 2, 1))
gen = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 64), nn.Tanh(), nn.Unflatten(1, (1, 8, 8)))


def gradient_penalty(critic, real, fake):
    alpha = torch.rand(real.size(0), 1, 1, 1)
    interpolates = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
    d_interpolates = critic(interpolates)
    gradients = torch.autograd.grad(outputs=d_interpolates, inputs=interpolates,
                                    grad_outputs=torch.ones_like(d_interpolates),
                                    create_graph=True, retain_graph=True, only_inputs=True)[0]
    gradients = gradients.view(gradients.size(0), -1)
    return ((gradients.norm(2, dim=1) - 1) ** 2).mean()


opt_c = torch.optim.Adam(critic.parameters(), lr=1e-3, betas=(0.0, 0.9))
opt_g = torch.optim.Adam(gen.parameters(), lr=1e-3, betas=(0.0, 0.9))
yy, xx = torch.meshgrid(torch.linspace(-1, 1, 8), torch.linspace(-1, 1, 8), indexing="ij")
for it in range(3):
    for _ in range(2):
        real = (torch.sin(3 * xx + torch.rand(6, 1, 1) * 3) * 0.8).unsqueeze(1)
        fake = gen(torch.randn(6, 4)).detach()
        opt_c.zero_grad()
        gp = gradient_penalty(critic, real, fake)
        loss_c = critic(fake).mean() - critic(real).mean() + 10 * gp
        loss_c.backward()
        opt_c.step()
    opt_g.zero_grad()
    loss_g = -critic(gen(torch.randn(6, 4))).mean()
    loss_g.backward()
    opt_g.step()
    print(f"it {it} loss_C {loss_c.item():.5f} gp {gp.item():.5f} loss_G {loss_g.item():.5f}")
    print(f"   critic conv grad {critic[0].weight.grad.norm().item():.5f}")

clip_critic = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
opt = torch.optim.RMSprop(clip_critic.parameters(), lr=5e-2)
for step in range(3):
    opt.zero_grad()
    loss = -clip_critic(torch.randn(8, 3)).mean() + clip_critic(torch.randn(8, 3) + 1).mean()
    loss.backward()
    opt.step()
    for p in clip_critic.parameters():
        p.data.clamp_(-0.01, 0.01)
    print(step, f"{loss.item():.6f}", clip_critic[0].weight.abs().max().item() <= 0.01)

sn_old = nn.utils.spectral_norm(nn.Linear(6, 4))
print(sn_old, sorted(sn_old.state_dict().keys()))
sn_new = parametrizations.spectral_norm(nn.Conv2d(2, 3, 3))
print(sn_new)
print(sorted(sn_new.state_dict().keys()))
x = torch.randn(5, 6)
for _ in range(5):
    sn_old(x)
w = sn_old.weight
print(f"{torch.linalg.matrix_norm(w, ord=2).item():.4f}", f"{torch.linalg.matrix_norm(sn_old.weight_orig, ord=2).item():.4f}")
img = torch.randn(1, 2, 5, 5)
for _ in range(10):
    sn_new(img)
sn_new.eval()
wm = sn_new.weight.flatten(1)
print(f"{torch.linalg.matrix_norm(wm, ord=2).item():.4f}", sn_new(img).shape)
print(f"{sn_new(img).sum().item():.5f}")
