# BCELoss at probabilities exactly 0 and 1 (log clamped at -100), BCEWithLogits with huge logits, and their gradients.
import torch
import torch.nn as nn
import torch.nn.functional as F

p = torch.tensor([0.0, 1.0, 0.0, 1.0, 0.5, 1e-30], requires_grad=True)
t = torch.tensor([0.0, 1.0, 1.0, 0.0, 1.0, 1.0])
loss = nn.BCELoss(reduction="none")(p, t)
print(loss)
loss.sum().backward()
print(p.grad)
print(F.binary_cross_entropy(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.0])))
print(F.binary_cross_entropy(torch.tensor([0.3, 0.9]), torch.tensor([0.2, 0.7]), weight=torch.tensor([2.0, 0.5])))
z = torch.tensor([100.0, -100.0, 0.0, 50.0, -50.0], requires_grad=True)
tt = torch.tensor([1.0, 1.0, 0.5, 0.0, 0.0])
l2 = F.binary_cross_entropy_with_logits(z, tt, reduction="none")
print(l2)
l2.sum().backward()
print(z.grad)
print(F.binary_cross_entropy_with_logits(z.detach(), tt, pos_weight=torch.tensor(3.0)))
print(F.binary_cross_entropy(torch.sigmoid(torch.tensor([100.0, -100.0])), torch.tensor([0.0, 1.0])))
print(torch.log(torch.tensor([0.0])), torch.clamp(torch.log(torch.tensor([0.0])), min=-100))
print(F.logsigmoid(torch.tensor([-100.0, 100.0, 0.0])), F.softplus(torch.tensor([-100.0, 100.0, 25.0])))
print(F.softplus(torch.tensor([10.0, 30.0]), beta=2.0, threshold=5.0))
print(F.kl_div(torch.tensor([-1.0, -2.0]), torch.tensor([0.0, 0.5]), reduction="sum"))
print(F.poisson_nll_loss(torch.tensor([0.0, 2.0]), torch.tensor([0.0, 1.0]), log_input=False))
