# Acting vs learning code paths: @torch.no_grad and @torch.inference_mode decorated act/value functions,
# inference_mode blocks, torch.compile of a policy and of an update function (same numbers),
# requires_grad_(False) freezing, set_grad_enabled / enable_grad.
import torch
import torch.nn as nn
torch.manual_seed(0)
policy = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 2))
@torch.no_grad()
def act(obs):
    return policy(obs).argmax(-1)
@torch.inference_mode()
def value(obs):
    return policy(obs).max(-1).values
obs = torch.randn(4, 3)
print(act(obs), value(obs), value(obs).requires_grad, torch.is_inference_mode_enabled())
with torch.inference_mode():
    y = policy(obs)
print(y.requires_grad)
cp = torch.compile(policy)
print(torch.allclose(cp(obs), policy(obs)))
def update(x):
    loss = policy(x).pow(2).mean()
    loss.backward()
    return loss.detach()
cu = torch.compile(update, mode="reduce-overhead")
print(cu(obs), policy[0].weight.grad.shape)
policy.requires_grad_(False)
print(all(not p.requires_grad for p in policy.parameters()), policy(obs).requires_grad)
policy.requires_grad_(True)
with torch.set_grad_enabled(False):
    print(policy(obs).requires_grad)
with torch.enable_grad():
    print(policy(obs).requires_grad)
