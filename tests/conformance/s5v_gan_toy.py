# The GAN training loop from the DCGAN tutorial applied to a 1-D toy problem: generator maps noise to
# samples of N(3, 0.5); discriminator is an MLP; two Adam optimizers with betas=(0.5, 0.999); real/fake
# labels with torch.full; fake.detach() for the D step; BCELoss; D(x), D(G(z)) statistics per iteration.
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
nz = 4
netG = nn.Sequential(nn.Linear(nz, 16), nn.ReLU(True), nn.Linear(16, 1))
netD = nn.Sequential(nn.Linear(1, 16), nn.LeakyReLU(0.2, inplace=True), nn.Linear(16, 1), nn.Sigmoid())
criterion = nn.BCELoss()
fixed_noise = torch.randn(5, nz)
real_label, fake_label = 1.0, 0.0
optimizerD = optim.Adam(netD.parameters(), lr=0.005, betas=(0.5, 0.999))
optimizerG = optim.Adam(netG.parameters(), lr=0.005, betas=(0.5, 0.999))
G_losses, D_losses = [], []
for i in range(12):
    real = 3 + 0.5 * torch.randn(32, 1)
    b_size = real.size(0)
    netD.zero_grad()
    label = torch.full((b_size,), real_label, dtype=torch.float)
    output = netD(real).view(-1)
    errD_real = criterion(output, label)
    errD_real.backward()
    D_x = output.mean().item()
    noise = torch.randn(b_size, nz)
    fake = netG(noise)
    label.fill_(fake_label)
    output = netD(fake.detach()).view(-1)
    errD_fake = criterion(output, label)
    errD_fake.backward()
    D_G_z1 = output.mean().item()
    errD = errD_real + errD_fake
    optimizerD.step()
    netG.zero_grad()
    label.fill_(real_label)
    output = netD(fake).view(-1)
    errG = criterion(output, label)
    errG.backward()
    D_G_z2 = output.mean().item()
    optimizerG.step()
    G_losses.append(errG.item())
    D_losses.append(errD.item())
    print(f"[{i}/12] Loss_D: {errD.item():.4f} Loss_G: {errG.item():.4f} D(x): {D_x:.4f} "
          f"D(G(z)): {D_G_z1:.4f} / {D_G_z2:.4f}")
with torch.no_grad():
    samples = netG(fixed_noise)
print(samples.squeeze(), f"{samples.mean().item():.4f}", len(G_losses), f"{sum(D_losses) / len(D_losses):.4f}")
print(fake.requires_grad, fake.detach().requires_grad, fake.grad_fn is not None, fake.detach().grad_fn)
print([p.grad is None for p in netD.parameters()], netG[0].weight.grad.shape)
