# Linear / Conv / BatchNorm / Embedding / matmul shape mistakes.
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
torch.manual_seed(6)
attempt("mm_1d", lambda: torch.mm(torch.ones(3), torch.ones(3, 2)))
attempt("mm_3d", lambda: torch.mm(torch.ones(2, 2, 3), torch.ones(3, 2)))
attempt("matmul_1d_1d", lambda: torch.matmul(torch.ones(3), torch.ones(4)))
attempt("matmul_1d_2d", lambda: torch.matmul(torch.ones(3), torch.ones(4, 2)))
attempt("matmul_2d_1d", lambda: torch.matmul(torch.ones(2, 3), torch.ones(4)))
attempt("matmul_3d_3d", lambda: torch.ones(2, 3, 4) @ torch.ones(2, 5, 6))
attempt("matmul_batch", lambda: torch.ones(2, 3, 4) @ torch.ones(3, 4, 5))
attempt("matmul_3d_1d", lambda: torch.ones(2, 3, 4) @ torch.ones(5))
attempt("matmul_0d", lambda: torch.tensor(2.0) @ torch.ones(2))
attempt("bmm_2d", lambda: torch.bmm(torch.ones(3, 4), torch.ones(4, 5)))
attempt("bmm_batch", lambda: torch.bmm(torch.ones(2, 3, 4), torch.ones(3, 4, 5)))
attempt("bmm_inner", lambda: torch.bmm(torch.ones(2, 3, 4), torch.ones(2, 5, 6)))
attempt("dot_2d", lambda: torch.dot(torch.ones(2, 2), torch.ones(2, 2)))
attempt("dot_len", lambda: torch.dot(torch.ones(2), torch.ones(3)))
attempt("mv_bad", lambda: torch.mv(torch.ones(2, 3), torch.ones(2)))
attempt("outer_2d", lambda: torch.outer(torch.ones(2), torch.ones(2, 2)).shape)
lin = nn.Linear(10, 5)
attempt("linear_features", lambda: lin(torch.randn(4, 8)))
attempt("linear_1d", lambda: lin(torch.randn(8)))
attempt("linear_3d", lambda: lin(torch.randn(2, 3, 8)))
attempt("linear_0d", lambda: lin(torch.tensor(1.0)))
attempt("linear_img", lambda: lin(torch.randn(2, 1, 2, 5)))
attempt("flatten_forgot", lambda: nn.Sequential(nn.Conv2d(1, 2, 3), nn.Linear(8, 4))(torch.randn(1, 1, 4, 4)))
conv = nn.Conv2d(3, 8, 3)
attempt("conv_channels", lambda: conv(torch.randn(1, 1, 8, 8)))
attempt("conv_rank5", lambda: conv(torch.randn(1, 1, 3, 8, 8)))
attempt("conv_rank2", lambda: conv(torch.randn(8, 8)))
attempt("conv_unbatched", lambda: conv(torch.randn(3, 8, 8)).shape)
attempt("conv_small", lambda: conv(torch.randn(1, 3, 2, 2)))
attempt("conv1d_rank", lambda: nn.Conv1d(2, 4, 3)(torch.randn(2, 5)))
attempt("conv1d_4d", lambda: nn.Conv1d(2, 4, 3)(torch.randn(1, 2, 5, 5)))
attempt("conv_groups", lambda: nn.Conv2d(3, 8, 3, groups=2))
attempt("conv_pad_str", lambda: nn.Conv2d(3, 8, 3, padding="bad"))
attempt("conv_same_stride", lambda: nn.Conv2d(3, 8, 3, padding="same", stride=2))
attempt("convT_channels", lambda: nn.ConvTranspose2d(4, 2, 3)(torch.randn(1, 3, 5, 5)))
attempt("pool_big", lambda: nn.MaxPool2d(5)(torch.randn(1, 1, 3, 3)))
attempt("pool_pad", lambda: nn.MaxPool2d(2, padding=2)(torch.randn(1, 1, 4, 4)))
attempt("avgpool_rank", lambda: nn.AvgPool2d(2)(torch.randn(4, 4)))
bn = nn.BatchNorm1d(4)
attempt("bn_batch1", lambda: bn(torch.randn(1, 4)))
attempt("bn_batch1_3d_ok", lambda: bn(torch.randn(1, 4, 2)).shape)
attempt("bn_eval_ok", lambda: bn.eval()(torch.randn(1, 4)).shape)
attempt("bn_channels", lambda: nn.BatchNorm1d(4)(torch.randn(3, 5)))
attempt("bn2d_rank", lambda: nn.BatchNorm2d(4)(torch.randn(3, 4)))
attempt("bn2d_batch1", lambda: nn.BatchNorm2d(2)(torch.randn(1, 2, 1, 1)))
attempt("bn2d_ok", lambda: nn.BatchNorm2d(2)(torch.randn(1, 2, 2, 1)).shape)
attempt("bn1d_rank4", lambda: nn.BatchNorm1d(4)(torch.randn(2, 4, 2, 2)))
attempt("ln_shape", lambda: nn.LayerNorm(5)(torch.randn(2, 4)))
attempt("ln_shape2", lambda: nn.LayerNorm([3, 4])(torch.randn(2, 4, 3)))
attempt("gn_div", lambda: nn.GroupNorm(3, 4))
attempt("gn_channels", lambda: nn.GroupNorm(2, 4)(torch.randn(2, 6, 3)))
emb = nn.Embedding(5, 3)
attempt("emb_oob", lambda: emb(torch.tensor([1, 5])))
attempt("emb_neg", lambda: emb(torch.tensor([-1])))
attempt("emb_2d_oob", lambda: emb(torch.tensor([[0, 1], [2, 7]])))
attempt("emb_padding_bad", lambda: nn.Embedding(5, 3, padding_idx=5))
attempt("emb_padding_neg", lambda: nn.Embedding(5, 3, padding_idx=-6))
attempt("emb_from_pre_1d", lambda: nn.Embedding.from_pretrained(torch.ones(5)))
attempt("F_embedding_oob", lambda: F.embedding(torch.tensor([3]), torch.ones(3, 2)))
