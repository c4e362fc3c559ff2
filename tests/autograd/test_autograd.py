"""Autograd against torch and against finite differences."""
import numpy as np
import pytest

import gradkit
from _parity import assert_close, torch

rng = np.random.default_rng(1)


def _g(*shape, lo=-2.0, hi=2.0):
    return gradkit.tensor(rng.uniform(lo, hi, shape), dtype=gradkit.float64, requires_grad=True)


# Every differentiable primitive of the op table, checked against central differences in float64.
GRADCHECK = {
    "add": (lambda a, b: a + b, [(3, 4), (4,)]), "sub": (lambda a, b: a.sub(b, alpha=2), [(3, 4), (3, 1)]),
    "mul": (lambda a, b: a * b, [(3, 4), (4,)]), "div": (lambda a, b: a / (b.abs() + 1), [(2, 3), (2, 3)]),
    "pow_scalar": (lambda a: (a.abs() + 0.5) ** 2.5, [(5,)]), "pow_tensor": (lambda a, b: (a.abs() + .5) ** b, [(4,), (4,)]),
    "rpow": (lambda a: 2.0 ** a, [(4,)]), "maximum": (lambda a, b: gradkit.maximum(a, b), [(6,), (6,)]),
    "atan2": (lambda a, b: gradkit.atan2(a, b), [(4,), (4,)]), "remainder": (lambda a: a % 0.7, [(5,)]),
    "exp": (gradkit.exp, [(5,)]), "log": (lambda a: (a.abs() + 0.1).log(), [(5,)]), "sqrt": (lambda a: (a.abs() + .1).sqrt(), [(5,)]),
    "tanh": (gradkit.tanh, [(5,)]), "sigmoid": (gradkit.sigmoid, [(5,)]), "sin": (gradkit.sin, [(5,)]),
    "cos": (gradkit.cos, [(5,)]), "erf": (gradkit.erf, [(5,)]), "relu": (gradkit.relu, [(5,)]), "abs": (gradkit.abs, [(5,)]),
    "neg": (gradkit.neg, [(5,)]), "clamp": (lambda a: a.clamp(-0.5, 0.7), [(6,)]), "atan": (gradkit.atan, [(4,)]),
    "lgamma": (lambda a: (a.abs() + 0.5).lgamma(), [(4,)]), "rsqrt": (lambda a: (a.abs() + .5).rsqrt(), [(4,)]),
    "sum": (lambda a: a.sum(1), [(3, 4)]), "mean": (lambda a: a.mean((0, 2), keepdim=True), [(2, 3, 2)]),
    "prod": (lambda a: a.prod(1), [(3, 4)]), "max_all": (lambda a: a.max(), [(3, 4)]), "max_dim": (lambda a: a.max(1)[0], [(3, 4)]),
    "amax": (lambda a: a.amax(0), [(3, 4)]), "std": (lambda a: a.std(1), [(3, 4)]), "var": (lambda a: a.var(), [(5,)]),
    "logsumexp": (lambda a: a.logsumexp(1), [(3, 4)]), "cumsum": (lambda a: a.cumsum(1), [(3, 4)]),
    "cumprod": (lambda a: a.cumprod(0), [(4,)]), "norm": (lambda a: a.norm(), [(5,)]),
    "softmax": (lambda a: a.softmax(1), [(3, 4)]), "log_softmax": (lambda a: a.log_softmax(0), [(3, 4)]),
    "reshape": (lambda a: a.reshape(4, 3), [(3, 4)]), "permute": (lambda a: a.permute(2, 0, 1), [(2, 3, 4)]),
    "transpose": (lambda a: a.transpose(0, 1), [(3, 4)]), "expand": (lambda a: a.expand(3, 4), [(1, 4)]),
    "repeat": (lambda a: a.repeat(2, 3), [(2, 2)]), "flip": (lambda a: a.flip(1), [(3, 4)]), "roll": (lambda a: a.roll(2, 0), [(5,)]),
    "getitem_basic": (lambda a: a[1:, ::2], [(3, 4)]), "getitem_adv": (lambda a: a[[0, 0, 2]], [(3, 4)]),
    "getitem_mask": (lambda a: a[a > 0], [(3, 4)]), "index_select": (lambda a: a.index_select(1, gradkit.tensor([0, 3, 0])), [(3, 4)]),
    "gather": (lambda a: a.gather(1, gradkit.tensor([[0, 0], [1, 3], [2, 2]])), [(3, 4)]),
    "scatter": (lambda a, b: a.scatter(1, gradkit.tensor([[0], [1], [3]]), b), [(3, 4), (3, 1)]),
    "scatter_add": (lambda a, b: a.scatter_add(1, gradkit.tensor([[0, 0], [1, 3], [2, 2]]), b), [(3, 4), (3, 2)]),
    "index_add": (lambda a, b: a.index_add(0, gradkit.tensor([0, 0]), b), [(3, 4), (2, 4)]),
    "cat": (lambda a, b: gradkit.cat([a, b], 1), [(2, 3), (2, 1)]), "stack": (lambda a, b: gradkit.stack([a, b], 1), [(2, 3), (2, 3)]),
    "split": (lambda a: a.split(1, 1)[1], [(2, 3)]), "unbind": (lambda a: a.unbind(0)[1], [(2, 3)]),
    "narrow": (lambda a: a.narrow(1, 1, 2), [(2, 3)]), "where": (lambda a, b: gradkit.where(a > 0, a, b), [(5,), (5,)]),
    "masked_fill": (lambda a: a.masked_fill(a > 0, 1.0), [(5,)]), "tril": (lambda a: a.tril(), [(3, 3)]),
    "diagonal": (lambda a: a.diagonal(), [(3, 3)]), "mm": (lambda a, b: a.mm(b), [(2, 3), (3, 4)]),
    "matmul_batched": (lambda a, b: a @ b, [(2, 2, 3), (3, 2)]), "matmul_vec": (lambda a, b: a @ b, [(3,), (3, 2)]),
    "addmm": (lambda c, a, b: gradkit.addmm(c, a, b, beta=0.5, alpha=2), [(4,), (2, 3), (3, 4)]),
    "linear": (lambda x, w, b: gradkit._ops.linear(x, w, b), [(2, 5, 3), (4, 3), (4,)]),
    "einsum": (lambda a, b: gradkit.einsum("ij,jk->ik", a, b), [(2, 3), (3, 2)]),
    "sort": (lambda a: a.sort(1)[0], [(3, 4)]), "topk": (lambda a: a.topk(2)[0], [(3, 4)]),
    "clone": (lambda a: a.clone(), [(3,)]),
    "squeeze": (lambda a: a.unsqueeze(0).squeeze(0), [(3,)]),
    "mse_fused": (lambda a, b: gradkit._ops.mse_loss_fused(a, b), [(4, 3), (4, 3)]),
    "mse_fused_sum": (lambda a, b: gradkit._ops.mse_loss_fused(a, b, False), [(5,), (5,)]),
    "cross_entropy_fused": (lambda a: gradkit._ops.cross_entropy_fused(a, gradkit.tensor([0, 2, 1, 2])), [(4, 3)]),
    "bce_logits_fused": (lambda a, b: gradkit._ops.bce_with_logits_fused(a, b.sigmoid()), [(3, 2), (3, 2)]),
}


