"""Parity of torch's top-level forms of nn.functional ops (ATen argument orders), lazy modules, parametrizations,
pruning, BN fusion, DataParallel and functional_call."""
from __future__ import annotations

import importlib
import warnings

import numpy as np
import pytest
from _parity import assert_close, run_both

import gradkit

torch = pytest.importorskip("torch")
RNG = np.random.default_rng(3)


def _r(*shape, dtype=np.float32, lo=-1.0, hi=1.0):
    return RNG.uniform(lo, hi, shape).astype(dtype)


# ------------------------------------------------------------------------------------------ top-level functional
def test_conv_and_pool_top_level():
    x2, w2, b2 = _r(2, 3, 6, 6), _r(4, 3, 3, 3), _r(4)
    run_both(lambda T, x, w, b: T.conv2d(x, w, b, 2, 1), [x2, w2, b2], requires_grad=(0, 1, 2), rtol=1e-4, atol=1e-5)
    run_both(lambda T, x, w: T.conv1d(x, w, None, 1, 1, 2), [_r(2, 3, 9), _r(4, 3, 3)], requires_grad=(0, 1),
             rtol=1e-4, atol=1e-5)
    run_both(lambda T, x, w: T.conv3d(x, w), [_r(1, 2, 4, 4, 4), _r(3, 2, 2, 2, 2)], requires_grad=(0, 1),
             rtol=1e-4, atol=1e-5)
    run_both(lambda T, x, w: T.conv_transpose2d(x, w, None, 2, 1, 1), [_r(1, 3, 4, 4), _r(3, 2, 3, 3)],
             requires_grad=(0, 1), rtol=1e-4, atol=1e-5)
    run_both(lambda T, x, w: T.conv_transpose1d(x, w, stride=2), [_r(1, 3, 5), _r(3, 2, 3)], requires_grad=(0, 1),
             rtol=1e-4, atol=1e-5)
    run_both(lambda T, x, w, b: T.convolution(x, w, b, [1, 1], [1, 1], [1, 1], False, [0, 0], 1), [x2, w2, b2],
             requires_grad=(0, 1, 2), rtol=1e-4, atol=1e-5)
    run_both(lambda T, x, w, b: T.convolution(x, w, b, [2], [0], [1], True, [1], 1),
             [_r(1, 3, 4), _r(3, 2, 3), _r(2)], requires_grad=(0, 1, 2), rtol=1e-4, atol=1e-5)
    run_both(lambda T, x, w, b: T.conv_tbc(x, w, b, 1), [_r(7, 2, 3), _r(3, 3, 4), _r(4)], requires_grad=(0, 1, 2),
             rtol=1e-4, atol=1e-5)
    x1 = _r(2, 3, 10)
    run_both(lambda T, x: T.max_pool1d(x, 3), [x1], requires_grad=(0,))
    run_both(lambda T, x: T.max_pool1d(x, 3, 2, 1, 1, True), [x1], requires_grad=(0,))
    run_both(lambda T, x: T.max_pool1d_with_indices(x, 2), [x1], requires_grad=(0,))
    run_both(lambda T, x: T.max_pool2d(x, 2), [x2], requires_grad=(0,))
    run_both(lambda T, x: T.max_pool2d(x, (3, 2), (1, 2), (1, 0)), [x2], requires_grad=(0,))
    run_both(lambda T, x: T.max_pool3d(x, 2), [_r(1, 2, 4, 4, 4)], requires_grad=(0,))
    run_both(lambda T, x: T.avg_pool1d(x, 3, 2, 1, True, False), [x1], requires_grad=(0,))
    run_both(lambda T, x: T.adaptive_avg_pool1d(x, 4), [x1], requires_grad=(0,))
    run_both(lambda T, x: T.adaptive_max_pool1d(x, 4), [x1], requires_grad=(0,))


