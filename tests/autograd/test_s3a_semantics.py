"""Autograd / tensor semantics that must match torch exactly: in-place writes through views (CopySlices),
views made under no_grad, ``requires_grad`` / ``grad`` assignment checks, integer powers, tie-breaking of
sort-like ops, ``as_strided``, ``index_reduce``, ``renorm`` and the strides of ``*_like`` results."""
import zlib

import numpy as np
import pytest

import gradkit
from _parity import assert_close, run_both, torch

LIBS = (torch, gradkit)


def _err(fn):
    """``(type name, message)`` of what ``fn`` raises, or None."""
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return type(e).__name__, str(e)
    return None


def same_error(fn, must_raise=True):
    """``fn(T)`` raises the same exception type and text under torch and gradkit."""
    want, got = _err(lambda: fn(torch)), _err(lambda: fn(gradkit))
    if must_raise:
        assert want is not None, "torch did not raise"
    assert want == got, f"\ntorch:   {want}\ngradkit: {got}"


def _seed(*parts) -> int:
    return zlib.crc32(repr(parts).encode())


def _arr(rng, *shape):
    return rng.standard_normal(shape).astype(np.float32)


# =====================================================================================================
# 1. in-place writes through views of non-leaf tensors
# =====================================================================================================
VIEWS = {
    "row": lambda b: b[1],
    "col": lambda b: b[:, 2],
    "slice": lambda b: b[1:3],
    "step": lambda b: b[::2, 1::2],
    "ellipsis": lambda b: b[..., 1],
    "none": lambda b: b[None, 0],
    "elem": lambda b: b[2, 3],
    "view": lambda b: b.view(-1),
    "view2": lambda b: b.view(2, 2, 4),
    "reshape": lambda b: b.reshape(16),
    "t": lambda b: b.t(),
    "transpose_slice": lambda b: b.transpose(0, 1)[1:3],
    "permute": lambda b: b.permute(1, 0),
    "unsqueeze": lambda b: b.unsqueeze(1),
    "narrow": lambda b: b.narrow(1, 1, 2),
    "select": lambda b: b.select(1, 0),
    "diagonal": lambda b: b.diagonal(),
    "diagonal_off": lambda b: b.diagonal(1),
    "flatten": lambda b: b.flatten(),
    "unflatten": lambda b: b.unflatten(1, (2, 2)),
    "movedim": lambda b: b.movedim(0, 1),
    "view_of_view": lambda b: b[1:].t()[1],
    "as_strided": lambda b: b.as_strided((2, 2), (5, 1), 1),
}

OPS = {
    "mul_scalar": lambda v, x: v.mul_(3.0),
    "add_tensor": lambda v, x: v.add_(x.reshape(-1)[: v.numel()].reshape(v.shape)),
    "mul_tensor": lambda v, x: v.mul_(x.reshape(-1)[: v.numel()].reshape(v.shape)),
    "sub_alpha": lambda v, x: v.sub_(x.reshape(-1)[0], alpha=2),
    "div_": lambda v, x: v.div_(x.reshape(-1)[: v.numel()].reshape(v.shape).abs() + 1),
    "copy_": lambda v, x: v.copy_(x.reshape(-1)[: v.numel()].reshape(v.shape) * 2),
    "fill_": lambda v, x: v.fill_(2.5),
    "fill_tensor": lambda v, x: v.fill_(x.reshape(-1)[1]),
    "zero_": lambda v, x: v.zero_(),
    "clamp_": lambda v, x: v.clamp_(-0.5, 0.5),
    "exp_": lambda v, x: v.exp_(),
    "sigmoid_": lambda v, x: v.sigmoid_(),
    "pow_": lambda v, x: v.pow_(2),
    "self_mul": lambda v, x: v.mul_(v.detach() + 1),
    "relu_": lambda v, x: v.relu_(),
    "twice": lambda v, x: v.mul_(2).add_(x.reshape(-1)[0]),
}