@pytest.mark.parametrize("name", sorted(GRADCHECK))
def test_gradcheck(name):
    fn, shapes = GRADCHECK[name]
    inputs = [_g(*s) for s in shapes]
    assert gradkit.autograd.gradcheck(fn, inputs, eps=1e-6, atol=1e-5, rtol=1e-3)


@pytest.mark.parametrize("name", ["mul", "div", "exp", "tanh", "sigmoid", "softmax", "log_softmax", "matmul_batched",
                                  "pow_scalar", "sum", "linear", "getitem_adv", "sin", "log", "mse_fused",
                                  "cross_entropy_fused", "bce_logits_fused"])
def test_gradgradcheck(name):
    fn, shapes = GRADCHECK[name]
    inputs = [_g(*s) for s in shapes]
    assert gradkit.autograd.gradgradcheck(fn, inputs)


def test_gradcheck_detects_wrong_gradient():
    class Bad(gradkit.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return g * 3
    with pytest.raises(RuntimeError):
        gradkit.autograd.gradcheck(Bad.apply, [_g(3)])


def _run(T, body):
    return body(T)


def _both(body):
    a, b = body(torch), body(gradkit)
    assert_close(a, b)


def test_accumulation_retain_and_hooks():
    def body(T):
        x = T.tensor([1.0, 2.0, 3.0], requires_grad=True)
        seen = []
        x.register_hook(lambda g: seen.append(g.clone()))
        y = (x * x).sum()
        y.backward(retain_graph=True)
        y.backward()
        z = x.exp()
        z.retain_grad()
        h = z.register_hook(lambda g: g * 2)
        z.sum().backward()
        h.remove()
        return x.grad, z.grad, seen[0], len(seen)
    _both(body)


def test_second_backward_raises():
    for T in (torch, gradkit):
        x = T.tensor([1.0, 2.0], requires_grad=True)
        y = (x.exp() * 2).sum()
        y.backward()
        with pytest.raises(RuntimeError, match="backward through the graph a second time"):
            y.backward()


def test_grad_create_graph_double_backward():
    def body(T):
        x = T.tensor([0.5, -1.0, 2.0], requires_grad=True)
        y = (x ** 3 * x.sin()).sum()
        (g,) = T.autograd.grad(y, x, create_graph=True)
        (h,) = T.autograd.grad(g.sum(), x)
        return g.detach(), h
    _both(body)


def test_grad_allow_unused_and_inputs():
    for T in (torch, gradkit):
        x = T.ones(2, requires_grad=True)
        w = T.ones(2, requires_grad=True)
        with pytest.raises(RuntimeError):
            T.autograd.grad((x * 2).sum(), [x, w])
        gx, gw = T.autograd.grad((x * 2).sum(), [x, w], allow_unused=True)
        assert gw is None and gx.tolist() == [2.0, 2.0]
        (x * w).sum().backward(inputs=[w])
        assert x.grad is None and w.grad.tolist() == [1.0, 1.0]


def test_no_grad_and_detach():
    for T in (torch, gradkit):
        x = T.ones(2, requires_grad=True)
        with T.no_grad():
            y = x * 2
        assert not y.requires_grad and y.grad_fn is None
        z = x.detach()
        assert not z.requires_grad
        z.add_(1)
        assert x.tolist() == [2.0, 2.0]

        @T.no_grad()
        def f(a):
            return a * 3
        assert not f(x).requires_grad
        with T.enable_grad():
            assert T.is_grad_enabled()
        T.set_grad_enabled(False)
        assert not (x * 1).requires_grad
        T.set_grad_enabled(True)


def test_custom_function_multi_output():
    def body(T):
        class SplitScale(T.autograd.Function):
            @staticmethod
            def forward(ctx, x, k):
                ctx.save_for_backward(x)
                ctx.k = k
                return x * k, x.exp()

            @staticmethod
            def backward(ctx, ga, gb):
                (x,) = ctx.saved_tensors
                return ga * ctx.k + gb * x.exp(), None
        x = T.tensor([0.1, 0.2, -0.3], requires_grad=True)
        a, b = SplitScale.apply(x, 3.0)
        (a.sum() + (b * b).sum()).backward()
        return a, b, x.grad
    _both(body)


def test_non_scalar_backward_needs_gradient():
    for T in (torch, gradkit):
        x = T.ones(2, requires_grad=True)
        with pytest.raises(RuntimeError, match="implicitly created only for scalar outputs"):
            (x * 2).backward()
        with pytest.raises(RuntimeError, match="does not require grad"):
            T.ones(2).sum().backward()


def test_shared_subgraph_and_diamond():
    def body(T):
        x = T.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        a = x * 2
        b = a.exp()
        c = a.sin()
        d = (b * c + a).sum() + a.mean()
        d.backward()
        return d, x.grad
    _both(body)


def test_dtype_conversion_gradient():
    def body(T):
        x = T.tensor([0.25, -1.5], dtype=T.float64, requires_grad=True)
        y = x.float() * T.tensor([2.0, 3.0])
        y.sum().backward()
        return y, x.grad
    _both(body)


def test_long_chain_is_iterative():
    x = gradkit.tensor([1.0], requires_grad=True)
    y = x
    for _ in range(100_000):
        y = y * 1.0
    y.sum().backward()
    assert x.grad.tolist() == [1.0]


def test_graph_freed_after_backward():
    x = gradkit.tensor([1.0, 2.0], requires_grad=True)
    y = x.exp()
    node = y.grad_fn
    y.sum().backward()
    assert node.s is None


def test_ctx_flags():
    def body(T):
        seen = {}

        class F(T.autograd.Function):
            @staticmethod
            def forward(ctx, a, b, scale):
                seen["needs"] = ctx.needs_input_grad
                idx = a.argmax()
                ctx.mark_non_differentiable(idx)
                ctx.save_for_backward(a, b)
                return a * b * scale, idx

            @staticmethod
            def backward(ctx, g, gidx):
                a, b = ctx.saved_tensors
                return g * b * 2.0, None, None
        a = T.tensor([1.0, 3.0, 2.0], requires_grad=True)
        b = T.tensor([2.0, 2.0, 2.0])
        out, idx = F.apply(a, b, 2.0)
        out.sum().backward()
        return out, idx, a.grad, idx.requires_grad, seen["needs"]
    t, g = body(torch), body(gradkit)
    assert_close(t[:3], g[:3])
    assert t[3] == g[3] and tuple(t[4]) == tuple(g[4])


def test_inference_mode():
    for T in (torch, gradkit):
        x = T.ones(2, requires_grad=True)
        with T.inference_mode():
            assert not (x * 2).requires_grad


def test_gradient_buffers_never_alias():
    def body(T):
        F = T.nn.functional
        w = T.tensor([[0.5, -1.0], [2.0, 0.25]], requires_grad=True)
        b = T.tensor([0.1, 0.2], requires_grad=True)
        c = T.tensor([0.3, -0.4], requires_grad=True)
        x = T.tensor([[1.0, 2.0], [3.0, -1.0], [0.5, 0.5]])
        for _ in range(2):
            h = F.linear(F.linear(x, w, b), w, b)
            (h.sum() + (b + c).sum() * 3).backward()
        return w.grad, b.grad, c.grad
    _both(body)
