# A bag-of-embeddings text classifier (no RNN): Embedding, padding_idx, mean pooling, LayerNorm.
import torch
import torch.nn as nn
import torch.nn.functional as F

vocab, dim = 20, 6
tokens = torch.randint(1, vocab, (8, 5))
tokens[:, 3:] = 0
labels = (tokens[:, 0] % 2)


class BagModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim, padding_idx=0)
        self.norm = nn.LayerNorm(dim)
        self.out = nn.Linear(dim, 2)

    def forward(self, ids):
        mask = (ids != 0).unsqueeze(-1).float()
        e = self.emb(ids) * mask
        pooled = e.sum(1) / mask.sum(1).clamp(min=1)
        return self.out(self.norm(pooled))


model = BagModel()
print(model)
print(model.emb.weight[0], model.emb.weight.shape)
opt = torch.optim.AdamW(model.parameters(), lr=0.05)
for _ in range(25):
    loss = F.cross_entropy(model(tokens), labels)
    opt.zero_grad()
    loss.backward()
    opt.step()
print(round(loss.item(), 5), model.emb.weight.grad[0])
emb = nn.Embedding.from_pretrained(torch.arange(12.0).view(4, 3), freeze=True)
print(emb(torch.tensor([[0, 3], [2, 2]])), emb.weight.requires_grad)
pos = torch.arange(5).unsqueeze(0).expand(3, 5)
print(pos, nn.Embedding(5, 2)(pos).shape)
print(F.one_hot(torch.tensor([0, 2, 1]), num_classes=4))
print(F.embedding(torch.tensor([1, 0]), torch.eye(3)))
