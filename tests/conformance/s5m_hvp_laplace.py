# Second-order autograd in practice: Hessian-vector products (double backward, autograd.functional
# hvp/vhp, torch.func jvp-of-grad), a Laplace approximation of a posterior, and the Fisher information.
import torch
from torch.autograd.functional import hessian, hvp, jvp, vhp, vjp

torch.manual_seed(9)
torch.set_default_dtype(torch.float64)
X = torch.randn(60, 3)
y = torch.bernoulli(torch.sigmoid(X @ torch.tensor([1.0, -2.0, 0.5])))


def neg_log_post(w):
    return torch.nn.functional.binary_cross_entropy_with_logits(X @ w, y, reduction="sum") + 0.5 * (w ** 2).sum()


w = torch.zeros(3, requires_grad=True)
opt = torch.optim.LBFGS([w], max_iter=100, line_search_fn="strong_wolfe")


def closure():
    opt.zero_grad()
    loss = neg_log_post(w)
    loss.backward()
    return loss


opt.step(closure)
w_map = w.detach()
print("MAP", w_map, neg_log_post(w_map).item())
v = torch.tensor([1.0, 0.0, -1.0])
wv = w_map.clone().requires_grad_()
(g,) = torch.autograd.grad(neg_log_post(wv), wv, create_graph=True)
(Hv,) = torch.autograd.grad(g @ v, wv)
H = hessian(neg_log_post, w_map)
print(Hv, H @ v, hvp(neg_log_post, w_map, v)[1], vhp(neg_log_post, w_map, v)[1])
print(torch.func.jvp(torch.func.grad(neg_log_post), (w_map,), (v,))[1])
cov = torch.linalg.inv(H)
print("laplace cov", cov)
laplace = torch.distributions.MultivariateNormal(w_map, covariance_matrix=cov)
samples = laplace.sample((4000,))
print(samples.mean(0), samples.std(0), cov.diagonal().sqrt())
pred = torch.sigmoid(samples @ torch.tensor([0.5, 0.5, 0.5])).mean()
kappa = 1 / torch.sqrt(1 + torch.pi / 8 * (torch.tensor([0.5, 0.5, 0.5]) @ cov @ torch.tensor([0.5, 0.5, 0.5])))
print("predictive", pred.item(), torch.sigmoid(kappa * (torch.tensor([0.5, 0.5, 0.5]) @ w_map)).item())
log_evidence = -neg_log_post(w_map) + 1.5 * torch.log(torch.tensor(2 * torch.pi)) - 0.5 * torch.logdet(H)
print("log evidence", log_evidence.item())
p = torch.sigmoid(X @ w_map)
fisher = X.T @ (X * (p * (1 - p))[:, None])
print(torch.allclose(fisher + torch.eye(3), H))


def f(x):
    return torch.stack([x[0] * x[1], torch.sin(x[0]) + x[1] ** 2])


x0 = torch.tensor([0.5, 2.0])
print(jvp(f, x0, torch.tensor([1.0, 0.0]))[1], vjp(f, x0, torch.tensor([1.0, 1.0]))[1])
print(torch.autograd.functional.jacobian(f, x0), torch.autograd.functional.hessian(lambda z: f(z).sum(), x0))
