# The errors training code hits when dtypes or shapes of losses, RNN cells and checkpoints are wrong,
# printed with their messages (each one a mistake someone made on a forum), followed by the fix.
import io
import torch
import torch.nn as nn
import torch.nn.functional as F


def attempt(label, fn):
    try:
        out = fn()
        print(label, "->", out)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", (str(e).strip().splitlines() or [""])[0][:160])


torch.manual_seed(0)
logits = torch.randn(4, 3)
labels = torch.tensor([0, 2, 1, 1])
onehot = F.one_hot(labels, 3)
attempt("CE with one-hot long targets", lambda: F.cross_entropy(logits, onehot))
attempt("CE with one-hot float targets (fix)", lambda: round(F.cross_entropy(logits, onehot.float()).item(), 5))
attempt("CE with float labels", lambda: F.cross_entropy(logits, labels.float()))
attempt("CE with int32 labels", lambda: F.cross_entropy(logits, labels.int()))
attempt("CE with (N,1) labels", lambda: F.cross_entropy(logits, labels.unsqueeze(1)))
attempt("CE fix squeeze", lambda: round(F.cross_entropy(logits, labels.unsqueeze(1).squeeze(1)).item(), 5))
attempt("CE weight float64", lambda: F.cross_entropy(logits, labels, weight=torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)))
attempt("CE weight wrong length", lambda: F.cross_entropy(logits, labels, weight=torch.ones(4)))
attempt("CE long logits", lambda: F.cross_entropy(torch.randint(0, 5, (4, 3)), labels))
attempt("NLL without log_softmax", lambda: round(F.nll_loss(logits, labels).item(), 5))
attempt("NLL long input", lambda: F.nll_loss(torch.randint(0, 5, (4, 3)), labels))
attempt("softmax on int tensor", lambda: F.softmax(torch.tensor([1, 2, 3]), dim=0))
attempt("softmax with dtype (fix)", lambda: F.softmax(torch.tensor([1, 2, 3]), dim=0, dtype=torch.float32))
attempt("MSE on long tensors", lambda: F.mse_loss(torch.tensor([1, 2]), torch.tensor([1, 3])))
attempt("MSE long target float input", lambda: F.mse_loss(torch.tensor([1.0, 2.0]), torch.tensor([1, 3])))
attempt("L1 on long tensors", lambda: F.l1_loss(torch.tensor([1, 2]), torch.tensor([1, 3])))
attempt("L1 sum on long tensors", lambda: F.l1_loss(torch.tensor([1, 2]), torch.tensor([1, 3]), reduction="sum"))
attempt("SmoothL1 long", lambda: F.smooth_l1_loss(torch.tensor([1, 2]), torch.tensor([1, 3])))
attempt("Huber long", lambda: F.huber_loss(torch.tensor([1, 2]), torch.tensor([1, 3])))
attempt("BCE long target", lambda: F.binary_cross_entropy(torch.rand(3), torch.tensor([1, 0, 1])))
attempt("BCEWithLogits long logits", lambda: F.binary_cross_entropy_with_logits(torch.tensor([1, 0, 1]), torch.rand(3)))
attempt("BCEWithLogits pos_weight shape", lambda: F.binary_cross_entropy_with_logits(torch.randn(4, 3), torch.rand(4, 3),
                                                                                     pos_weight=torch.ones(2)))
attempt("BCEWithLogits weight shape", lambda: F.binary_cross_entropy_with_logits(torch.randn(4, 3), torch.rand(4, 3),
                                                                                 weight=torch.ones(2)))
attempt("float() on a batch loss", lambda: float(F.mse_loss(logits, logits, reduction="none")))
attempt("int() on predictions", lambda: int(logits.argmax(1)))
attempt("LSTMCell wrong input size", lambda: nn.LSTMCell(3, 5)(torch.randn(2, 4)))
attempt("LSTMCell wrong hidden", lambda: nn.LSTMCell(3, 5)(torch.randn(2, 3), (torch.zeros(2, 4), torch.zeros(2, 5))))
attempt("LSTMCell wrong cell", lambda: nn.LSTMCell(3, 5)(torch.randn(2, 3), (torch.zeros(2, 5), torch.zeros(3, 5))))
attempt("GRUCell batch mismatch", lambda: nn.GRUCell(3, 5)(torch.randn(2, 3), torch.zeros(4, 5)))
attempt("RNNCell unbatched hidden", lambda: nn.RNNCell(3, 5)(torch.randn(3), torch.zeros(6)))
attempt("Conv2d double input", lambda: nn.Conv2d(1, 2, 3)(torch.randn(1, 1, 5, 5, dtype=torch.float64)))
attempt("Conv2d long input", lambda: nn.Conv2d(1, 2, 3)(torch.ones(1, 1, 5, 5, dtype=torch.long)))
attempt("Conv2d no bias double", lambda: nn.Conv2d(1, 2, 3, bias=False)(torch.randn(1, 1, 5, 5).double()))
buf = io.BytesIO()
torch.save(nn.Sequential(nn.Linear(2, 2)), buf)
buf.seek(0)
attempt("torch.load whole model", lambda: torch.load(buf))
buf.seek(0)
attempt("torch.load weights_only=False (fix)", lambda: torch.load(buf, weights_only=False))
attempt("torch.load empty file", lambda: torch.load(io.BytesIO(b"")))
print(torch.tensor([1, 2, 3]).float().mean(axis=0), logits.sum(axis=1, keepdims=True).shape, logits.argmax(axis=-1))
