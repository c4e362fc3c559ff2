# Bag-of-words text classifier: vocab building, padding collate_fn, Embedding/EmbeddingBag, padding_idx.
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(4)
sentences = [
    ("the movie was great and fun", 1), ("terrible boring movie", 0), ("i loved the acting", 1),
    ("awful plot and bad acting", 0), ("great fun great cast", 1), ("boring and awful", 0),
    ("fun fun fun", 1), ("bad bad movie", 0), ("the cast was great", 1), ("the plot was terrible", 0),
]
vocab = {"<pad>": 0, "<unk>": 1}
for s, _ in sentences:
    for w in s.split():
        vocab.setdefault(w, len(vocab))
print(len(vocab), list(vocab.items())[:6])


class TextDS(Dataset):
    def __init__(self, data):
        self.data = data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        s, y = self.data[i]
        return torch.tensor([vocab.get(w, 1) for w in s.split()], dtype=torch.long), y


def collate(batch):
    seqs, ys = zip(*batch)
    lens = torch.tensor([len(s) for s in seqs])
    padded = nn.utils.rnn.pad_sequence(seqs, batch_first=True, padding_value=0)
    return padded, lens, torch.tensor(ys)


class BoW(nn.Module):
    def __init__(self, V, D):
        super().__init__()
        self.emb = nn.Embedding(V, D, padding_idx=0)
        self.fc = nn.Linear(D, 2)

    def forward(self, x, lens):
        e = self.emb(x)
        mean = e.sum(1) / lens.unsqueeze(1).float()
        return self.fc(mean)


dl = DataLoader(TextDS(sentences), batch_size=4, shuffle=True, collate_fn=collate)
xb, lb, yb = next(iter(dl))
print(xb, lb, yb)
model = BoW(len(vocab), 8)
print(model.emb.weight[0])
opt = torch.optim.Adam(model.parameters(), lr=0.05)
for epoch in range(10):
    tot, correct = 0.0, 0
    for x, lens, y in dl:
        out = model(x, lens)
        loss = nn.functional.cross_entropy(out, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        tot += loss.item() * len(y)
        correct += (out.argmax(-1) == y).sum().item()
    print(epoch, round(tot / len(sentences), 4), correct)
print(model.emb.weight.grad[0], model.emb.weight[0])
bag = nn.EmbeddingBag(len(vocab), 5, mode="mean")
flat = torch.tensor([2, 3, 4, 5, 6, 7, 2])
offsets = torch.tensor([0, 3])
print(bag(flat, offsets))
bag_sum = nn.EmbeddingBag(len(vocab), 5, mode="sum")
print(bag_sum(torch.tensor([[2, 3], [4, 4]])))
model.eval()
with torch.no_grad():
    test = torch.tensor([[vocab["great"], vocab["fun"], 0]])
    print(torch.softmax(model(test, torch.tensor([2])), -1))
print(nn.functional.embedding(torch.tensor([1, 2]), model.emb.weight).shape)
emb2 = nn.Embedding.from_pretrained(torch.arange(12.0).view(4, 3), freeze=True)
print(emb2.weight.requires_grad, emb2(torch.tensor([3, 0])))
emb3 = nn.Embedding(5, 2, max_norm=1.0)
out = emb3(torch.tensor([0, 1, 2]))
print(out.norm(dim=-1) <= 1.0001)
