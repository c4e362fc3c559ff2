# pytorch/examples word_language_model style: batchify a token stream, get_batch with bptt, RNNModel with tied
# weights and init_weights, repackage_hidden (detach between chunks), clip_grad_norm_(0.25) and a manual SGD
# update (p.data.add_(p.grad, alpha=-lr)), evaluate() perplexity; also the error you get without detaching.
import math

import torch
import torch.nn as nn

torch.manual_seed(0)
text = ("the quick brown fox jumps over the lazy dog and the quick cat sleeps under the warm sun while "
        "the lazy dog watches the brown fox run over the hill").split()
vocab = sorted(set(text))
idx = {w: i for i, w in enumerate(vocab)}
ids = torch.tensor([idx[w] for w in text], dtype=torch.long)
ntokens = len(vocab)


def batchify(data, bsz):
    nbatch = data.size(0) // bsz
    data = data.narrow(0, 0, nbatch * bsz)
    return data.view(bsz, -1).t().contiguous()


train_data = batchify(ids, 3)
print(train_data.shape, train_data[:3])
bptt = 5


def get_batch(source, i):
    seq_len = min(bptt, len(source) - 1 - i)
    data = source[i:i + seq_len]
    target = source[i + 1:i + 1 + seq_len].view(-1)
    return data, target


class RNNModel(nn.Module):
    def __init__(self, rnn_type, ntoken, ninp, nhid, nlayers, dropout=0.0, tie_weights=False):
        super(RNNModel, self).__init__()
        self.ntoken = ntoken
        self.drop = nn.Dropout(dropout)
        self.encoder = nn.Embedding(ntoken, ninp)
        self.rnn = getattr(nn, rnn_type)(ninp, nhid, nlayers, dropout=dropout)
        self.decoder = nn.Linear(nhid, ntoken)
        if tie_weights:
            self.decoder.weight = self.encoder.weight
        self.init_weights()
        self.rnn_type, self.nhid, self.nlayers = rnn_type, nhid, nlayers

    def init_weights(self):
        initrange = 0.1
        nn.init.uniform_(self.encoder.weight, -initrange, initrange)
        nn.init.zeros_(self.decoder.bias)
        nn.init.uniform_(self.decoder.weight, -initrange, initrange)

    def forward(self, input, hidden):
        emb = self.drop(self.encoder(input))
        output, hidden = self.rnn(emb, hidden)
        output = self.drop(output)
        decoded = self.decoder(output).view(-1, self.ntoken)
        return nn.functional.log_softmax(decoded, dim=1), hidden

    def init_hidden(self, bsz):
        weight = next(self.parameters())
        if self.rnn_type == "LSTM":
            return (weight.new_zeros(self.nlayers, bsz, self.nhid), weight.new_zeros(self.nlayers, bsz, self.nhid))
        return weight.new_zeros(self.nlayers, bsz, self.nhid)


def repackage_hidden(h):
    if isinstance(h, torch.Tensor):
        return h.detach()
    return tuple(repackage_hidden(v) for v in h)


criterion = nn.NLLLoss()
for rnn_type in ("LSTM", "GRU"):
    torch.manual_seed(1)
    model = RNNModel(rnn_type, ntokens, 16, 16, 2, tie_weights=True)
    print(model.decoder.weight is model.encoder.weight, len(list(model.parameters())),
          len(model.state_dict()))
    lr = 5.0
    for epoch in range(3):
        model.train()
        hidden = model.init_hidden(3)
        total = 0.0
        for batch, i in enumerate(range(0, train_data.size(0) - 1, bptt)):
            data, targets = get_batch(train_data, i)
            model.zero_grad()
            hidden = repackage_hidden(hidden)
            output, hidden = model(data, hidden)
            loss = criterion(output, targets)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 0.25)
            for p in model.parameters():
                p.data.add_(p.grad, alpha=-lr)
            total += loss.item()
        model.eval()
        with torch.no_grad():
            hidden = model.init_hidden(3)
            ev = 0.0
            for i in range(0, train_data.size(0) - 1, bptt):
                data, targets = get_batch(train_data, i)
                output, hidden = model(data, hidden)
                ev += len(data) * criterion(output, targets).item()
        ev /= len(train_data) - 1
        print(rnn_type, epoch, f"train {total / (batch + 1):.4f} valid loss {ev:.4f} ppl {math.exp(ev):8.3f}")

model.train()
hidden = model.init_hidden(3)
try:
    for i in range(0, 2 * bptt, bptt):
        data, targets = get_batch(train_data, i)
        output, hidden = model(data, hidden)
        criterion(output, targets).backward()
    print("no error")
except RuntimeError as e:
    print("RuntimeError:", str(e)[:72])
