# Atari-style preprocessing on tiny synthetic frames: uint8 frames stacked from a deque with torch.cat, /255.0
# promotion, a Nature-DQN-like conv net, reward clipping with sign/clamp, max-pooling of two frames,
# numpy round trips of LazyFrames, grayscale weights and F.interpolate resizing (bilinear/area/nearest).
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
# common CNN atari-ish nets on tiny frames, frame stacking with deque + torch.cat, uint8 obs / 255.0
from collections import deque
frames = deque(maxlen=4)
for _ in range(4):
    frames.append(torch.randint(0, 256, (1, 12, 12), dtype=torch.uint8))
x = torch.cat(list(frames), 0).unsqueeze(0)
print(x.dtype, x.shape, (x / 255.0).dtype, x.float().div(255).mean())
net = nn.Sequential(nn.Conv2d(4, 8, 4, stride=2), nn.ReLU(), nn.Conv2d(8, 8, 3, stride=1), nn.ReLU(), nn.Flatten(), nn.Linear(8*3*3, 3))
print(net(x / 255.0))
print(torch.stack([f.squeeze(0) for f in frames]).shape)
frames.append(torch.zeros(1, 12, 12, dtype=torch.uint8))
print(torch.cat(list(frames)).sum(dim=(1, 2)))
# reward clipping, sign, frame max-pooling
r = torch.tensor([-3.0, 0.0, 0.2, 5.0])
print(torch.sign(r), r.clamp(-1, 1), torch.max(torch.stack([x[0,0], x[0,1]]), dim=0).values.shape)
print(torch.maximum(x[0,0], x[0,1]).dtype, (x[0,0].int() - x[0,1].int()).abs().max())
# lazy frames to numpy and back
import numpy as np
arr = np.stack([f.numpy() for f in frames])
print(arr.dtype, arr.shape, torch.from_numpy(arr).float().mean())
# resize via interpolate (Atari preprocess)
img = torch.rand(1, 3, 20, 16)
gray = (img * torch.tensor([0.299, 0.587, 0.114]).view(1, 3, 1, 1)).sum(1, keepdim=True)
print(F.interpolate(gray, size=(8, 8), mode="bilinear", align_corners=False)[0, 0, :2], F.interpolate(gray, size=(5, 4), mode="area").shape)
print(F.interpolate(gray, scale_factor=0.5, mode="nearest").shape, (gray * 255).to(torch.uint8)[0,0,0,:5])
