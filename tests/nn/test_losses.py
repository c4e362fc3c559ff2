"""Losses (functional + modules) against torch: forward values, gradients, errors and warnings."""
from __future__ import annotations

import itertools
import warnings

import numpy as np
import pytest
from _parity import run_both

import gradkit
import gradkit.nn._functional_loss as GF
import gradkit.nn.modules.loss as GL
from gradkit.autograd import gradcheck

torch = pytest.importorskip("torch")
TF = torch.nn.functional

REDS = ("none", "mean", "sum")
DTYPES = (np.float32, np.float64)


def F(T):
    return TF if T is torch else gradkit.nn.functional


def NN(T):
    return torch.nn if T is torch else gradkit.nn


def rng(seed=0):
    return np.random.default_rng(seed)


def randn(shape, dtype=np.float64, seed=0):
    return rng(seed).standard_normal(shape).astype(dtype)


def tol(dtype):
    return dict(rtol=2e-5, atol=2e-6) if dtype == np.float32 else dict(rtol=1e-9, atol=1e-11)


# ---------------------------------------------------------------------------------------------- pointwise regression

@pytest.mark.parametrize("red,dtype", [("none", np.float32), ("mean", np.float64), ("sum", np.float32),
                                       ("mean", np.float32)])
@pytest.mark.parametrize("kind,param", [("mse", None), ("l1", None), ("smooth_l1", 1.0), ("smooth_l1", 0.0),
                                        ("smooth_l1", 0.3), ("huber", 1.0), ("huber", 0.4), ("huber", 2.5)])
def test_pointwise(kind, param, dtype, red):
    x, t = randn((4, 3), dtype, 1), randn((4, 3), dtype, 2)
    x[0, 0] = t[0, 0]

    def fn(T, a, b):
        f = getattr(F(T), kind + "_loss")
        if kind == "smooth_l1":
            return f(a, b, reduction=red, beta=param)
        if kind == "huber":
            return f(a, b, reduction=red, delta=param)
        return f(a, b, reduction=red)
    run_both(fn, [x, t], requires_grad=(0, 1), **tol(dtype))


@pytest.mark.parametrize("kind", ["mse", "l1", "smooth_l1", "huber"])
def test_pointwise_broadcast_warns(kind):
    x, t = randn((3, 1), np.float32, 1), randn((3,), np.float32, 2)

    def fn(T, a, b):
        with pytest.warns(UserWarning, match=r"Using a target size \(torch.Size\(\[3\]\)\) that is different to "
                                             r"the input size \(torch.Size\(\[3, 1\]\)\)"):
            return getattr(F(T), kind + "_loss")(a, b)
    run_both(fn, [x, t], requires_grad=(0, 1))


@pytest.mark.parametrize("kind", ["mse_loss", "l1_loss", "smooth_l1_loss", "huber_loss",
                                  "binary_cross_entropy_with_logits"])
@pytest.mark.parametrize("dts", [(np.float32, np.float64), (np.float64, np.float32), (np.float32, np.int64)])
def test_mixed_dtypes(kind, dts):
    x = randn((3, 2), dts[0], 1)
    t = (rng(2).random((3, 2)) * 2).astype(dts[1])
    if kind == "binary_cross_entropy_with_logits" and dts[1] == np.int64:
        _both_raise(lambda T, a, b: getattr(F(T), kind)(a, b), [x, t])
        return
    rg = () if kind == "huber_loss" else (0,)  # torch's huber backward rejects mixed dtypes
    run_both(lambda T, a, b: getattr(F(T), kind)(a, b), [x, t], requires_grad=rg, **tol(np.float32))


@pytest.mark.parametrize("red", REDS)
@pytest.mark.parametrize("kind", ["mse", "l1", "huber"])
def test_pointwise_weighted(kind, red):
    x, t, w = randn((4, 3), np.float64, 1), randn((4, 3), np.float64, 2), rng(3).random((4, 3))
    run_both(lambda T, a, b, c: getattr(F(T), kind + "_loss")(a, b, reduction=red, weight=c), [x, t, w],
             requires_grad=(0, 1, 2), **tol(np.float64))


def test_pointwise_legacy_and_modules():
    x, t = randn((5, 2), np.float32, 1), randn((5, 2), np.float32, 2)
    for sa, rd in itertools.product((None, True, False), (None, True, False)):
        if sa is None and rd is None:
            continue

        def fn(T, a, b):
            with pytest.warns(UserWarning, match="size_average and reduce args will be deprecated"):
                return F(T).mse_loss(a, b, size_average=sa, reduce=rd)
        run_both(fn, [x, t], requires_grad=(0,))
    for name, kw in [("MSELoss", {}), ("L1Loss", {"reduction": "sum"}), ("SmoothL1Loss", {"beta": 0.5}),
                     ("HuberLoss", {"delta": 0.3, "reduction": "none"})]:
        run_both(lambda T, a, b: getattr(NN(T), name)(**kw)(a, b), [x, t], requires_grad=(0, 1))


