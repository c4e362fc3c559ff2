# Gradients at kinks and singular points: relu/abs/clamp at boundaries, max/min ties, sqrt/norm at zero, where-masking.
import torch
import torch.nn.functional as F


def g(fn, vals, **kw):
    x = torch.tensor(vals, requires_grad=True, **kw)
    y = fn(x)
    y.sum().backward()
    return x.grad


v = [-1.0, -0.0, 0.0, 1.0]
print(g(torch.relu, v), g(torch.abs, v), g(torch.sign, v), g(F.leaky_relu, v), g(F.relu6, [0.0, 6.0, 3.0]))
print(g(F.hardtanh, [-1.0, 1.0, 0.0, 2.0]), g(F.elu, v), g(F.celu, v), g(F.softplus, v), g(F.hardshrink, [-0.5, 0.5, 0.0]))
print(g(lambda x: x.clamp(0.0, 1.0), [0.0, 1.0, 0.5, -1.0, 2.0]), g(lambda x: x.clamp(min=0.0), [0.0]), g(lambda x: x.clamp(max=0.0), [0.0]))
print(g(lambda x: torch.clamp(x, torch.tensor([0.0, 0.0]), torch.tensor([0.0, 1.0])), [0.0, 1.0]))
print(g(lambda x: x.max(), [1.0, 3.0, 3.0, 2.0]), g(lambda x: x.min(), [1.0, 1.0, 2.0]), g(lambda x: x.amax(), [3.0, 3.0, 3.0]))
print(g(lambda x: x.max(dim=0).values, [1.0, 3.0, 3.0]), g(lambda x: x.amax(dim=1), [[2.0, 2.0], [1.0, 0.0]]))
print(g(lambda x: torch.maximum(x, torch.tensor([1.0, 1.0, 1.0])), [1.0, 0.0, 2.0]), g(lambda x: torch.fmax(x, torch.zeros(2)), [0.0, 1.0]))
print(g(lambda x: torch.max(x, torch.tensor(0.5)), [0.5, 0.2]), g(lambda x: x.median(), [1.0, 2.0, 2.0, 3.0]), g(lambda x: x.sort().values[0], [2.0, 2.0]))
print(g(torch.sqrt, [0.0, 4.0]), g(lambda x: x.norm(), [0.0, 0.0]), g(lambda x: x.norm(p=1), [0.0, -2.0]), g(lambda x: torch.linalg.vector_norm(x, ord=float("inf")), [3.0, -3.0]))
print(g(lambda x: x.norm(dim=1), [[0.0, 0.0], [3.0, 4.0]]), g(lambda x: x.std(), [1.0, 1.0]), g(lambda x: F.normalize(x, dim=0), [0.0, 0.0]))
print(g(lambda x: x.pow(2).sum().sqrt(), [0.0, 0.0]), g(lambda x: torch.where(x > 0, torch.sqrt(x), torch.zeros_like(x)), [0.0, 4.0]))
print(g(lambda x: torch.where(x > 0, torch.log(x), x), [-1.0, 1.0]), g(lambda x: torch.cdist(x, torch.zeros(1, 2)), [[0.0, 0.0]]))
print(g(lambda x: torch.atan2(x, torch.zeros(2)), [0.0, 1.0]), g(lambda x: torch.atan2(torch.zeros(2), x), [0.0, -1.0]))
print(g(lambda x: x.abs().pow(0.5), [0.0, 4.0]), g(lambda x: torch.log(x), [0.0]), g(lambda x: 1 / x, [0.0, -0.0]), g(torch.rsqrt, [0.0]))
print(g(lambda x: x.prod(), [0.0, 2.0, 3.0]), g(lambda x: x.prod(), [0.0, 0.0, 3.0]), g(lambda x: torch.cumprod(x, 0), [2.0, 0.0, 3.0]))
print(g(lambda x: x.round() + x.floor() + x.ceil() + x.trunc(), [0.5, 1.5]), g(lambda x: torch.remainder(x, 1.0), [2.5]), g(lambda x: torch.fmod(x, -1.0), [2.5]))
print(g(lambda x: F.hardsigmoid(x), [-3.0, 3.0, 0.0]), g(F.hardswish, [-3.0, 3.0, 0.0]), g(F.silu, [0.0]), g(F.gelu, [0.0]), g(F.mish, [0.0]))
print(g(lambda x: F.threshold(x, 1.0, -5.0), [1.0, 2.0]), g(lambda x: F.softshrink(x, 0.5), [0.5, -0.5, 1.0]), g(lambda x: x.logsumexp(0), [-float("inf"), 0.0]))
print(g(lambda x: torch.dist(x, torch.zeros(2)), [0.0, 0.0]), g(lambda x: F.pairwise_distance(x, torch.zeros(1, 2)), [[0.0, 0.0]]))
print(g(lambda x: F.cosine_similarity(x, torch.ones(1, 2)), [[0.0, 0.0]]), g(lambda x: F.smooth_l1_loss(x, torch.zeros(3)), [1.0, -1.0, 0.0]))
print(g(lambda x: F.l1_loss(x, torch.zeros(3)), [0.0, 1.0, -1.0]), g(lambda x: F.huber_loss(x, torch.zeros(2), delta=1.0), [1.0, -1.0]))
