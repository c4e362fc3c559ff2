# Long vs Float mixups in losses, matmul and layers, printed with the exception text.
import torch
import torch.nn as nn
import torch.nn.functional as F


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:  # noqa: BLE001
        print(label, type(e).__name__, str(e))


torch.manual_seed(5)
xi = torch.tensor([[1, 2], [3, 4]])
xf = torch.randn(2, 2)
attempt("matmul_long_float", lambda: xi @ xf)
attempt("matmul_float_long", lambda: xf @ xi)
attempt("mm_long", lambda: torch.mm(xi, xf))
attempt("matmul_long_long", lambda: xi @ xi)
attempt("matmul_double", lambda: xf @ xf.double())
attempt("linear_long", lambda: nn.Linear(2, 3)(xi))
attempt("linear_double", lambda: nn.Linear(2, 3)(xf.double()))
attempt("linear_fix", lambda: nn.Linear(2, 3)(xi.float()).shape)
attempt("conv_double", lambda: nn.Conv1d(1, 1, 2)(torch.randn(1, 1, 4, dtype=torch.float64)))
attempt("mse_long", lambda: F.mse_loss(xf, xi))
attempt("mse_long2", lambda: nn.MSELoss()(xi, xf))
attempt("l1_long", lambda: nn.L1Loss()(xf, xi))
logits = torch.randn(4, 3)
attempt("ce_float_target_1d", lambda: nn.CrossEntropyLoss()(logits, torch.tensor([0.0, 2.0, 1.0, 1.0])))
attempt("ce_int32", lambda: nn.CrossEntropyLoss()(logits, torch.tensor([0, 2, 1, 1], dtype=torch.int32)))
attempt("ce_int_logits", lambda: F.cross_entropy(torch.tensor([[1, 2], [3, 4]]), torch.tensor([0, 1])))
attempt("nll_float", lambda: F.nll_loss(F.log_softmax(logits, 1), torch.tensor([0.0, 2.0, 1.0, 1.0])))
attempt("nll_int32", lambda: F.nll_loss(F.log_softmax(logits, 1), torch.tensor([0, 2, 1, 1], dtype=torch.int32)))
p = torch.sigmoid(torch.randn(4))
attempt("bce_long", lambda: F.binary_cross_entropy(p, torch.tensor([0, 1, 1, 0])))
attempt("bce_logits_long", lambda: F.binary_cross_entropy_with_logits(torch.randn(4), torch.tensor([0, 1, 1, 0])))
attempt("bce_ok", lambda: round(F.binary_cross_entropy(p, torch.tensor([0, 1, 1, 0]).float()).item(), 4))
attempt("bce_double", lambda: F.binary_cross_entropy(p, torch.tensor([0, 1, 1, 0]).double()))
attempt("emb_float", lambda: nn.Embedding(10, 3)(torch.tensor([1.0, 2.0])))
attempt("emb_int32", lambda: nn.Embedding(10, 3)(torch.tensor([1, 2], dtype=torch.int32)).shape)
attempt("index_float", lambda: torch.randn(5)[torch.tensor([1.0])])
attempt("arange_float_index", lambda: torch.randn(5)[torch.arange(2.0)])
attempt("add_inplace_long", lambda: xi.add_(xf))
attempt("mul_inplace_long", lambda: torch.tensor([1, 2]).mul_(0.5))
attempt("div_int", lambda: torch.tensor([3, 4]) / 2)
attempt("floordiv", lambda: torch.tensor([3, 4]) // 2)
attempt("mean_long", lambda: xi.mean())
attempt("mean_long_dtype", lambda: xi.mean(dtype=torch.float32))
attempt("sqrt_long", lambda: torch.sqrt(xi))
attempt("softmax_long", lambda: F.softmax(xi, dim=1))
attempt("where_mixed", lambda: torch.where(xi > 2, xi, xf))
attempt("randn_long", lambda: torch.randn(2, dtype=torch.long))
attempt("rand_int", lambda: torch.rand(2, dtype=torch.int32))
attempt("normal_long", lambda: torch.zeros(2, dtype=torch.long).normal_())
