# Weight initialisation with model.apply, every nn.init function under a fixed seed, calculate_gain,
# weight tying between embedding and output layer, and freezing layers for fine-tuning.
import math
import torch
import torch.nn as nn

torch.manual_seed(0)


def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight)
        if m.bias is not None:
            nn.init.zeros_(m.bias)
    elif isinstance(m, nn.Conv2d):
        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
        nn.init.constant_(m.bias, 0.1)
    elif isinstance(m, nn.BatchNorm2d):
        nn.init.ones_(m.weight)
        nn.init.zeros_(m.bias)


net = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 4 * 4, 5))
net.apply(init_weights)
for n, p in net.named_parameters():
    print(n, tuple(p.shape), round(p.mean().item(), 5), round(p.std().item(), 5) if p.numel() > 1 else None)
w = torch.empty(6, 5)
for name, fn in [("uniform", lambda: nn.init.uniform_(w, -0.5, 0.5)), ("normal", lambda: nn.init.normal_(w, 1.0, 0.1)),
                 ("xavier_normal", lambda: nn.init.xavier_normal_(w, gain=2.0)),
                 ("kaiming_uniform", lambda: nn.init.kaiming_uniform_(w, a=math.sqrt(5))),
                 ("kaiming_normal_in", lambda: nn.init.kaiming_normal_(w, mode="fan_in", nonlinearity="leaky_relu")),
                 ("trunc_normal", lambda: nn.init.trunc_normal_(w, std=0.02, a=-0.03, b=0.03)),
                 ("orthogonal", lambda: nn.init.orthogonal_(w)), ("sparse", lambda: nn.init.sparse_(w, 0.5)),
                 ("eye", lambda: nn.init.eye_(w)), ("constant", lambda: nn.init.constant_(w, 0.3))]:
    fn()
    print(name, w[0], round(w.sum().item(), 5))
o = nn.init.orthogonal_(torch.empty(4, 4))
print(torch.allclose(o @ o.T, torch.eye(4), atol=1e-5))
d = nn.init.dirac_(torch.empty(2, 2, 3, 3))
print(d[:, :, 1, 1], d.sum())
for nl in ["linear", "conv2d", "sigmoid", "tanh", "relu", "selu"]:
    print(nl, nn.init.calculate_gain(nl))
print(nn.init.calculate_gain("leaky_relu", 0.2), nn.init._calculate_fan_in_and_fan_out(torch.empty(8, 3, 5, 5)))
lin = nn.Linear(10, 4)
bound = 1 / math.sqrt(10)
print(lin.weight.abs().max().item() <= bound, lin.bias.abs().max().item() <= bound)
with torch.no_grad():
    lin.weight.fill_(0.01)
    lin.bias.copy_(torch.arange(4.0))
print(lin.weight[0, :3], lin.bias)
lin.reset_parameters()
print(lin.weight[0, :3], lin.bias)


class TiedLM(nn.Module):
    def __init__(self, vocab=20, dim=8):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.rnn = nn.GRU(dim, dim, batch_first=True)
        self.decoder = nn.Linear(dim, vocab)
        self.decoder.weight = self.embed.weight

    def forward(self, x):
        h, _ = self.rnn(self.embed(x))
        return self.decoder(h)


lm = TiedLM()
print(lm.decoder.weight is lm.embed.weight, len(list(lm.parameters())), sum(p.numel() for p in lm.parameters()))
print(list(lm.state_dict().keys()))
print([n for n, _ in lm.named_parameters()], len(list(lm.named_parameters(remove_duplicate=False))))
tokens = torch.randint(0, 20, (3, 6))
opt = torch.optim.SGD(lm.parameters(), lr=0.5)
for step in range(5):
    logits = lm(tokens[:, :-1])
    loss = nn.functional.cross_entropy(logits.reshape(-1, 20), tokens[:, 1:].reshape(-1))
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 5), round(lm.embed.weight.grad.norm().item(), 5))
print(torch.equal(lm.decoder.weight, lm.embed.weight))

backbone = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 8), nn.ReLU())
head = nn.Linear(8, 2)
model = nn.Sequential(backbone, head)
for p in backbone.parameters():
    p.requires_grad = False
print([p.requires_grad for p in model.parameters()])
trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
total = sum(p.numel() for p in model.parameters())
print(f"trainable params: {trainable} / {total} ({100 * trainable / total:.2f}%)")
opt = torch.optim.Adam(filter(lambda p: p.requires_grad, model.parameters()), lr=0.01)
before = backbone[0].weight.clone()
X, y = torch.randn(10, 4), torch.randint(0, 2, (10,))
for _ in range(3):
    loss = nn.functional.cross_entropy(model(X), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
print(torch.equal(before, backbone[0].weight), backbone[0].weight.grad, head.weight.grad is not None, round(loss.item(), 5))
backbone[2].requires_grad_(True)
print([n for n, p in model.named_parameters() if p.requires_grad])
model.requires_grad_(False)
print(any(p.requires_grad for p in model.parameters()), model(X).requires_grad)
