# torch.nn.functional called with wrong shapes or arguments, round 2.
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
torch.manual_seed(16)
x = torch.randn(4, 3)
w = torch.randn(5, 3)
attempt("linear_w_transposed", lambda: F.linear(x, w.t()))
attempt("linear_w_1d", lambda: F.linear(x, torch.randn(3)).shape)
attempt("linear_w_3d", lambda: F.linear(x, torch.randn(2, 5, 3)))
attempt("conv2d_w_rank", lambda: F.conv2d(torch.randn(1, 1, 4, 4), torch.randn(1, 3, 3)))
attempt("conv2d_bias_bad", lambda: F.conv2d(torch.randn(1, 1, 4, 4), torch.randn(2, 1, 3, 3), torch.randn(3)))
attempt("conv2d_stride_zero", lambda: F.conv2d(torch.randn(1, 1, 4, 4), torch.randn(1, 1, 3, 3), stride=0))
attempt("conv2d_neg_pad", lambda: F.conv2d(torch.randn(1, 1, 4, 4), torch.randn(1, 1, 3, 3), padding=-1))
attempt("conv1d_dilation_zero", lambda: F.conv1d(torch.randn(1, 1, 8), torch.randn(1, 1, 3), dilation=0))
attempt("softmax_dim_oob", lambda: F.softmax(x, dim=2))
attempt("log_softmax_dim_oob", lambda: F.log_softmax(x, dim=-3))
attempt("normalize_p_zero", lambda: F.normalize(x, p=0).shape)
attempt("cosine_sim_shape", lambda: F.cosine_similarity(x, torch.randn(5, 3)))
attempt("pairwise_shape", lambda: F.pairwise_distance(x, torch.randn(4, 2)))
attempt("embedding_float", lambda: F.embedding(torch.tensor([0.0, 1.0]), torch.randn(3, 2)))
attempt("embedding_w_1d", lambda: F.embedding(torch.tensor([0, 1]), torch.randn(3)))
attempt("one_hot_classes_neg", lambda: F.one_hot(torch.tensor([0, 1]), -2))
attempt("pad_too_long", lambda: F.pad(x, (1, 1, 1, 1, 1, 1)))
attempt("pad_reflect_big", lambda: F.pad(torch.randn(1, 1, 3), (3, 3), mode="reflect"))
attempt("pad_reflect_2d_input", lambda: F.pad(torch.randn(3), (1, 1), mode="reflect"))
attempt("pad_neg_crop", lambda: F.pad(x, (-1, -1)).shape)
attempt("interp_mode_bad", lambda: F.interpolate(torch.randn(1, 1, 4), scale_factor=2, mode="bilinear"))
attempt("interp_mode_unknown", lambda: F.interpolate(torch.randn(1, 1, 4, 4), scale_factor=2, mode="cubic"))
attempt("interp_size_len", lambda: F.interpolate(torch.randn(1, 1, 4, 4), size=(2, 2, 2)))
attempt("interp_align_nearest", lambda: F.interpolate(torch.randn(1, 1, 4), scale_factor=2, align_corners=True))
attempt("max_pool_k_zero", lambda: F.max_pool1d(torch.randn(1, 1, 4), 0))
attempt("avg_pool_pad_big", lambda: F.avg_pool2d(torch.randn(1, 1, 4, 4), 2, padding=2))
attempt("adaptive_neg", lambda: F.adaptive_avg_pool2d(torch.randn(1, 1, 4, 4), -1))
attempt("glu_odd", lambda: F.glu(torch.randn(2, 3)))
attempt("unfold_rank", lambda: F.unfold(torch.randn(4, 4), 2))
attempt("pixel_shuffle_bad", lambda: F.pixel_shuffle(torch.randn(1, 3, 2, 2), 2))
attempt("layer_norm_shape", lambda: F.layer_norm(x, (4,)))
attempt("batch_norm_stats", lambda: F.batch_norm(x, torch.zeros(2), torch.ones(2)))
attempt("group_norm_div", lambda: F.group_norm(torch.randn(2, 6, 3), 4))
attempt("dropout_neg", lambda: F.dropout(x, p=-0.1))
attempt("threshold_ok", lambda: F.threshold(x, 0.0, -1.0).shape)
attempt("hardtanh_bad", lambda: F.hardtanh(x, 1.0, -1.0))
attempt("elu_inplace_leaf", lambda: F.elu(torch.randn(2, requires_grad=True), inplace=True))
attempt("leaky_relu_inplace_leaf", lambda: F.leaky_relu_(torch.randn(2, requires_grad=True)))
attempt("gumbel_dim", lambda: F.gumbel_softmax(x, dim=3))
attempt("mha_shape", lambda: F.scaled_dot_product_attention(torch.randn(2, 3, 4), torch.randn(2, 5, 6), torch.randn(2, 5, 4)))
