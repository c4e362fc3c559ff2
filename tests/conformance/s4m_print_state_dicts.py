# print(model.state_dict()) and list(model.named_parameters()) as people do to inspect a model.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 3), nn.BatchNorm1d(3), nn.ReLU(), nn.Linear(3, 1))
print(model.state_dict())
print(list(model.named_parameters()))
print(list(model.named_buffers()))
print(dict(model.named_children()).keys())
for k, v in model.state_dict().items():
    print(k, v.shape, v.dtype, v.requires_grad)
print(model.state_dict()["1.num_batches_tracked"])
print(model.state_dict(keep_vars=True)["0.weight"])
print(list(model.parameters())[0])
print(next(model.parameters()).grad)
print(model[0].weight.data)
print(model[0].bias.detach())
print([(n, p.shape) for n, p in model.named_parameters()])
print({n: p.numel() for n, p in model.named_parameters()})
print(sum(p.numel() for p in model.parameters() if p.requires_grad))


class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.randn(2))
        self.register_buffer("count", torch.tensor(0))
        self.register_buffer("tmp", torch.ones(1), persistent=False)
        self.emb = nn.Embedding(3, 2)


t = Tiny()
print(t.state_dict())
print(t)
print(list(t.named_parameters()))
print(list(t.buffers()))
x = torch.nn.utils.parameters_to_vector(t.parameters())
print(x)
print(model.state_dict().keys())
print(list(model.state_dict().values())[1])
