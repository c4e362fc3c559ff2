"""Parity tests for the common-mistake errors, warnings and printed names fixed in session 4 (s4m)."""
from __future__ import annotations

import warnings

import numpy as np
import pytest

import gradkit
import gradkit.nn as gnn
import gradkit.nn.functional as gF

from _parity import assert_close

torch = pytest.importorskip("torch")
tnn = torch.nn
tF = torch.nn.functional


def outcome(fn, T):
    """``('ok', repr)`` of ``fn(T)`` or ``(exception type, message)``."""
    try:
        return "ok", str(fn(T))
    except Exception as e:  # noqa: BLE001
        return type(e).__name__, str(e)


def same(fn):
    assert outcome(fn, gradkit) == outcome(fn, torch)


def warned(fn, T) -> list:
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        fn(T)
    return [(w.category.__name__, str(w.message)) for w in rec]


@pytest.mark.parametrize("sa,sb", [((2, 3, 4), (2, 5, 6)), ((2, 2, 3, 4), (2, 2, 5, 6)), ((3, 4), (2, 5, 6)),
                                   ((4,), (2, 5, 6)), ((2, 3, 4), (5,)), ((2, 1, 3, 4), (3, 5, 6)),
                                   ((2, 3, 4), (5, 6))])
def test_matmul_batched_mismatch_messages(sa, sb):
    same(lambda T: T.zeros(*sa) @ T.zeros(*sb))


@pytest.mark.parametrize("x,t", [([0.3, 0.5], [0.0, 2.0]), ([0.3, 0.5], [-0.1, 1.0]), ([float("nan"), 0.5], [0.0, 1.0]),
                                 ([0.3, 0.5], [float("nan"), 1.0]), ([0.3, 0.5], [0.0, 1.0])])
def test_bce_range_checks(x, t):
    same(lambda T: round(T.nn.functional.binary_cross_entropy(T.tensor(x), T.tensor(t)).item(), 5))


@pytest.mark.parametrize("dims", [3, -3, (0, 2), 1])
def test_roll_dim_out_of_range(dims):
    same(lambda T: T.arange(6).reshape(2, 3).roll(1, dims) if not isinstance(dims, tuple)
         else T.arange(6).reshape(2, 3).roll((1, 1), dims))


def test_autograd_grad_checks_outputs_first():
    same(lambda T: T.autograd.grad(T.ones(1).sum(), T.ones(1)))
    same(lambda T: T.autograd.grad((T.ones(1, requires_grad=True) * 2).sum(), T.ones(1)))


def test_nonleaf_grad_warning():
    def access(T):
        x = T.ones(2, requires_grad=True)
        h = x * 2
        h.grad  # noqa: B018
        x.grad  # noqa: B018
        r = x * 3
        r.retain_grad()
        r.grad  # noqa: B018

    assert warned(access, gradkit) == [(c, m) for c, m in warned(access, torch)]
    assert len(warned(access, torch)) == 1


@pytest.mark.parametrize("op", ["zero_()", "fill_(2.0)", "fill_(v)"])
def test_fill_zero_nodes(op):
    def run(T):
        a = T.arange(1.0, 4.0, requires_grad=True)
        v = T.tensor(2.0, requires_grad=True)
        e = a * 2
        eval("e." + op, {"e": e, "v": v})
        names = e.grad_fn.name(), [type(n).__name__ for n, _ in e.grad_fn.next_functions if n is not None]
        (e * T.arange(3.0)).sum().backward()
        return names, a.grad, v.grad

    (n1, ga1, gv1), (n2, ga2, gv2) = run(torch), run(gradkit)
    assert n1[0] == n2[0]
    assert_close(ga1, ga2)
    assert_close(gv1, gv2)
    same(lambda T: _saved_modified(T, op))


def _saved_modified(T, op):
    a = T.arange(1.0, 4.0, requires_grad=True)
    e = a * 2
    f = e ** 2
    eval("e." + op, {"e": e, "v": T.tensor(2.0)})
    f.sum().backward()


@pytest.mark.parametrize("call", ["empty(2, 3, 2.5)", "empty((2, 3, 2.5))", "empty([2.5, 3])", "empty((2, 'a'))",
                                  "empty(2, None)", "full((2, 2.5), 1.0)", "empty(2.5)", "zeros((2, 2.5))",
                                  "ones([3.0])", "randn(2, 2.0)", "rand(2.0)", "zeros(None)", "empty('a')",
                                  "nn.Linear(2, 2.5)", "nn.Linear(2.5, 2)", "zeros(size=(2, 3)).shape",
                                  "randn(size=[2]).shape", "ones(size=(2,), dtype=T.int64)", "empty(size=(1,)).shape"])
def test_size_argument_messages(call):
    same(lambda T: eval("T." + call, {"T": T}))


def test_typename_of_functions_in_sequential():
    same(lambda T: T.nn.Sequential(T.nn.ReLU(), T.relu))
    same(lambda T: T.nn.Sequential(T.nn.ReLU(), T.nn.functional.relu))
    assert gradkit.typename(gnn.Linear) == torch.typename(tnn.Linear)


