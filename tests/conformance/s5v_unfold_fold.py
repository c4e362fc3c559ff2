# nn.Unfold / nn.Fold (im2col / col2im): convolution as unfold + matmul (the classic "conv from scratch"),
# patch extraction for a ViT-style patch embedding, fold's overlap-add counting, Tensor.unfold sliding
# windows, and the shape errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
inp = torch.randn(2, 3, 6, 7, requires_grad=True)
w = torch.randn(4, 3, 3, 3, requires_grad=True)
unfold = nn.Unfold(kernel_size=(3, 3), padding=1, stride=2)
print(unfold)
cols = unfold(inp)
print(cols.shape)
out_unf = (cols.transpose(1, 2) @ w.view(w.size(0), -1).t()).transpose(1, 2)
out = out_unf.view(2, 4, 3, 4)
ref = F.conv2d(inp, w, padding=1, stride=2)
print(torch.allclose(out, ref, atol=1e-5), f"{(out - ref).abs().max().item() < 1e-4}")
out.sum().backward()
print(inp.grad[0, 0], w.grad.sum(dim=(2, 3)))

img = torch.randn(2, 3, 8, 8)
patches = F.unfold(img, kernel_size=4, stride=4)
print(patches.shape, patches.transpose(1, 2).shape)
manual = img.unfold(2, 4, 4).unfold(3, 4, 4).permute(0, 2, 3, 1, 4, 5).reshape(2, 4, 48)
print(torch.equal(patches.transpose(1, 2), manual))
embed = nn.Conv2d(3, 5, kernel_size=4, stride=4)
lin = embed.weight.view(5, -1) @ patches + embed.bias[:, None]
print(torch.allclose(lin.view(2, 5, 2, 2), embed(img), atol=1e-5))

fold = nn.Fold(output_size=(4, 5), kernel_size=(2, 3))
print(fold)
ones = torch.ones(1, 2 * 2 * 3, 3 * 3)
print(fold(ones))
cols2 = F.unfold(torch.arange(20.0).view(1, 1, 4, 5), kernel_size=2, dilation=1, padding=1, stride=1)
print(cols2.shape, F.fold(cols2, (4, 5), kernel_size=2, padding=1))
divisor = F.fold(F.unfold(torch.ones(1, 1, 4, 5), 2), (4, 5), 2)
print(divisor, F.fold(F.unfold(torch.arange(20.0).view(1, 1, 4, 5), 2), (4, 5), 2) / divisor)
x = torch.arange(10.0)
print(x.unfold(0, 3, 2), x.unfold(0, 4, 3).sum(1))
sig = torch.arange(24.0).view(2, 12)
print(sig.unfold(1, 5, 5).shape, sig.unfold(-1, 4, 4).mean(-1))
try:
    F.fold(torch.ones(1, 5, 9), (4, 5), 2)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    F.fold(torch.ones(1, 4, 7), (4, 5), 2)
except RuntimeError as e:
    print("RuntimeError:", e)