# ---------------------------------------------------------------------------------------------- nll / cross entropy

CLS_SHAPES = [((5,), ()), ((4, 5), (4,)), ((4, 5, 3), (4, 3)), ((2, 5, 3, 2), (2, 3, 2))]


def _targets(tshape, C, ignore, seed=5):
    t = rng(seed).integers(0, C, tshape).astype(np.int64)
    if t.size > 1:
        t.reshape(-1)[1] = ignore
    return t


@pytest.mark.parametrize("ls", [0.0, 0.3])
@pytest.mark.parametrize("ignore", [-100, 2])
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("red", REDS)
@pytest.mark.parametrize("shapes", CLS_SHAPES)
def test_cross_entropy_indices(shapes, red, weighted, ignore, ls):
    xs, ts = shapes
    dtype = DTYPES[(weighted + (ls > 0) + (ignore > 0)) % 2]
    x = randn(xs, dtype, 7)
    t = _targets(ts, 5, ignore)
    w = rng(8).random(5).astype(dtype) + 0.1
    args = [x, t] + ([w] if weighted else [])
    run_both(lambda T, a, b, *c: F(T).cross_entropy(a, b, weight=c[0] if c else None, ignore_index=ignore,
                                                    reduction=red, label_smoothing=ls),
             args, requires_grad=(0,), **tol(dtype))


@pytest.mark.parametrize("ignore", [-100, 2])
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("red", REDS)
@pytest.mark.parametrize("shapes", CLS_SHAPES)
def test_nll_loss(shapes, red, weighted, ignore):
    xs, ts = shapes
    dtype = DTYPES[(weighted + (ignore > 0)) % 2]
    x = randn(xs, dtype, 9)
    t = _targets(ts, 5, ignore)
    w = rng(8).random(5).astype(dtype) + 0.1
    args = [x, t] + ([w] if weighted else [])
    run_both(lambda T, a, b, *c: F(T).nll_loss(a, b, weight=c[0] if c else None, ignore_index=ignore,
                                               reduction=red),
             args, requires_grad=(0,), **tol(dtype))


@pytest.mark.parametrize("red", REDS)
def test_empty_batch(red):
    x, t = randn((0, 5), np.float32), np.zeros(0, np.int64)
    run_both(lambda T, a, b: F(T).cross_entropy(a, b, reduction=red, label_smoothing=0.1), [x, t], requires_grad=(0,))
    run_both(lambda T, a, b: F(T).nll_loss(a, b, reduction=red), [x, t], requires_grad=(0,))
    run_both(lambda T, a, b: F(T).mse_loss(a, b, reduction=red), [x, x + 1], requires_grad=(0,))


def test_nll_all_ignored_and_uint8_target():
    x = randn((3, 4), np.float32)
    run_both(lambda T, a, b: F(T).nll_loss(a, b), [x, np.full(3, -100, np.int64)], requires_grad=(0,))
    run_both(lambda T, a, b: F(T).cross_entropy(a, b, label_smoothing=0.2),
             [x, np.full(3, -100, np.int64)], requires_grad=(0,))
    run_both(lambda T, a, b: F(T).nll_loss(a, b), [x, np.array([1, 0, 3], np.uint8)], requires_grad=(0,))


@pytest.mark.parametrize("ls", [0.0, 0.25])
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("red", REDS)
@pytest.mark.parametrize("shape", [(5,), (4, 5), (3, 5, 2)])
def test_cross_entropy_probs(shape, red, weighted, ls):
    x = randn(shape, np.float32, 11)
    cls_dim = 0 if len(shape) == 1 else 1
    p = np.exp(randn(shape, np.float32, 12))
    p = (p / p.sum(axis=cls_dim, keepdims=True)).astype(np.float32)
    w = (rng(8).random(5) + 0.1).astype(np.float32)
    args = [x, p] + ([w] if weighted else [])
    run_both(lambda T, a, b, *c: F(T).cross_entropy(a, b, weight=c[0] if c else None, reduction=red,
                                                    label_smoothing=ls),
             args, requires_grad=(0, 1, 2) if weighted else (0, 1), **tol(np.float32))


