# Wrong target shapes / values for classification losses.
import torch
import torch.nn as nn
import torch.nn.functional as F


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:  # noqa: BLE001
        print(label, type(e).__name__, str(e))


torch.manual_seed(11)
logits = torch.randn(4, 3)
attempt("ce_onehot_long", lambda: F.cross_entropy(logits, F.one_hot(torch.tensor([0, 1, 2, 1]), 3)))
attempt("ce_onehot_float", lambda: round(F.cross_entropy(logits, F.one_hot(torch.tensor([0, 1, 2, 1]), 3).float()).item(), 4))
attempt("ce_probs_shape", lambda: F.cross_entropy(logits, torch.rand(4, 4)))
attempt("ce_target_2d", lambda: F.cross_entropy(logits, torch.tensor([[0], [1], [2], [1]])))
attempt("ce_batch", lambda: F.cross_entropy(logits, torch.tensor([0, 1, 2])))
attempt("ce_neg", lambda: F.cross_entropy(logits, torch.tensor([0, -1, 2, 1])))
attempt("ce_ignore", lambda: round(F.cross_entropy(logits, torch.tensor([0, -100, 2, 1])).item(), 4))
attempt("ce_out", lambda: F.cross_entropy(logits, torch.tensor([0, 3, 2, 1])))
attempt("ce_1d_input", lambda: round(F.cross_entropy(torch.randn(3), torch.tensor(1)).item(), 4))
attempt("ce_1d_bad", lambda: F.cross_entropy(torch.randn(3), torch.tensor([1])))
attempt("ce_3d", lambda: F.cross_entropy(torch.randn(2, 3, 5), torch.randint(0, 3, (2, 5))).shape)
attempt("ce_3d_bad", lambda: F.cross_entropy(torch.randn(2, 3, 5), torch.randint(0, 3, (2, 4))))
attempt("ce_3d_swap", lambda: F.cross_entropy(torch.randn(2, 5, 3), torch.randint(0, 3, (2, 5))))
attempt("ce_scalar_target", lambda: F.cross_entropy(logits, torch.tensor(1)))
attempt("nll_out", lambda: F.nll_loss(F.log_softmax(logits, 1), torch.tensor([0, 1, 5, 1])))
attempt("nll_batch", lambda: F.nll_loss(F.log_softmax(logits, 1), torch.tensor([0, 1])))
attempt("nll_weight", lambda: F.nll_loss(F.log_softmax(logits, 1), torch.tensor([0, 1, 2, 1]), weight=torch.ones(2)))
p = torch.sigmoid(torch.randn(4, 1))
attempt("bce_shape", lambda: nn.BCELoss()(p, torch.tensor([0.0, 1.0, 1.0, 0.0])))
attempt("bce_shape_ok", lambda: round(nn.BCELoss()(p.squeeze(1), torch.tensor([0.0, 1.0, 1.0, 0.0])).item(), 4))
attempt("bce_input_range", lambda: nn.BCELoss()(torch.tensor([0.5, 1.5]), torch.tensor([0.0, 1.0])))
attempt("bce_input_neg", lambda: F.binary_cross_entropy(torch.tensor([-0.5, 0.5]), torch.tensor([0.0, 1.0])))
attempt("bce_target_range", lambda: F.binary_cross_entropy(torch.tensor([0.3, 0.5]), torch.tensor([0.0, 2.0])))
attempt("bce_logits_shape", lambda: F.binary_cross_entropy_with_logits(torch.randn(4, 1), torch.rand(4)))
attempt("bce_logits_range", lambda: round(F.binary_cross_entropy_with_logits(torch.randn(2), torch.tensor([0.0, 2.0])).item(), 4))
attempt("bce_edge", lambda: F.binary_cross_entropy(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.0])).item())
attempt("mse_shape_warn", lambda: F.mse_loss(torch.randn(4, 1), torch.randn(4)).shape)
attempt("mse_bad", lambda: F.mse_loss(torch.randn(4, 2), torch.randn(3)))
attempt("l1_bad", lambda: F.l1_loss(torch.randn(4, 2), torch.randn(3)))
attempt("huber_bad", lambda: F.smooth_l1_loss(torch.randn(4, 2), torch.randn(3)))
attempt("kl_shape", lambda: F.kl_div(torch.randn(2, 3), torch.rand(2, 4)))
attempt("margin", lambda: F.multi_margin_loss(logits, torch.tensor([0, 1, 2, 7])))
attempt("red_bad", lambda: F.mse_loss(torch.randn(3), torch.randn(3), reduction="avg"))
attempt("ce_red_bad", lambda: F.cross_entropy(logits, torch.tensor([0, 1, 2, 1]), reduction="total"))
attempt("ce_smooth", lambda: F.cross_entropy(logits, torch.tensor([0, 1, 2, 1]), label_smoothing=1.5))
