# The "Text classification with the torchtext library" tutorial model without torchtext: a flat id stream plus
# offsets into nn.EmbeddingBag(mode="mean") + Linear, trained with SGD + StepLR and clip_grad_norm_; then the
# EmbeddingBag modes, per_sample_weights, include_last_offset, padding_idx and 2-D input.
import torch
from torch import nn

torch.manual_seed(0)
texts = ["good great fun", "bad awful boring", "great movie", "awful plot bad acting",
         "fun fun good", "boring movie", "good acting", "bad bad"]
labels = [1, 0, 1, 0, 1, 0, 1, 0]
vocab = {"<unk>": 0}
for t in texts:
    for w in t.split():
        vocab.setdefault(w, len(vocab))
print(len(vocab), sorted(vocab.items(), key=lambda kv: kv[1])[:5])


def collate(batch):
    label_list, text_list, offsets = [], [], [0]
    for text, label in batch:
        ids = torch.tensor([vocab.get(w, 0) for w in text.split()], dtype=torch.int64)
        label_list.append(label)
        text_list.append(ids)
        offsets.append(ids.size(0))
    offsets = torch.tensor(offsets[:-1]).cumsum(dim=0)
    return torch.tensor(label_list, dtype=torch.int64), torch.cat(text_list), offsets


class TextClassificationModel(nn.Module):
    def __init__(self, vocab_size, embed_dim, num_class):
        super().__init__()
        self.embedding = nn.EmbeddingBag(vocab_size, embed_dim, sparse=False)
        self.fc = nn.Linear(embed_dim, num_class)
        self.init_weights()

    def init_weights(self):
        initrange = 0.5
        self.embedding.weight.data.uniform_(-initrange, initrange)
        self.fc.weight.data.uniform_(-initrange, initrange)
        self.fc.bias.data.zero_()

    def forward(self, text, offsets):
        return self.fc(self.embedding(text, offsets))


model = TextClassificationModel(len(vocab), 8, 2)
print(model)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=5)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1.0, gamma=0.5)
data = list(zip(texts, labels))
for epoch in range(1, 5):
    total_acc, total_count = 0, 0
    for i in range(0, len(data), 4):
        label, text, offsets = collate(data[i:i + 4])
        optimizer.zero_grad()
        predicted_label = model(text, offsets)
        loss = criterion(predicted_label, label)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
        optimizer.step()
        total_acc += (predicted_label.argmax(1) == label).sum().item()
        total_count += label.size(0)
    scheduler.step()
    print(f"| epoch {epoch:3d} | accuracy {total_acc / total_count:8.3f} | loss {loss.item():.5f} |"
          f" lr {scheduler.get_last_lr()[0]:.4f}")
with torch.no_grad():
    _, t, o = collate([("great fun movie", 1)])
    print(model(t, o).argmax(1).item(), model(t, o))

bag = nn.EmbeddingBag(10, 3, mode="sum")
inp = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
offsets = torch.tensor([0, 4])
print(bag, bag(inp, offsets))
for mode in ("sum", "mean", "max"):
    torch.manual_seed(3)
    b = nn.EmbeddingBag(10, 3, mode=mode)
    out = b(torch.tensor([[1, 2, 4], [4, 3, 9]]))
    out.sum().backward()
    print(mode, out, b.weight.grad[4])
ws = nn.EmbeddingBag(10, 3, mode="sum")
print(ws(inp, offsets, per_sample_weights=torch.arange(8, dtype=torch.float) / 8))
last = nn.EmbeddingBag(10, 3, mode="mean", include_last_offset=True)
print(last(inp, torch.tensor([0, 3, 8])).shape)
pad = nn.EmbeddingBag(10, 3, mode="sum", padding_idx=2)
print(pad, pad(torch.tensor([2, 2, 1, 2]), torch.tensor([0, 2])))
try:
    ws(inp, offsets, per_sample_weights=torch.ones(8)) if False else nn.EmbeddingBag(10, 3, mode="mean")(
        inp, offsets, per_sample_weights=torch.ones(8))
except (NotImplementedError, ValueError, RuntimeError) as e:
    print(type(e).__name__, str(e)[:80])
