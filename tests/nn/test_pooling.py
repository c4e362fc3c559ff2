"""Pooling, interpolation, pixel shuffle and padding (functional + modules) against torch."""
import itertools

import numpy as np
import pytest
import torch
from _parity import assert_close, run_both

import gradkit as gk
import gradkit.nn  # noqa: F401
from gradkit.autograd.gradcheck import gradcheck, gradgradcheck
from gradkit.nn import _functional_conv as GF
from gradkit.nn.modules import padding as gpadding
from gradkit.nn.modules import pooling as gpooling
from gradkit.nn.modules import upsampling as gupsampling

TF = torch.nn.functional
DTYPES = [np.float32, np.float64]
GNN = {n: getattr(m, n) for m in (gpooling, gupsampling, gpadding) for n in m.__all__}


def F(T):
    return TF if T is torch else GF


def nn(T, name):
    return getattr(torch.nn, name) if T is torch else GNN[name]


def with_dtypes(grid):
    """Each config once, alternating float32/float64 so both dtypes meet every option."""
    return [(c, DTYPES[(i + i // 2) % 2]) for i, c in enumerate(grid)]


def tol(dt):
    return dict(rtol=1e-5, atol=1e-5) if dt == np.float32 else dict(rtol=1e-10, atol=1e-10)


def arr(rng, shape, dt):
    return rng.standard_normal(shape).astype(dt)


def same_error(fn):
    errs = []
    for T in (torch, gk):
        with pytest.raises(Exception) as info:
            fn(T)
        errs.append(info.value)
    assert isinstance(errs[1], type(errs[0])), (errs[0], errs[1])
    assert str(errs[1]) == str(errs[0])


MAXPOOL2D_GRID = [dict(kernel_size=k, stride=s, padding=p, dilation=d, ceil_mode=c)
                  for k, s, p, d, c in itertools.product([2, (3, 2)], [None, 1, (2, 3)], [0, 1], [1, (2, 1)],
                                                         [False, True])]


@pytest.mark.parametrize("cfg,dt", with_dtypes(MAXPOOL2D_GRID), ids=str)
def test_max_pool2d_grid(cfg, dt):
    rng = np.random.default_rng(0)
    x = arr(rng, (2, 3, 8, 7), dt)
    run_both(lambda T, x: F(T).max_pool2d(x, return_indices=True, **cfg), [x], requires_grad=(0,), **tol(dt))


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("k,s,p,d,c", [(2, None, 0, 1, False), (3, 2, 1, 1, True), (3, 1, 1, 2, False),
                                       (4, 3, 2, 1, True), (2, 3, 1, 3, True)])
def test_max_pool1d_grid(k, s, p, d, c, dt):
    rng = np.random.default_rng(1)
    x = arr(rng, (2, 3, 10), dt)
    run_both(lambda T, x: F(T).max_pool1d(x, k, s, p, d, c, True), [x], requires_grad=(0,), **tol(dt))
    run_both(lambda T, x: F(T).max_pool1d(x, k, s, p, d, c), [x[0]], requires_grad=(0,), **tol(dt))


def test_max_pool_overlap_ties_nan_inf():
    rng = np.random.default_rng(2)
    x = rng.integers(0, 3, (2, 2, 6, 6)).astype(np.float64)
    run_both(lambda T, x: F(T).max_pool2d(x, 3, 1, 1, return_indices=True), [x], requires_grad=(0,))
    x = rng.standard_normal((1, 2, 5, 5))
    x[0, 0, 1, 1] = x[0, 0, 2, 2] = x[0, 1, 0, 3] = np.nan
    x[0, 1, 4, :] = -np.inf
    out = run_both(lambda T, x: F(T).max_pool2d(x, 2, 1, 1, return_indices=True), [x], requires_grad=())
    assert np.isnan(out[1][0].numpy()).any()
    y = np.full((1, 2, 4, 4), -np.inf)
    run_both(lambda T, x: F(T).max_pool2d(x, 3, 1, 1, return_indices=True), [y], requires_grad=())
    run_both(lambda T, x: F(T).adaptive_max_pool2d(x, (2, 3), return_indices=True), [x], requires_grad=())
    x3 = rng.standard_normal((1, 2, 4, 5, 3))
    run_both(lambda T, x: F(T).max_pool3d(x, 2, (1, 2, 1), 1, return_indices=True), [x3], requires_grad=(0,))


AVG2D_GRID = [dict(kernel_size=k, stride=s, padding=p, ceil_mode=c, count_include_pad=ci, divisor_override=dv)
              for k, s, p, c, ci, dv in itertools.product([2, (3, 2)], [None, (2, 1)], [0, 1], [False, True],
                                                          [True, False], [None, 3])]


@pytest.mark.parametrize("cfg,dt", with_dtypes(AVG2D_GRID), ids=str)
def test_avg_pool2d_grid(cfg, dt):
    rng = np.random.default_rng(3)
    x = arr(rng, (2, 3, 7, 8), dt)
    run_both(lambda T, x: F(T).avg_pool2d(x, **cfg), [x], requires_grad=(0,), **tol(dt))


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("k,s,p,c,ci", [(2, None, 0, False, True), (3, 2, 1, True, True), (3, 2, 1, True, False),
                                        (4, 3, 2, False, False), (5, 2, 2, True, True)])
def test_avg_pool1d_grid(k, s, p, c, ci, dt):
    rng = np.random.default_rng(4)
    x = arr(rng, (2, 3, 11), dt)
    run_both(lambda T, x: F(T).avg_pool1d(x, k, s, p, c, ci), [x], requires_grad=(0,), **tol(dt))
    run_both(lambda T, x: F(T).avg_pool1d(x, k, s, p, c, ci), [x[1]], requires_grad=(0,), **tol(dt))
    x3 = arr(rng, (1, 2, 5, 6, 7), dt)
    run_both(lambda T, x: F(T).avg_pool3d(x, k, s, p // 2, c, ci), [x3], requires_grad=(0,), **tol(dt))


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("shape,osz", [((2, 3, 7, 9), 3), ((2, 3, 7, 9), (4, None)), ((2, 3, 5, 5), (7, 2)),
                                       ((3, 6, 10), (1, 1)), ((2, 3, 8, 8), (8, 8)), ((1, 1, 11, 4), (5, 3))])
def test_adaptive_pool2d(shape, osz, dt):
    rng = np.random.default_rng(5)
    x = arr(rng, shape, dt)
    run_both(lambda T, x: F(T).adaptive_avg_pool2d(x, osz), [x], requires_grad=(0,), **tol(dt))
    run_both(lambda T, x: F(T).adaptive_max_pool2d(x, osz, True), [x], requires_grad=(0,), **tol(dt))


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("L,osz", [(10, 3), (7, 7), (5, 8), (13, 1), (9, 4)])
def test_adaptive_pool1d(L, osz, dt):
    rng = np.random.default_rng(6)
    x = arr(rng, (2, 3, L), dt)
    run_both(lambda T, x: F(T).adaptive_avg_pool1d(x, osz), [x], requires_grad=(0,), **tol(dt))
    run_both(lambda T, x: F(T).adaptive_max_pool1d(x, osz, True), [x], requires_grad=(0,), **tol(dt))
    run_both(lambda T, x: F(T).adaptive_max_pool1d(x, osz), [x[0]], requires_grad=(0,), **tol(dt))
    x3 = arr(rng, (1, 2, L, 4, 3), dt)
    run_both(lambda T, x: F(T).adaptive_avg_pool3d(x, (osz, 3, None)), [x3], requires_grad=(0,), **tol(dt))
    run_both(lambda T, x: F(T).adaptive_max_pool3d(x, (osz, 2, 2), True), [x3], requires_grad=(0,), **tol(dt))


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("p,k,s,c", [(2, 2, None, False), (3, (2, 3), 1, False), (1.5, 3, 2, True)])
def test_lp_pool(p, k, s, c, dt):
    rng = np.random.default_rng(7)
    x = np.abs(arr(rng, (2, 3, 7, 8), dt)) + 0.1
    run_both(lambda T, x: F(T).lp_pool2d(x, p, k, s, c), [x], requires_grad=(0,), **tol(dt))
    run_both(lambda T, x: F(T).lp_pool1d(x, p, 3, s, c), [x[0]], requires_grad=(0,), **tol(dt))


INTERP_2D = ([dict(mode=m, size=sz) for m in ["nearest", "nearest-exact", "area"]
              for sz in [(9, 5), (4, 14), (3, 3)]]
             + [dict(mode=m, scale_factor=sf) for m in ["nearest", "nearest-exact", "area"]
                for sf in [2, (1.7, 0.6), 3.3, 0.5]]
             + [dict(mode=m, size=sz, align_corners=ac) for m in ["bilinear", "bicubic"]
                for sz in [(9, 5), (4, 14), (1, 3)] for ac in [False, True]]
             + [dict(mode=m, scale_factor=sf, align_corners=ac) for m in ["bilinear", "bicubic"]
                for sf in [2, (1.7, 0.6), 0.3] for ac in [False, True]]
             + [dict(mode="bilinear", scale_factor=1.5, recompute_scale_factor=True),
                dict(mode="nearest", scale_factor=1.3, recompute_scale_factor=True)])


@pytest.mark.parametrize("cfg,dt", with_dtypes(INTERP_2D), ids=str)
def test_interpolate_2d(cfg, dt):
    rng = np.random.default_rng(8)
    x = arr(rng, (2, 3, 6, 7), dt)
    t = dict(rtol=1e-5, atol=1e-5) if dt == np.float32 else dict(rtol=1e-9, atol=1e-9)
    run_both(lambda T, x: F(T).interpolate(x, **cfg), [x], requires_grad=(0,), **t)


@pytest.mark.parametrize("cfg", [dict(mode="linear", size=13, align_corners=False),
                                 dict(mode="linear", scale_factor=0.7, align_corners=True),
                                 dict(mode="linear", scale_factor=2.5), dict(mode="nearest", size=11),
                                 dict(mode="nearest-exact", scale_factor=1.5), dict(mode="area", size=4)], ids=str)
def test_interpolate_1d_3d(cfg):
    rng = np.random.default_rng(9)
    x = arr(rng, (2, 3, 7), np.float32)
    run_both(lambda T, x: F(T).interpolate(x, **cfg), [x], requires_grad=(0,))
    x3 = arr(rng, (1, 2, 3, 4, 5), np.float64)
    cfg3 = {**cfg, "mode": "trilinear" if cfg["mode"] == "linear" else cfg["mode"]}
    run_both(lambda T, x: F(T).interpolate(x, **cfg3), [x3], requires_grad=(0,))


def test_interpolate_errors():
    x = np.zeros((1, 2, 4, 4), np.float32)
    cases = [
        lambda T: F(T).interpolate(T.zeros(2, 3, 4), scale_factor=2, mode="bilinear"),
        lambda T: F(T).interpolate(T.tensor(x), size=3, scale_factor=2),
        lambda T: F(T).interpolate(T.tensor(x), size=3, align_corners=True),
        lambda T: F(T).interpolate(T.tensor(x)),
        lambda T: F(T).interpolate(T.tensor(x), size=(3, 4, 5)),
        lambda T: F(T).interpolate(T.tensor(x), size=(0, 2)),
        lambda T: F(T).interpolate(T.tensor(x), size=3, recompute_scale_factor=True),
        lambda T: F(T).pixel_shuffle(T.zeros(2, 3, 4, 4), 2),
        lambda T: F(T).pixel_unshuffle(T.zeros(1, 3, 5, 4), 2),
        lambda T: F(T).pixel_unshuffle(T.zeros(1, 3, 4, 5), 2),
    ]
    for case in cases:
        same_error(case)


@pytest.mark.parametrize("shape,r", [((2, 8, 3, 4), 2), ((18, 2, 3), 3), ((2, 2, 4, 3, 2), 2)])
def test_pixel_shuffle(shape, r):
    rng = np.random.default_rng(10)
    x = arr(rng, shape, np.float32)
    run_both(lambda T, x: F(T).pixel_shuffle(x, r), [x], requires_grad=(0,))
    run_both(lambda T, x: nn(T, "PixelShuffle")(r)(x), [x], requires_grad=(0,))
    y = arr(rng, (*shape[:-2], shape[-2] * r, shape[-1] * r), np.float64)
    run_both(lambda T, x: F(T).pixel_unshuffle(x, r), [y], requires_grad=(0,))
    run_both(lambda T, x: nn(T, "PixelUnshuffle")(r)(x), [y], requires_grad=(0,))


PAD_CASES = [("ZeroPad2d", (1,), (2, 3, 4, 5)), ("ZeroPad2d", ((1, 0, 2, 3),), (3, 4, 5)),
             ("ZeroPad1d", ((2, 1),), (2, 3, 4)), ("ConstantPad1d", (2, 3.5), (2, 3, 4)),
             ("ConstantPad2d", ((1, -1, 0, 2), -1.0), (2, 3, 4, 5)), ("ConstantPad3d", (1, 2.0), (1, 2, 2, 3, 2)),
             ("ReflectionPad1d", ((3, 1),), (2, 3, 5)), ("ReflectionPad2d", (2,), (2, 3, 4, 5)),
             ("ReflectionPad2d", ((1, 3, 0, 2),), (3, 4, 5)), ("ReflectionPad3d", (1,), (1, 2, 3, 3, 2)),
             ("ReplicationPad1d", ((4, 1),), (2, 3, 2)), ("ReplicationPad2d", ((1, 2, 5, 0),), (2, 3, 4, 5)),
             ("ReplicationPad3d", (1,), (2, 2, 3, 2)), ("CircularPad1d", ((2, 1),), (2, 3, 4)),
             ("CircularPad2d", ((1, 2, 3, 0),), (2, 3, 4, 5)), ("CircularPad3d", (1,), (1, 1, 2, 3, 2))]


@pytest.mark.parametrize("name,args,shape", PAD_CASES, ids=str)
def test_padding_modules(name, args, shape):
    rng = np.random.default_rng(11)
    x = arr(rng, shape, np.float64)
    assert repr(GNN[name](*args)) == repr(getattr(torch.nn, name)(*args))
    run_both(lambda T, x: nn(T, name)(*args)(x), [x], requires_grad=(0,))


def test_private_pad_vs_torch_pad():
    rng = np.random.default_rng(12)
    x = arr(rng, (2, 3, 4, 5), np.float32)
    for pad, mode, kw in [((1, 2), "constant", {"value": 2.0}), ((1, 2, 0, 1, 1, 1), "constant", {}),
                          ((-1, 2, 1, -2), "constant", {}), ((2, 3, 1, 1), "reflect", {}), ((3, 3, 1, 0), "replicate", {}),
                          ((1, 0, 2, 4), "circular", {})]:
        run_both(lambda T, x: (TF.pad if T is torch else GF._pad)(x, pad, mode, **kw), [x], requires_grad=(0,))
    for pad, mode in [((3, 3), "replicate"), ((5, 1, 0, 0), "reflect"), ((1, 6, 0, 0), "circular"), ((1,), "constant")]:
        same_error(lambda T: (TF.pad if T is torch else GF._pad)(T.tensor(x), pad, mode))


def test_pool_errors():
    cases = [
        lambda T: F(T).max_pool2d(T.zeros(2), 2),
        lambda T: F(T).max_pool2d(T.zeros(2, 3, 4, 4), 2, padding=2),
        lambda T: F(T).max_pool2d(T.zeros(2, 3, 1, 1), 2),
        lambda T: F(T).avg_pool2d(T.zeros(2, 3, 1, 1), 2),
        lambda T: F(T).avg_pool2d(T.zeros(2, 3, 4, 4), 2, padding=2),
        lambda T: F(T).max_pool1d(T.zeros(2), 2),
        lambda T: F(T).avg_pool1d(T.zeros(2), 2),
        lambda T: F(T).max_pool1d(T.zeros(1, 3, 5), 2, padding=2),
        lambda T: F(T).max_pool1d(T.zeros(1, 3, 1), 2),
        lambda T: F(T).avg_pool1d(T.zeros(1, 3, 1), 2),
        lambda T: F(T).avg_pool1d(T.zeros(1, 3, 4), 2, padding=2),
        lambda T: F(T).adaptive_avg_pool2d(T.zeros(2), 2),
        lambda T: F(T).adaptive_max_pool2d(T.zeros(2), 2),
        lambda T: F(T).adaptive_avg_pool1d(T.zeros(3), 2),
        lambda T: F(T).adaptive_max_pool1d(T.zeros(3), 2),
        lambda T: F(T).max_pool2d(T.zeros(1, 3, 5, 5), 2, stride=0),
        lambda T: F(T).avg_pool2d(T.zeros(1, 3, 5, 5), 2, stride=0),
        lambda T: nn(T, "CircularPad2d")(1)(T.zeros(2, 3)),
    ]
    for case in cases:
        same_error(case)


def test_linear_ops_gradcheck():
    rng = np.random.default_rng(13)

    def t(shape):
        return gk.tensor(rng.standard_normal(shape), requires_grad=True)

    x = t((1, 1, 4, 5))
    fns = [lambda x: GF.avg_pool2d(x, 3, 2, 1, True, False),
           lambda x: GF.max_pool2d(x, 2, 1, 1, dilation=(1, 2)),
           lambda x: GF.adaptive_avg_pool2d(x, (3, 4)),
           lambda x: GF.adaptive_max_pool2d(x, (2, 3)),
           lambda x: GF.interpolate(x, scale_factor=1.5, mode="bilinear"),
           lambda x: GF.interpolate(x, size=(7, 4), mode="bicubic", align_corners=True),
           lambda x: GF.interpolate(x, scale_factor=2, mode="nearest"),
           lambda x: GF._pad(x, (1, 2, 2, 1), "reflect"),
           lambda x: GF._pad(x, (1, -2, 2, 1), "constant", 3.0),
           lambda x: GF.pixel_unshuffle(x[:, :, :, :4], 2)]
    for i, fn in enumerate(fns):
        assert gradcheck(fn, (x,))
        if i % 3 == 0:
            assert gradgradcheck(lambda x: fn(x) * fn(x), (x,))


POOL_MODULES = [("MaxPool2d", (2,), {}), ("MaxPool2d", ((3, 2),), dict(stride=1, padding=1, ceil_mode=True)),
                ("MaxPool1d", (3,), dict(stride=2, dilation=2, return_indices=True)),
                ("MaxPool3d", (2,), {}),
                ("AvgPool2d", (3,), dict(stride=2, padding=1, count_include_pad=False)),
                ("AvgPool1d", (2,), dict(ceil_mode=True)), ("AvgPool3d", (2,), dict(divisor_override=3)),
                ("AdaptiveAvgPool2d", ((3, None),), {}), ("AdaptiveAvgPool1d", (4,), {}),
                ("AdaptiveAvgPool3d", (2,), {}),
                ("AdaptiveMaxPool2d", (3,), dict(return_indices=True)), ("AdaptiveMaxPool1d", (2,), {}),
                ("AdaptiveMaxPool3d", ((1, 2, 1),), {}),
                ("LPPool2d", (2, 3), dict(stride=1)), ("LPPool1d", (3.0, 2), {}),
                ("Upsample", (), dict(scale_factor=2)), ("Upsample", (), dict(size=(5, 9), mode="bilinear")),
                ("Upsample", (), dict(scale_factor=(2, 1.5), mode="bicubic", align_corners=True)),
                ("UpsamplingNearest2d", (), dict(size=7)), ("UpsamplingBilinear2d", (), dict(scale_factor=2))]


@pytest.mark.parametrize("name,args,kw", POOL_MODULES, ids=str)
def test_pool_modules(name, args, kw):
    assert repr(GNN[name](*args, **kw)) == repr(getattr(torch.nn, name)(*args, **kw))
    nd = 3 if "3d" in name else (1 if "1d" in name else 2)
    rng = np.random.default_rng(14)
    x = np.abs(arr(rng, (2, 3, *[6, 7, 5][:nd]), np.float32)) + 0.1
    run_both(lambda T, x: nn(T, name)(*args, **kw)(x), [x], requires_grad=(0,), rtol=1e-5, atol=1e-5)


def test_float32_preserved():
    x = gk.randn(2, 3, 8, 8, requires_grad=True)
    outs = [GF.max_pool2d(x, 2), GF.avg_pool2d(x, 3), GF.adaptive_avg_pool2d(x, 3), GF.interpolate(x, 5),
            GF.interpolate(x, scale_factor=1.5, mode="bicubic"), GF.unfold(x, 2), GF._pad(x, (1, 1, 2, 0), "reflect")]
    sum(o.sum() for o in outs).backward()
    assert all(o.dtype == gk.float32 for o in outs) and x.grad.dtype == gk.float32
    assert_close(torch.ones(1), gk.ones(1))


def test_integer_inputs():
    rng = np.random.default_rng(15)
    x = rng.integers(-50, 50, (2, 3, 6, 7))
    run_both(lambda T, x: F(T).max_pool2d(x, 3, 2, 1, return_indices=True), [x])
    same_error(lambda T: F(T).adaptive_max_pool2d(T.tensor(x), 2))
    run_both(lambda T, x: F(T).avg_pool2d(x, 3, 2, 1), [x])
    run_both(lambda T, x: F(T).interpolate(x, scale_factor=1.5), [x.astype(np.uint8)])
    same_error(lambda T: F(T).adaptive_avg_pool2d(T.tensor(x), 2))


UNPOOL_GRID = [(1, 2, None, 0, (2, 3, 8)), (1, 3, 2, 1, (2, 7)), (2, 2, None, 0, (2, 3, 6, 4)),
               (2, (3, 2), (2, 1), (1, 0), (1, 2, 7, 5)), (2, 3, 1, 1, (3, 5, 5)), (3, 2, None, 0, (1, 2, 4, 4, 6))]


@pytest.mark.parametrize("n,k,s,p,shape", UNPOOL_GRID, ids=str)
@pytest.mark.parametrize("with_size", [False, True])
def test_max_unpool(n, k, s, p, shape, with_size):
    rng = np.random.default_rng(3)
    x = arr(rng, shape, np.float64)

    def fn(T, x):
        pool, unpool = getattr(F(T), f"max_pool{n}d"), getattr(F(T), f"max_unpool{n}d")
        y, idx = pool(x, k, s, p, return_indices=True)
        out = unpool(y, idx, k, s, p, output_size=x.shape[-n:] if with_size else None)
        mod = nn(T, f"MaxUnpool{n}d")(k, s, p)
        return out, mod(y, idx, output_size=x.shape[-n:] if with_size else None)

    run_both(fn, [x], requires_grad=(0,), **tol(np.float64))
    assert repr(nn(gk, f"MaxUnpool{n}d")(k, s, p)) == repr(nn(torch, f"MaxUnpool{n}d")(k, s, p))


def test_max_unpool_errors():
    x = np.random.default_rng(0).standard_normal((1, 1, 5, 5)).astype(np.float32)

    def bad_index(T):
        y, idx = F(T).max_pool2d(T.tensor(x[..., :2, :2]), 2, return_indices=True)
        F(T).max_unpool2d(y, idx + 10, 2)

    same_error(bad_index)

    def bad_size(T):
        y, idx = F(T).max_pool2d(T.tensor(x), 2, return_indices=True)
        F(T).max_unpool2d(y, idx, 2, output_size=(1, 4, 4))

    same_error(bad_size)