def test_cross_entropy_module_and_large_logits():
    x = randn((6, 4), np.float32, 3) * 60
    t = rng(1).integers(0, 4, 6)
    w = (rng(2).random(4) + 0.5).astype(np.float32)
    run_both(lambda T, a, b, c: NN(T).CrossEntropyLoss(weight=c, ignore_index=1, label_smoothing=0.1)(a, b),
             [x, t, w], requires_grad=(0,), **tol(np.float32))
    run_both(lambda T, a, b: NN(T).NLLLoss(reduction="sum")(T.log_softmax(a, 1), b), [x, t], requires_grad=(0,),
             **tol(np.float32))


@pytest.mark.parametrize("case", ["plain", "bias_kdim", "probs", "unbatched"])
def test_linear_cross_entropy(case):
    x, W = randn((4, 6), np.float32, 1), randn((5, 6), np.float32, 2)
    t = np.array([1, 0, 4, 2])
    b = randn((5,), np.float32, 3)
    kw = {"linear_bias": True}
    if case == "plain":
        kw = {"ignore_index": 0, "label_smoothing": 0.1}
    elif case == "bias_kdim":
        W, b, t = randn((5, 3, 6), np.float32, 2), randn((5, 3), np.float32, 3), rng(1).integers(0, 5, (4, 3))
        kw["reduction"] = "none"
    elif case == "probs":
        t = rng(4).dirichlet(np.ones(5), 4).astype(np.float32)
        kw["reduction"] = "sum"

    def fn(T, a, w, tt, bb):
        k = dict(kw, linear_bias=bb) if "linear_bias" in kw else kw
        if case == "unbatched":
            a, tt = a[0], tt[0]
        return F(T).linear_cross_entropy(a, w, tt, **k)
    run_both(fn, [x, W, t, b], requires_grad=(0, 1, 3), **tol(np.float32))


def test_linear_cross_entropy_module():
    x, t = randn((4, 6), np.float32, 1), rng(1).integers(0, 5, (4, 2))
    ms = []
    for T in (torch, gradkit):
        T.manual_seed(0)
        m = NN(T).LinearCrossEntropyLoss(6, 5, out_features=(2,), bias=True, label_smoothing=0.1)
        with T.no_grad():
            m.linear.weight.copy_(T.tensor(randn((10, 6), np.float32, 2)))
            m.linear.bias.copy_(T.tensor(randn((10,), np.float32, 3)))
        ms.append(m)
    outs = run_both(lambda T, a, b: ms[T is gradkit](a, b), [x, t], requires_grad=(0,), **tol(np.float32))
    assert outs[0].requires_grad and outs[1].requires_grad
    np.testing.assert_allclose(ms[1].linear.weight.grad.numpy(), ms[0].linear.weight.grad.numpy(), rtol=1e-4,
                               atol=1e-6)


# ---------------------------------------------------------------------------------------------- binary cross entropy

@pytest.mark.parametrize("red", REDS)
@pytest.mark.parametrize("wshape", [None, (3,), (2, 3)])
@pytest.mark.parametrize("dtype", DTYPES)
def test_bce(dtype, wshape, red):
    x = rng(1).uniform(0.02, 0.98, (2, 3)).astype(dtype)
    t = rng(2).random((2, 3)).astype(dtype)
    args = [x, t] + ([rng(3).random(wshape).astype(dtype)] if wshape else [])
    run_both(lambda T, a, b, *c: F(T).binary_cross_entropy(a, b, weight=c[0] if c else None, reduction=red),
             args, requires_grad=(0, 1), **tol(dtype))


def test_bce_edges_clamped_log():
    x = np.array([0.0, 1.0, 0.0, 1.0, 0.5], np.float32)
    t = np.array([1.0, 0.0, 0.0, 1.0, 1.0], np.float32)
    run_both(lambda T, a, b: F(T).binary_cross_entropy(a, b, reduction="none"), [x, t], requires_grad=(0,),
             rtol=1e-5, atol=1e-3)
    run_both(lambda T, a, b: NN(T).BCELoss()(a, b), [x, t], requires_grad=(0,), rtol=1e-5)


@pytest.mark.parametrize("red", REDS)
@pytest.mark.parametrize("pwshape", [None, (3,), (2, 3)])
@pytest.mark.parametrize("wshape", [None, (3,), (2, 1)])
def test_bce_with_logits(wshape, pwshape, red):
    dtype = DTYPES[((wshape is None) + (pwshape is None) + len(red)) % 2]
    x = randn((2, 3), dtype, 1) * 3
    x[0, 0], x[1, 2] = 120.0, -120.0
    t = rng(2).random((2, 3)).astype(dtype)
    w = rng(3).random(wshape).astype(dtype) if wshape else None
    pw = (rng(4).random(pwshape) * 3).astype(dtype) if pwshape else None
    args = [x, t] + [a for a in (w, pw) if a is not None]

    def fn(T, a, b, *rest):
        rest = list(rest)
        ww = rest.pop(0) if w is not None else None
        pp = rest.pop(0) if pw is not None else None
        return F(T).binary_cross_entropy_with_logits(a, b, weight=ww, pos_weight=pp, reduction=red)
    run_both(fn, args, requires_grad=(0, 1), **tol(dtype))


