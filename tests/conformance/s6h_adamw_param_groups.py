# nanoGPT configure_optimizers: params with dim >= 2 get weight decay, biases and norm weights don't;
# AdamW(optim_groups, betas=(0.9, 0.95), eps=1e-8); counts per group, a few steps with clip_grad_norm_
# returning the total norm, and state/param_groups inspection.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(nn.Embedding(20, 16), nn.LayerNorm(16), nn.Linear(16, 32), nn.GELU(),
                      nn.Linear(32, 20), nn.RMSNorm(20))


def configure_optimizers(model, weight_decay, learning_rate, betas):
    param_dict = {pn: p for pn, p in model.named_parameters()}
    param_dict = {pn: p for pn, p in param_dict.items() if p.requires_grad}
    decay_params = [p for n, p in param_dict.items() if p.dim() >= 2]
    nodecay_params = [p for n, p in param_dict.items() if p.dim() < 2]
    optim_groups = [
        {"params": decay_params, "weight_decay": weight_decay},
        {"params": nodecay_params, "weight_decay": 0.0},
    ]
    num_decay_params = sum(p.numel() for p in decay_params)
    num_nodecay_params = sum(p.numel() for p in nodecay_params)
    print(f"num decayed parameter tensors: {len(decay_params)}, with {num_decay_params:,} parameters")
    print(f"num non-decayed parameter tensors: {len(nodecay_params)}, with {num_nodecay_params:,} parameters")
    return torch.optim.AdamW(optim_groups, lr=learning_rate, betas=betas, eps=1e-8)


opt = configure_optimizers(model, 0.1, 3e-3, (0.9, 0.95))
print([g["weight_decay"] for g in opt.param_groups], opt.param_groups[0]["betas"], opt.defaults["lr"])
x = torch.randint(0, 20, (4, 7))
y = torch.randint(0, 20, (4, 7))
for step in range(6):
    logits = model(x)
    loss = F.cross_entropy(logits.view(-1, 20), y.view(-1))
    opt.zero_grad(set_to_none=True)
    loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    print(step, round(loss.item(), 6), round(norm.item(), 6))
st = opt.state[model[2].weight]
print(sorted(st.keys()), st["step"], st["exp_avg_sq"].sum().item())
print(model[1].weight[:4], model[5].weight[:4])
no_wd = [n for n, p in model.named_parameters() if p.dim() < 2]
print(no_wd)