@pytest.mark.parametrize("view", sorted(VIEWS))
@pytest.mark.parametrize("op", sorted(OPS))
def test_inplace_on_view_of_nonleaf(view, op):
    rng = np.random.default_rng(_seed(view, op))
    a, x, w = _arr(rng, 4, 4), _arr(rng, 4, 4), _arr(rng, 4, 4)

    def f(T, a, x, w):
        b = a * 2
        v = VIEWS[view](b)
        OPS[op](v, x)
        return (b * w).sum(1), v * 1, b

    run_both(f, [a, x, w], requires_grad=(0, 1))


@pytest.mark.parametrize("view", ["row", "col", "step", "t", "reshape", "diagonal", "as_strided"])
def test_inplace_on_view_noncontiguous_root(view):
    rng = np.random.default_rng(7)
    a, x = _arr(rng, 4, 4), _arr(rng, 4, 4)

    def f(T, a, x):
        b = a.t() * 2
        v = VIEWS[view](b)
        v.mul_(x.reshape(-1)[: v.numel()].reshape(v.shape))
        return b.sin(), v * 1

    run_both(f, [a, x], requires_grad=(0, 1))


SETITEM = {
    "int": (lambda: 1, (4,)),
    "slice": (lambda: slice(1, 3), (2, 4)),
    "col": (lambda: (slice(None), 0), (4,)),
    "col_bcast": (lambda: (slice(None), 0), (1,)),
    "lead1": (lambda: 2, (1, 4)),
    "step": (lambda: (slice(None, None, 2), slice(1, None, 2)), (2, 2)),
    "elem": (lambda: (1, 2), ()),
    "ellipsis": (lambda: (Ellipsis, 3), (4,)),
    "mask": ("mask", ()),
    "index": ("index", (2, 4)),
    "index2": ("index2", (2,)),
}


@pytest.mark.parametrize("key", sorted(SETITEM))
@pytest.mark.parametrize("value_kind", ["tensor", "scalar"])
@pytest.mark.parametrize("base_kind", ["root", "view"])
def test_setitem_nonleaf(key, value_kind, base_kind):
    rng = np.random.default_rng(3)
    a, w = _arr(rng, 4, 4), _arr(rng, 4, 4)
    idx_fn, vshape = SETITEM[key]
    val = _arr(rng, *vshape)

    def f(T, a, v, w):
        h = a.sin() if base_kind == "root" else (a * 3).t().t()
        if idx_fn == "mask":
            idx = h > 1.5
        elif idx_fn == "index":
            idx = T.tensor([3, 0])
        elif idx_fn == "index2":
            idx = (T.tensor([0, 2]), T.tensor([1, 3]))
        else:
            idx = idx_fn()
        h[idx] = v if value_kind == "tensor" else 0.25
        return h * w

    run_both(f, [a, val, w], requires_grad=(0, 1))


def test_inplace_view_rewrites_base_and_other_views():
    rng = np.random.default_rng(11)
    a, x = _arr(rng, 3, 4), _arr(rng, 4)

    def f(T, a, x):
        b = a * 2
        col = b[:, 0]
        row = b[0]
        row.mul_(x)
        tail = b[1:]
        b.add_(1)
        return col * 3, row * 5, tail * 7, b * 11

    for T in LIBS:
        b = T.ones(2, 2, requires_grad=True) * 1
        v = b[0]
        v.mul_(2)
        assert type(b.grad_fn).__name__ == "CopySlices" and b.grad_fn.name() == "torch::autograd::CopySlices"
        assert type(v.grad_fn).__name__ == "AsStridedBackward0"
    for k in range(4):
        run_both(lambda T, a, x, k=k: f(T, a, x)[k], [a, x], requires_grad=(0, 1))


def test_inplace_through_view_of_plain_buffer():
    rng = np.random.default_rng(5)
    x, w = _arr(rng, 2), _arr(rng, 3, 2)

    def f(T, x, w):
        buf = T.zeros(3, 2)
        other = buf[1]
        rows = buf[0:2]
        rows.copy_(T.stack([x, x * x]))
        flags = (buf.requires_grad, other.requires_grad, rows.requires_grad)
        return (buf * w).sum() + (other * 3).sum() + sum(flags)

    run_both(f, [x, w], requires_grad=(0,))