def test_bce_with_logits_module():
    x, t = randn((4, 3), np.float32, 1), rng(2).random((4, 3)).astype(np.float32)
    pw = np.array([1.0, 2.0, 0.5], np.float32)
    run_both(lambda T, a, b, c: NN(T).BCEWithLogitsLoss(pos_weight=c, reduction="sum")(a, b), [x, t, pw],
             requires_grad=(0,))
    m = GL.BCEWithLogitsLoss(pos_weight=gradkit.tensor(pw))
    assert list(m.state_dict()) == ["pos_weight"]
    assert list(GL.CrossEntropyLoss(weight=gradkit.ones(3)).state_dict()) == ["weight"]
    assert GL.CrossEntropyLoss().weight is None


# ---------------------------------------------------------------------------------------------- likelihood losses

@pytest.mark.parametrize("red", REDS)
@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("log_input", [True, False])
def test_poisson_nll(log_input, full, red):
    x = randn((3, 4), np.float32, 1)
    if not log_input:
        x = np.abs(x) + 0.1
    t = rng(2).integers(0, 6, (3, 4)).astype(np.float32)
    run_both(lambda T, a, b: F(T).poisson_nll_loss(a, b, log_input=log_input, full=full, reduction=red), [x, t],
             requires_grad=(0,), **tol(np.float32))
    tp = t + 0.5
    run_both(lambda T, a, b: NN(T).PoissonNLLLoss(log_input=log_input, full=full, eps=1e-3, reduction=red)(a, b),
             [x, tp], requires_grad=(0, 1), **tol(np.float32))


@pytest.mark.parametrize("red", REDS)
@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("vshape", [(4, 3, 2), (4, 3), (4, 1, 2), (1, 3, 2), "float"])
def test_gaussian_nll(vshape, full, red):
    x, t = randn((4, 3, 2), np.float64, 1), randn((4, 3, 2), np.float64, 2)
    if vshape == "float":
        run_both(lambda T, a, b: F(T).gaussian_nll_loss(a, b, 0.7, full=full, reduction=red), [x, t],
                 requires_grad=(0, 1), **tol(np.float64))
        return
    v = rng(3).random(vshape) + 0.05
    v.reshape(-1)[0] = 1e-9
    run_both(lambda T, a, b, c: NN(T).GaussianNLLLoss(full=full, eps=1e-4, reduction=red)(a, b, c), [x, t, v],
             requires_grad=(0, 1, 2), **tol(np.float64))


@pytest.mark.parametrize("red", ["none", "mean", "sum", "batchmean"])
@pytest.mark.parametrize("log_target", [False, True])
def test_kl_div(log_target, red):
    x = np.log(rng(1).dirichlet(np.ones(5), 3)).astype(np.float32)
    p = rng(2).dirichlet(np.ones(5), 3).astype(np.float32)
    p[0, 0] = 0.0
    t = np.log(p) if log_target else p

    def fn(T, a, b):
        with warnings.catch_warnings(record=True) as rec:
            warnings.simplefilter("always")
            out = NN(T).KLDivLoss(reduction=red, log_target=log_target)(a, b)
        assert any("'batchmean' divides only by the batch size" in str(w.message) for w in rec) == (red == "mean")
        return out
    run_both(fn, [x, t], requires_grad=(0, 1) if log_target else (0,), **tol(np.float32))


# ---------------------------------------------------------------------------------------------- margin losses

@pytest.mark.parametrize("red", REDS)
def test_hinge_soft_margin_ranking(red):
    x = randn((4, 3), np.float32, 1)
    y = np.where(rng(2).random((4, 3)) > 0.5, 1.0, -1.0).astype(np.float32)
    run_both(lambda T, a, b: F(T).hinge_embedding_loss(a, b, margin=0.7, reduction=red), [x, y], requires_grad=(0,))
    run_both(lambda T, a, b: NN(T).SoftMarginLoss(reduction=red)(a, b), [x, y], requires_grad=(0,))
    x2 = randn((4, 3), np.float32, 3)
    run_both(lambda T, a, b, c: NN(T).MarginRankingLoss(margin=0.3, reduction=red)(a, b, c), [x, x2, y],
             requires_grad=(0, 1, 2))
    run_both(lambda T, a, b: NN(T).HingeEmbeddingLoss(reduction=red)(a, b), [x, y], requires_grad=(0,))