@pytest.mark.parametrize("case", ["1@1", "2@1", "2@2", "bmm", "mv", "dot", "stack", "stack1", "norm", "normdim",
                                  "leaf"])
def test_grad_fn_names(case):
    def run(T):
        a = T.arange(1.0, 4.0, requires_grad=True)
        m = T.arange(9.0).reshape(3, 3).requires_grad_()
        b = T.arange(18.0).reshape(2, 3, 3).requires_grad_()
        r = {"1@1": lambda: a @ a, "2@1": lambda: m @ a, "2@2": lambda: m @ m, "bmm": lambda: b.bmm(b),
             "mv": lambda: m.mv(a), "dot": lambda: a.dot(a), "stack": lambda: T.stack([a, a]),
             "stack1": lambda: T.stack([a, a * 2], 1), "norm": lambda: a.norm(), "normdim": lambda: m.norm(dim=1),
             "leaf": lambda: a + 1}[case]()
        names = [r.grad_fn.name()] + [n.name() for n, _ in r.grad_fn.next_functions if n is not None]
        (r * T.arange(float(r.numel())).reshape(r.shape)).sum().backward()
        return names, a.grad, m.grad, b.grad

    t, g = run(torch), run(gradkit)
    assert t[0] == g[0]
    assert_close(t[1:], g[1:], rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("dt", ["int8", "uint8", "int16", "int32", "int64"])
def test_iinfo_repr(dt):
    same(lambda T: T.iinfo(getattr(T, dt)))


def test_size_arithmetic():
    for expr in ["(1,) + s", "s * 2", "2 * s", "s + (5,)", "s + [4]", "type((1,) + s).__name__", "s[1:]"]:
        same(lambda T, e=expr: eval(e, {"s": T.Size([2, 3])}))


def test_numpy_conversions_and_tensor_from_tensors():
    same(lambda T: np.array(T.ones(2, requires_grad=True)))
    same(lambda T: np.asarray(T.ones(2, requires_grad=True).detach()).dtype)
    same(lambda T: T.tensor([T.ones(2), T.ones(2)]))
    same(lambda T: T.tensor([T.ones(1), T.ones(1)]))
    same(lambda T: T.tensor([T.ones(1, 1)]).shape)
    for data in ["None", "{'a': 1}", "[None]", "[1, None]", "[{'a': 1}]"]:
        same(lambda T, d=data: T.tensor(eval(d)))
    for arr in [np.array(["a"]), np.array([b"a"]), np.array([object()])]:
        same(lambda T, a=arr: T.from_numpy(a))


def test_device_and_type_strings():
    for s in ["float64", "gpu", "float"]:
        same(lambda T, s=s: T.ones(2).to(s))
    same(lambda T: T.device("float64"))
    for s in ["float", "int", "torch.DoubleTensor"]:
        same(lambda T, s=s: T.ones(2).type(s).dtype)


@pytest.mark.parametrize("fn", ["upsample", "upsample_nearest", "upsample_bilinear"])
def test_upsample_deprecation_warnings(fn):
    def call(T):
        getattr(T.nn.functional, fn)(T.ones(1, 1, 2, 2), scale_factor=2)

    assert warned(call, gradkit) == warned(call, torch)


def test_variable_volatile_warning():
    def call(T):
        T.autograd.Variable(T.ones(1), volatile=True)

    assert warned(call, gradkit) == warned(call, torch)


def test_linear_non_tensor_input():
    same(lambda T: T.nn.Linear(2, 2)(np.ones((1, 2), np.float32)))
    same(lambda T: T.nn.Linear(2, 2)([1.0, 2.0]))
    x = np.random.default_rng(0).standard_normal((3, 2)).astype(np.float32)
    lt, lg = tnn.Linear(2, 2), gnn.Linear(2, 2)
    lg.load_state_dict({k: gradkit.tensor(v.detach().numpy()) for k, v in lt.state_dict().items()})
    assert_close(lt(torch.tensor(x)), lg(gradkit.tensor(x)))
    assert_close(tF.linear(torch.tensor(x), lt.weight), gF.linear(gradkit.tensor(x), lg.weight))


@pytest.mark.parametrize("op", ["unsqueeze_(0)", "squeeze_()", "t_()", "transpose_(0, 1)", "resize_(3)"])
def test_shape_inplace_on_leaf_requiring_grad(op):
    same(lambda T: eval("x." + op, {"x": T.ones(1, 2, requires_grad=True)}))
    same(lambda T: eval("x." + op, {"x": T.ones(1, 2)}).shape)


def test_misc_messages():
    same(lambda T: T.nn.functional.interpolate(T.ones(2, 4), scale_factor=2))
    same(lambda T: T.nn.functional.cosine_similarity(T.ones(2, 4), T.ones(3, 4)))
    same(lambda T: T.tensor([1, 2]).repeat_interleave(T.tensor([1, 2, 3])))
    same(lambda T: T.tensor([1, 2]).repeat_interleave(T.tensor([1, 2])))
    same(lambda T: T.tensor([1, 2]).repeat_interleave(T.tensor([2])))
