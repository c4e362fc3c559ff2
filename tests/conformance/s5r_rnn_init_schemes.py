# Custom RNN weight initialisation people copy from blogs: orthogonal_ for weight_hh, xavier_uniform_ for
# weight_ih, zero biases with the LSTM forget-gate bias set to 1, kaiming for heads, init via named_parameters
# and model.apply; checks W W^T = I, chunked gate views, and the effect on a forward pass.
import torch
import torch.nn as nn

torch.manual_seed(0)
lstm = nn.LSTM(5, 4, num_layers=2)
for name, param in lstm.named_parameters():
    if "weight_ih" in name:
        nn.init.xavier_uniform_(param.data)
    elif "weight_hh" in name:
        nn.init.orthogonal_(param.data)
    elif "bias" in name:
        param.data.fill_(0)
        n = param.size(0)
        param.data[n // 4:n // 2].fill_(1.0)
print(lstm.bias_ih_l0, lstm.bias_hh_l1)
w = lstm.weight_hh_l0
print(w.shape, (w.T @ w - torch.eye(4)).abs().max().item() < 1e-5)
print(w)
print(lstm.weight_ih_l1[:2])
gates = lstm.weight_ih_l0.chunk(4, 0)
print([tuple(g.shape) for g in gates], [round(g.norm().item(), 4) for g in gates])
x = torch.randn(3, 2, 5)
out, (h, c) = lstm(x)
print(out[-1], c[-1])


def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
        nn.init.constant_(m.bias, 0.01)
    elif isinstance(m, nn.GRU):
        for name, p in m.named_parameters():
            if name.startswith("weight_hh"):
                for chunk in p.data.chunk(3, 0):
                    nn.init.orthogonal_(chunk)
            elif name.startswith("weight_ih"):
                nn.init.kaiming_uniform_(p, a=0.1)
            else:
                nn.init.zeros_(p)
    elif isinstance(m, nn.Embedding):
        nn.init.normal_(m.weight, mean=0.0, std=0.02)


model = nn.ModuleDict({"emb": nn.Embedding(7, 3), "gru": nn.GRU(3, 6, batch_first=True), "head": nn.Linear(6, 2)})
model.apply(init_weights)
print(model)
print(model["emb"].weight.std().item(), model["gru"].weight_hh_l0[:6] @ model["gru"].weight_hh_l0[:6].T)
print(model["gru"].weight_ih_l0.abs().max().item(), model["head"].bias)
ids = torch.tensor([[1, 2, 3], [4, 5, 6]])
o, h = model["gru"](model["emb"](ids))
print(model["head"](h[-1]))
q = torch.empty(3, 6)
nn.init.orthogonal_(q, gain=2.0)
print(q @ q.T)