@pytest.mark.parametrize("red", REDS)
@pytest.mark.parametrize("batched", [True, False])
def test_cosine_embedding(batched, red):
    x1, x2 = randn((5, 4), np.float64, 1), randn((5, 4), np.float64, 2)
    y = np.array([1, -1, 1, -1, -1], np.float64)
    if not batched:
        x1, x2, y = x1[0], x2[0], np.array(-1.0)
    run_both(lambda T, a, b, c: NN(T).CosineEmbeddingLoss(margin=-0.2, reduction=red)(a, b, c), [x1, x2, y],
             requires_grad=(0, 1), **tol(np.float64))


@pytest.mark.parametrize("red", REDS)
@pytest.mark.parametrize("shape", [(6,), (3, 6), (0, 6)])
def test_multilabel_margin(shape, red):
    if shape[0] == 0 and red != "none":
        return  # torch reads uninitialised memory for an empty batch reduced
    x = randn(shape, np.float32, 1)
    t = np.full(shape, -1, np.int64)
    if len(shape) == 1:
        t[:3] = [3, 0, 3]
    elif shape[0]:
        t[0, :2] = [1, 4]
        t[1, :5] = [0, 1, 2, 3, 5]
        t[2, 0], t[2, 2] = -1, 2
    run_both(lambda T, a, b: NN(T).MultiLabelMarginLoss(reduction=red)(a, b), [x, t], requires_grad=(0,))


@pytest.mark.parametrize("red", REDS)
@pytest.mark.parametrize("weighted", [False, True])
def test_multilabel_soft_margin(weighted, red):
    x = randn((4, 5), np.float32, 1)
    x[0, 0] = 0.0
    t = (rng(2).random((4, 5)) > 0.5).astype(np.float32)
    w = rng(3).random(5).astype(np.float32)
    args = [x, t] + ([w] if weighted else [])
    run_both(lambda T, a, b, *c: NN(T).MultiLabelSoftMarginLoss(weight=c[0] if c else None, reduction=red)(a, b),
             args, requires_grad=(0, 1, 2) if weighted else (0, 1))


@pytest.mark.parametrize("red", REDS)
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("p,margin", [(1, 1.0), (2, 1.0), (1, 0.4), (2, 2.0)])
@pytest.mark.parametrize("batched", [True, False])
def test_multi_margin(batched, p, margin, weighted, red):
    x = randn((4, 5) if batched else (5,), np.float64, 1)
    t = np.array([1, 0, 4, 2]) if batched else np.array(3)
    w = rng(3).random(5)
    args = [x, t] + ([w] if weighted else [])
    run_both(lambda T, a, b, *c: NN(T).MultiMarginLoss(p=p, margin=margin, weight=c[0] if c else None,
                                                       reduction=red)(a, b),
             args, requires_grad=(0,), **tol(np.float64))


@pytest.mark.parametrize("red", REDS)
@pytest.mark.parametrize("swap", [False, True])
@pytest.mark.parametrize("p", [1.0, 2.0, 3.0])
def test_triplet_margin(p, swap, red):
    a, pos, neg = (randn((5, 4), np.float64, s) for s in (1, 2, 3))
    run_both(lambda T, x, y, z: NN(T).TripletMarginLoss(margin=1.5, p=p, eps=1e-4, swap=swap, reduction=red)(x, y, z),
             [a, pos, neg], requires_grad=(0, 1, 2), **tol(np.float64))
    run_both(lambda T, x, y, z: F(T).triplet_margin_loss(x[0], y[0], z[0], p=p, swap=swap, reduction=red),
             [a, pos, neg], requires_grad=(0, 1, 2), **tol(np.float64))


@pytest.mark.parametrize("red", REDS)
@pytest.mark.parametrize("swap", [False, True])
def test_triplet_with_distance(swap, red):
    a, pos, neg = (randn((5, 4), np.float32, s) for s in (1, 2, 3))

    def cos_dist(x, y):
        return 1.0 - (x * y).sum(-1) / ((x * x).sum(-1) * (y * y).sum(-1)).sqrt()
    run_both(lambda T, x, y, z: F(T).triplet_margin_with_distance_loss(x, y, z, swap=swap, reduction=red),
             [a, pos, neg], requires_grad=(0, 1, 2))
    run_both(lambda T, x, y, z: NN(T).TripletMarginWithDistanceLoss(distance_function=cos_dist, margin=0.5,
                                                                    swap=swap, reduction=red)(x, y, z),
             [a, pos, neg], requires_grad=(0, 1, 2))


