# Recurrent / attention models through state_dict, deepcopy, whole-model torch.save, and dtype/eval switches.
import copy
import io

import torch
import torch.nn as nn

torch.manual_seed(37)


class Seq(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(10, 6)
        self.rnn = nn.GRU(6, 5, num_layers=2, batch_first=True, dropout=0.2)
        self.lstm = nn.LSTM(5, 4, bidirectional=True, batch_first=True)
        self.enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16, dropout=0.1, batch_first=True), 1,
                                         enable_nested_tensor=False)
        self.out = nn.Linear(8, 3)

    def forward(self, x):
        h, _ = self.rnn(self.emb(x))
        h, (hn, cn) = self.lstm(h)
        return self.out(self.enc(h)[:, -1])


m = Seq()
print(m)
print([(k, tuple(v.shape)) for k, v in m.state_dict().items()][:12])
print(len(m.state_dict()), sum(p.numel() for p in m.parameters()))
x = torch.randint(0, 10, (4, 6))
y = torch.randint(0, 3, (4,))
opt = torch.optim.Adam(m.parameters(), lr=0.01)
for i in range(4):
    loss = nn.functional.cross_entropy(m(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(i, round(loss.item(), 5))
m.eval()
ref = m(x)
clone = copy.deepcopy(m)
print(torch.equal(clone(x), ref), clone.rnn.weight_hh_l1.data_ptr() != m.rnn.weight_hh_l1.data_ptr())
buf = io.BytesIO()
torch.save(m.state_dict(), buf)
buf.seek(0)
m2 = Seq()
print(m2.load_state_dict(torch.load(buf)))
m2.eval()
print(torch.allclose(m2(x), ref), ref)
buf = io.BytesIO()
torch.save(m, buf)
buf.seek(0)
m3 = torch.load(buf, weights_only=False)
print(type(m3).__name__, torch.allclose(m3(x), ref), m3.training)
md = copy.deepcopy(m).double()
print(md.lstm.weight_ih_l0_reverse.dtype, md(x).dtype, torch.allclose(md(x).float(), ref, atol=1e-5))
print([len(w) for w in m.lstm.all_weights], m.rnn._flat_weights_names[:4])
m.rnn.flatten_parameters()
m.train()
torch.manual_seed(0)
a = m(x)
torch.manual_seed(0)
b = m(x)
print(torch.equal(a, b), torch.equal(a, ref))
for name, p in m.lstm.named_parameters():
    print(name, tuple(p.shape), round(p.norm().item(), 4))
