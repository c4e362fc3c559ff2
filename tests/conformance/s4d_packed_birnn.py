# Variable-length batches as tutorials do them: pad_sequence, pack_padded_sequence (sorted and
# enforce_sorted=False), a bidirectional 2-layer LSTM/GRU over the packed batch, pad_packed_sequence,
# last hidden states of both directions concatenated into a classifier; gradients of the embedding.
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pack_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
seqs = [torch.randint(1, 15, (n,)) for n in (5, 2, 4, 3)]
lengths = torch.tensor([len(s) for s in seqs])
padded = pad_sequence(seqs, batch_first=True, padding_value=0)
print(padded, lengths)
print(pad_sequence(seqs).shape, pad_sequence([torch.ones(2, 3), torch.ones(1, 3)], batch_first=True).shape)
emb = nn.Embedding(15, 6, padding_idx=0)
packed = pack_padded_sequence(emb(padded), lengths, batch_first=True, enforce_sorted=False)
print(packed.batch_sizes, packed.sorted_indices, packed.unsorted_indices, packed.data.shape)


class Classifier(nn.Module):
    def __init__(self, rnn_cls):
        super().__init__()
        self.emb = nn.Embedding(15, 6, padding_idx=0)
        self.rnn = rnn_cls(6, 8, num_layers=2, bidirectional=True, batch_first=True)
        self.fc = nn.Linear(16, 3)

    def forward(self, x, lengths):
        packed = pack_padded_sequence(self.emb(x), lengths, batch_first=True, enforce_sorted=False)
        out, h = self.rnn(packed)
        if isinstance(h, tuple):
            h = h[0]
        unpacked, out_lens = pad_packed_sequence(out, batch_first=True)
        feat = torch.cat([h[-2], h[-1]], dim=1)
        return self.fc(feat), unpacked, out_lens


labels = torch.tensor([0, 2, 1, 2])
for rnn_cls in (nn.LSTM, nn.GRU):
    torch.manual_seed(1)
    model = Classifier(rnn_cls)
    opt = torch.optim.Adam(model.parameters(), lr=0.02)
    for step in range(5):
        logits, unpacked, out_lens = model(padded, lengths)
        loss = nn.functional.cross_entropy(logits, labels)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(rnn_cls.__name__, step, f"{loss.item():.5f}")
    print(unpacked.shape, out_lens, unpacked[1, 2:].abs().sum(), unpacked[0, -1, :4])
    print(model.emb.weight.grad[0], model.emb.weight.grad.abs().sum(1)[:6])

ps = pack_sequence([torch.tensor([1.0, 2.0, 3.0]), torch.tensor([4.0, 5.0]), torch.tensor([6.0])])
print(ps.data, ps.batch_sizes)
rnn = nn.RNN(1, 2, batch_first=False)
out, h = rnn(pack_sequence([torch.randn(3, 1), torch.randn(2, 1)]))
pad, lens = pad_packed_sequence(out, total_length=4)
print(pad.shape, lens, h.shape)
lstm = nn.LSTM(3, 4, batch_first=True, bidirectional=True)
x = torch.randn(2, 5, 3)
o, (hn, cn) = lstm(x)
print(o.shape, hn.shape, torch.allclose(o[:, -1, :4], hn[0]), torch.allclose(o[:, 0, 4:], hn[1]))
