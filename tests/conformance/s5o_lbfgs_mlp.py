# LBFGS on a small MLP (curve fitting), max_eval / history_size, closure returning float-tensor loss,
# switching from Adam warm start to LBFGS; state_dict of LBFGS.
import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.linspace(-2, 2, 40).unsqueeze(1).double()
y = torch.sin(2 * x) + 0.1 * x ** 2
torch.manual_seed(2)
net = nn.Sequential(nn.Linear(1, 12), nn.Tanh(), nn.Linear(12, 1)).double()
loss_fn = nn.MSELoss()

adam = torch.optim.Adam(net.parameters(), lr=0.02)
for i in range(30):
    adam.zero_grad()
    loss = loss_fn(net(x), y)
    loss.backward()
    adam.step()
print("after adam", f"{loss.item():.6f}")

opt = torch.optim.LBFGS(net.parameters(), lr=1, max_iter=10, max_eval=14, history_size=4,
                        line_search_fn="strong_wolfe")


def closure():
    opt.zero_grad()
    loss = loss_fn(net(x), y)
    loss.backward()
    return loss


for outer in range(4):
    l0 = opt.step(closure)
    print(outer, f"{l0.item():.6f}", f"{closure().item():.6f}")
st = opt.state_dict()
print(sorted(st), sorted(st["state"]), sorted(st["param_groups"][0]))
inner = st["state"][0]
print(list(inner), inner["n_iter"], len(inner["old_dirs"]), inner["d"].shape)
print("prediction at 0.5", f"{net(torch.tensor([[0.5]], dtype=torch.float64)).item():.5f}")
