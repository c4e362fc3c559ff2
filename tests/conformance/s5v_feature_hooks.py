# Hooks for feature extraction and visualisation: register_forward_hook storing activations in a dict
# (the "get_activation(name)" recipe), forward pre-hooks that modify input, register_full_backward_hook for
# gradients w.r.t. layer outputs, a Grad-CAM toy (weights = mean of gradients), hook handles removed,
# tensor.register_hook on intermediate activations, and hooks with kwargs / always_call.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Conv2d(4, 6, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(6, 3))
activation = {}


def get_activation(name):
    def hook(model, input, output):
        activation[name] = output.detach()
    return hook


handles = [model[1].register_forward_hook(get_activation("relu1")),
           model[4].register_forward_hook(get_activation("relu2"))]
x = torch.randn(2, 1, 8, 8)
out = model(x)
print({k: tuple(v.shape) for k, v in activation.items()}, activation["relu2"][0, :, 0, 0])
for h in handles:
    h.remove()
activation.clear()
model(x)
print(activation)

grads = {}
acts = {}


def fwd_hook(module, inp, out):
    acts["conv2"] = out


def bwd_hook(module, grad_input, grad_output):
    grads["conv2"] = grad_output[0]
    print("grad_input", [None if g is None else tuple(g.shape) for g in grad_input])


h1 = model[3].register_forward_hook(fwd_hook)
h2 = model[3].register_full_backward_hook(bwd_hook)
logits = model(x)
cls = logits.argmax(dim=1)
logits.gather(1, cls[:, None]).sum().backward()
weights = grads["conv2"].mean(dim=(2, 3), keepdim=True)
cam = F.relu((weights * acts["conv2"]).sum(dim=1))
cam = cam / (cam.amax(dim=(1, 2), keepdim=True) + 1e-8)
print(cls, cam.shape, cam[0])
h1.remove()
h2.remove()


def pre_hook(module, args):
    (inp,) = args
    return (inp * 2,)


hp = model[0].register_forward_pre_hook(pre_hook)
a = model(x)
hp.remove()
b = model(2 * x)
print(torch.allclose(a, b))

stored = []
conv_out = model[0](x)
conv_out.register_hook(lambda g: stored.append(g.norm().item()))
conv_out.register_hook(lambda g: g * 0.5)
F.relu(conv_out).sum().backward()
print([f"{s:.4f}" for s in stored], f"{model[0].weight.grad.norm().item():.4f}")


def kw_hook(module, args, kwargs, output):
    print("kwargs hook", sorted(kwargs), tuple(output.shape))
    return output + 1


class Scaled(nn.Module):
    def forward(self, x, scale=1.0):
        return x * scale


s = Scaled()
hk = s.register_forward_hook(kw_hook, with_kwargs=True)
print(s(torch.ones(2), scale=3.0))
hk.remove()
print(s(torch.ones(2), scale=3.0), len(s._forward_hooks))
