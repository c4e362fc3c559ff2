# "Deep Learning with PyTorch" ch. 3 grayscale example: broadcasting channel weights, unsqueeze_, einsum with ellipsis.

import torch

img_t = torch.tensor([[[0.5, 0.2], [0.1, 0.9]], [[0.3, 0.3], [0.4, 0.6]], [[0.7, 0.8], [0.2, 0.1]]])
weights = torch.tensor([0.2126, 0.7152, 0.0722])
batch_t = torch.stack([img_t, img_t * 0.5])
img_gray_naive = img_t.mean(-3)
batch_gray_naive = batch_t.mean(-3)
print(img_gray_naive.shape, batch_gray_naive.shape)
unsqueezed_weights = weights.unsqueeze(-1).unsqueeze_(-1)
img_weights = img_t * unsqueezed_weights
batch_weights = batch_t * unsqueezed_weights
img_gray_weighted = img_weights.sum(-3)
batch_gray_weighted = batch_weights.sum(-3)
print(batch_weights.shape, batch_t.shape, unsqueezed_weights.shape)
print(img_gray_weighted)
img_gray_weighted_fancy = torch.einsum("...chw,c->...hw", img_t, weights)
batch_gray_weighted_fancy = torch.einsum("...chw,c->...hw", batch_t, weights)
print(batch_gray_weighted_fancy.shape, torch.allclose(img_gray_weighted_fancy, img_gray_weighted))
print(unsqueezed_weights.stride(), weights.stride(), img_weights.stride(), batch_weights.is_contiguous())
print(img_t.untyped_storage().nbytes(), batch_t[1].storage_offset(), batch_t[1].untyped_storage().nbytes())
