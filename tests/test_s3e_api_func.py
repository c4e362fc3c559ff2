"""torch.func parity: grad / grad_and_value / vjp / jvp / jacrev / jacfwd / hessian / vmap / functional_call."""
from __future__ import annotations

import numpy as np
import pytest
from _parity import assert_close

import gradkit

torch = pytest.importorskip("torch")
RNG = np.random.default_rng(11)


def _close(a, b, rtol=1e-5, atol=1e-6):
    if isinstance(a, dict):
        assert isinstance(b, dict) and sorted(a) == sorted(b)
        for k in a:
            _close(a[k], b[k], rtol, atol)
    elif isinstance(a, (tuple, list)):
        assert isinstance(b, (tuple, list)) and len(a) == len(b)
        for x, y in zip(a, b):
            _close(x, y, rtol, atol)
    else:
        assert_close(a, b, rtol, atol)


def _both(fn, *arrays):
    outs = []
    for T in (torch, gradkit):
        outs.append(fn(T, *[T.tensor(a) for a in arrays]))
    _close(outs[0], outs[1])
    return outs


def test_grad_basic_argnums_aux():
    x, y = RNG.standard_normal(4), RNG.standard_normal(4)
    _both(lambda T, a: T.func.grad(lambda v: (v.sin() * v).sum())(a), x)
    _both(lambda T, a, b: T.func.grad(lambda u, v: (u * v.exp()).sum(), argnums=1)(a, b), x, y)
    _both(lambda T, a, b: T.func.grad(lambda u, v: (u * v.exp()).sum(), argnums=(0, 1))(a, b), x, y)
    _both(lambda T, a: T.func.grad(lambda v: ((v ** 2).sum(), v.mean()), has_aux=True)(a), x)
    _both(lambda T, a: T.func.grad_and_value(lambda v: (v ** 3).sum())(a), x)
    _both(lambda T, a, b: T.func.grad(lambda d: (d["w"] * d["b"]).sum())({"w": a, "b": b}), x, y)
    _both(lambda T, a, b: T.func.grad(lambda t: (t[0] @ t[1]))((a, b)), x, y)
    for T in (torch, gradkit):
        g = T.func.grad(lambda v: (v ** 2).sum())(T.tensor(x))
        assert not g.requires_grad and g.grad_fn is None
        with pytest.raises(RuntimeError, match="scalar"):
            T.func.grad(lambda v: v * 2)(T.tensor(x))


def test_nested_grad_and_hessian():
    x = RNG.standard_normal(3)
    _both(lambda T, a: T.func.grad(lambda v: T.func.grad(lambda u: (u ** 3).sum())(v).sum())(a), x)
    _both(lambda T, a: T.func.grad(T.func.grad(lambda u: u.sin().sum() if u.dim() == 0 else u.sin()))(a[0]), x)
    h = [T.func.hessian(lambda v: (v ** 3).sum() + v[0] * v[1])(T.tensor(x)) for T in (torch, gradkit)]
    np.testing.assert_allclose(h[1].numpy(), h[0].numpy(), rtol=1e-6, atol=1e-12)


def test_grad_keeps_outer_graph():
    x = RNG.standard_normal(3)
    outs = []
    for T in (torch, gradkit):
        t = T.tensor(x, requires_grad=True)
        g = T.func.grad(lambda v: (v ** 3).sum())(t)
        assert g.requires_grad
        g.sum().backward()
        outs.append(t.grad)
    assert_close(outs[0], outs[1])


def test_vjp_jvp():
    x = RNG.standard_normal((2, 3))
    ct = RNG.standard_normal((2, 3))

    def f(T, a, c):
        out, fn = T.func.vjp(lambda v: v.tanh() * 2, a)
        return out, fn(c)
    _both(f, x, ct)

    def f2(T, a, b, c):
        out, fn = T.func.vjp(lambda u, v: (u * v, u.sum()), a, b)
        return out, fn((c, T.tensor(1.0, dtype=c.dtype)))
    _both(f2, x, x + 1, ct)
    _both(lambda T, a, t: T.func.jvp(lambda v: (v ** 2).sin(), (a,), (t,)), x, ct)
    _both(lambda T, a, b, t, s: T.func.jvp(lambda u, v: u * v, (a, b), (t, s)), x, ct, ct, x)


@pytest.mark.parametrize("fn_name", ["jacrev", "jacfwd"])
def test_jacobians(fn_name):
    x, y = RNG.standard_normal(3), RNG.standard_normal(3)
    _both(lambda T, a: getattr(T.func, fn_name)(lambda v: v.sin() * v.sum())(a), x)
    _both(lambda T, a, b: getattr(T.func, fn_name)(lambda u, v: u * v.exp(), argnums=(0, 1))(a, b), x, y)
    _both(lambda T, a: getattr(T.func, fn_name)(lambda v: (v @ v.new_ones(3, 2)))(a), x)
    _both(lambda T, a: getattr(T.func, fn_name)(lambda v: (v.cos(), v * 2))(a), x)


def test_vmap():
    a, b = RNG.standard_normal((4, 2, 3)), RNG.standard_normal((4, 3))
    _both(lambda T, x, y: T.vmap(lambda m, v: m @ v)(x, y), a, b)
    _both(lambda T, x, y: T.func.vmap(T.dot, in_dims=(0, None))(y, y[0]), a, b)
    _both(lambda T, x: T.vmap(lambda m: m.sum(0), in_dims=1)(x), a)
    _both(lambda T, x: T.vmap(lambda m: m.sum(0), in_dims=1, out_dims=1)(x), a)
    _both(lambda T, x, y: T.vmap(lambda m, v: (m.sum(), v * 2))(x, y), a, b)
    _both(lambda T, x: T.vmap(T.vmap(lambda s: s * s.sum()))(x), a)
    _both(lambda T, x, y: T.vmap(lambda d: d["p"] @ d["q"])({"p": x, "q": y}), a, b)
    for T in (torch, gradkit):
        with pytest.raises(ValueError):
            T.vmap(lambda m, v: m @ v)(T.zeros(4, 2, 3), T.zeros(5, 3))
        with pytest.raises(ValueError):
            T.vmap(lambda m: m, in_dims=(0, 0))(T.zeros(2))


def test_per_sample_gradients_with_functional_call():
    outs = []
    for T in (torch, gradkit):
        T.manual_seed(0)
        model = T.nn.Sequential(T.nn.Linear(3, 4), T.nn.Tanh(), T.nn.Linear(4, 1))
        params = {k: v.detach() for k, v in model.named_parameters()}
        xb, yb = T.randn(6, 3), T.randn(6, 1)

        def loss(p, x, y):
            pred = T.func.functional_call(model, p, (x.unsqueeze(0),))
            return ((pred - y.unsqueeze(0)) ** 2).mean()
        g = T.func.vmap(T.func.grad(loss), in_dims=(None, 0, 0))(params, xb, yb)
        outs.append(g)
        full = T.func.grad(lambda p: sum(loss(p, xb[i], yb[i]) for i in range(6)) / 6)(params)
        outs.append(full)
        p, b = T.func.stack_module_state([T.nn.Linear(2, 2) for _ in range(3)])
        assert tuple(p["weight"].shape) == (3, 2, 2) and b == {}
    _close(outs[0], outs[2])
    _close(outs[1], outs[3])
    for k in outs[2]:
        np.testing.assert_allclose(outs[2][k].mean(0).numpy(), outs[3][k].numpy(), rtol=1e-5, atol=1e-6)
