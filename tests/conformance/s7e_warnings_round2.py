# Warnings beginners see, captured and printed: deprecated args, implicit dims, non-leaf .grad, broadcasting.
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
torch.manual_seed(13)
x = torch.randn(2, 3)
record("softmax_no_dim", lambda: F.softmax(x).shape)
record("log_softmax_no_dim", lambda: F.log_softmax(x).shape)
record("softmin_no_dim", lambda: F.softmin(x).shape)
record("nn_softmax_no_dim", lambda: nn.Softmax()(x).shape)
record("size_average", lambda: nn.MSELoss(size_average=False))
record("reduce_arg", lambda: nn.L1Loss(reduce=False))
record("ce_size_average", lambda: nn.CrossEntropyLoss(size_average=True))
record("sigmoid_F", lambda: F.sigmoid(x).shape)
record("tanh_F", lambda: F.tanh(x).shape)
record("upsample", lambda: F.upsample(torch.randn(1, 1, 2, 2), scale_factor=2).shape)
record("upsample_bilinear", lambda: F.upsample_bilinear(torch.randn(1, 1, 2, 2), scale_factor=2).shape)
record("interp_align", lambda: F.interpolate(torch.randn(1, 1, 2, 2), scale_factor=2, mode="bilinear").shape)
record("kl_mean", lambda: F.kl_div(torch.randn(2, 3).log_softmax(1), torch.rand(2, 3)).shape)
record("mse_bcast", lambda: nn.MSELoss()(torch.randn(3, 1), torch.randn(3)).shape)
record("nonleaf_grad", lambda: (torch.ones(2, requires_grad=True) * 2).grad)
record("dropout_p_warn", lambda: nn.Dropout2d(0.5)(torch.randn(2, 3)).shape)
record("dropout3d_warn", lambda: nn.Dropout3d(0.5)(torch.randn(2, 3, 4, 4)).shape)
record("tensor_copy", lambda: torch.tensor(torch.ones(2)).shape)
record("clip_deprecated", lambda: nn.utils.clip_grad_norm(nn.Linear(2, 2).parameters(), 1.0))
record("xavier_deprecated", lambda: nn.init.xavier_uniform(torch.empty(2, 2)).shape)
record("normal_deprecated", lambda: nn.init.normal(torch.empty(2, 2)).shape)
record("floor_divide", lambda: torch.floor_divide(torch.tensor([5, -5]), 2))
record("nonzero_tuple", lambda: torch.nonzero(torch.tensor([0, 1, 1])).shape)
record("lstm_dropout", lambda: nn.LSTM(2, 3, num_layers=1, dropout=0.5).dropout)
record("transformer_nested", lambda: nn.TransformerEncoder(
    nn.TransformerEncoderLayer(4, 2, 8, batch_first=False), 1).num_layers)
