# module hooks: full backward pre-hooks, forward hooks with kwargs / always_call, global hooks, state_dict hooks, backward(inputs=).
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))


def bpre(mod, gout):
    print("bwd-pre", type(mod).__name__, [tuple(g.shape) for g in gout])
    return (gout[0] * 2,)


def fwd_kw(mod, args, kwargs, out):
    print("fwd-kw", type(mod).__name__, len(args), sorted(kwargs), tuple(out.shape))


def fpre_mod(mod, args):
    return (args[0] * 0.5,)


h1 = net[2].register_full_backward_pre_hook(bpre)
h2 = net[0].register_forward_hook(fwd_kw, with_kwargs=True)
h3 = net[0].register_forward_pre_hook(fpre_mod)
x = torch.randn(5, 3, requires_grad=True)
out = net(x)
out.sum().backward()
print(x.grad.sum(), net[0].weight.grad.sum())
for h in (h1, h2, h3):
    h.remove()
x.grad = None
net.zero_grad()
net(x).sum().backward()
print(x.grad.sum(), net[0].weight.grad.sum())
g = nn.modules.module.register_module_forward_hook(lambda m, i, o: print("global", type(m).__name__))
net(x[:1])
g.remove()
net(x[:1])
w1 = torch.ones(2, requires_grad=True)
w2 = torch.ones(2, requires_grad=True)
loss = (w1 * 3 + w2 * 5).sum()
loss.backward(inputs=[w1])
print(w1.grad, w2.grad)
a = torch.randn(4, requires_grad=True)
b = a.view(2, 2)
b.retain_grad()
(b * torch.tensor([[1.0, 2.0], [3.0, 4.0]])).sum().backward()
print(b.grad, a.grad)
lin = nn.Linear(2, 2)
calls = []
lin.register_forward_hook(lambda m, i, o: calls.append("hook"))
lin.register_forward_pre_hook(lambda m, i: calls.append("pre"))
lin(torch.ones(1, 2))
print(calls, len(lin._forward_hooks), len(lin._forward_pre_hooks))
res = lin.register_forward_hook(lambda m, i, o: o * 0)
print(lin(torch.ones(1, 2)))
res.remove()
print(lin(torch.ones(1, 2)).shape)
m = nn.Linear(2, 1)
m.register_full_backward_hook(lambda mod, gi, go: print("gi", [None if t is None else tuple(t.shape) for t in gi]))
m(torch.ones(3, 2)).sum().backward()
m(torch.ones(3, 2, requires_grad=True)).sum().backward()
