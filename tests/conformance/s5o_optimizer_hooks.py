# Optimizer hooks: register_step_pre_hook / register_step_post_hook, state_dict hooks, handles removal,
# and the lr-tracking pattern built on them.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
log = []


def pre(optimizer, args, kwargs):
    log.append(("pre", round(optimizer.param_groups[0]["lr"], 4), len(args), sorted(kwargs)))


def post(optimizer, args, kwargs):
    log.append(("post", round(model.bias.item(), 5)))


h1 = opt.register_step_pre_hook(pre)
h2 = opt.register_step_post_hook(post)
sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.5)
x = torch.randn(4, 2)
for _ in range(3):
    opt.zero_grad()
    model(x).sum().backward()
    opt.step()
    sched.step()
for entry in log:
    print(entry)
h1.remove()
h2.remove()
log.clear()
opt.step()
print("after remove", log)


def sd_post(optimizer, state_dict):
    state_dict["note"] = "hello"
    return state_dict


opt.register_state_dict_post_hook(sd_post)
sd = opt.state_dict()
print(sorted(sd), sd["note"])
seen = []
opt.register_load_state_dict_pre_hook(lambda o, s: seen.append(sorted(s)))
opt.register_load_state_dict_post_hook(lambda o: seen.append("loaded"))
sd.pop("note")
opt.load_state_dict(sd)
print(seen)

grads_seen = []
adam = torch.optim.Adam(model.parameters(), lr=0.01)
adam.register_step_pre_hook(lambda o, a, k: grads_seen.append(sum(p.grad.abs().sum().item()
                                                                  for g in o.param_groups for p in g["params"])))
for _ in range(2):
    adam.zero_grad()
    (model(x) ** 2).mean().backward()
    adam.step()
print([round(g, 5) for g in grads_seen])
