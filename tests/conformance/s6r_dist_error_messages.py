# Distribution validation errors RL code meets, printed with their full messages: bad probs/scale/support,
# non-broadcastable values, NaN logits, probs+logits both given, a non-tuple sample_shape; scalar-parameter
# Normal, unnormalised probs, and distributions.utils logits/probs helpers.
import torch
from torch.distributions import Categorical, Normal, Beta, Bernoulli
for make in (lambda: Categorical(probs=torch.tensor([0.5, -0.1, 0.6])),
             lambda: Normal(torch.zeros(2), torch.tensor([1.0, -1.0])),
             lambda: Categorical(probs=torch.tensor([0.1, 0.2, 0.7])).log_prob(torch.tensor(3)),
             lambda: Normal(torch.zeros(2), torch.ones(2)).log_prob(torch.zeros(3)),
             lambda: Bernoulli(probs=torch.tensor([1.5])),
             lambda: Categorical(logits=torch.tensor([float('nan'), 1.0])),
             lambda: Categorical(torch.tensor([0.3, 0.7]), torch.tensor([0.3, 0.7])),
             lambda: Normal(torch.zeros(2), torch.ones(2)).sample(3),
             ):
    try:
        make()
        print("no error")
    except Exception as e:
        print(type(e).__name__, str(e))
n = Normal(torch.tensor(0.0), 1.0)
print(n.log_prob(torch.tensor(0.5)), n.sample().shape, Normal(0.0, 1.0).batch_shape)
print(Normal(torch.zeros(2), 1.0).log_prob(torch.tensor([[0.0],[1.0]])))
print(Categorical(probs=torch.tensor([1.0, 3.0])).probs, Categorical(probs=torch.tensor([1.0, 3.0])).logits)
from torch.distributions.utils import logits_to_probs, probs_to_logits
print(logits_to_probs(torch.tensor([0.0, 1.0])), probs_to_logits(torch.tensor([0.25, 0.75])), probs_to_logits(torch.tensor([0.25]), is_binary=True))
d = Categorical(logits=torch.zeros(2,3))
print(d.perplexity() if hasattr(d,'perplexity') else None, d.variance, d.mean)
