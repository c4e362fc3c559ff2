"""Convolutions (functional + modules), unfold/fold against torch: values, gradients, errors, reprs."""
import itertools

import numpy as np
import pytest
import torch
from _parity import assert_close, run_both

import gradkit as gk
import gradkit.nn  # noqa: F401
from gradkit.autograd.gradcheck import gradcheck, gradgradcheck
from gradkit.nn import _functional_conv as GF
from gradkit.nn.modules import conv as gconv
from gradkit.nn.modules import fold as gfold

GNN = {n: getattr(m, n) for m in (gconv, gfold) for n in m.__all__}


def nn(T, name):
    return getattr(torch.nn, name) if T is torch else GNN[name]

TF = torch.nn.functional
DTYPES = [np.float32, np.float64]


def F(T):
    return TF if T is torch else GF


def with_dtypes(grid):
    """Each config once, alternating float32/float64 so both dtypes meet every option."""
    return [(c, DTYPES[(i + i // 2) % 2]) for i, c in enumerate(grid)]


def tol(dt):
    return dict(rtol=1e-4, atol=1e-4) if dt == np.float32 else dict(rtol=1e-9, atol=1e-10)


def arr(rng, shape, dt):
    return rng.standard_normal(shape).astype(dt)


def same_error(fn):
    """fn(T) must raise the same exception type with the same message under torch and gradkit."""
    errs = []
    for T in (torch, gk):
        with pytest.raises(Exception) as info:
            fn(T)
        errs.append(info.value)
    assert type(errs[1]) is type(errs[0]) or isinstance(errs[1], type(errs[0])), (errs[0], errs[1])
    assert str(errs[1]) == str(errs[0])


CONV2D_GRID = [dict(stride=s, padding=p, dilation=d, groups=g, bias=b)
               for s, p, d, g, b in itertools.product([1, (2, 1)], [0, (1, 2)], [1, (2, 1)], [1, 2], [True, False])]


@pytest.mark.parametrize("cfg,dt", with_dtypes(CONV2D_GRID), ids=str)
def test_conv2d_grid(cfg, dt):
    rng = np.random.default_rng(0)
    g = cfg["groups"]
    x, w, b = arr(rng, (2, 4, 7, 8), dt), arr(rng, (6, 4 // g, 3, 2), dt), arr(rng, (6,), dt)
    kw = {k: v for k, v in cfg.items() if k != "bias"}
    if cfg["bias"]:
        run_both(lambda T, x, w, b: F(T).conv2d(x, w, b, **kw), [x, w, b], requires_grad=(0, 1, 2), **tol(dt))
    else:
        run_both(lambda T, x, w: F(T).conv2d(x, w, **kw), [x, w], requires_grad=(0, 1), **tol(dt))


CONV1D_GRID = [dict(stride=s, padding=p, dilation=d, groups=g)
               for s, p, d, g in itertools.product([1, 3], [0, 2], [1, 2], [1, 3])]


@pytest.mark.parametrize("cfg,dt", with_dtypes(CONV1D_GRID), ids=str)
def test_conv1d_grid(cfg, dt):
    rng = np.random.default_rng(1)
    g = cfg["groups"]
    x, w, b = arr(rng, (3, 6, 11), dt), arr(rng, (9, 6 // g, 3), dt), arr(rng, (9,), dt)
    run_both(lambda T, x, w, b: F(T).conv1d(x, w, b, **cfg), [x, w, b], requires_grad=(0, 1, 2), **tol(dt))


@pytest.mark.parametrize("padding", ["same", "valid"])
@pytest.mark.parametrize("ks,dil", [((3, 3), 1), ((4, 2), 1), ((2, 5), (2, 3)), ((1, 1), 1)])
def test_conv2d_string_padding(padding, ks, dil):
    rng = np.random.default_rng(2)
    x, w, b = arr(rng, (2, 3, 9, 14), np.float64), arr(rng, (4, 3, *ks), np.float64), arr(rng, (4,), np.float64)
    run_both(lambda T, x, w, b: F(T).conv2d(x, w, b, padding=padding, dilation=dil), [x, w, b],
             requires_grad=(0, 1, 2), **tol(np.float64))


@pytest.mark.parametrize("padding", ["same", "valid"])
def test_conv1d_string_padding(padding):
    rng = np.random.default_rng(3)
    x, w = arr(rng, (2, 3, 9), np.float32), arr(rng, (4, 3, 4), np.float32)
    run_both(lambda T, x, w: F(T).conv1d(x, w, padding=padding, dilation=2), [x, w], requires_grad=(0, 1),
             **tol(np.float32))


def test_conv_unbatched_and_3d():
    rng = np.random.default_rng(4)
    x, w, b = arr(rng, (4, 6, 5), np.float64), arr(rng, (2, 2, 3, 3), np.float64), arr(rng, (2,), np.float64)
    run_both(lambda T, x, w, b: F(T).conv2d(x, w, b, padding=1, groups=2), [x, w, b], requires_grad=(0, 1, 2))
    x1, w1 = arr(rng, (3, 7), np.float32), arr(rng, (5, 3, 2), np.float32)
    run_both(lambda T, x, w: F(T).conv1d(x, w, stride=2), [x1, w1], requires_grad=(0, 1), **tol(np.float32))
    x3, w3 = arr(rng, (2, 2, 5, 4, 6), np.float64), arr(rng, (3, 2, 2, 3, 2), np.float64)
    run_both(lambda T, x, w: F(T).conv3d(x, w, stride=(1, 2, 1), padding=(1, 0, 1), dilation=(2, 1, 1)),
             [x3, w3], requires_grad=(0, 1))


CT2D_GRID = [dict(stride=s, padding=p, output_padding=op, groups=g, dilation=d)
             for s, p, op, g, d in itertools.product([1, 2, (3, 2)], [0, (1, 2)], [0, 1], [1, 2], [1, (2, 1)])
             if all(op < max(si, di) for si, di in zip(np.broadcast_to(s, 2), np.broadcast_to(d, 2)))]


@pytest.mark.parametrize("cfg,dt", with_dtypes(CT2D_GRID), ids=str)
def test_conv_transpose2d_grid(cfg, dt):
    rng = np.random.default_rng(5)
    g = cfg["groups"]
    x, w, b = arr(rng, (2, 4, 5, 4), dt), arr(rng, (4, 6 // g, 3, 2), dt), arr(rng, (6,), dt)
    run_both(lambda T, x, w, b: F(T).conv_transpose2d(x, w, b, **cfg), [x, w, b], requires_grad=(0, 1, 2),
             **tol(dt))


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("s,p,op,g,d", [(1, 0, 0, 1, 1), (2, 1, 1, 1, 1), (3, 2, 2, 3, 1), (1, 1, 1, 1, 2),
                                        (2, 0, 1, 3, 3)])
def test_conv_transpose1d_grid(s, p, op, g, d, dt):
    rng = np.random.default_rng(6)
    x, w, b = arr(rng, (2, 6, 5), dt), arr(rng, (6, 9 // g, 4), dt), arr(rng, (9,), dt)
    run_both(lambda T, x, w, b: F(T).conv_transpose1d(x, w, b, s, p, op, g, d), [x, w, b],
             requires_grad=(0, 1, 2), **tol(dt))
    run_both(lambda T, x, w: F(T).conv_transpose1d(x, w, None, s, p, op, g, d), [x[0], w], requires_grad=(0, 1),
             **tol(dt))


def test_conv_gradcheck_and_double_backward():
    rng = np.random.default_rng(7)

    def t(shape):
        return gk.tensor(rng.standard_normal(shape), requires_grad=True)

    x, w, b = t((1, 4, 5, 4)), t((4, 2, 2, 3)), t((4,))
    fn = lambda x, w, b: GF.conv2d(x, w, b, stride=(2, 1), padding=1, dilation=(1, 2), groups=2)  # noqa: E731
    assert gradcheck(fn, (x, w, b))
    assert gradgradcheck(fn, (x, w, b))
    xt, wt = t((1, 2, 4, 3)), t((2, 3, 3, 2))
    fnt = lambda x, w: GF.conv_transpose2d(x, w, stride=2, padding=1, output_padding=1)  # noqa: E731
    assert gradcheck(fnt, (xt, wt))
    assert gradgradcheck(fnt, (xt, wt))
    xu, wu = t((1, 2, 5, 5)), t((1, 2, 2, 2))
    assert gradcheck(lambda x, w: GF.unfold(x, 2, 2, 1, 2) * 1 + GF.conv2d(x, w).sum(), (xu, wu))
    assert gradcheck(lambda c: GF.fold(c, (4, 5), 2, 1, 0, 1), (t((1, 8, 12)),))


def test_conv_double_backward_vs_torch():
    rng = np.random.default_rng(8)
    x, w, b = arr(rng, (2, 2, 5, 5), np.float64), arr(rng, (3, 2, 3, 3), np.float64), arr(rng, (3,), np.float64)
    res = []
    for T in (torch, gk):
        tx, tw, tb = (T.tensor(a, requires_grad=True) for a in (x, w, b))
        y = F(T).conv2d(tx, tw, tb, stride=2, padding=1)
        gx, gw = T.autograd.grad((y * y).sum(), (tx, tw), create_graph=True)
        (gx.pow(2).sum() + (gw * gw).sum()).backward()
        res.append((gx, gw, tx.grad, tw.grad, tb.grad))
    assert_close(res[0], res[1], rtol=1e-9, atol=1e-9)
    res = []
    for T in (torch, gk):
        tx, tw = (T.tensor(a, requires_grad=True) for a in (x, w.transpose(1, 0, 2, 3)))
        y = F(T).conv_transpose2d(tx, tw, stride=2, output_padding=1)
        (gx,) = T.autograd.grad((y * y).sum(), (tx,), create_graph=True)
        gx.pow(2).sum().backward()
        res.append((gx, tx.grad, tw.grad))
    assert_close(res[0], res[1], rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.parametrize("k,d,p,s", [(2, 1, 0, 1), ((2, 3), (1, 2), (1, 0), (2, 1)), (3, 1, 1, 3), (1, 1, 0, 1)])
def test_unfold_fold(k, d, p, s, dt):
    rng = np.random.default_rng(9)
    x = arr(rng, (2, 3, 7, 6), dt)
    run_both(lambda T, x: F(T).unfold(x, k, d, p, s), [x], requires_grad=(0,), **tol(dt))
    run_both(lambda T, x: F(T).unfold(x, k, d, p, s), [x[0]], requires_grad=(0,), **tol(dt))
    cols = torch.nn.functional.unfold(torch.tensor(x), k, d, p, s).numpy()
    run_both(lambda T, c: F(T).fold(c, (7, 6), k, d, p, s), [cols], requires_grad=(0,), **tol(dt))
    run_both(lambda T, c: nn(T, 'Fold')((7, 6), k, d, p, s)(c), [cols[1]], requires_grad=(0,), **tol(dt))


def test_conv_errors():
    x = np.zeros((2, 4, 5, 5), np.float32)
    w = np.zeros((8, 3, 3, 3), np.float32)
    cases = [
        lambda T: F(T).conv2d(T.zeros(2, 3), T.tensor(w)),
        lambda T: F(T).conv2d(T.tensor(x), T.tensor(w)),
        lambda T: F(T).conv2d(T.zeros(4, 5, 5), T.tensor(w)),
        lambda T: F(T).conv2d(T.zeros(2, 3, 2, 2), T.tensor(w)),
        lambda T: F(T).conv1d(T.zeros(2, 3, 5), T.tensor(w)),
        lambda T: F(T).conv2d(T.zeros(2, 4, 5, 5), T.zeros(8, 2, 3, 3), groups=3),
        lambda T: F(T).conv2d(T.zeros(2, 3, 5, 5), T.tensor(w), stride=2, padding="same"),
        lambda T: F(T).conv2d(T.zeros(2, 3, 5, 5), T.tensor(w), padding="foo"),
        lambda T: F(T).conv2d(T.zeros(2, 3, 5, 5), T.tensor(w), stride=0),
        lambda T: F(T).conv2d(T.zeros(2, 3, 5, 5), T.tensor(w), padding=-1),
        lambda T: F(T).conv2d(T.zeros(2, 3, 5, 5), T.tensor(w), T.zeros(7)),
        lambda T: F(T).conv2d(T.zeros(2, 3, 5, 5, dtype=T.float64), T.tensor(w)),
        lambda T: F(T).conv2d(T.zeros(2, 3, 5, 5), T.tensor(w), T.zeros(8, dtype=T.float64)),
        lambda T: F(T).conv1d(T.zeros(1, 3, 5), T.zeros(8, 3, 3), dilation=(1, 0)),
        lambda T: F(T).conv_transpose2d(T.zeros(2, 3), T.zeros(3, 3, 3, 3)),
        lambda T: F(T).conv_transpose2d(T.zeros(2, 4, 5, 5), T.zeros(3, 3, 3, 3)),
        lambda T: F(T).conv_transpose2d(T.zeros(2, 3, 5, 5), T.zeros(3, 3, 3, 3), output_padding=1),
        lambda T: F(T).conv_transpose2d(T.zeros(1, 3, 5, 5), T.zeros(3, 3, 3, 3), output_padding=(0, 2),
                                        stride=(1, 2)),
        lambda T: F(T).unfold(T.zeros(2, 3, 4, 4, 4), 2),
        lambda T: F(T).fold(T.zeros(2, 12, 5), (3, 3), 2),
        lambda T: nn(T, 'Conv2d')(4, 3, 3, groups=3),
        lambda T: nn(T, 'Conv2d')(3, 4, 3, groups=3),
        lambda T: nn(T, 'Conv2d')(3, 3, 3, padding="same", stride=2),
        lambda T: nn(T, 'ConvTranspose2d')(3, 3, 3, padding_mode="reflect"),
    ]
    for case in cases:
        same_error(case)
    with pytest.raises(ValueError, match="padding_mode must be one of .*, but got padding_mode='wrap'"):
        GNN["Conv2d"](3, 3, 3, padding_mode="wrap")


def test_same_padding_warns_like_torch():
    x, w = gk.zeros(1, 1, 5, 5), gk.zeros(1, 1, 2, 2)
    with pytest.warns(UserWarning, match="padding='same' with even kernel lengths"):
        GF.conv2d(x, w, padding="same")


def _copy_params(tm, gm):
    for (n1, p1), (n2, p2) in zip(tm.named_parameters(), gm.named_parameters()):
        assert n1 == n2
        p2.data = gk.tensor(p1.detach().numpy().copy())


MODULE_CASES = [
    ("Conv2d", (1, 8, 3), {}, (2, 1, 6, 6)),
    ("Conv2d", (4, 6, (3, 2)), dict(stride=2, padding=1, dilation=(2, 1), groups=2, bias=False), (2, 4, 9, 8)),
    ("Conv2d", (3, 4, 3), dict(padding="same", padding_mode="reflect"), (2, 3, 6, 5)),
    ("Conv2d", (3, 4, 3), dict(padding=(2, 1), padding_mode="replicate"), (3, 6, 5)),
    ("Conv2d", (3, 4, (3, 4)), dict(padding=(1, 2), padding_mode="circular"), (2, 3, 6, 5)),
    ("Conv2d", (3, 4, 4), dict(padding="same", dilation=2), (2, 3, 9, 9)),
    ("Conv2d", (3, 4, 3), dict(padding="valid"), (2, 3, 6, 5)),
    ("Conv1d", (3, 5, 3), dict(stride=2, padding=1), (2, 3, 9)),
    ("Conv1d", (3, 5, 4), dict(padding=3, padding_mode="circular", groups=1), (2, 3, 9)),
    ("Conv1d", (2, 4, 3), dict(padding=1, padding_mode="reflect", groups=2), (2, 2, 9)),
    ("Conv3d", (2, 3, 2), dict(padding=1), (1, 2, 3, 4, 3)),
    ("ConvTranspose2d", (4, 6, 3), dict(stride=2, padding=1, output_padding=1, groups=2), (2, 4, 4, 5)),
    ("ConvTranspose2d", (2, 3, (2, 3)), dict(dilation=2, bias=False), (2, 2, 4, 5)),
    ("ConvTranspose1d", (3, 2, 3), dict(stride=3, output_padding=2), (2, 3, 5)),
    ("ConvTranspose3d", (2, 2, 2), dict(stride=2), (1, 2, 2, 3, 2)),
]


@pytest.mark.parametrize("name,args,kw,shape", MODULE_CASES, ids=lambda v: str(v))
def test_conv_modules(name, args, kw, shape):
    torch.manual_seed(0)
    tm = getattr(torch.nn, name)(*args, **kw)
    gk.manual_seed(0)
    gm = GNN[name](*args, **kw)
    assert repr(gm) == repr(tm)
    for p1, p2 in zip(tm.parameters(), gm.parameters()):
        np.testing.assert_allclose(p2.detach().numpy(), p1.detach().numpy(), rtol=1e-6, atol=1e-7)
        assert repr(p2.dtype) == str(p1.dtype)
    _copy_params(tm, gm)
    x = np.random.default_rng(10).standard_normal(shape).astype(np.float32)
    tx, gx = torch.tensor(x, requires_grad=True), gk.tensor(x, requires_grad=True)
    ty, gy = tm(tx), gm(gx)
    assert_close(ty, gy, rtol=1e-4, atol=1e-5)
    (ty * ty).sum().backward()
    (gy * gy).sum().backward()
    assert_close(tx.grad, gx.grad, rtol=1e-4, atol=1e-4)
    for p1, p2 in zip(tm.parameters(), gm.parameters()):
        assert_close(p1.grad, p2.grad, rtol=1e-4, atol=1e-3)


def test_conv_transpose_output_size():
    rng = np.random.default_rng(11)
    x = arr(rng, (2, 3, 4, 5), np.float64)
    torch.manual_seed(1)
    tm = torch.nn.ConvTranspose2d(3, 2, 3, stride=2, padding=1)
    gm = GNN['ConvTranspose2d'](3, 2, 3, stride=2, padding=1, dtype=gk.float64)
    tm = tm.double()
    _copy_params(tm, gm)
    for size in [(7, 9), (8, 10), [2, 2, 8, 9]]:
        assert_close(tm(torch.tensor(x), output_size=size), gm(gk.tensor(x), output_size=size))
    same_error(lambda T: (tm if T is torch else gm)(T.tensor(x), output_size=(6, 9)))
    same_error(lambda T: (tm if T is torch else gm)(T.tensor(x), output_size=(6,)))


def test_reprs_and_exports():
    for name in gconv.__all__:
        assert hasattr(torch.nn, name)
    for name in gfold.__all__:
        assert hasattr(torch.nn, name)
    pairs = [
        ("Conv2d", (1, 8, 3), {}),
        ("Conv2d", (2, 4, (1, 3)), dict(padding="same", bias=False, padding_mode="zeros")),
        ("Conv1d", (2, 4, 3), dict(stride=2, dilation=2, groups=2, padding_mode="circular", padding=1)),
        ("ConvTranspose2d", (4, 2, 3), dict(stride=2, output_padding=1, groups=2)),
        ("ConvTranspose1d", (4, 2, 3), dict(dilation=3, padding=2)),
        ("Unfold", (3,), dict(padding=1)),
        ("Fold", ((4, 5), 2), dict(stride=(1, 2))),
    ]
    for name, args, kw in pairs:
        assert repr(GNN[name](*args, **kw)) == repr(getattr(torch.nn, name)(*args, **kw))


def test_float32_stays_float32_and_speed():
    x = gk.randn(8, 16, 32, 32, requires_grad=True)
    w = gk.randn(32, 16, 3, 3, requires_grad=True)
    y = GF.conv2d(x, w, padding=1)
    assert y.dtype == gk.float32
    y.sum().backward()
    assert x.grad.dtype == gk.float32 and w.grad.dtype == gk.float32


def _conv_path(xs, ws, kw):
    """Which internal im2col layout a stride/padding/dilation geometry takes (shift, wide or compact)."""
    D = len(ws) - 2
    K, S = ws[2:], xs[2:]
    s = GF._tuple(kw.get("stride", 1), D)
    d = GF._tuple(kw.get("dilation", 1), D)
    p = kw.get("padding", 0)
    if p == "same":
        pads = [(d[i] * (K[i] - 1) // 2, d[i] * (K[i] - 1) - d[i] * (K[i] - 1) // 2) for i in range(D)]
    else:
        pads = [(v, v) for v in GF._tuple(p, D)]
    out = GF._out_size(S, K, s, pads, d)
    if GF._shift_ok(S, out, s):
        return "shift-flat" if out[0] == S[0] else "shift-rows"
    return "wide" if GF._wide_ok(out, K, s, d) else "compact"


PATH_CASES = [
    ("shift-flat", (2, 4, 6, 5), (6, 2, 3, 3), dict(padding=1, groups=2)),
    ("shift-flat", (2, 4, 6, 5), (6, 4, 2, 3), dict(padding="same", dilation=(3, 1))),
    ("shift-rows", (2, 4, 6, 5), (6, 4, 3, 3), dict(padding=(0, 1))),
    ("wide", (2, 4, 6, 5), (6, 4, 3, 3), dict(padding=2)),
    ("wide", (2, 4, 6, 5), (6, 4, 3, 2), dict(dilation=(1, 2))),
    ("compact", (2, 4, 9, 9), (6, 4, 2, 7), dict(padding=(1, 0))),
    ("compact", (2, 4, 7, 8), (6, 2, 3, 3), dict(stride=(1, 2), padding=1, groups=2)),
    ("shift-flat", (2, 3, 4, 5, 6), (4, 3, 3, 3, 3), dict(padding=1)),
    ("shift-rows", (2, 3, 4, 5, 6), (4, 3, 2, 3, 1), dict(padding=(0, 1, 0))),
    ("wide", (2, 3, 4, 5, 6), (3, 1, 2, 2, 2), dict(padding=(0, 2, 1), groups=3)),
    ("shift-flat", (3, 4, 10), (5, 4, 3), dict(padding=1)),
    ("shift-rows", (3, 4, 10), (6, 2, 4), dict(padding=1, groups=2)),
]


@pytest.mark.parametrize("path,xs,ws,kw", PATH_CASES, ids=[f"{c[0]}-{len(c[1]) - 2}d-{i}"
                                                           for i, c in enumerate(PATH_CASES)])
@pytest.mark.parametrize("dt", DTYPES)
@pytest.mark.filterwarnings("ignore:Using padding='same'")
def test_conv_layout_paths(path, xs, ws, kw, dt):
    assert _conv_path(xs, ws, kw) == path
    rng = np.random.default_rng(10)
    x, w, b = arr(rng, xs, dt), arr(rng, ws, dt), arr(rng, ws[:1], dt)
    name = f"conv{len(ws) - 2}d"
    run_both(lambda T, x, w, b: getattr(F(T), name)(x, w, b, **kw), [x, w, b], requires_grad=(0, 1, 2), **tol(dt))


@pytest.mark.parametrize("kw", [dict(padding=1), dict(padding=(0, 2), dilation=(1, 2)), dict(padding=0)])
def test_conv_transpose_stride1_paths(kw):
    rng = np.random.default_rng(11)
    x, w = arr(rng, (2, 4, 5, 6), np.float64), arr(rng, (4, 3, 3, 3), np.float64)
    run_both(lambda T, x, w: F(T).conv_transpose2d(x, w, **kw), [x, w], requires_grad=(0, 1), **tol(np.float64))


def test_conv_stride1_double_backward():
    rng = np.random.default_rng(12)

    def t(shape):
        return gk.tensor(rng.standard_normal(shape), requires_grad=True)

    for kw in (dict(padding=1), dict(padding=(0, 1), groups=2), dict(padding=2)):
        x, w, b = t((2, 4, 4, 5)), t((4, 4 // kw.get("groups", 1), 3, 3)), t((4,))
        fn = lambda x, w, b: GF.conv2d(x, w, b, **kw)  # noqa: E731
        assert gradcheck(fn, (x, w, b))
        assert gradgradcheck(fn, (x, w, b))


@pytest.mark.parametrize("padding", [1, 2, (2, 0), 0])
def test_conv_nonfinite_input_matches_torch(padding):
    rng = np.random.default_rng(13)
    x, w = arr(rng, (2, 2, 5, 6), np.float32), arr(rng, (3, 2, 3, 3), np.float32)
    x[0, 1, 2, 0] = np.inf
    x[1, 0, 4, 5] = np.nan
    run_both(lambda T, x, w: F(T).conv2d(x, w, padding=padding), [x, w], requires_grad=(1,), **tol(np.float32))


def test_conv_cnn_workload_float32():
    rng = np.random.default_rng(14)
    x, w, b = arr(rng, (16, 8, 8, 8), np.float32), arr(rng, (16, 8, 3, 3), np.float32), arr(rng, (16,), np.float32)
    run_both(lambda T, x, w, b: F(T).conv2d(x, w, b, padding=1), [x, w, b], requires_grad=(0, 1, 2),
             **tol(np.float32))


@pytest.mark.parametrize("kw", [dict(padding=1), dict(padding=(0, 1)), dict(), dict(stride=2)])
@pytest.mark.parametrize("n", [0, 1])
def test_conv_small_batches(kw, n):
    rng = np.random.default_rng(15)
    x, w = arr(rng, (n, 4, 5, 5), np.float32), arr(rng, (3, 4, 3, 3), np.float32)
    run_both(lambda T, x, w: F(T).conv2d(x, w, **kw), [x, w], requires_grad=(0, 1), **tol(np.float32))


def test_conv_repeated_calls_reuse_buffers_safely():
    rng = np.random.default_rng(16)
    x, w = arr(rng, (4, 3, 6, 6), np.float32), arr(rng, (5, 3, 3, 3), np.float32)
    for _ in range(3):
        run_both(lambda T, x, w: F(T).conv2d(x, w, padding=1) * F(T).conv2d(x * 2, w, padding=1), [x, w],
                 requires_grad=(0, 1), **tol(np.float32))