def test_norm_top_level():
    x = _r(4, 3, 5)
    w, b, rm, rv = _r(3), _r(3), _r(3), _r(3, lo=0.5, hi=1.5)
    for training in (False, True):
        run_both(lambda T, a, ww, bb, m, v: T.batch_norm(a, ww, bb, m.clone(), v.clone(), training, 0.1, 1e-5, False),
                 [x, w, b, rm, rv], requires_grad=(0, 1, 2), rtol=1e-4, atol=1e-5)
    run_both(lambda T, a, ww, bb: T.instance_norm(a, ww, bb, None, None, True, 0.1, 1e-5, False), [x, w, b],
             requires_grad=(0, 1, 2), rtol=1e-4, atol=1e-5)
    run_both(lambda T, a, ww, bb: T.layer_norm(a, [5], None, None, 1e-5), [x, w, b], requires_grad=(0,), rtol=1e-4,
             atol=1e-5)
    run_both(lambda T, a, ww: T.layer_norm(a, (3, 5), ww.reshape(3, 1).expand(3, 5).contiguous()), [x, w],
             requires_grad=(0, 1), rtol=1e-4, atol=1e-5)
    run_both(lambda T, a: T.group_norm(a, 1), [_r(2, 4, 3)], requires_grad=(0,), rtol=1e-4, atol=1e-5)
    run_both(lambda T, a, ww, bb: T.group_norm(a, 3, ww, bb, 1e-3), [x, w, b], requires_grad=(0, 1, 2), rtol=1e-4,
             atol=1e-5)
    run_both(lambda T, a: T.rms_norm(a, [5]), [x], requires_grad=(0,), rtol=1e-4, atol=1e-5)


def test_activation_and_misc_top_level():
    x = _r(3, 8, lo=-2, hi=2)
    for name, args in [("selu", ()), ("celu", (0.7,)), ("threshold", (0.2, -1.0)), ("hardshrink", (0.3,)),
                       ("rrelu", ())]:
        run_both(lambda T, a: getattr(T, name)(a, *args), [x], requires_grad=(0,))

        def inplace(T, a):
            y = a.clone()
            getattr(T, name + "_")(y, *args) if name != "hardshrink" else None
            return y
        run_both(inplace, [x])
    run_both(lambda T, a: a.hardshrink(0.5), [x], requires_grad=(0,))
    run_both(lambda T, a, w: T.prelu(a, w), [x, _r(8)], requires_grad=(0, 1))
    run_both(lambda T, a, w: a.prelu(w), [x, _r(1)], requires_grad=(0, 1))
    run_both(lambda T, a, b, w, bb: T.bilinear(a, b, w, bb), [_r(4, 3), _r(4, 2), _r(5, 3, 2), _r(5)],
             requires_grad=(0, 1, 2, 3), rtol=1e-4, atol=1e-5)
    run_both(lambda T, a: T.pixel_shuffle(a, 2), [_r(1, 8, 2, 3)], requires_grad=(0,))
    run_both(lambda T, a: T.pixel_unshuffle(a, 2), [_r(1, 2, 4, 4)], requires_grad=(0,))
    run_both(lambda T, a: T.channel_shuffle(a, 2), [_r(1, 4, 2, 2)], requires_grad=(0,))
    run_both(lambda T, a, b: T.cosine_similarity(a, b), [_r(4, 6), _r(4, 6)], requires_grad=(0, 1))
    run_both(lambda T, a, b: T.cosine_similarity(a, b, 0, 1e-6), [_r(4, 6), _r(4, 6)], requires_grad=(0, 1))
    run_both(lambda T, a, b: T.pairwise_distance(a, b, 1.0, 1e-6, True), [_r(4, 6), _r(4, 6)], requires_grad=(0, 1))
    run_both(lambda T, a: T.pdist(a), [_r(5, 3)], requires_grad=(0,), rtol=1e-4)
    run_both(lambda T, a: T.constant_pad_nd(a, [1, 2, 0, 1], 3.0), [_r(2, 3, 4)], requires_grad=(0,))
    w = _r(10, 4)
    idx = RNG.integers(0, 10, (3, 5))
    run_both(lambda T, ww, i: T.embedding(ww, i), [w, idx], requires_grad=(0,))
    run_both(lambda T, ww, i: T.embedding(ww, i, 2), [w, idx], requires_grad=(0,))


