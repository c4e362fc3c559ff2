# Loss dtype and shape mistakes, round 2: MSE/L1 with Long targets, CE with float class indices, broadcasting warnings.
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:  # noqa: BLE001
        print(label, type(e).__name__, str(e))


def record(label, fn):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            out = fn()
            print(label, "ok", out)
        except Exception as e:  # noqa: BLE001
            print(label, type(e).__name__, str(e))
    for item in w:
        print(label, "warn", item.category.__name__, str(item.message))


torch.manual_seed(3)
pred = torch.randn(5, 1, requires_grad=True)
attempt("mse_long_target", lambda: nn.MSELoss()(pred, torch.arange(5).view(5, 1)))
attempt("mse_int32_target", lambda: F.mse_loss(pred, torch.ones(5, 1, dtype=torch.int32)))
attempt("mse_double_target", lambda: F.mse_loss(pred, torch.ones(5, 1, dtype=torch.float64)))
record("mse_bcast_warn", lambda: F.mse_loss(pred, torch.randn(5)).shape)
record("mse_bcast_warn2", lambda: nn.MSELoss()(torch.randn(3), torch.randn(2, 3)).shape)
record("l1_bcast_warn", lambda: F.l1_loss(torch.randn(4, 1), torch.randn(4)).shape)
record("huber_bcast_warn", lambda: F.huber_loss(torch.randn(4, 1), torch.randn(4)).shape)
record("sl1_bcast_warn", lambda: F.smooth_l1_loss(torch.randn(2, 1), torch.randn(2)).shape)
record("mse_none_bcast", lambda: F.mse_loss(torch.randn(3, 1), torch.randn(3), reduction="none").shape)
logits = torch.randn(3, 4)
attempt("ce_float_idx", lambda: F.cross_entropy(logits, torch.tensor([1.0, 0.0, 3.0])))
attempt("ce_float_idx_2d", lambda: F.cross_entropy(torch.randn(2, 4, 3), torch.zeros(2, 3)))
attempt("ce_target_too_big", lambda: nn.CrossEntropyLoss()(logits, torch.tensor([1, 4, 0])))
attempt("ce_target_neg2", lambda: nn.CrossEntropyLoss()(logits, torch.tensor([1, -2, 0])))
attempt("ce_uint8", lambda: F.cross_entropy(logits, torch.tensor([1, 2, 0], dtype=torch.uint8)))
attempt("ce_bool", lambda: F.cross_entropy(logits, torch.tensor([True, False, True])))
attempt("nll_1d_input", lambda: F.nll_loss(torch.randn(4).log_softmax(0), torch.tensor([1, 2, 0, 3])))
attempt("nll_1d_scalar", lambda: round(F.nll_loss(torch.tensor([-1.0, -2.0, -0.5]), torch.tensor(1)).item(), 4))
attempt("nll_3d_target_bad", lambda: F.nll_loss(torch.randn(2, 3, 4), torch.zeros(2, 5, dtype=torch.long)))
attempt("nll_target_float", lambda: nn.NLLLoss()(logits.log_softmax(1), torch.ones(3)))
attempt("bce_above_one", lambda: nn.BCELoss()(torch.tensor([0.2, 1.01]), torch.tensor([0.0, 1.0])))
attempt("bce_logits_in", lambda: F.binary_cross_entropy(torch.tensor([2.0, -3.0]), torch.tensor([1.0, 0.0])))
attempt("bce_shape_mismatch", lambda: F.binary_cross_entropy(torch.rand(3), torch.rand(3, 1)))
attempt("bce_weight_bad", lambda: F.binary_cross_entropy(torch.rand(3), torch.rand(3), weight=torch.ones(2)))
attempt("bcel_pos_weight_bad", lambda: F.binary_cross_entropy_with_logits(torch.randn(2, 3), torch.rand(2, 3),
                                                                           pos_weight=torch.ones(2)))
attempt("kl_long", lambda: F.kl_div(torch.randn(3).log_softmax(0), torch.tensor([0, 1, 0])))
attempt("ce_weight_long", lambda: F.cross_entropy(logits, torch.tensor([1, 2, 0]), weight=torch.ones(4, dtype=torch.long)))
attempt("ce_weight_len", lambda: F.cross_entropy(logits, torch.tensor([1, 2, 0]), weight=torch.ones(3)))
attempt("ce_smoothing_bad", lambda: F.cross_entropy(logits, torch.tensor([1, 2, 0]), label_smoothing=1.5))
attempt("ce_probs_bad_shape", lambda: F.cross_entropy(logits, torch.rand(3, 5)))
attempt("hinge_long", lambda: F.hinge_embedding_loss(torch.randn(3), torch.tensor([1, -1, 1])).dtype)
attempt("cos_emb_bad", lambda: F.cosine_embedding_loss(torch.randn(3, 4), torch.randn(3, 4), torch.ones(2)))
attempt("margin_rank_bad", lambda: F.margin_ranking_loss(torch.randn(3), torch.randn(4), torch.ones(3)))
