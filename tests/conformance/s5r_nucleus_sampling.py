# Text-generation sampling tricks from HF/blog posts, done on fixed logits and a tiny GRU LM: temperature,
# top-k filtering with torch.topk + scatter, top-p (nucleus) with sort/cumsum/masked_fill, repetition penalty,
# torch.multinomial with a Generator, torch.distributions.Categorical sampling and log_prob.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(2, 10)


def top_k_top_p_filtering(logits, top_k=0, top_p=1.0, filter_value=-float("Inf")):
    if top_k > 0:
        indices_to_remove = logits < torch.topk(logits, top_k)[0][..., -1, None]
        logits = logits.masked_fill(indices_to_remove, filter_value)
    if top_p < 1.0:
        sorted_logits, sorted_indices = torch.sort(logits, descending=True)
        cumulative_probs = torch.cumsum(F.softmax(sorted_logits, dim=-1), dim=-1)
        sorted_indices_to_remove = cumulative_probs > top_p
        sorted_indices_to_remove[..., 1:] = sorted_indices_to_remove[..., :-1].clone()
        sorted_indices_to_remove[..., 0] = 0
        indices_to_remove = sorted_indices_to_remove.scatter(1, sorted_indices, sorted_indices_to_remove)
        logits = logits.masked_fill(indices_to_remove, filter_value)
    return logits


print(top_k_top_p_filtering(logits, top_k=3))
print(top_k_top_p_filtering(logits, top_p=0.7))
filt = top_k_top_p_filtering(logits / 0.7, top_k=5, top_p=0.9)
probs = F.softmax(filt, dim=-1)
print(probs)
g = torch.Generator().manual_seed(123)
print(torch.multinomial(probs, num_samples=4, replacement=True, generator=g))
print(torch.multinomial(probs, 2, generator=g))
prev = torch.tensor([[1, 3, 3], [0, 0, 9]])
score = torch.gather(logits, 1, prev)
score = torch.where(score < 0, score * 1.3, score / 1.3)
pen = logits.scatter(1, prev, score)
print(pen)
dist = torch.distributions.Categorical(logits=filt)
s = dist.sample((3,))
print(s, dist.log_prob(s), dist.entropy())
print(F.gumbel_softmax(logits, tau=0.5, hard=True).argmax(-1))

vocab = list("abcde ")
gru = torch.nn.GRU(6, 8, batch_first=True)
head = torch.nn.Linear(8, 6)
emb = torch.nn.Embedding(6, 6)
ids = [0]
h = None
with torch.no_grad():
    for _ in range(10):
        o, h = gru(emb(torch.tensor([[ids[-1]]])), h)
        lg = head(o[0, -1]) / 0.9
        lg = top_k_top_p_filtering(lg.unsqueeze(0), top_k=4, top_p=0.95)
        ids.append(torch.multinomial(lg.softmax(-1), 1, generator=g).item())
print("".join(vocab[i] for i in ids))