@pytest.mark.parametrize("reduction", [0, 1, 2])
def test_losses_top_level(reduction):
    a, b = _r(6, 4), _r(6, 4)
    y = np.sign(_r(6)).astype(np.float32)
    lp = np.log(np.abs(_r(6, 4, lo=0.1, hi=1))).astype(np.float32)
    tp = _r(6, 4, lo=0.05, hi=1)
    run_both(lambda T, x, t: T.kl_div(x, t, reduction), [lp, tp], requires_grad=(0, 1))
    run_both(lambda T, x, t: T.kl_div(x, t.log(), reduction, log_target=True), [lp, tp], requires_grad=(0, 1))
    run_both(lambda T, x, t: T.binary_cross_entropy_with_logits(x, t, None, None, reduction), [a, tp],
             requires_grad=(0, 1))
    run_both(lambda T, x, t, pw: T.binary_cross_entropy_with_logits(x, t, None, pw, reduction), [a, tp, _r(4, lo=0.5)],
             requires_grad=(0,))
    run_both(lambda T, x, t: T.hinge_embedding_loss(x, t, 0.5, reduction), [a, np.sign(b)], requires_grad=(0,))
    run_both(lambda T, x1, x2, t: T.cosine_embedding_loss(x1, x2, t, 0.1, reduction), [a, b, y], requires_grad=(0, 1))
    run_both(lambda T, x1, x2, t: T.margin_ranking_loss(x1, x2, t, 0.2, reduction), [a[:, 0].copy(), b[:, 0].copy(),
                                                                                      y], requires_grad=(0, 1))
    run_both(lambda T, x, p, n: T.triplet_margin_loss(x, p, n, 1.0, 2, 1e-6, True, reduction), [a, b, _r(6, 4)],
             requires_grad=(0, 1, 2), rtol=1e-4)
    run_both(lambda T, x, t: T.poisson_nll_loss(x, t, True, True, 1e-8, reduction), [a, tp * 3], requires_grad=(0,))


def test_dropout_top_level():
    x = np.ones((4, 6, 3), np.float32)
    for fn in ("dropout", "alpha_dropout", "feature_dropout", "feature_alpha_dropout"):
        for train in (False, True):
            outs = []
            for T in (torch, gradkit):
                T.manual_seed(5)
                t = T.tensor(x, requires_grad=True)
                o = getattr(T, fn)(t, 0.4, train)
                o.sum().backward()
                outs.append((o, t.grad))
                y = T.tensor(x)
                T.manual_seed(5)
                r = getattr(T, fn + "_")(y, 0.4, train)
                assert r is y
                outs.append(y)
            assert_close(outs[0], outs[2], rtol=1e-5, atol=1e-6)
            assert_close(outs[1], outs[3], rtol=1e-5, atol=1e-6)


# ------------------------------------------------------------------------------------------ lazy modules
def _lazy_net(T):
    return T.nn.Sequential(T.nn.LazyConv2d(4, 3, padding=1), T.nn.LazyBatchNorm2d(), T.nn.ReLU(),
                           T.nn.LazyConvTranspose2d(2, 2, stride=2), T.nn.Flatten(), T.nn.LazyLinear(3))


