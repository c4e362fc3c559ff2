# Token-id tensors: padding ragged batches, attention masks, lengths, sorting by length, vocab lookups.
import torch
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(23)
vocab = {"<pad>": 0, "<unk>": 1, "the": 2, "cat": 3, "sat": 4, "on": 5, "mat": 6, "dog": 7}
sents = ["the cat sat on the mat", "the dog sat", "a cat"]
ids = [torch.tensor([vocab.get(w, 1) for w in s.split()]) for s in sents]
print(ids)
lengths = torch.tensor([len(t) for t in ids])
batch = pad_sequence(ids, batch_first=True, padding_value=0)
print(batch, lengths, batch.shape)
print(pad_sequence(ids), pad_sequence(ids, batch_first=True, padding_value=-1)[2])
mask = batch != 0
print(mask, mask.sum(1), mask.long())
attn = mask[:, None, :] & mask[:, :, None]
print(attn.shape, attn[1].int())
sorted_len, order = lengths.sort(descending=True)
print(sorted_len, order, batch[order], order.argsort())
emb = torch.nn.Embedding(len(vocab), 4, padding_idx=0)
vecs = emb(batch)
print(vecs.shape, vecs[0, 0], vecs[1, -1], emb.weight[0])
mean_pool = (vecs * mask.unsqueeze(-1)).sum(1) / lengths.unsqueeze(-1)
print(mean_pool)
max_pool = vecs.masked_fill(~mask.unsqueeze(-1), float("-inf")).max(dim=1).values
print(max_pool)
last = vecs[torch.arange(3), lengths - 1]
print(last)
counts = torch.bincount(batch.flatten(), minlength=len(vocab))
print(counts, counts[1:].argmax() + 1, {w: counts[i].item() for w, i in vocab.items() if counts[i] > 0})
inv = {i: w for w, i in vocab.items()}
print([[inv[i] for i in row.tolist() if i != 0] for row in batch])
shifted = torch.roll(batch, shifts=-1, dims=1)
shifted[:, -1] = 0
print(shifted)
causal = torch.tril(torch.ones(6, 6, dtype=torch.bool))
print(causal.int(), (~causal).nonzero()[:4])
logits = torch.randn(3, 6, len(vocab))
loss = torch.nn.functional.cross_entropy(logits.reshape(-1, len(vocab)), shifted.reshape(-1), ignore_index=0)
print(loss, logits.argmax(-1), (logits.argmax(-1) == shifted)[mask].float().mean())
probs = logits[:, -1].softmax(-1)
print(probs.sum(-1), torch.multinomial(probs, 1).squeeze(1), torch.multinomial(probs, 3, replacement=True))
top = probs.topk(3, dim=-1)
print(top.values, top.indices)
temp = (logits[:, -1] / 0.5).softmax(-1)
print(temp.max(-1).values, -(temp * temp.log()).sum(-1))
onehot = torch.nn.functional.one_hot(batch, num_classes=len(vocab))
print(onehot.shape, onehot.sum((0, 1)), onehot.dtype)
pos = torch.arange(batch.size(1)).unsqueeze(0).expand_as(batch)
print(pos, pos.masked_fill(~mask, -1))
ngrams = batch.unfold(1, 2, 1)
print(ngrams.shape, ngrams[0])
print(torch.nn.utils.rnn.pad_sequence([torch.ones(2, 3), torch.ones(1, 3)]).shape)