def test_rnn_style_buffer_writes():
    rng = np.random.default_rng(9)
    x, wh = _arr(rng, 5, 3), _arr(rng, 3, 3)

    def f(T, x, wh):
        out = T.zeros(5, 3)
        h = T.zeros(3)
        for t in range(5):
            h = (x[t] + h @ wh).tanh()
            out[t] = h
        out[:, 0] *= 2
        return out

    run_both(f, [x, wh], requires_grad=(0, 1))


def test_inplace_view_double_backward():
    rng = np.random.default_rng(2)
    a = rng.uniform(0.5, 1.5, (3, 3)).astype(np.float64)
    res = []
    for T in LIBS:
        t = T.tensor(a, requires_grad=True)
        b = t ** 2
        b[1].mul_(t[0])
        b.diagonal().add_(t[:, 2] ** 3)
        (g,) = T.autograd.grad((b * b).sum(), t, create_graph=True)
        (g.sin().sum()).backward()
        res.append((b, g, t.grad))
    assert_close(res[0], res[1], rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("case", range(8))
def test_inplace_view_errors(case):
    def f(T):
        a = T.ones(2, 3, requires_grad=True)
        b = a * 2
        if case == 0:
            a[0].mul_(2)
        elif case == 1:
            a[0] = 5.0
        elif case == 2:
            T.arange(6.0).reshape(2, 3).requires_grad_()[0].add_(1)
        elif case == 3:
            b.unbind(0)[1].mul_(2)
        elif case == 4:
            b.split(1)[0].add_(1)
        elif case == 5:
            b.chunk(3, 1)[2][0] = 1.0
        elif case == 6:
            b.split([1, 1])[1].t().mul_(2)
        elif case == 7:
            a[b > 0] = 0.0
    same_error(f)


def test_inplace_on_multi_output_view_without_grad_is_fine():
    for T in LIBS:
        b = T.ones(2, 3)
        b.unbind(0)[0].mul_(2)
        b.tensor_split(2, 1)[0].add_(1)
        assert b.sum().item() == 13.0
    rng = np.random.default_rng(4)
    run_both(lambda T, a: [p.mul_(2) for p in (a * 1).tensor_split([1, 3], 1)][1], [_arr(rng, 3, 5)],
             requires_grad=(0,))


@pytest.mark.parametrize("spec", [2, 3, [1, 3], [3, 1], [0, 5, 9], [-2]])
def test_tensor_split_slices(spec):
    rng = np.random.default_rng(8)
    outs = run_both(lambda T, a: T.cat([p * (i + 1) for i, p in enumerate(a.tensor_split(spec, 1))], 1),
                    [_arr(rng, 2, 5)], requires_grad=(0,))
    assert outs[0].shape == outs[1].shape


def test_version_counter_error_messages():
    def exp_then_setitem(T):
        a = T.arange(6.0).reshape(2, 3).requires_grad_()
        h = a.exp()
        h[h > 3] = 0
        h.sum().backward()

    def saved_input_view(T):
        a = T.ones(3, 2, dtype=T.float64, requires_grad=True)
        h = a.exp()
        v = h[1:]
        y = v.sin()
        h.mul_(2)
        y.sum().backward()

    def saved_leafish(T):
        w = T.ones(3, requires_grad=True)
        x = T.zeros(3)
        y = (x * w).sum()
        x.add_(1)
        y.backward()

    def two_inplace(T):
        a = T.ones(3, requires_grad=True)
        h = a.exp()
        h.add_(1)
        y = h.sin()
        h.mul_(2)
        y.sum().backward()

    def copyslices(T):
        a = T.ones(3, requires_grad=True)
        h = a.exp()
        v = h[1:]
        y = h.sin()
        v.mul_(2)
        y.sum().backward()

    for fn in (exp_then_setitem, saved_input_view, saved_leafish, two_inplace, copyslices):
        same_error(fn)


def test_expanded_writes():
    def f(op):
        def g(T):
            b = T.arange(3.0)
            v = b.expand(2, 3)
            op(v, T)
            return b
        return g

    for op in (lambda v, T: v.add_(1), lambda v, T: v.copy_(T.ones(2, 3)), lambda v, T: v.relu_(),
               lambda v, T: v.clamp_(0, 1), lambda v, T: v.__setitem__((slice(None), 0), T.ones(2))):
        same_error(f(op))
    for op in (lambda v, T: v.fill_(7), lambda v, T: v.zero_(), lambda v, T: v.__setitem__(0, 5.0),
               lambda v, T: v[0].add_(1), lambda v, T: v[1].copy_(T.tensor([4.0, 5.0, 6.0]))):
        assert_close(f(op)(torch), f(op)(gradkit))


def test_detach_inplace_on_view_raises():
    same_error(lambda T: T.zeros(3)[0:2].detach_())
    same_error(lambda T: (T.ones(3, requires_grad=True) * 2)[1:].detach_())
    for T in LIBS:
        b = T.ones(3, requires_grad=True) * 2
        assert b.detach_() is b and not b.requires_grad and b.is_leaf


# =====================================================================================================
# 2. views made under no_grad
# =====================================================================================================
def test_nograd_view_flags():
    def f(T):
        a = T.ones(2, 3, requires_grad=True)
        p = T.arange(6.0).reshape(2, 3).requires_grad_()
        b = a * 2
        with T.no_grad():
            va, vp, vb, vt = a[0], p[0], b[0], b.t()
            plain = T.ones(3)[1:]
        w = va[1:]
        return [(t.requires_grad, t.is_leaf, t.grad_fn is None, t._is_view())
                for t in (va, vp, vb, vt, plain, w)]
    assert f(torch) == f(gradkit)


def test_nograd_view_gets_no_gradient():
    rng = np.random.default_rng(0)

    def f(T, a):
        b = a * 2
        with T.no_grad():
            v = b[0]
        out = (v * 3).sum() + b.sum()
        out.backward()
        return v.grad is None, out.requires_grad

    res = []
    for T in LIBS:
        a = T.tensor(_arr(rng, 2, 3), requires_grad=True)
        res.append((f(T, a), a.grad))
    assert res[0][0] == res[1][0]
    assert_close(res[0][1], res[1][1])


@pytest.mark.parametrize("case", range(5))
def test_nograd_view_inplace_in_grad_mode(case):
    def f(T):
        a = T.ones(2, 3, requires_grad=True)
        b = a * 2
        x = T.ones(3, requires_grad=True)
        with T.no_grad():
            vb = b[0]
            va = a[0]
            plain = T.zeros(2, 3)[0]
        if case == 0:
            vb.mul_(2)
        elif case == 1:
            va.mul_(x)
        elif case == 2:
            plain.add_(x)
        elif case == 3:
            vb[1:].mul_(2)
        elif case == 4:
            va.add_(1)
        return None
    same_error(f, must_raise=case < 4)


# =====================================================================================================
# 3. requires_grad / grad assignment
# =====================================================================================================
@pytest.mark.parametrize("case", range(14))
def test_requires_grad_setter(case):
    def f(T):
        nonleaf = T.ones(3, requires_grad=True) * 2
        cases = [
            lambda: setattr(T.zeros(3, dtype=T.int64), "requires_grad", True),
            lambda: setattr(T.zeros(3, dtype=T.bool), "requires_grad", True),
            lambda: setattr(T.zeros(3, dtype=T.uint8), "requires_grad", False),
            lambda: setattr(nonleaf, "requires_grad", False),
            lambda: setattr(nonleaf, "requires_grad", True),
            lambda: setattr(T.zeros(3), "requires_grad", 1),
            lambda: setattr(T.zeros(3), "requires_grad", None),
            lambda: delattr(T.zeros(3), "requires_grad"),
            lambda: T.zeros(3, dtype=T.int32).requires_grad_(),
            lambda: T.zeros(3, dtype=T.int32).requires_grad_(False),
            lambda: nonleaf.requires_grad_(False),
            lambda: nonleaf.requires_grad_(True),
            lambda: T.zeros(3).requires_grad_(1),
            lambda: T.tensor([1, 2], requires_grad=True),
        ]
        r = cases[case]()
        return None if r is None else (r.requires_grad, r.is_leaf)
    want, got = _err(lambda: f(torch)), _err(lambda: f(gradkit))
    assert want == got
    if want is None:
        assert f(torch) == f(gradkit)


def test_requires_grad_roundtrip():
    for T in LIBS:
        t = T.zeros(2, dtype=T.float16)
        t.requires_grad = True
        assert t.requires_grad and t.is_leaf
        t.requires_grad = False
        assert not t.requires_grad
        b = T.ones(2, requires_grad=True) * 2
        assert b.requires_grad_() is b


GRAD_CASES = [
    lambda T: (T.zeros(2, 3), 3),
    lambda T: (T.zeros(2, 3), np.zeros((2, 3), np.float32)),
    lambda T: (T.zeros(2, 3), [1.0]),
    lambda T: (T.zeros(2, 3), T.zeros(3, 2)),
    lambda T: (T.zeros(()), T.zeros(1)),
    lambda T: (T.zeros(2, 3), T.zeros(3, dtype=T.float64)),
    lambda T: (T.zeros(2, 3, dtype=T.float64), T.zeros(2, 3)),
    lambda T: (T.zeros(2, 3, dtype=T.float16), T.zeros(2, 3)),
    lambda T: (T.zeros(2, 3), T.zeros(2, 3, dtype=T.int64)),
    lambda T: (T.zeros(2, dtype=T.int32), T.zeros(2, dtype=T.int16)),
    lambda T: (T.zeros(2, dtype=T.int8), T.zeros(2, dtype=T.uint8)),
    lambda T: (T.zeros(2, dtype=T.bool), T.zeros(2)),
    lambda T: (T.zeros(2, 3, dtype=T.int64), T.zeros(2, 3, dtype=T.int64)),
    lambda T: (T.zeros(2, 3), T.zeros(3).expand(2, 3)),
    lambda T: (T.ones(3, requires_grad=True) * 2, T.ones(3)),
    lambda T: (T.zeros(2), T.ones(2, requires_grad=True)),
    lambda T: (T.zeros(2), None),
]


@pytest.mark.parametrize("case", range(len(GRAD_CASES)))
def test_grad_setter(case):
    def f(T):
        t, g = GRAD_CASES[case](T)
        t.grad = g
        return t.grad
    want, got = _err(lambda: f(torch)), _err(lambda: f(gradkit))
    assert want == got
    if want is None:
        assert_close(f(torch), f(gradkit))


def test_grad_self_and_delete():
    same_error(lambda T: (lambda x: setattr(x, "grad", x))(T.zeros(2)))
    for T in LIBS:
        x = T.ones(2, requires_grad=True)
        (x * 3).sum().backward()
        del x.grad
        assert x.grad is None
        (x * 3).sum().backward()
        x.grad = x.grad * 2
        (x * 3).sum().backward()
        assert x.grad.tolist() == [9.0, 9.0]


# =====================================================================================================
# 4. integer powers
# =====================================================================================================
@pytest.mark.parametrize("dtype", ["int64", "int32", "int16", "int8", "uint8"])
def test_integer_negative_powers(dtype):
    rng = np.random.default_rng(12)
    lo = 0 if dtype == "uint8" else -4
    base = rng.integers(lo, 5, 24)
    expo = rng.integers(-4, 6, 24)
    cases = [
        lambda T, b, e: b ** e,
        lambda T, b, e: T.pow(b, e),
        lambda T, b, e: b.clone().pow_(e),
        lambda T, b, e: b ** e[:1].reshape(()),
        lambda T, b, e: b ** T.tensor([-1]),
        lambda T, b, e: 2 ** e,
        lambda T, b, e: (-3) ** e,
        lambda T, b, e: T.pow(-1, e),
        lambda T, b, e: b ** 3,
        lambda T, b, e: b ** 0,
        lambda T, b, e: b ** -1.5,
        lambda T, b, e: b ** 40,
    ]
    for k, fn in enumerate(cases):
        res = []
        for T in LIBS:
            b = T.tensor(base, dtype=getattr(T, dtype))
            e = T.tensor(expo if dtype != "uint8" else np.abs(expo), dtype=getattr(T, dtype))
            res.append(_err(lambda: fn(T, b, e)) or fn(T, b, e))
        if isinstance(res[0], tuple):
            assert res[0] == res[1], k
        else:
            assert_close(res[0], res[1])


@pytest.mark.parametrize("case", range(6))
def test_integer_power_errors(case):
    def f(T):
        x = T.tensor([1, 2, 3])
        b = T.tensor([True, False])
        return [lambda: x ** -1, lambda: x.pow_(-2), lambda: T.pow(x, -3), lambda: b ** b,
                lambda: True ** b, lambda: T.tensor(0) ** -1][case]()
    same_error(f)


def test_bool_power_by_python_bool():
    for e in (True, False, 2):
        assert_close(torch.tensor([True, False]) ** e, gradkit.tensor([True, False]) ** e)


# =====================================================================================================
# 5. tie-breaking of sort-like ops (torch's CPU kernels: std::sort, stable sort, selection)
# =====================================================================================================
TIE_OPS = {
    "sort": lambda x: x.sort(dim=1),
    "sort_desc": lambda x: x.sort(dim=1, descending=True),
    "sort_stable": lambda x: x.sort(dim=1, stable=True),
    "sort_stable_desc": lambda x: x.sort(dim=1, descending=True, stable=True),
    "sort_dim0": lambda x: x.sort(dim=0),
    "argsort": lambda x: x.argsort(dim=1),
    "argsort_desc": lambda x: x.argsort(dim=1, descending=True),
    "msort": lambda x: x.t().msort(),
    "max": lambda x: x.max(1),
    "min": lambda x: x.min(1),
    "argmax": lambda x: x.argmax(1),
    "argmin": lambda x: x.argmin(0),
    "mode": lambda x: x.mode(1),
    "mode0": lambda x: x.mode(0),
    "median": lambda x: x.median(1),
    "nanmedian": lambda x: x.nanmedian(1),
    "topk": lambda x: x.topk(min(5, x.shape[1]), 1),
    "topk_small": lambda x: x.topk(min(3, x.shape[1]), 1, largest=False),
    "topk_unsorted": lambda x: x.topk(min(7, x.shape[1]), 1, sorted=False),
    "kthvalue": lambda x: x.kthvalue(min(4, x.shape[1]), 1),
    "cummax": lambda x: x.cummax(1),
    "cummin": lambda x: x.cummin(1),
}


@pytest.mark.parametrize("op", sorted(TIE_OPS))
@pytest.mark.parametrize("kind", ["float", "nan", "int"])
def test_tie_breaking(op, kind):
    rng = np.random.default_rng(_seed(op, kind))
    for _ in range(12):
        n = int(rng.integers(1, 70))
        a = rng.integers(0, int(rng.integers(1, 5)), (int(rng.integers(1, 4)), n)).astype(np.float32)
        if kind == "nan":
            a[rng.random(a.shape) < 0.2] = np.nan
        if kind == "int":
            a = a.astype(np.int64)
        outs = [TIE_OPS[op](T.tensor(a)) for T in LIBS]
        assert_close(tuple(outs[0]) if isinstance(outs[0], tuple) else outs[0],
                     tuple(outs[1]) if isinstance(outs[1], tuple) else outs[1])


def test_sort_gradients_with_ties():
    rng = np.random.default_rng(6)
    a = rng.integers(0, 3, (3, 40)).astype(np.float32)
    run_both(lambda T, x: x.sort(1)[0] * T.arange(40.0), [a], requires_grad=(0,))
    run_both(lambda T, x: x.mode(1)[0], [a], requires_grad=(0,))


# =====================================================================================================
# 6. as_strided, index_reduce, renorm, *_like strides
# =====================================================================================================
AS_STRIDED = [((2, 2), (1, 2), 0), ((3,), (2,), 1), ((2, 3), (0, 1), 2), ((3, 3), (1, 1), 0),
              ((2, 2, 2), (4, 2, 1), 0), ((4,), (3,), None), ((), (), 5), ((2, 2), (2, 1), 8)]


@pytest.mark.parametrize("geom", range(len(AS_STRIDED)))
@pytest.mark.parametrize("kind", ["plain", "view", "t"])
def test_as_strided(geom, kind):
    size, stride, off = AS_STRIDED[geom]
    a = np.random.default_rng(geom).standard_normal((3, 4))

    def f(T, x):
        b = x * 1
        base = b if kind == "plain" else (b[1:] if kind == "view" else b.t())
        return base.as_strided(size, stride, off) if off is not None else T.as_strided(base, size, stride)

    want = _err(lambda: f(torch, torch.tensor(a)))
    if want is not None:
        assert want == _err(lambda: f(gradkit, gradkit.tensor(a)))
        return
    geo = [(r.stride(), r.storage_offset(), r.is_contiguous()) for r in (f(T, T.tensor(a)) for T in LIBS)]
    assert geo[0] == geo[1]
    run_both(f, [a], requires_grad=(0,))


def test_as_strided_shares_memory_and_double_backward():
    for T in LIBS:
        t = T.zeros(3, 4)
        t.as_strided((2,), (5,), 0).fill_(7)
        assert t.tolist() == [[7.0, 0, 0, 0], [0, 7.0, 0, 0], [0, 0, 0, 0]]
    rng = np.random.default_rng(1)
    res = []
    for T in LIBS:
        x = T.tensor(rng.standard_normal((3, 4)) if not res else res[0][2], requires_grad=True)
        r = (x ** 2).as_strided((2, 3), (1, 2), 1)
        (g,) = T.autograd.grad((r ** 2).sum(), x, create_graph=True)
        g.sum().backward()
        res.append((g, x.grad, x.detach().numpy().copy()))
    assert_close(res[0][:2], res[1][:2], rtol=1e-9, atol=1e-9)
    for fn in (lambda T: T.ones(3, 4).as_strided((3, 4), (4, 1), 1), lambda T: T.ones(3).as_strided((3,), (-1,)),
               lambda T: T.ones(3, 4).as_strided((3, 4), (4,))):
        same_error(fn)


@pytest.mark.parametrize("reduce", ["prod", "mean", "amax", "amin"])
@pytest.mark.parametrize("include_self", [True, False])
@pytest.mark.parametrize("dim", [0, 1])
def test_index_reduce(reduce, include_self, dim):
    rng = np.random.default_rng(_seed(reduce, include_self, dim))
    x = rng.integers(-2, 3, (4, 3)).astype(np.float64)
    src = rng.integers(-2, 3, (5, 3) if dim == 0 else (4, 5)).astype(np.float64)
    idx = rng.integers(0, x.shape[dim], 5)
    run_both(lambda T, x, s: x.index_reduce(dim, T.tensor(idx), s, reduce, include_self=include_self),
             [x, src], requires_grad=(0, 1))
    run_both(lambda T, x, s: T.index_reduce(x * 1, dim, T.tensor(idx), s, reduce, include_self=include_self),
             [x.astype(np.int64), src.astype(np.int64)])
    run_both(lambda T, x, s: (x * 1).index_reduce_(dim, T.tensor(idx), s, reduce, include_self=include_self),
             [x, src], requires_grad=(0, 1))


@pytest.mark.parametrize("case", range(7))
def test_index_reduce_errors(case):
    def f(T):
        x, i, s = T.tensor([[1, 2], [3, 4], [5, 6]]), T.tensor([0, 2, 0]), T.tensor([[7, 1], [2, 9], [4, 5]])
        return [lambda: x.index_reduce(0, i, s, "sum"), lambda: x.index_reduce(0, i.float(), s, "prod"),
                lambda: x.index_reduce(0, i, s.float(), "prod"), lambda: x.index_reduce(0, T.tensor([0, 5, 1]), s, "prod"),
                lambda: x.index_reduce(0, i[:2], s, "prod"), lambda: x.index_reduce(0, i.view(3, 1), s, "prod"),
                lambda: x.index_reduce(0, T.tensor([-1, 0, 0]), s, "amax")][case]()
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        same_error(f)


@pytest.mark.parametrize("p", [1, 2, 3, 0.5, float("inf")])
@pytest.mark.parametrize("dim", [0, 1, -1])
def test_renorm(p, dim):
    rng = np.random.default_rng(int(min(p, 9) * 10) + dim)
    x = rng.standard_normal((3, 4, 2)).astype(np.float32)
    run_both(lambda T, x: x.renorm(p, dim, 1.5), [x], requires_grad=(0,), rtol=1e-4, atol=1e-5)
    run_both(lambda T, x: T.renorm(x * 2, p, dim, 0.7), [x], requires_grad=(0,), rtol=1e-4, atol=1e-5)
    run_both(lambda T, x: (x * 1).renorm_(p, dim, 1.0), [x], requires_grad=(0,), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("case", range(6))
def test_renorm_errors(case):
    def f(T):
        x = T.arange(12.0).reshape(3, 4)
        return [lambda: x.renorm(0, 0, 5), lambda: x.renorm(-1, 0, 5), lambda: x.renorm(2, 0, -1),
                lambda: x.renorm(2, 2, 5), lambda: T.ones(3).renorm(2, 0, 1),
                lambda: T.ones(2, 2, dtype=T.int64).renorm(2, 0, 1)][case]()
    same_error(f)


LIKE_INPUTS = {
    "perm": lambda T: T.ones(2, 3, 4).permute(2, 0, 1),
    "slice_perm": lambda T: T.ones(4, 6).t()[::2],
    "step": lambda T: T.ones(4, 6)[:, ::2],
    "expand": lambda T: T.ones(3, 1).expand(3, 4),
    "cl_slice": lambda T: T.ones(2, 3, 4, 5).permute(0, 2, 3, 1)[:, 1:],
    "size1": lambda T: T.ones(3, 1, 4).permute(1, 2, 0),
    "perm_step": lambda T: T.ones(4, 6, 2).permute(2, 0, 1)[:, :, ::2],
    "expand_perm": lambda T: T.ones(3, 1).expand(3, 4).t(),
    "contig": lambda T: T.ones(2, 3),
    "int_t": lambda T: T.ones(3, 4, dtype=T.int64).t(),
}
LIKE_FNS = {
    "empty_like": lambda T, x, **k: T.empty_like(x, **k),
    "zeros_like": lambda T, x, **k: T.zeros_like(x, **k),
    "ones_like": lambda T, x, **k: T.ones_like(x, **k),
    "full_like": lambda T, x, **k: T.full_like(x, 7, **k),
    "rand_like": lambda T, x, **k: T.rand_like(x.float(), **k),
    "randn_like": lambda T, x, **k: T.randn_like(x.float(), **k),
}


@pytest.mark.parametrize("inp", sorted(LIKE_INPUTS))
@pytest.mark.parametrize("fn", sorted(LIKE_FNS))
@pytest.mark.parametrize("fmt", [None, "preserve_format", "contiguous_format"])
def test_like_strides(inp, fn, fmt):
    res = []
    for T in LIBS:
        T.manual_seed(3)
        kw = {} if fmt is None else {"memory_format": getattr(T, fmt)}
        r = LIKE_FNS[fn](T, LIKE_INPUTS[inp](T), **kw)
        res.append((r.stride(), r.is_contiguous(), r if fn != "empty_like" else None))
    assert res[0][:2] == res[1][:2]
    if res[0][2] is not None:
        assert_close(res[0][2], res[1][2])
    assert repr(getattr(gradkit, fmt or "preserve_format")) == repr(getattr(torch, fmt or "preserve_format"))


def test_like_channels_last():
    for fn in ("zeros_like", "rand_like"):
        res = [LIKE_FNS[fn](T, T.ones(2, 3, 4, 5), memory_format=T.channels_last).stride() for T in LIBS]
        assert res[0] == res[1]


@pytest.mark.parametrize("case", range(8))
@pytest.mark.parametrize("dtype", ["float32", "float64", "int64", "uint8", "bool"])
def test_setitem_value_types(case, dtype):
    def f(T):
        d = T.zeros(2, 3, dtype=getattr(T, dtype))
        v = [(1.0, 2.0, 3.0), np.array([1.0, 2.0, 3.0]), np.float32(2), "a", None, 2 + 1j, True, np.float64(3)][case]
        d[0] = v
        return d
    want, got = _err(lambda: f(torch)), _err(lambda: f(gradkit))
    assert want == got
    if want is None:
        assert_close(f(torch), f(gradkit))