def test_lazy_modules_train_like_torch():
    res = []
    for T in (torch, gradkit):
        T.manual_seed(0)
        net = _lazy_net(T)
        assert "LazyConv2d(0, 4" in repr(net) and "LazyBatchNorm2d(0" in repr(net)
        opt = T.optim.SGD(net.parameters(), lr=0.05)
        x = T.randn(2, 2, 4, 4)
        for _ in range(2):
            opt.zero_grad()
            loss = net(x).pow(2).mean()
            loss.backward()
            opt.step()
        assert type(net[0]).__name__ == "Conv2d" and type(net[1]).__name__ == "BatchNorm2d"
        assert type(net[3]).__name__ == "ConvTranspose2d" and type(net[5]).__name__ == "Linear"
        res.append((loss, net[0].weight, net[3].weight, net[5].bias, net[1].running_var))
        sd = net.state_dict()
        fresh = _lazy_net(T)
        fresh.load_state_dict(sd)
        assert tuple(fresh[0].weight.shape) == (4, 2, 3, 3)
        res.append(fresh(x))
    assert_close(res[0], res[2], rtol=1e-4, atol=1e-5)
    assert_close(res[1], res[3], rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("name,shape", [("LazyConv1d", (2, 3, 7)), ("LazyConv3d", (1, 2, 3, 3, 3)),
                                        ("LazyConvTranspose1d", (3, 6)), ("LazyConvTranspose3d", (1, 2, 2, 2, 2)),
                                        ("LazyBatchNorm1d", (4, 3)), ("LazyBatchNorm3d", (2, 3, 2, 2, 2)),
                                        ("LazyInstanceNorm1d", (2, 3, 5)), ("LazyInstanceNorm2d", (2, 3, 4, 4)),
                                        ("LazyInstanceNorm3d", (2, 3, 2, 2, 2))])
def test_lazy_variants(name, shape):
    outs = []
    for T in (torch, gradkit):
        T.manual_seed(1)
        m = getattr(T.nn, name)(*((2, 2) if "Conv" in name else ()))
        r0 = repr(m)
        y = m(T.randn(*shape))
        outs.append((r0, repr(m), [(n, tuple(p.shape)) for n, p in m.state_dict().items()], y))
    assert outs[0][:3] == outs[1][:3]
    assert_close(outs[0][3], outs[1][3], rtol=1e-4, atol=1e-5)


def test_lazy_errors():
    for T in (torch, gradkit):
        m = T.nn.LazyConv2d(4, 3)
        with pytest.raises(RuntimeError, match="Expected 3D"):
            m(T.zeros(2, 3))
        g = T.nn.LazyConv2d(4, 3, groups=2)
        with pytest.raises(ValueError, match="divisible"):
            g(T.zeros(1, 3, 5, 5))
        assert m.has_uninitialized_params()


# ------------------------------------------------------------------------------------------ parametrizations
def test_weight_norm_and_spectral_norm_parametrizations():
    outs = []
    for T in (torch, gradkit):
        T.manual_seed(2)
        lin = T.nn.utils.parametrizations.weight_norm(T.nn.Linear(4, 3))
        conv = T.nn.utils.parametrizations.weight_norm(T.nn.Conv1d(2, 3, 2), dim=None)
        sn = T.nn.utils.parametrizations.spectral_norm(T.nn.Linear(5, 4))
        snt = T.nn.utils.parametrizations.spectral_norm(T.nn.ConvTranspose2d(3, 2, 2))
        x = T.randn(2, 4)
        opt = T.optim.SGD(list(lin.parameters()) + list(sn.parameters()), lr=0.1)
        for _ in range(2):
            opt.zero_grad()
            loss = lin(x).sum() + sn(T.randn(2, 5)).pow(2).sum() + conv(T.randn(1, 2, 4)).sum()
            loss.backward()
            opt.step()
        sn.eval()
        outs.append((loss, lin.weight, sn.weight, snt(T.ones(1, 3, 2, 2)), conv.weight,
                     lin.parametrizations.weight.original0))
        assert sorted(lin.state_dict()) == ["bias", "parametrizations.weight.original0",
                                            "parametrizations.weight.original1"]
        assert "parametrizations.weight.original" in sn.state_dict() and "parametrizations.weight.0._u" in \
            sn.state_dict()
    assert_close(outs[0], outs[1], rtol=1e-4, atol=1e-5)


# ------------------------------------------------------------------------------------------ pruning
def _prune(T):
    return importlib.import_module(T.__name__ + ".nn.utils.prune")


def test_pruning_pipeline():
    outs = []
    for T in (torch, gradkit):
        prune = _prune(T)
        T.manual_seed(0)
        net = T.nn.Sequential(T.nn.Linear(6, 5), T.nn.ReLU(), T.nn.Linear(5, 3))
        conv = T.nn.Conv2d(3, 4, 2)
        prune.l1_unstructured(net[0], "weight", amount=0.3)
        prune.random_unstructured(net[0], "weight", amount=0.2)
        prune.random_unstructured(net[2], "bias", amount=1)
        prune.ln_structured(conv, "weight", amount=0.5, n=2, dim=0)
        prune.random_structured(conv, "weight", amount=1, dim=1)
        prune.identity(net[2], "weight")
        prune.l1_unstructured(net[2], "weight", amount=2, importance_scores=T.arange(15.0).reshape(3, 5))
        assert prune.is_pruned(net) and sorted(net[0].state_dict()) == ["bias", "weight_mask", "weight_orig"]
        out = net(T.ones(2, 6)) + conv(T.ones(1, 3, 3, 3)).sum()
        out.sum().backward()
        outs.append((net[0].weight_mask, net[2].bias_mask, conv.weight_mask, net[2].weight_mask, out,
                     net[0].weight_orig.grad))
        prune.remove(net[0], "weight")
        assert sorted(net[0].state_dict()) == ["bias", "weight"]
        outs.append(net[0].weight)
        m1, m2 = T.nn.Linear(4, 4), T.nn.Linear(4, 2)
        prune.global_unstructured([(m1, "weight"), (m2, "weight")], pruning_method=prune.L1Unstructured, amount=0.5)
        prune.custom_from_mask(m2, "bias", T.tensor([0.0, 1.0]))
        outs.append((m1.weight_mask, m2.weight_mask, m2.bias))
        with pytest.raises(ValueError, match="has to be pruned"):
            prune.remove(m1, "bias")
        with pytest.raises(ValueError, match="amount=1.5"):
            prune.l1_unstructured(m1, "bias", amount=1.5)
        with pytest.raises(ValueError, match="smaller than"):
            prune.l1_unstructured(m1, "bias", amount=9)
        with pytest.raises(TypeError):
            prune.l1_unstructured(m1, "bias", amount="x")
        with pytest.raises(TypeError, match="unstructured"):
            prune.global_unstructured([(m1, "weight")], pruning_method=prune.RandomStructured, amount=1)
    for a, b in zip(outs[:3], outs[3:]):
        assert_close(a, b, rtol=1e-5, atol=1e-6)


# ------------------------------------------------------------------------------------------ fusion / wrappers
def test_fusion_dataparallel_skip_init():
    outs = []
    for T in (torch, gradkit):
        T.manual_seed(0)
        conv = T.nn.Conv2d(2, 3, 3).eval()
        bn = T.nn.BatchNorm2d(3).eval()
        bn.running_mean.uniform_()
        bn.running_var.uniform_(0.5, 2)
        x = T.randn(1, 2, 5, 5)
        fused = T.nn.utils.fuse_conv_bn_eval(conv, bn)
        convt = T.nn.ConvTranspose2d(3, 2, 2).eval()
        bnt = T.nn.BatchNorm2d(2).eval()
        bnt.running_var.fill_(3.0)
        fusedt = T.nn.utils.fuse_conv_bn_eval(convt, bnt, transpose=True)
        lin, bn1 = T.nn.Linear(3, 4).eval(), T.nn.BatchNorm1d(4).eval()
        bn1.running_mean.fill_(0.5)
        fl = T.nn.utils.fuse_linear_bn_eval(lin, bn1)
        outs.append((fused(x), bn(conv(x)), fusedt(T.ones(1, 3, 2, 2)), fl(T.ones(2, 3)), bn1(lin(T.ones(2, 3)))))
        with pytest.raises(AssertionError, match="eval"):
            T.nn.utils.fuse_conv_bn_eval(conv.train(), bn)
        dp = T.nn.DataParallel(T.nn.Linear(2, 3))
        assert "(module): Linear" in repr(dp) and list(dp.state_dict()) == ["module.weight", "module.bias"]
        outs.append(dp(T.ones(4, 2)))
        state = T.get_rng_state()
        m = T.nn.utils.skip_init(T.nn.Linear, 4, 2)
        assert tuple(m.weight.shape) == (2, 4) and T.equal(T.get_rng_state(), state)
    assert_close(outs[0], outs[2], rtol=1e-5, atol=1e-5)
    assert_close(outs[1], outs[3])
    np.testing.assert_allclose(outs[2][0].detach().numpy(), outs[2][1].detach().numpy(), rtol=1e-4, atol=1e-5)


def test_functional_call_stateless():
    outs = []
    for T in (torch, gradkit):
        T.manual_seed(0)
        net = T.nn.Sequential(T.nn.Linear(3, 4), T.nn.BatchNorm1d(4), T.nn.Linear(4, 4))
        params = {k: v.detach() * 2 for k, v in net.named_parameters()}
        x = T.randn(5, 3)
        out = T.func.functional_call(net, params, (x,))
        out2 = T.func.functional_call(net, ({"0.bias": T.zeros(4)}, {"2.bias": T.ones(4)}), x)
        with pytest.warns(FutureWarning):
            out3 = T.nn.utils.stateless.functional_call(net, {"0.bias": T.ones(4)}, x)
        assert net[0].bias.requires_grad and net[0].bias.abs().sum() > 0
        outs.append((out, out2, out3, net(x), net[1].running_mean))
        with pytest.raises(RuntimeError, match="Missing key"):
            T.func.functional_call(net, {"0.weight": T.zeros(4, 3)}, (x,), strict=True)
        tied = T.nn.Sequential(T.nn.Linear(2, 2, bias=False), T.nn.Linear(2, 2, bias=False))
        tied[1].weight = tied[0].weight
        outs.append(T.func.functional_call(tied, {"0.weight": T.eye(2) * 2}, (T.ones(1, 2),)))
        outs.append(T.func.functional_call(tied, {"0.weight": T.eye(2) * 2}, (T.ones(1, 2),), tie_weights=False))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for a, b in zip(outs[:3], outs[3:]):
            assert_close(a, b, rtol=1e-5, atol=1e-6)
