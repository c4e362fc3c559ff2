# A denoising convolutional autoencoder (blog-post style): Conv2d + MaxPool2d encoder, nn.Upsample(nearest)
# + Conv2d decoder, Gaussian noise with torch.clamp, MSELoss, Adam with a StepLR schedule, per-epoch loss
# and lr, reconstruction error on clean vs noisy inputs, and latent code shapes.
import torch
import torch.nn as nn

torch.manual_seed(0)


class ConvAutoencoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),
            nn.Conv2d(8, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2))
        self.decoder = nn.Sequential(
            nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(4, 8, 3, padding=1), nn.ReLU(),
            nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(8, 1, 3, padding=1), nn.Sigmoid())

    def forward(self, x):
        return self.decoder(self.encoder(x))


yy, xx = torch.meshgrid(torch.linspace(0, 1, 12), torch.linspace(0, 1, 12), indexing="ij")
params = torch.rand(24, 2)
clean = (0.5 + 0.5 * torch.sin(6 * xx * params[:, 0, None, None] + 4 * yy * params[:, 1, None, None])).unsqueeze(1)
model = ConvAutoencoder()
print(model)
criterion = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.5)
noise_factor = 0.3
for epoch in range(1, 8):
    train_loss = 0.0
    for i in range(0, 24, 8):
        images = clean[i:i + 8]
        noisy = images + noise_factor * torch.randn(*images.shape)
        noisy = torch.clamp(noisy, 0.0, 1.0)
        optimizer.zero_grad()
        outputs = model(noisy)
        loss = criterion(outputs, images)
        loss.backward()
        optimizer.step()
        train_loss += loss.item() * images.size(0)
    scheduler.step()
    print(f"Epoch: {epoch} \tTraining Loss: {train_loss / 24:.6f} lr {scheduler.get_last_lr()[0]:.5f}")
model.eval()
with torch.no_grad():
    code = model.encoder(clean[:2])
    noisy = torch.clamp(clean + noise_factor * torch.randn_like(clean), 0.0, 1.0)
    print(code.shape, code.flatten(1).shape[1], "vs", clean[0].numel())
    print(f"noisy-vs-clean {criterion(noisy, clean).item():.5f} denoised-vs-clean {criterion(model(noisy), clean).item():.5f}")
    print(model(clean[:1])[0, 0, 6])
