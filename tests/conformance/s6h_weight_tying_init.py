# nanoGPT-style weight tying (wte.weight = lm_head.weight), _init_weights with normal_(std=0.02) and
# zeros_ biases applied via self.apply, scaled residual init std=0.02/sqrt(2*n_layer) on c_proj.weight,
# get_num_params(non_embedding=True), shared-parameter dedup in parameters()/state_dict, tied grads.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
V, C, L, BS = 50, 16, 3, 8


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.c_fc = nn.Linear(C, 4 * C)
        self.c_proj = nn.Linear(4 * C, C)

    def forward(self, x):
        return self.c_proj(F.gelu(self.c_fc(x)))


class GPT(nn.Module):
    def __init__(self):
        super().__init__()
        self.transformer = nn.ModuleDict(dict(
            wte=nn.Embedding(V, C), wpe=nn.Embedding(BS, C),
            h=nn.ModuleList([MLP() for _ in range(L)]), ln_f=nn.LayerNorm(C)))
        self.lm_head = nn.Linear(C, V, bias=False)
        self.transformer.wte.weight = self.lm_head.weight
        self.apply(self._init_weights)
        for pn, p in self.named_parameters():
            if pn.endswith("c_proj.weight"):
                torch.nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * L))

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)
            if module.bias is not None:
                torch.nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            torch.nn.init.normal_(module.weight, mean=0.0, std=0.02)

    def get_num_params(self, non_embedding=True):
        n_params = sum(p.numel() for p in self.parameters())
        if non_embedding:
            n_params -= self.transformer.wpe.weight.numel()
        return n_params

    def forward(self, idx, targets=None):
        pos = torch.arange(0, idx.size(1), dtype=torch.long)
        x = self.transformer.wte(idx) + self.transformer.wpe(pos)
        for block in self.transformer.h:
            x = x + block(x)
        logits = self.lm_head(self.transformer.ln_f(x))
        loss = F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1), ignore_index=-1)
        return logits, loss


m = GPT()
print("number of parameters: %.4fM" % (m.get_num_params() / 1e6,), m.get_num_params(False))
print(m.transformer.wte.weight is m.lm_head.weight, len(list(m.parameters())), len(m.state_dict()))
print(sorted(m.state_dict().keys())[:4])
print(round(m.lm_head.weight.std().item(), 4), round(m.transformer.h[0].c_proj.weight.std().item(), 5))
print(m.transformer.h[1].c_fc.bias.abs().sum().item())
idx = torch.randint(0, V, (4, BS))
tgt = torch.randint(0, V, (4, BS))
tgt[0, :3] = -1
logits, loss = m(idx, tgt)
print(logits.shape, round(loss.item(), 5), round(math.log(V), 5))
loss.backward()
print(m.lm_head.weight.grad.norm().item(), m.transformer.wte.weight.grad is m.lm_head.weight.grad)
opt = torch.optim.AdamW(m.parameters(), lr=1e-2)
for _ in range(3):
    opt.step()
    opt.zero_grad(set_to_none=True)
    _, loss = m(idx, tgt)
    loss.backward()
    print(round(loss.item(), 5))
print(m.transformer.wte.weight[0, :4])
