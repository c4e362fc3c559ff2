# "The Annotated Transformer" building blocks verbatim in spirit: clones via copy.deepcopy, custom LayerNorm with
# unbiased std, SublayerConnection, attention() with masked_fill(mask == 0, -1e9), MultiHeadedAttention with
# view/transpose/contiguous, subsequent_mask, LabelSmoothing with KLDivLoss(reduction="sum"), the Noam rate()
# through LambdaLR, a small copy-task training run and greedy_decode.
import copy
import math

import torch
import torch.nn as nn
from torch.nn.functional import log_softmax
from torch.optim.lr_scheduler import LambdaLR


def clones(module, N):
    return nn.ModuleList([copy.deepcopy(module) for _ in range(N)])


class LayerNorm(nn.Module):
    def __init__(self, features, eps=1e-6):
        super(LayerNorm, self).__init__()
        self.a_2 = nn.Parameter(torch.ones(features))
        self.b_2 = nn.Parameter(torch.zeros(features))
        self.eps = eps

    def forward(self, x):
        mean = x.mean(-1, keepdim=True)
        std = x.std(-1, keepdim=True)
        return self.a_2 * (x - mean) / (std + self.eps) + self.b_2


class SublayerConnection(nn.Module):
    def __init__(self, size, dropout):
        super(SublayerConnection, self).__init__()
        self.norm = LayerNorm(size)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, sublayer):
        return x + self.dropout(sublayer(self.norm(x)))


def subsequent_mask(size):
    attn_shape = (1, size, size)
    subsequent_mask = torch.triu(torch.ones(attn_shape), diagonal=1).type(torch.uint8)
    return subsequent_mask == 0


def attention(query, key, value, mask=None, dropout=None):
    d_k = query.size(-1)
    scores = torch.matmul(query, key.transpose(-2, -1)) / math.sqrt(d_k)
    if mask is not None:
        scores = scores.masked_fill(mask == 0, -1e9)
    p_attn = scores.softmax(dim=-1)
    if dropout is not None:
        p_attn = dropout(p_attn)
    return torch.matmul(p_attn, value), p_attn


class MultiHeadedAttention(nn.Module):
    def __init__(self, h, d_model, dropout=0.1):
        super(MultiHeadedAttention, self).__init__()
        assert d_model % h == 0
        self.d_k = d_model // h
        self.h = h
        self.linears = clones(nn.Linear(d_model, d_model), 4)
        self.attn = None
        self.dropout = nn.Dropout(p=dropout)

    def forward(self, query, key, value, mask=None):
        if mask is not None:
            mask = mask.unsqueeze(1)
        nbatches = query.size(0)
        query, key, value = [lin(x).view(nbatches, -1, self.h, self.d_k).transpose(1, 2)
                             for lin, x in zip(self.linears, (query, key, value))]
        x, self.attn = attention(query, key, value, mask=mask, dropout=self.dropout)
        x = x.transpose(1, 2).contiguous().view(nbatches, -1, self.h * self.d_k)
        del query
        del key
        del value
        return self.linears[-1](x)


class PositionwiseFeedForward(nn.Module):
    def __init__(self, d_model, d_ff, dropout=0.1):
        super(PositionwiseFeedForward, self).__init__()
        self.w_1 = nn.Linear(d_model, d_ff)
        self.w_2 = nn.Linear(d_ff, d_model)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        return self.w_2(self.dropout(self.w_1(x).relu()))


class DecoderOnly(nn.Module):
    def __init__(self, vocab, d_model=16, h=2, d_ff=32, N=2, dropout=0.1):
        super().__init__()
        attn = MultiHeadedAttention(h, d_model, dropout)
        ff = PositionwiseFeedForward(d_model, d_ff, dropout)
        self.attns = clones(attn, N)
        self.ffs = clones(ff, N)
        self.subs = clones(SublayerConnection(d_model, dropout), 2 * N)
        self.norm = LayerNorm(d_model)
        self.emb = nn.Embedding(vocab, d_model)
        self.d_model = d_model
        self.proj = nn.Linear(d_model, vocab)

    def forward(self, x, mask):
        x = self.emb(x) * math.sqrt(self.d_model)
        for i in range(len(self.attns)):
            x = self.subs[2 * i](x, lambda y: self.attns[i](y, y, y, mask))
            x = self.subs[2 * i + 1](x, self.ffs[i])
        return log_softmax(self.proj(self.norm(x)), dim=-1)


class LabelSmoothing(nn.Module):
    def __init__(self, size, padding_idx, smoothing=0.0):
        super(LabelSmoothing, self).__init__()
        self.criterion = nn.KLDivLoss(reduction="sum")
        self.padding_idx = padding_idx
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.size = size
        self.true_dist = None

    def forward(self, x, target):
        assert x.size(1) == self.size
        true_dist = x.data.clone()
        true_dist.fill_(self.smoothing / (self.size - 2))
        true_dist.scatter_(1, target.data.unsqueeze(1), self.confidence)
        true_dist[:, self.padding_idx] = 0
        mask = torch.nonzero(target.data == self.padding_idx)
        if mask.dim() > 0:
            true_dist.index_fill_(0, mask.squeeze(), 0.0)
        self.true_dist = true_dist
        return self.criterion(x, true_dist.clone().detach())


def rate(step, model_size, factor, warmup):
    if step == 0:
        step = 1
    return factor * (model_size ** (-0.5) * min(step ** (-0.5), step * warmup ** (-1.5)))


print(subsequent_mask(4))
crit = LabelSmoothing(5, 0, 0.4)
predict = torch.FloatTensor([[0, 0.2, 0.7, 0.1, 0], [0, 0.2, 0.7, 0.1, 0], [0, 0.2, 0.7, 0.1, 0]])
print(crit(x=predict.log(), target=torch.LongTensor([2, 1, 0])))
print(crit.true_dist)
print([round(rate(s, 512, 1.0, 4000), 8) for s in (0, 1, 100, 4000, 8000)])

torch.manual_seed(0)
V = 8
model = DecoderOnly(V)
for p in model.parameters():
    if p.dim() > 1:
        nn.init.xavier_uniform_(p)
optimizer = torch.optim.Adam(model.parameters(), lr=1.0, betas=(0.9, 0.98), eps=1e-9)
lr_scheduler = LambdaLR(optimizer=optimizer, lr_lambda=lambda step: rate(step, 16, factor=1.0, warmup=20))
criterion = LabelSmoothing(size=V, padding_idx=0, smoothing=0.1)
for it in range(8):
    data = torch.randint(1, V, size=(6, 7))
    data[:, 0] = 1
    src, tgt = data[:, :-1], data[:, 1:]
    mask = (src != 0).unsqueeze(-2) & subsequent_mask(src.size(-1)).type_as(src.data)
    out = model(src, mask)
    ntokens = (tgt != 0).data.sum()
    loss = criterion(out.contiguous().view(-1, V), tgt.contiguous().view(-1)) / ntokens
    loss.backward()
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)
    lr_scheduler.step()
    print(f"Epoch Step: {it:6d} | Loss: {loss:6.2f} | Learning Rate: {optimizer.param_groups[0]['lr']:6.1e}")
model.eval()
ys = torch.zeros(1, 1).fill_(1).long()
for i in range(5):
    prob = model(ys, subsequent_mask(ys.size(1)))[:, -1]
    _, next_word = torch.max(prob, dim=1)
    ys = torch.cat([ys, torch.zeros(1, 1).type_as(ys).fill_(next_word.item())], dim=1)
print(ys, model.attns[0].attn.shape, model.attns[0].attn[0, 0, -1])
