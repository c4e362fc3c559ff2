# Graph neural network message passing from scratch on an edge list: sum aggregation with index_add_ and
# scatter_add_, mean/max aggregation with scatter_reduce (include_self False/True), degree normalisation
# D^-1/2 (A+I) D^-1/2 applied with sparse-like gathers, and gradients through the aggregations.
import torch

torch.manual_seed(7)
num_nodes = 6
edge_index = torch.tensor([[0, 1, 1, 2, 3, 4, 4, 5, 0, 2], [1, 0, 2, 1, 4, 3, 5, 4, 2, 0]])
x = torch.randn(num_nodes, 3, requires_grad=True)
src, dst = edge_index
msg = x[src]
agg_sum = torch.zeros(num_nodes, 3).index_add_(0, dst, msg)
print(agg_sum)
agg_sum2 = torch.zeros(num_nodes, 3).scatter_add_(0, dst.unsqueeze(1).expand(-1, 3), msg)
print(torch.equal(agg_sum, agg_sum2), torch.allclose(agg_sum, agg_sum2))
idx = dst.unsqueeze(1).expand_as(msg)
for reduce in ["sum", "mean", "amax", "amin", "prod"]:
    for include_self in [True, False]:
        x.grad = None
        base = torch.full((num_nodes, 3), 0.5)
        out = base.scatter_reduce(0, idx, x[src], reduce=reduce, include_self=include_self)
        (out * torch.arange(18.0).view(6, 3)).sum().backward()
        print(reduce, include_self, out[0], x.grad[1])
deg = torch.zeros(num_nodes).index_add_(0, dst, torch.ones(dst.numel()))
print("deg", deg, torch.bincount(dst, minlength=num_nodes))
loops = torch.arange(num_nodes)
s2 = torch.cat([src, loops])
d2 = torch.cat([dst, loops])
deg2 = torch.bincount(d2).float()
dinv = deg2.pow(-0.5)
dinv[torch.isinf(dinv)] = 0
norm = dinv[s2] * dinv[d2]
W = torch.randn(3, 4, requires_grad=True)
h = x @ W
out = torch.zeros(num_nodes, 4).index_add_(0, d2, h[s2] * norm.unsqueeze(-1))
out.relu().sum().backward()
print("gcn", out, W.grad)
x.grad = None
mean_agg = torch.zeros(num_nodes, 3).index_add_(0, dst, x[src]) / deg.clamp(min=1).unsqueeze(1)
upd = torch.cat([x, mean_agg], dim=1)
upd.pow(2).sum().backward()
print("sage", upd[2], x.grad)
att = torch.randn(dst.numel())
att_max = torch.full((num_nodes,), float("-inf")).scatter_reduce(0, dst, att, reduce="amax")
e = (att - att_max[dst]).exp()
den = torch.zeros(num_nodes).scatter_add(0, dst, e)
alpha = e / den[dst]
print("softmax per dst", alpha, torch.zeros(num_nodes).index_add(0, dst, alpha))
for reduce in ["mean", "amax", "prod"]:
    for include_self in [True, False]:
        x.grad = None
        r = torch.ones(num_nodes, 3).index_reduce(0, dst, x[src], reduce, include_self=include_self)
        (r * torch.arange(18.0).view(6, 3)).sum().backward()
        print("index_reduce", reduce, include_self, r[1], x.grad[0])
print(torch.bincount(dst, weights=torch.linspace(0, 1, dst.numel()), minlength=num_nodes))
undirected = torch.cat([edge_index, edge_index.flip(0)], 1).unique(dim=1)
print(undirected.shape, undirected[:, :6])
