# d2l 14.4 word2vec-style skip-gram with negative sampling on a synthetic corpus: subsampling with
# random.random, centers/contexts, RandomGenerator with random.choices, batchify with padding + masks,
# skip_gram via bmm, SigmoidBCELoss with mask weights, cosine-similarity nearest tokens.
import math
import random

import torch
from torch import nn

random.seed(0)
torch.manual_seed(0)
vocab_size = 30
sentences = [[random.randint(0, vocab_size - 1) for _ in range(random.randint(4, 10))] for _ in range(60)]
counter = {}
for line in sentences:
    for tk in line:
        counter[tk] = counter.get(tk, 0) + 1
num_tokens = sum(counter.values())
print(num_tokens, sorted(counter.items())[:5])


def keep(token):
    return random.uniform(0, 1) < math.sqrt(1e-2 / counter[token] * num_tokens)


subsampled = [[tk for tk in line if keep(tk)] for line in sentences]
print(sum(len(line) for line in subsampled))


def get_centers_and_contexts(corpus, max_window_size):
    centers, contexts = [], []
    for line in corpus:
        if len(line) < 2:
            continue
        centers += line
        for i in range(len(line)):
            window_size = random.randint(1, max_window_size)
            indices = list(range(max(0, i - window_size), min(len(line), i + 1 + window_size)))
            indices.remove(i)
            contexts.append([line[idx] for idx in indices])
    return centers, contexts


all_centers, all_contexts = get_centers_and_contexts(subsampled, 2)
print(len(all_centers), all_contexts[:3])


class RandomGenerator:
    def __init__(self, sampling_weights):
        self.population = list(range(1, len(sampling_weights) + 1))
        self.sampling_weights = sampling_weights
        self.candidates = []
        self.i = 0

    def draw(self):
        if self.i == len(self.candidates):
            self.candidates = random.choices(self.population, self.sampling_weights, k=100)
            self.i = 0
        self.i += 1
        return self.candidates[self.i - 1]


sampling_weights = [counter.get(i, 0) ** 0.75 for i in range(1, vocab_size)]
generator = RandomGenerator(sampling_weights)
all_negatives = []
for contexts in all_contexts:
    negatives = []
    while len(negatives) < len(contexts) * 3:
        neg = generator.draw()
        if neg not in contexts:
            negatives.append(neg)
    all_negatives.append(negatives)


def batchify(data):
    max_len = max(len(c) + len(n) for _, c, n in data)
    centers, contexts_negatives, masks, labels = [], [], [], []
    for center, context, negative in data:
        cur_len = len(context) + len(negative)
        centers += [center]
        contexts_negatives += [context + negative + [0] * (max_len - cur_len)]
        masks += [[1] * cur_len + [0] * (max_len - cur_len)]
        labels += [[1] * len(context) + [0] * (max_len - len(context))]
    return (torch.tensor(centers).reshape((-1, 1)), torch.tensor(contexts_negatives), torch.tensor(masks),
            torch.tensor(labels))


x_1 = (1, [2, 2], [3, 3, 3, 3])
x_2 = (1, [2, 2, 2], [3, 3])
batch = batchify((x_1, x_2))
names = ["centers", "contexts_negatives", "masks", "labels"]
for name, data in zip(names, batch):
    print(name, "=", data)


class Dataset(torch.utils.data.Dataset):
    def __init__(self, centers, contexts, negatives):
        self.centers, self.contexts, self.negatives = centers, contexts, negatives

    def __getitem__(self, index):
        return (self.centers[index], self.contexts[index], self.negatives[index])

    def __len__(self):
        return len(self.centers)


data_iter = torch.utils.data.DataLoader(Dataset(all_centers, all_contexts, all_negatives), 32, shuffle=True,
                                        collate_fn=batchify)
embed = nn.Embedding(num_embeddings=20, embedding_dim=4)
print(f"Parameter embedding_weight ({embed.weight.shape}, dtype={embed.weight.dtype})")
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(embed(x).shape)


def skip_gram(center, contexts_and_negatives, embed_v, embed_u):
    v = embed_v(center)
    u = embed_u(contexts_and_negatives)
    pred = torch.bmm(v, u.permute(0, 2, 1))
    return pred


print(skip_gram(torch.ones((2, 1), dtype=torch.long), torch.ones((2, 4), dtype=torch.long), embed, embed).shape)


class SigmoidBCELoss(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, inputs, target, mask=None):
        out = nn.functional.binary_cross_entropy_with_logits(inputs, target, weight=mask, reduction="none")
        return out.mean(dim=1)


loss = SigmoidBCELoss()
pred = torch.tensor([[1.1, -2.2, 3.3, -4.4]] * 2)
label = torch.tensor([[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0]])
mask = torch.tensor([[1, 1, 1, 1], [1, 1, 0, 0]])
print(loss(pred, label, mask) * mask.shape[1] / mask.sum(axis=1))
embed_size = 10
net = nn.Sequential(nn.Embedding(num_embeddings=vocab_size, embedding_dim=embed_size),
                    nn.Embedding(num_embeddings=vocab_size, embedding_dim=embed_size))


def init_weights(module):
    if type(module) == nn.Embedding:
        nn.init.xavier_uniform_(module.weight)


net.apply(init_weights)
optimizer = torch.optim.Adam(net.parameters(), lr=0.01)
for epoch in range(5):
    tot, n = 0.0, 0
    for i, batch in enumerate(data_iter):
        optimizer.zero_grad()
        center, context_negative, mask, label = batch
        pred = skip_gram(center, context_negative, net[0], net[1])
        l = (loss(pred.reshape(label.shape).float(), label.float(), mask) / mask.sum(axis=1) * mask.shape[1])
        l.sum().backward()
        optimizer.step()
        tot += l.sum().item()
        n += l.numel()
    print(epoch, f"loss {tot / n:.4f}")


def get_similar_tokens(query_token, k, embed):
    W = embed.weight.data
    x = W[query_token]
    cos = torch.mv(W, x) / torch.sqrt(torch.sum(W * W, dim=1) * torch.sum(x * x) + 1e-9)
    topk = torch.topk(cos, k=k + 1)[1].cpu().numpy().astype("int32")
    for i in topk[1:]:
        print(f"cosine sim={float(cos[i]):.3f}: {i}")


get_similar_tokens(3, 3, net[0])