# ---------------------------------------------------------------------------------------------- CTC

def _ctc_inputs(T_, N, C, S, dtype, seed=0):
    r = rng(seed)
    z = r.standard_normal((T_, N, C))
    lp = (z - np.log(np.exp(z).sum(-1, keepdims=True))).astype(dtype)
    tg = r.integers(1, C, (N, S)).astype(np.int64)
    tg[0, 1] = tg[0, 0]
    return lp, tg


@pytest.mark.parametrize("red", REDS)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("flat_targets", [False, True])
def test_ctc(flat_targets, dtype, red):
    lp, tg = _ctc_inputs(12, 4, 5, 4, dtype)
    il = np.array([12, 10, 7, 12])
    tl = np.array([4, 2, 0, 3])
    if flat_targets:
        tg = np.concatenate([tg[i, :tl[i]] for i in range(4)])
    run_both(lambda T, a, b, c, d: F(T).ctc_loss(a, b, c, d, reduction=red), [lp, tg, il, tl], requires_grad=(0,),
             **tol(dtype))


@pytest.mark.parametrize("zero_inf", [False, True])
def test_ctc_module_blank_unbatched_infinite(zero_inf):
    lp, tg = _ctc_inputs(8, 3, 6, 5, np.float64, 3)
    tg[tg == 2] = 3
    il = np.array([8, 3, 8])
    tl = np.array([3, 5, 5])
    run_both(lambda T, a, b, c, d: NN(T).CTCLoss(blank=2, zero_infinity=zero_inf, reduction="none")(a, b, c, d)
             .clamp(max=1e30), [lp, tg, il, tl], requires_grad=(0,) if zero_inf else (), **tol(np.float64))
    run_both(lambda T, a, b, c, d: F(T).ctc_loss(a[:, 0], b[0, :3], c[0], d[0]), [lp, tg, il, tl], requires_grad=(0,),
             **tol(np.float64))
    run_both(lambda T, a, b: F(T).ctc_loss(a, b, (8, 6, 8), (3, 1, 2), reduction="sum"), [lp, tg],
             requires_grad=(0,), **tol(np.float64))


# ---------------------------------------------------------------------------------------------- gradcheck (float64)

def _g(a, rg=True):
    return gradkit.tensor(a, requires_grad=rg)


def test_gradcheck_functions():
    x, y = randn((3, 4), seed=1), randn((3, 4), seed=2)
    for kind in ("mse_loss", "l1_loss", "smooth_l1_loss", "huber_loss"):
        for red in REDS:
            assert gradcheck(lambda a, b: getattr(GF, kind)(a, b, reduction=red), (_g(x), _g(y)))
    t = np.array([1, 0, 3])
    w = gradkit.tensor(rng(3).random(4) + 0.1)
    for ls, red in itertools.product((0.0, 0.2), REDS):
        assert gradcheck(lambda a: GF.cross_entropy(a, gradkit.tensor(t), weight=w, reduction=red,
                                                    label_smoothing=ls, ignore_index=0), (_g(x),))
    assert gradcheck(lambda a: GF.nll_loss(a, gradkit.tensor(t), weight=w), (_g(x),))
    p = rng(4).uniform(0.1, 0.9, (3, 4))
    q = rng(5).random((3, 4))
    assert gradcheck(lambda a, b: GF.binary_cross_entropy(a, b, weight=w), (_g(p), _g(q)))
    pw = gradkit.tensor(rng(6).random(4) * 2)
    assert gradcheck(lambda a, b: GF.binary_cross_entropy_with_logits(a, b, weight=w, pos_weight=pw,
                                                                      reduction="none"), (_g(x), _g(q)))
    assert gradcheck(lambda a, b: GF.multilabel_soft_margin_loss(a, b), (_g(x), _g(q)))
    assert gradcheck(lambda a, b: GF.gaussian_nll_loss(a, b, b * b + 0.5), (_g(x), _g(y)))
    z, tg = _ctc_inputs(6, 2, 4, 2, np.float64, 9)
    assert gradcheck(lambda a: GF.ctc_loss(gradkit.log_softmax(a, 2), gradkit.tensor(tg), [6, 5], [2, 1],
                                           reduction="none"), (_g(z),))


# ---------------------------------------------------------------------------------------------- errors / warnings / reprs

