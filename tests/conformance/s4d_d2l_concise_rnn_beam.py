# d2l 8.6/9.3/9.8: concise RNN language model with nn.RNN (state shape, one_hot, detach_ of the state),
# deep and bidirectional nn.GRU shapes, and a beam search over the trained model's next-token log-probs.
import math

import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)
vocab_size, num_hiddens = 10, 24
corpus = torch.tensor([(3 * i + i // 7) % vocab_size for i in range(500)])
rnn_layer = nn.RNN(vocab_size, num_hiddens)
state = torch.zeros((1, 32, num_hiddens))
print(state.shape)
X = torch.rand(size=(35, 32, vocab_size))
Y, state_new = rnn_layer(X, state)
print(Y.shape, state_new.shape)


class RNNModel(nn.Module):
    def __init__(self, rnn_layer, vocab_size, **kwargs):
        super(RNNModel, self).__init__(**kwargs)
        self.rnn = rnn_layer
        self.vocab_size = vocab_size
        self.num_hiddens = self.rnn.hidden_size
        if not self.rnn.bidirectional:
            self.num_directions = 1
            self.linear = nn.Linear(self.num_hiddens, self.vocab_size)
        else:
            self.num_directions = 2
            self.linear = nn.Linear(self.num_hiddens * 2, self.vocab_size)

    def forward(self, inputs, state):
        X = F.one_hot(inputs.T.long(), self.vocab_size)
        X = X.to(torch.float32)
        Y, state = self.rnn(X, state)
        output = self.linear(Y.reshape((-1, Y.shape[-1])))
        return output, state

    def begin_state(self, device, batch_size=1):
        return torch.zeros((self.num_directions * self.rnn.num_layers, batch_size, self.num_hiddens), device=device)


device = torch.device("cpu")
net = RNNModel(rnn_layer, vocab_size=vocab_size)
net = net.to(device)
updater = torch.optim.SGD(net.parameters(), lr=0.5)
for epoch in range(10):
    state = None
    tot, n = 0.0, 0
    for start in range(0, 480 - 20, 20):
        Xb = corpus[start:start + 480 - 20][: 4 * 20].reshape(4, 20)
        Yb = corpus[start + 1:start + 481 - 20][: 4 * 20].reshape(4, 20)
        if state is None:
            state = net.begin_state(batch_size=Xb.shape[0], device=device)
        else:
            state.detach_()
        y_hat, state = net(Xb, state)
        l = nn.functional.cross_entropy(y_hat, Yb.T.reshape(-1).long())
        updater.zero_grad()
        l.backward()
        nn.utils.clip_grad_norm_(net.parameters(), 1)
        updater.step()
        tot += l.item() * Yb.numel()
        n += Yb.numel()
        if start >= 100:
            break
    if epoch % 3 == 0:
        print(epoch, f"perplexity {math.exp(tot / n):.4f}")

deep = nn.GRU(vocab_size, 8, num_layers=3)
bi = nn.LSTM(vocab_size, 8, num_layers=2, bidirectional=True)
Xs = torch.rand(5, 2, vocab_size)
o, h = deep(Xs)
o2, (h2, c2) = bi(Xs)
print(o.shape, h.shape, o2.shape, h2.shape, c2.shape, [n for n, _ in bi.named_parameters()][:5])
print(RNNModel(bi, vocab_size).linear)


def beam_search(net, prefix, k, steps):
    with torch.no_grad():
        state = net.begin_state(device, batch_size=1)
        for t in prefix[:-1]:
            _, state = net(torch.tensor([[t]]), state)
        beams = [(0.0, list(prefix), state)]
        for _ in range(steps):
            candidates = []
            for score, seq, st in beams:
                logits, new_state = net(torch.tensor([[seq[-1]]]), st)
                logp = F.log_softmax(logits, dim=-1)[0]
                top = torch.topk(logp, k)
                for lp, idx in zip(top.values.tolist(), top.indices.tolist()):
                    candidates.append((score + lp, seq + [idx], new_state))
            candidates.sort(key=lambda c: -c[0])
            beams = candidates[:k]
        return [(round(s, 4), seq) for s, seq, _ in beams]


for s, seq in beam_search(net, [3, 6], 3, 4):
    print(s, seq)
