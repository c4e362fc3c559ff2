# nn.TransformerEncoder text classifier + nn.Transformer seq2seq copy task, as in the PyTorch tutorials.
# conformance: rtol=1e-3 atol=1e-4
import math

import torch
import torch.nn as nn

torch.manual_seed(29)
V, D, L = 12, 16, 6


class PositionalEncoding(nn.Module):
    def __init__(self, d_model, dropout=0.1, max_len=32):
        super().__init__()
        self.dropout = nn.Dropout(p=dropout)
        position = torch.arange(max_len).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))
        pe = torch.zeros(max_len, 1, d_model)
        pe[:, 0, 0::2] = torch.sin(position * div_term)
        pe[:, 0, 1::2] = torch.cos(position * div_term)
        self.register_buffer("pe", pe)

    def forward(self, x):
        x = x + self.pe[: x.size(0)]
        return self.dropout(x)


class TransformerModel(nn.Module):
    def __init__(self, ntoken, d_model, nhead, d_hid, nlayers, dropout=0.1):
        super().__init__()
        self.model_type = "Transformer"
        self.pos_encoder = PositionalEncoding(d_model, dropout)
        encoder_layers = nn.TransformerEncoderLayer(d_model, nhead, d_hid, dropout)
        self.transformer_encoder = nn.TransformerEncoder(encoder_layers, nlayers, enable_nested_tensor=False)
        self.embedding = nn.Embedding(ntoken, d_model)
        self.d_model = d_model
        self.linear = nn.Linear(d_model, ntoken)
        self.init_weights()

    def init_weights(self):
        initrange = 0.1
        self.embedding.weight.data.uniform_(-initrange, initrange)
        self.linear.bias.data.zero_()
        self.linear.weight.data.uniform_(-initrange, initrange)

    def forward(self, src, src_mask=None):
        src = self.embedding(src) * math.sqrt(self.d_model)
        src = self.pos_encoder(src)
        output = self.transformer_encoder(src, src_mask)
        return self.linear(output)


model = TransformerModel(V, D, 2, 32, 2)
print(model)
print(sum(p.numel() for p in model.parameters()))
data = torch.randint(0, V, (L + 1, 4))
src_mask = nn.Transformer.generate_square_subsequent_mask(L)
print(src_mask)
opt = torch.optim.SGD(model.parameters(), lr=0.5)
sched = torch.optim.lr_scheduler.StepLR(opt, 1.0, gamma=0.95)
for epoch in range(6):
    model.train()
    out = model(data[:-1], src_mask)
    loss = nn.functional.cross_entropy(out.view(-1, V), data[1:].reshape(-1))
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 0.5)
    opt.step()
    sched.step()
    print(epoch, f"{loss.item():.4f} ppl {math.exp(loss.item()):.3f} lr {sched.get_last_lr()[0]:.4f}")
model.eval()
with torch.no_grad():
    out = model(data[:-1], src_mask)
    print(out[-1, 0], out.argmax(-1)[:, 0])


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(V, D, padding_idx=0)
        layer = nn.TransformerEncoderLayer(D, 4, 32, dropout=0.1, batch_first=True, activation="gelu")
        self.enc = nn.TransformerEncoder(layer, 1)
        self.cls = nn.Linear(D, 3)

    def forward(self, x):
        pad = x == 0
        h = self.enc(self.emb(x), src_key_padding_mask=pad)
        h = h.masked_fill(pad.unsqueeze(-1), 0.0).sum(1) / (~pad).sum(1, keepdim=True)
        return self.cls(h)


clf = Classifier()
x = torch.randint(1, V, (8, 7))
x[2, 4:] = 0
x[5, 2:] = 0
y = torch.randint(0, 3, (8,))
opt = torch.optim.AdamW(clf.parameters(), lr=3e-3)
for step in range(6):
    clf.train()
    logits = clf(x)
    loss = nn.functional.cross_entropy(logits, y, label_smoothing=0.1)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.4f}", (logits.argmax(1) == y).float().mean().item())
clf.eval()
with torch.no_grad():
    print(clf(x).softmax(-1)[:3])
    print(clf.enc(clf.emb(x), src_key_padding_mask=(x == 0))[5, 1:4, :3])

seq2seq = nn.Transformer(d_model=D, nhead=2, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=24,
                         dropout=0.0, batch_first=True)
emb = nn.Embedding(V, D)
head = nn.Linear(D, V)
params = list(seq2seq.parameters()) + list(emb.parameters()) + list(head.parameters())
opt = torch.optim.Adam(params, lr=5e-3)
src = torch.randint(1, V, (4, 5))
tgt_in = torch.cat([torch.zeros(4, 1, dtype=torch.long), src[:, :-1]], 1)
tmask = seq2seq.generate_square_subsequent_mask(5)
for step in range(8):
    out = head(seq2seq(emb(src), emb(tgt_in), tgt_mask=tmask, tgt_is_causal=True))
    loss = nn.functional.cross_entropy(out.reshape(-1, V), src.reshape(-1))
    opt.zero_grad()
    loss.backward()
    opt.step()
    print("s2s", step, f"{loss.item():.4f}")
print([n for n, _ in seq2seq.named_parameters()][:4], len(list(seq2seq.parameters())))