def _both_raise(fn, arrays):
    msgs = []
    for T in (torch, gradkit):
        ts = [T.tensor(a) if isinstance(a, np.ndarray) else a for a in arrays]
        with pytest.raises(Exception) as ei, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fn(T, *ts)
        msgs.append((type(ei.value), str(ei.value)))
    assert msgs[0] == msgs[1], msgs


X35 = randn((3, 5), np.float32)
T3 = np.array([1, 0, 4])
ERROR_CASES = [
    (lambda T, x, t: F(T).cross_entropy(x, t), [X35, T3.astype(np.float32)]),
    (lambda T, x, t: F(T).cross_entropy(x, t), [X35, T3.astype(np.int32)]),
    (lambda T, x, t: F(T).nll_loss(x, t), [X35, T3.astype(np.float64)]),
    (lambda T, x, t: F(T).nll_loss(x, t), [X35, np.array([1, 0, 5])]),
    (lambda T, x, t: F(T).cross_entropy(x, t), [X35, np.array([1, -3, 0])]),
    (lambda T, x, t: F(T).cross_entropy(x, t), [X35, np.array([1, 0])]),
    (lambda T, x, t: F(T).nll_loss(x, t, weight=T.ones(4)), [X35, T3]),
    (lambda T, x, t: F(T).cross_entropy(x, t, label_smoothing=1.5), [X35, T3]),
    (lambda T, x, t: F(T).cross_entropy(x, t, ignore_index=1), [X35, X35]),
    (lambda T, x, t: F(T).cross_entropy(x, t), [X35, X35.astype(np.int64)]),
    (lambda T, x, t: F(T).nll_loss(x, t, reduction="foo"), [X35, T3]),
    (lambda T, x, t: F(T).nll_loss(x, t), [randn((2, 3, 4)), np.zeros((2, 5), np.int64)]),
    (lambda T, x, t: F(T).nll_loss(x, t), [randn((2, 3, 4)), np.zeros((3, 4), np.int64)]),
    (lambda T, x, t: F(T).nll_loss(x, t), [randn((2, 3)), np.zeros((2, 4), np.int64)]),
    (lambda T, x, t: F(T).nll_loss(x, t), [np.array(1.0), np.array(0)]),
    (lambda T, x, t: F(T).mse_loss(x, t), [randn((3, 2)), randn((4,))]),
    (lambda T, x, t: F(T).l1_loss(x, t, reduction="avg"), [randn((3,)), randn((3,))]),
    (lambda T, x, t: F(T).binary_cross_entropy(x, t), [np.array([0.5, 1.5]), np.array([0.0, 1.0])]),
    (lambda T, x, t: F(T).binary_cross_entropy(x, t), [np.array([0.5, 0.5]), np.array([0.0, 1.0, 1.0])]),
    (lambda T, x, t: F(T).binary_cross_entropy_with_logits(x, t), [randn((2,)), randn((3,))]),
    (lambda T, x, t: F(T).gaussian_nll_loss(x, t, -T.ones(3, 5)), [X35, X35]),
    (lambda T, x, t: F(T).gaussian_nll_loss(x, t, T.ones(2)), [X35, X35]),
    (lambda T, x, t: F(T).gaussian_nll_loss(x, t, T.ones(3, 5), reduction="x"), [X35, X35]),
    (lambda T, x, t: F(T).multi_margin_loss(x, t, p=3), [X35, T3]),
    (lambda T, x, t: F(T).multi_margin_loss(x, t, weight=T.ones(2, 5)), [X35, T3]),
    (lambda T, x, t: F(T).triplet_margin_loss(x, x, x, margin=0), [X35, T3]),
    (lambda T, x, t: F(T).triplet_margin_loss(x, x, x[0]), [X35, T3]),
    (lambda T, x, t: F(T).margin_ranking_loss(x, x, t), [X35, T3.astype(np.float32)]),
    (lambda T, x, t: F(T).cosine_embedding_loss(x, x, t), [X35, np.ones((3, 1), np.float32)]),
    (lambda T, x, t: F(T).cosine_embedding_loss(x, x, t), [X35, np.array(1.0, np.float32)]),
    (lambda T, x, t: F(T).multilabel_margin_loss(x, t), [X35, T3]),
    (lambda T, x, t: F(T).kl_div(x, t, reduction="foo"), [X35, X35]),
    (lambda T, x, t: F(T).kl_div(x, t), [X35, T3]),
    (lambda T, x, t: F(T).binary_cross_entropy(x.sigmoid(), t), [X35, X35.astype(np.float64)]),
    (lambda T, x, t: F(T).cross_entropy(x, t, weight=T.rand(5, requires_grad=True)), [X35, T3]),
    (lambda T, x, t: NN(T).MultiMarginLoss(p=3), [X35, T3]),
    (lambda T, x, t: NN(T).TripletMarginLoss(margin=-1.0), [X35, T3]),
    (lambda T, x, t: NN(T).TripletMarginWithDistanceLoss(margin=0.0), [X35, T3]),
]


