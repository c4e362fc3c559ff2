# The errors RL code hits most, caught and printed by type: backward through a freed graph a second time
# (actor and critic losses sharing a trunk), the in-place "modified by an inplace operation" error after
# optimizer.step() between two backward calls, the fixes (retain_graph=True, summed loss, detach), gather with
# a non-int64 index, Categorical with mismatched action shapes, and .item() on a multi-element tensor.
import torch
import torch.nn as nn
from torch.distributions import Categorical

torch.manual_seed(0)
trunk = nn.Linear(4, 8)
actor = nn.Linear(8, 2)
critic = nn.Linear(8, 1)
opt_a = torch.optim.SGD(list(trunk.parameters()) + list(actor.parameters()), lr=0.1)
opt_c = torch.optim.SGD(critic.parameters(), lr=0.1)
x = torch.randn(5, 4)


def losses():
    h = torch.relu(trunk(x))
    d = Categorical(logits=actor(h))
    a = d.sample()
    v = critic(h).squeeze(1)
    adv = torch.ones(5) - v
    return -(d.log_prob(a) * adv.detach()).mean(), adv.pow(2).mean()


def attempt(name, fn):
    try:
        fn()
        print(name, "ok")
    except RuntimeError as e:
        msg = str(e)
        print(name, "RuntimeError", "second time" in msg, "inplace" in msg)


def twice():
    la, lc = losses()
    lc.backward()
    la.backward()
    la.backward()


def step_between():
    la, lc = losses()
    opt_c.zero_grad()
    lc.backward(retain_graph=True)
    opt_c.step()
    opt_a.zero_grad()
    (la + lc).backward()


def step_between_trunk():
    h = torch.tanh(trunk(x))
    v = critic(h).sum()
    p = actor(h).sum()
    opt_a.zero_grad()
    p.backward(retain_graph=True)
    opt_a.step()
    v.backward()


def fixed_retain():
    la, lc = losses()
    lc.backward(retain_graph=True)
    la.backward()


def fixed_sum():
    la, lc = losses()
    opt_a.zero_grad()
    opt_c.zero_grad()
    (la + 0.5 * lc).backward()
    opt_a.step()
    opt_c.step()


attempt("twice", twice)
attempt("step_between", step_between)
attempt("step_between_trunk", step_between_trunk)
attempt("fixed_retain", fixed_retain)
attempt("fixed_sum", fixed_sum)
print(trunk.weight.sum(), critic.bias)
q = torch.randn(3, 2)
for idx in (torch.tensor([[0], [1], [1]], dtype=torch.int32), torch.tensor([0, 1, 1])):
    try:
        print(q.gather(1, idx))
    except RuntimeError as e:
        print("gather RuntimeError")
try:
    Categorical(logits=torch.randn(3, 2)).log_prob(torch.tensor([0, 1]))
except (ValueError, RuntimeError) as e:
    print("log_prob", type(e).__name__)
try:
    torch.tensor([1.0, 2.0]).item()
except RuntimeError as e:
    print("item RuntimeError", "1 element" in str(e) or "one element" in str(e))
w = torch.ones(3, requires_grad=True)
try:
    w += 1
except RuntimeError as e:
    print("leaf inplace RuntimeError", "leaf" in str(e))
with torch.no_grad():
    w += 1
print(w, w.requires_grad, w.is_leaf)
