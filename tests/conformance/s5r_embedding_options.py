# nn.Embedding options as the docs show them: padding_idx (zero row, no gradient), max_norm (renormalises
# the looked-up rows in place), from_pretrained (frozen or not), scale_grad_by_freq, F.embedding,
# repr, and the IndexError for an out-of-range id.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
embedding = nn.Embedding(10, 3)
inp = torch.LongTensor([[1, 2, 4, 5], [4, 3, 2, 9]])
print(embedding(inp).shape)
print(embedding)
emb = nn.Embedding(10, 3, padding_idx=0)
print(emb, emb.weight[0])
x = torch.LongTensor([[0, 2, 0, 5]])
out = emb(x)
print(out)
out.sum().backward()
print(emb.weight.grad[:3])
with torch.no_grad():
    emb.weight[0] = torch.ones(3)
print(emb.weight[0], emb(torch.tensor([0])))

torch.manual_seed(1)
m = nn.Embedding(5, 4, max_norm=1.0)
print(m, m.weight.norm(dim=1))
y = m(torch.tensor([1, 3, 3]))
print(y.norm(dim=1), m.weight.norm(dim=1))
ids = torch.tensor([0, 1, 1, 1, 4])
sg = nn.Embedding(5, 2, scale_grad_by_freq=True)
sg(ids).sum().backward()
print(sg, sg.weight.grad)

weight = torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]])
pre = nn.Embedding.from_pretrained(weight)
print(pre, pre.weight.requires_grad, pre(torch.LongTensor([1])))
pre2 = nn.Embedding.from_pretrained(weight, freeze=False, padding_idx=1)
print(pre2, pre2.weight.requires_grad)
pre2(torch.tensor([0, 1])).sum().backward()
print(pre2.weight.grad)
print(F.embedding(torch.tensor([[0, 1]]), weight))
print(F.embedding(torch.tensor([2, 0]), torch.randn(3, 2), max_norm=0.5).norm(dim=1))
try:
    embedding(torch.tensor([10]))
except IndexError as e:
    print("IndexError:", e)
try:
    embedding(torch.tensor([1.0]))
except RuntimeError as e:
    print("RuntimeError:", str(e)[:60])
try:
    nn.Embedding(4, 2, padding_idx=4)
except AssertionError as e:
    print("AssertionError:", e)
print(nn.Embedding(4, 2, padding_idx=-1).padding_idx)
