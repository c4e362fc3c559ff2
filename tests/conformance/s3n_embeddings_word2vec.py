# Embedding layers the way NLP tutorials use them: padding_idx (zero grads), max_norm renormalisation,
# from_pretrained(freeze=...), EmbeddingBag with offsets / per_sample_weights, and a skip-gram with negatives.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
emb = nn.Embedding(10, 4, padding_idx=0)
print(emb.weight[0], emb.padding_idx)
x = torch.tensor([[0, 2, 3, 0], [4, 4, 0, 1]])
out = emb(x)
print(out.shape, out[0, 0], out[1, 2])
out.sum().backward()
print(emb.weight.grad[0], emb.weight.grad[4], emb.weight.grad[2])
mn = nn.Embedding(6, 3, max_norm=1.0)
with torch.no_grad():
    mn.weight.mul_(3)
print(mn.weight.norm(dim=1))
_ = mn(torch.tensor([1, 2, 2]))
print(mn.weight.norm(dim=1))
pre = torch.tensor([[1.0, 2.3, 3.0], [4.0, 5.1, 6.3]])
fz = nn.Embedding.from_pretrained(pre)
print(fz(torch.tensor([1])), fz.weight.requires_grad)
tr = nn.Embedding.from_pretrained(pre, freeze=False, padding_idx=1)
print(tr.weight.requires_grad, tr.padding_idx, tr)
print(F.embedding(torch.tensor([[0, 1]]), pre))
bag = nn.EmbeddingBag(10, 3, mode="mean")
inp = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
offsets = torch.tensor([0, 4])
print(bag(inp, offsets))
bag_sum = nn.EmbeddingBag(10, 3, mode="sum")
print(bag_sum(inp, offsets, per_sample_weights=torch.linspace(0.1, 0.8, 8)))
print(nn.EmbeddingBag(10, 3, mode="max")(torch.tensor([[1, 2], [3, 3]])))
bag2 = nn.EmbeddingBag.from_pretrained(torch.arange(12.0).view(4, 3), mode="sum")
print(bag2(torch.tensor([0, 1, 3]), torch.tensor([0, 2])), bag2)

corpus = "we are about to study the idea of a computational process computational processes are abstract beings".split()
vocab = sorted(set(corpus))
w2i = {w: i for i, w in enumerate(vocab)}
V, D = len(vocab), 8
pairs = []
for i, w in enumerate(corpus):
    for j in range(max(0, i - 2), min(len(corpus), i + 3)):
        if j != i:
            pairs.append((w2i[w], w2i[corpus[j]]))
centers = torch.tensor([p[0] for p in pairs])
contexts = torch.tensor([p[1] for p in pairs])
print(V, len(pairs), centers[:6], contexts[:6])


class SkipGram(nn.Module):
    def __init__(self, V, D):
        super().__init__()
        self.in_embed = nn.Embedding(V, D)
        self.out_embed = nn.Embedding(V, D)
        self.in_embed.weight.data.uniform_(-0.5 / D, 0.5 / D)
        self.out_embed.weight.data.zero_()

    def forward(self, c, o, neg):
        vc = self.in_embed(c)
        uo = self.out_embed(o)
        un = self.out_embed(neg)
        pos = F.logsigmoid((vc * uo).sum(-1))
        negs = F.logsigmoid(-(un @ vc.unsqueeze(-1)).squeeze(-1)).sum(-1)
        return -(pos + negs).mean()


model = SkipGram(V, D)
opt = torch.optim.SGD(model.parameters(), lr=1.0)
for epoch in range(20):
    neg = torch.randint(0, V, (len(pairs), 3))
    loss = model(centers, contexts, neg)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 5 == 0:
        print(epoch, round(loss.item(), 5))
E = F.normalize(model.in_embed.weight.detach(), dim=1)
sims = E @ E[w2i["computational"]]
top = sims.topk(4)
print([vocab[i] for i in top.indices.tolist()], top.values)
print(F.cosine_similarity(E[0:1], E[1:3]), torch.cdist(E[:3], E[:3]))

texts = [[1, 2, 3], [4, 5], [6, 7, 8, 9]]
flat = torch.tensor([t for s in texts for t in s])
offs = torch.tensor([0] + [len(s) for s in texts[:-1]]).cumsum(dim=0)
print(offs)


class TextClassifier(nn.Module):
    def __init__(self, V, D, C):
        super().__init__()
        self.embedding = nn.EmbeddingBag(V, D, mode="mean")
        self.fc = nn.Linear(D, C)
        self.init_weights()

    def init_weights(self):
        initrange = 0.5
        self.embedding.weight.data.uniform_(-initrange, initrange)
        self.fc.weight.data.uniform_(-initrange, initrange)
        self.fc.bias.data.zero_()

    def forward(self, text, offsets):
        return self.fc(self.embedding(text, offsets))


clf = TextClassifier(10, 5, 2)
labels = torch.tensor([0, 1, 1])
opt = torch.optim.SGD(clf.parameters(), lr=5.0)
sched = torch.optim.lr_scheduler.StepLR(opt, 1.0, gamma=0.1)
for epoch in range(3):
    logits = clf(flat, offs)
    loss = F.cross_entropy(logits, labels)
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(clf.parameters(), 0.1)
    opt.step()
    sched.step()
    print(epoch, round(loss.item(), 5), (logits.argmax(1) == labels).sum().item(), sched.get_last_lr())
