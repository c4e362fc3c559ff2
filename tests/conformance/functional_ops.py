# torch.nn.functional: activations, normalize, pad, one_hot, unfold/fold, interpolate, dropout in eval, and gradients.
import torch
import torch.nn.functional as F

x = torch.linspace(-3, 3, 7)
for name in ["relu", "relu6", "elu", "selu", "celu", "gelu", "silu", "mish", "softplus", "softsign", "tanhshrink",
             "hardswish", "hardsigmoid", "logsigmoid", "sigmoid", "tanh"]:
    print(name, getattr(F, name)(x))
print(F.leaky_relu(x, 0.1), F.hardtanh(x, -1, 2), F.gelu(x, approximate="tanh"), F.softshrink(x, 1.0), F.hardshrink(x, 1.5))
print(F.threshold(x, 0.5, -9.0), F.glu(torch.arange(8.0).view(2, 4)), F.prelu(x, torch.tensor([0.25])))
m = torch.arange(12.0).view(3, 4)
print(F.normalize(m), F.normalize(m, p=1, dim=0), F.softmax(m, dim=0), F.log_softmax(m, -1), F.softmin(m, 1))
print(F.pad(m, (1, 2)), F.pad(m, (1, 1, 1, 0), value=-1.0), F.pad(m.view(1, 3, 4), (1, 1), mode="reflect"))
print(F.pad(m.view(1, 1, 3, 4), (2, 0, 1, 1), mode="replicate"), F.pad(m.view(1, 3, 4), (1, 1), mode="circular"))
img = torch.arange(32.0).view(1, 2, 4, 4)
cols = F.unfold(img, kernel_size=2, stride=2)
print(cols.shape, cols[0, :, 0], F.fold(cols, output_size=(4, 4), kernel_size=2, stride=2).equal(img))
print(F.interpolate(img, scale_factor=0.5, mode="nearest"), F.interpolate(img[:, :1], size=(2, 3), mode="bilinear", align_corners=True))
print(F.interpolate(torch.arange(4.0).view(1, 1, 4), scale_factor=2, mode="linear"), F.adaptive_avg_pool1d(torch.arange(6.0).view(1, 1, 6), 4))
print(F.dropout(x, 0.5, training=False), F.alpha_dropout(x, 0.2, training=False), F.one_hot(torch.tensor([[0, 2]]), 3))
print(F.linear(m, torch.ones(2, 4), torch.tensor([1.0, -1.0])), F.bilinear(m[:, :2], m[:, 2:], torch.ones(1, 2, 2)))
print(F.layer_norm(m, (4,)), F.group_norm(img, 2), F.instance_norm(img), F.batch_norm(m, torch.zeros(4), torch.ones(4)))
print(F.local_response_norm(img, 2), F.embedding(torch.tensor([2, 0]), m), F.pixel_shuffle(torch.arange(8.0).view(1, 4, 1, 2), 2))
g = torch.linspace(-2, 2, 5, requires_grad=True)
(F.gelu(g) + F.elu(g) + F.softplus(g, beta=2) + F.silu(g) + F.leaky_relu(g, 0.2) + F.hardswish(g)).sum().backward()
print(g.grad)
