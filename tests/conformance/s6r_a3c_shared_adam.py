# A3C plumbing (MorvanZhou / ikostrikov pytorch-a3c style) without running worker processes: a SharedAdam
# subclass that creates its state eagerly and calls share_memory_(), model.share_memory(), copying local
# gradients into the shared model's params (`shared_param._grad = param.grad`), and syncing the local model
# with load_state_dict; also torch.multiprocessing's name space.
import torch
import torch.multiprocessing as mp
import torch.nn as nn
import torch.nn.functional as F


class SharedAdam(torch.optim.Adam):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.99), eps=1e-8, weight_decay=0):
        super().__init__(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
        for group in self.param_groups:
            for p in group["params"]:
                state = self.state[p]
                state["step"] = torch.tensor(0.0)
                state["exp_avg"] = torch.zeros_like(p.data)
                state["exp_avg_sq"] = torch.zeros_like(p.data)
                state["exp_avg"].share_memory_()
                state["exp_avg_sq"].share_memory_()


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 16)
        self.pi = nn.Linear(16, 2)
        self.v = nn.Linear(16, 1)

    def forward(self, x):
        h = F.relu6(self.fc(x))
        return self.pi(h), self.v(h)


torch.manual_seed(0)
gnet = Net()
gnet.share_memory()
print(mp.get_start_method(allow_none=True) in (None, "fork", "spawn", "forkserver"))
opt = SharedAdam(gnet.parameters(), lr=1e-2)
lnet = Net()
lnet.load_state_dict(gnet.state_dict())
for it in range(5):
    x = torch.randn(8, 4)
    logits, v = lnet(x)
    m = torch.distributions.Categorical(logits=logits)
    a = m.sample()
    r = (a == (x[:, 0] > 0).long()).float()
    td = r - v.squeeze(1)
    loss = (td.pow(2) - m.log_prob(a) * td.detach() - 0.01 * m.entropy()).mean()
    opt.zero_grad()
    lnet.zero_grad()
    loss.backward()
    for lp, gp in zip(lnet.parameters(), gnet.parameters()):
        gp._grad = lp.grad
    opt.step()
    lnet.load_state_dict(gnet.state_dict())
    print(it, f"{loss.item():.6f}", r.mean().item(), opt.state[gnet.fc.weight]["step"])
print(gnet.v.bias, torch.equal(lnet.fc.weight, gnet.fc.weight))