@pytest.mark.parametrize("case", range(len(ERROR_CASES)))
def test_errors_match_torch(case):
    fn, arrays = ERROR_CASES[case]
    _both_raise(fn, arrays)


def test_legacy_module_args_and_reprs():
    for sa, rd in [(False, None), (None, False), (True, True)]:
        for T in (torch, gradkit):
            with pytest.warns(UserWarning, match="size_average and reduce args will be deprecated"):
                m = NN(T).NLLLoss(size_average=sa, reduce=rd)
            assert m.reduction == {(False, None): "sum", (None, False): "none", (True, True): "mean"}[(sa, rd)]
    names = [n for n in GL.__all__ if n not in ("NLLLoss2d", "LinearCrossEntropyLoss")]
    for n in names:
        assert repr(getattr(GL, n)()) == repr(getattr(torch.nn, n)()), n
    assert repr(GL.LinearCrossEntropyLoss(4, 3, bias=True)) == repr(torch.nn.LinearCrossEntropyLoss(4, 3, bias=True))
    for T in (torch, gradkit):
        with pytest.warns(FutureWarning, match="`NLLLoss2d` has been deprecated"):
            assert repr(NN(T).NLLLoss2d()) == "NLLLoss2d()"
    m = GL.CrossEntropyLoss(weight=gradkit.ones(5), label_smoothing=0.1, ignore_index=3)
    assert (m.ignore_index, m.label_smoothing, m.reduction) == (3, 0.1, "mean")
    assert GL.KLDivLoss(log_target=True).log_target is True
    with pytest.raises(ValueError, match="not a valid value for reduction"):
        GL.MSELoss(reduction="bad")(gradkit.ones(2), gradkit.ones(2))


def test_float32_preserved_and_fused_single_node():
    x = gradkit.tensor(randn((8, 5), np.float32), requires_grad=True)
    t = gradkit.tensor(rng(1).integers(0, 5, 8))
    y = gradkit.tensor(rng(2).random((8, 5)).astype(np.float32))
    for out in (GF.cross_entropy(x, t), GF.nll_loss(x, t), GF.mse_loss(x, y), GF.l1_loss(x, y),
                GF.binary_cross_entropy_with_logits(x, y)):
        assert out.dtype == gradkit.float32
        assert out.grad_fn.next[0] is x._accum
        out.backward()
        assert x.grad.dtype == gradkit.float32
        x.grad = None


DOUBLE_CASES = [
    (lambda T, x, y: F(T).mse_loss(x, y), (3, 4)),
    (lambda T, x, y: F(T).mse_loss(x, y.sum(0, keepdim=True), reduction="sum"), (3, 4)),
    (lambda T, x, y: F(T).smooth_l1_loss(x, y, beta=0.7, reduction="none"), (3, 4)),
    (lambda T, x, y: F(T).huber_loss(x, y, delta=0.6), (3, 4)),
    (lambda T, x, y: F(T).l1_loss(x * x, y), (3, 4)),
    (lambda T, x, y: F(T).cross_entropy(x, T.tensor([1, 0, 3]), weight=T.arange(1.0, 5.0, dtype=T.float64),
                                        label_smoothing=0.2), (3, 4)),
    (lambda T, x, y: F(T).cross_entropy(x.reshape(2, 3, 2), T.tensor([[1, 0], [2, -100]]), reduction="none"), (3, 4)),
    (lambda T, x, y: F(T).nll_loss(x * x, T.tensor([1, 0, 3]), reduction="sum"), (3, 4)),
    (lambda T, x, y: F(T).binary_cross_entropy_with_logits(x, y.sigmoid(), weight=T.arange(1.0, 5.0,
                                                           dtype=T.float64), pos_weight=y[0].detach().abs()), (3, 4)),
]


@pytest.mark.parametrize("case", range(len(DOUBLE_CASES)))
def test_double_backward(case):
    fn, shape = DOUBLE_CASES[case]
    x, y = randn(shape, np.float64, 1), randn(shape, np.float64, 2)

    def run(T, a, b):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out = fn(T, a, b)
        (gx, gy) = T.autograd.grad(out.sum(), (a, b), create_graph=True, allow_unused=True)
        tot = (gx * gx).sum() + (0 if gy is None else (gy * gy * gy).sum())
        return tot
    run_both(run, [x, y], requires_grad=(0, 1), **tol(np.float64))
