# AWD-LSTM regularisers (salesforce/awd-lstm-lm style): LockedDropout with a bernoulli_ mask shared over time,
# embedded_dropout dropping whole words from the embedding matrix, WeightDrop (DropConnect on weight_hh) by
# re-assigning the RNN weight each forward, plus activation regularisation terms; printed losses per step.
import torch
import torch.nn as nn
import torch.nn.functional as F


class LockedDropout(nn.Module):
    def forward(self, x, dropout=0.5):
        if not self.training or not dropout:
            return x
        m = x.data.new(1, x.size(1), x.size(2)).bernoulli_(1 - dropout)
        mask = m.requires_grad_(False) / (1 - dropout)
        mask = mask.expand_as(x)
        return mask * x


def embedded_dropout(embed, words, dropout=0.1, scale=None):
    if dropout:
        mask = embed.weight.data.new().resize_((embed.weight.size(0), 1)).bernoulli_(1 - dropout).expand_as(
            embed.weight) / (1 - dropout)
        masked_embed_weight = mask * embed.weight
    else:
        masked_embed_weight = embed.weight
    if scale:
        masked_embed_weight = scale.expand_as(masked_embed_weight) * masked_embed_weight
    padding_idx = embed.padding_idx
    if padding_idx is None:
        padding_idx = -1
    return F.embedding(words, masked_embed_weight, padding_idx, embed.max_norm, embed.norm_type,
                       embed.scale_grad_by_freq, embed.sparse)


class WeightDrop(nn.Module):
    def __init__(self, module, weights, dropout=0.0):
        super().__init__()
        self.module = module
        self.weights = weights
        self.dropout = dropout
        for name_w in self.weights:
            w = getattr(self.module, name_w)
            del self.module._parameters[name_w]
            self.module.register_parameter(name_w + "_raw", nn.Parameter(w.data))

    def _setweights(self):
        for name_w in self.weights:
            raw_w = getattr(self.module, name_w + "_raw")
            w = F.dropout(raw_w, p=self.dropout, training=self.training)
            setattr(self.module, name_w, w)

    def forward(self, *args):
        self._setweights()
        return self.module.forward(*args)


torch.manual_seed(0)
x = torch.ones(3, 2, 4)
ld = LockedDropout()
y = ld(x, 0.5)
print(y[:, 0], torch.equal(y[0], y[1]))
ld.eval()
print(torch.equal(ld(x, 0.5), x))
emb = nn.Embedding(6, 3)
words = torch.tensor([[0, 1, 2], [3, 4, 5]])
print(embedded_dropout(emb, words, dropout=0.5))
print(embedded_dropout(emb, words, dropout=0.0).sum().item(), emb(words).sum().item())

V, E, H = 10, 6, 8
encoder = nn.Embedding(V, E)
rnn = WeightDrop(nn.LSTM(E, H), ["weight_hh_l0"], dropout=0.3)
decoder = nn.Linear(H, V)
lockdrop = LockedDropout()
print([n for n, _ in rnn.named_parameters()])
params = list(encoder.parameters()) + list(rnn.parameters()) + list(decoder.parameters())
opt = torch.optim.SGD(params, lr=1.0, weight_decay=1.2e-6)
data = torch.randint(0, V, (7, 3))
hidden = None
for step in range(5):
    emb_out = embedded_dropout(encoder, data[:-1], dropout=0.1)
    emb_out = lockdrop(emb_out, 0.2)
    raw_output, hidden = rnn(emb_out, hidden)
    hidden = tuple(h.detach() for h in hidden)
    output = lockdrop(raw_output, 0.3)
    logits = decoder(output)
    raw_loss = F.cross_entropy(logits.view(-1, V), data[1:].reshape(-1))
    loss = raw_loss + 2.0 * output.pow(2).mean() + 1.0 * (raw_output[1:] - raw_output[:-1]).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(params, 0.25)
    opt.step()
    print(step, f"{raw_loss.item():.5f}", f"{loss.item():.5f}")
print(rnn.module.weight_hh_l0_raw.grad.abs().sum().item() > 0, type(rnn.module.weight_hh_l0).__name__)
