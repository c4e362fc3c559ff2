# Data augmentation written with tensor ops (no torchvision): random horizontal/vertical flips with
# torch.flip, random crops with padding (F.pad reflect + slicing), torch.rot90, torch.roll translation,
# brightness/contrast jitter with clamp, per-channel normalisation with mean/std from the dataset,
# Cutout / random erasing masks, mixup of a batch, and uint8 <-> float conversions like ToTensor().
import torch
import torch.nn.functional as F

torch.manual_seed(0)
imgs_u8 = torch.randint(0, 256, (6, 8, 8, 3), dtype=torch.uint8)
print(imgs_u8.dtype, imgs_u8[0, 0, :2])
x = imgs_u8.permute(0, 3, 1, 2).float().div(255)
print(x.shape, x.dtype, f"{x.min().item():.4f} {x.max().item():.4f}")
mean = x.mean(dim=(0, 2, 3))
std = x.std(dim=(0, 2, 3))
print(mean, std)
normed = (x - mean[None, :, None, None]) / std[None, :, None, None]
print(normed.mean(dim=(0, 2, 3)), normed.std(dim=(0, 2, 3)))

flip_mask = torch.rand(6) < 0.5
flipped = torch.where(flip_mask[:, None, None, None], x.flip(-1), x)
print(flip_mask, torch.equal(flipped[flip_mask], x[flip_mask].flip(3)))
print(torch.equal(torch.flip(x, dims=[2, 3]), x.rot90(2, dims=(2, 3))))
print(x[0, 0].rot90(1), torch.rot90(x[0, 0], -1, [0, 1])[0])
padded = F.pad(x, (2, 2, 2, 2), mode="reflect")
i, j = torch.randint(0, 5, (2,)).tolist()
crop = padded[:, :, i:i + 8, j:j + 8]
print(padded.shape, (i, j), crop.shape, f"{crop.sum().item():.4f}")
shifted = torch.roll(x, shifts=(1, -2), dims=(2, 3))
print(torch.equal(shifted[:, :, 1:, :-2], x[:, :, :-1, 2:]))
b = torch.empty(6, 1, 1, 1).uniform_(0.8, 1.2)
c = torch.empty(6, 1, 1, 1).uniform_(0.8, 1.2)
m = x.mean(dim=(1, 2, 3), keepdim=True)
jit = ((x * b - m) * c + m).clamp(0, 1)
print(f"{jit.mean().item():.5f}", b.flatten())
gray = (0.299 * x[:, 0] + 0.587 * x[:, 1] + 0.114 * x[:, 2]).unsqueeze(1)
print(gray.shape, gray.expand(-1, 3, -1, -1).shape, f"{gray.mean().item():.5f}")

cy, cx = torch.randint(0, 8, (2,)).tolist()
yy, xx = torch.meshgrid(torch.arange(8), torch.arange(8), indexing="ij")
cut = ((yy - cy).abs() < 2) & ((xx - cx).abs() < 2)
cutout = x.masked_fill(cut, 0.0)
print(cut.sum().item(), f"{cutout.sum().item():.4f}")
lam = torch.distributions.Beta(0.4, 0.4).sample().item()
perm = torch.randperm(6)
mixed = lam * x + (1 - lam) * x[perm]
y = torch.tensor([0, 1, 2, 0, 1, 2])
y_soft = lam * F.one_hot(y, 3).float() + (1 - lam) * F.one_hot(y[perm], 3).float()
print(f"{lam:.5f}", perm, y_soft, f"{mixed.mean().item():.5f}")
back = (x * 255).round().to(torch.uint8).permute(0, 2, 3, 1)
print(torch.equal(back, imgs_u8), back.dtype)
print((x * 255).to(torch.uint8)[0, 0, 0, :4], torch.tensor([300.0, -5.0, 12.7]).clamp(0, 255).to(torch.uint8))
big = F.interpolate(x[:1], size=(12, 12), mode="bilinear", align_corners=False)
print(big.shape, f"{big.mean().item():.5f}")
