# The errors beginners hit with CNNs, caught and printed: wrong channel count, forgetting the batch
# dimension (and unbatched conv input that works), Linear in_features mismatch after flatten, a kernel
# bigger than the padded input, pooling output too small, view on non-contiguous permuted images,
# CrossEntropyLoss with one-hot float targets vs class indices, target out of range, and dtype mistakes.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", tuple(out.shape) if hasattr(out, "shape") else out)
    except Exception as e:
        print(label, type(e).__name__, str(e).splitlines()[0][:200])


conv = nn.Conv2d(3, 8, 3)
attempt("rgb vs gray", lambda: conv(torch.randn(4, 1, 28, 28)))
attempt("unbatched", lambda: conv(torch.randn(3, 28, 28)))
attempt("5-d", lambda: conv(torch.randn(1, 1, 3, 8, 8)))
attempt("2-d", lambda: conv(torch.randn(3, 8)))
attempt("too small", lambda: conv(torch.randn(1, 3, 2, 2)))
fc = nn.Linear(8 * 26 * 26, 10)
attempt("flatten ok", lambda: fc(torch.flatten(conv(torch.randn(2, 3, 28, 28)), 1)))
attempt("flatten wrong", lambda: fc(torch.flatten(conv(torch.randn(2, 3, 32, 32)), 1)))
attempt("flatten all", lambda: fc(torch.flatten(conv(torch.randn(2, 3, 28, 28)))))
attempt("pool small", lambda: F.max_pool2d(torch.randn(1, 1, 1, 1), 2))
attempt("avgpool small", lambda: F.avg_pool2d(torch.randn(1, 1, 1, 3), 2))
img = torch.randn(2, 8, 8, 3).permute(0, 3, 1, 2)
attempt("view permuted", lambda: img.view(2, -1))
attempt("reshape permuted", lambda: img.reshape(2, -1))
attempt("contiguous view", lambda: img.contiguous().view(2, -1))
logits = torch.randn(4, 3)
attempt("ce indices", lambda: F.cross_entropy(logits, torch.tensor([0, 2, 1, 1])))
attempt("ce probs", lambda: F.cross_entropy(logits, F.one_hot(torch.tensor([0, 2, 1, 1]), 3).float()))
attempt("ce onehot long", lambda: F.cross_entropy(logits, F.one_hot(torch.tensor([0, 2, 1, 1]), 3)))
attempt("ce float idx", lambda: F.cross_entropy(logits, torch.tensor([0.0, 2.0, 1.0, 1.0])))
attempt("ce out of range", lambda: F.cross_entropy(logits, torch.tensor([0, 3, 1, 1])))
attempt("ce batch mismatch", lambda: F.cross_entropy(logits, torch.tensor([0, 1])))
attempt("nll 2d", lambda: F.nll_loss(torch.randn(2, 3, 4, 4).log_softmax(1), torch.randint(0, 3, (2, 4, 4))))
attempt("nll 2d wrong", lambda: F.nll_loss(torch.randn(2, 3, 4, 4), torch.randint(0, 3, (2, 4, 5))))
attempt("bce shape", lambda: F.binary_cross_entropy(torch.rand(4, 1), torch.rand(4)))
attempt("bce logits shape", lambda: F.binary_cross_entropy_with_logits(torch.randn(4, 1), torch.rand(4)))
attempt("bce long target", lambda: F.binary_cross_entropy(torch.rand(4), torch.tensor([0, 1, 1, 0])))
attempt("double input", lambda: conv(torch.randn(1, 3, 5, 5, dtype=torch.float64)))
attempt("int input", lambda: conv(torch.ones(1, 3, 5, 5, dtype=torch.long)))
attempt("mse shape", lambda: F.mse_loss(torch.randn(4, 1), torch.randn(4)))
attempt("bn channels", lambda: nn.BatchNorm2d(4)(torch.randn(2, 3, 4, 4)))
attempt("cat mismatch", lambda: torch.cat([torch.randn(1, 4, 6, 6), torch.randn(1, 4, 5, 6)], dim=1))
attempt("convT channels", lambda: nn.ConvTranspose2d(4, 2, 2)(torch.randn(1, 3, 4, 4)))
attempt("upsample no size", lambda: F.interpolate(torch.randn(1, 1, 4, 4)))
attempt("conv groups", lambda: F.conv2d(torch.randn(1, 4, 5, 5), torch.randn(4, 3, 3, 3), groups=2))
attempt("conv weight dims", lambda: F.conv2d(torch.randn(1, 3, 5, 5), torch.randn(4, 3, 3)))
