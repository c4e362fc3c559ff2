# Kim-style TextCNN for sentence classification (blog/course version): Embedding -> permute to (N, C, L) ->
# several Conv1d filter widths -> ReLU -> max_pool1d over time -> cat -> dropout -> Linear; padding to a fixed
# length with F.pad, training loop with accuracy, model summary with parameter counts.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class TextCNN(nn.Module):
    def __init__(self, vocab_size, embed_dim, num_classes, filter_sizes=(2, 3, 4), num_filters=4, pad_idx=0):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_dim, padding_idx=pad_idx)
        self.convs = nn.ModuleList([nn.Conv1d(embed_dim, num_filters, k) for k in filter_sizes])
        self.dropout = nn.Dropout(0.5)
        self.fc = nn.Linear(len(filter_sizes) * num_filters, num_classes)

    def forward(self, x):
        e = self.embedding(x).permute(0, 2, 1)
        conved = [F.relu(conv(e)) for conv in self.convs]
        pooled = [F.max_pool1d(c, c.shape[2]).squeeze(2) for c in conved]
        return self.fc(self.dropout(torch.cat(pooled, dim=1)))


model = TextCNN(30, 10, 3)
print(model)
for name, p in model.named_parameters():
    print(f"{name:20s} {str(list(p.shape)):14s} {p.numel()}")
print("total", sum(p.numel() for p in model.parameters() if p.requires_grad))
seqs = [torch.randint(1, 30, (n,)) for n in (5, 7, 4, 6, 8, 5)]
X = torch.stack([F.pad(s, (0, 8 - len(s)), value=0) for s in seqs])
y = torch.tensor([0, 1, 2, 0, 1, 2])
print(X)
opt = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(6):
    model.train()
    logits = model(X)
    loss = F.cross_entropy(logits, y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    model.eval()
    with torch.no_grad():
        acc = (model(X).argmax(1) == y).float().mean().item()
    print(f"epoch {epoch} loss {loss.item():.4f} acc {acc:.2f}")
with torch.no_grad():
    e = model.embedding(X).transpose(1, 2)
    print(e.shape, model.convs[1](e).shape, F.adaptive_max_pool1d(model.convs[2](e), 1).squeeze(-1)[0])
    print(nn.functional.max_pool1d(model.convs[0](e), kernel_size=2, stride=2).shape)
