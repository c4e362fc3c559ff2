# PairwiseDistance, CosineSimilarity, ChannelShuffle, cdist, pdist and their gradients.
import torch
import torch.nn as nn
import torch.nn.functional as F

a = torch.randn(4, 5, requires_grad=True)
b = torch.randn(4, 5)
for p in [1.0, 2.0, 3.0]:
    pd = nn.PairwiseDistance(p=p)
    print(pd, pd(a, b))
print(nn.PairwiseDistance(keepdim=True)(a, b).shape)
cos = nn.CosineSimilarity(dim=1, eps=1e-6)
print(cos, cos(a, b))
print(nn.CosineSimilarity(dim=0)(a, b))
print(F.cosine_similarity(a, b[:1]), F.pairwise_distance(a, b, p=1))
(nn.PairwiseDistance()(a, b).sum() + cos(a, b).sum()).backward()
print(a.grad)
cs = nn.ChannelShuffle(2)
img = torch.arange(16.0).view(1, 4, 2, 2)
print(cs, cs(img)[0, :, 0, 0], F.channel_shuffle(img, 4).flatten())
print(torch.cdist(a.detach(), b), torch.cdist(a.detach(), b, p=1).shape)
print(F.pdist(b))
print(torch.dist(a.detach(), b), torch.dist(a.detach(), b, p=1))
print(nn.TripletMarginLoss(margin=0.5)(a, b, b.flip(0)))
print(nn.CosineEmbeddingLoss()(a, b, torch.tensor([1, -1, 1, -1])))
