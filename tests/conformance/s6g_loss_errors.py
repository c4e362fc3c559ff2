# Error messages of loss functions with wrong inputs: shape mismatches, bad target dtypes, out-of-range
# classes, BCE with values outside [0, 1], bad reduction strings, and size-mismatch warnings for MSELoss.
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F


def attempt(name, fn):
    try:
        out = fn()
        print(name, "ok", out)
    except Exception as e:
        print(name, type(e).__name__, str(e).splitlines()[0][:150])


x = torch.randn(3, 4)
attempt("ce_float_target_shape", lambda: F.cross_entropy(x, torch.rand(3, 5)))
attempt("ce_class_oob", lambda: F.cross_entropy(x, torch.tensor([0, 4, 1])))
attempt("ce_batch_mismatch", lambda: F.cross_entropy(x, torch.tensor([0, 1])))
attempt("nll_1d_target_2d", lambda: F.nll_loss(x, torch.tensor([[0, 1, 2]])))
attempt("bce_out_of_range", lambda: F.binary_cross_entropy(torch.tensor([1.5, 0.2]), torch.tensor([1.0, 0.0])))
attempt("bce_shape", lambda: F.binary_cross_entropy(torch.rand(3), torch.rand(4)))
attempt("bcel_shape", lambda: F.binary_cross_entropy_with_logits(torch.rand(3), torch.rand(3, 1)))
attempt("bad_reduction", lambda: nn.L1Loss(reduction="avg")(x, x))
attempt("margin_rank_dims", lambda: F.margin_ranking_loss(torch.randn(3), torch.randn(3, 1), torch.ones(3)))
attempt("gnll_var_shape", lambda: F.gaussian_nll_loss(x, x, torch.ones(3, 2)))
attempt("gnll_neg_var", lambda: F.gaussian_nll_loss(x, x, -torch.ones(3, 4)))
attempt("triplet_dims", lambda: F.triplet_margin_loss(torch.randn(3, 4), torch.randn(3, 4), torch.randn(3, 5)))
attempt("multimargin_p3", lambda: nn.MultiMarginLoss(p=3))
attempt("kl_mean", lambda: F.kl_div(F.log_softmax(x, 1), F.softmax(x, 1), reduction="batchmean").abs().item() < 1e-6)
attempt("cosemb_target", lambda: F.cosine_embedding_loss(x, x, torch.ones(2)))
attempt("ce_long_input", lambda: F.cross_entropy(torch.ones(2, 3, dtype=torch.long), torch.tensor([0, 1])))
mask = torch.tensor([True, False, True])
attempt("l1_bool_target", lambda: F.l1_loss(torch.randn(3), mask))
attempt("l1_bool_input", lambda: F.l1_loss(mask, torch.randn(3)))
attempt("huber_bool_input", lambda: F.huber_loss(mask, torch.randn(3)))
attempt("mse_bool_target", lambda: F.mse_loss(torch.zeros(3), mask).item())
attempt("sl1_bool_target", lambda: F.smooth_l1_loss(torch.zeros(3), mask).item())
attempt("mse_int", lambda: F.mse_loss(torch.tensor([1, 2]), torch.tensor([1, 3])))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    out = F.mse_loss(torch.randn(4, 1), torch.randn(4))
    print("mse broadcast", out.shape, len(w), str(w[0].message)[:90] if w else None)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    out = F.l1_loss(torch.randn(4), torch.randn(1))
    print("l1 broadcast", out.shape, len(w))
