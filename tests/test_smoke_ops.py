import numpy as np
import pytest

from _parity import run_both

rng = np.random.default_rng(0)


def r(*s, dt=np.float32, lo=-2, hi=2):
    return rng.uniform(lo, hi, s).astype(dt)


POS = dict(lo=0.1, hi=3)
UNARY = ["exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "relu", "abs", "neg", "log1p", "expm1", "rsqrt",
         "reciprocal", "atan", "erf", "square", "floor", "sign", "exp2", "log2", "asinh", "sinh", "cosh"]


@pytest.mark.parametrize("name", UNARY)
@pytest.mark.parametrize("dt", [np.float32, np.float64])
def test_unary(name, dt):
    x = r(3, 4, dt=dt, **(POS if name in ("log", "sqrt", "rsqrt", "log2", "reciprocal") else {}))
    run_both(lambda T, a: getattr(T, name)(a), [x], requires_grad=(0,), rtol=1e-4)


BIN = [lambda T, a, b: a + b, lambda T, a, b: a - b, lambda T, a, b: a * b, lambda T, a, b: a / b,
       lambda T, a, b: T.maximum(a, b), lambda T, a, b: T.pow(a.abs() + 0.5, b), lambda T, a, b: T.atan2(a, b),
       lambda T, a, b: T.where(a > b, a, b), lambda T, a, b: a.add(b, alpha=2), lambda T, a, b: a.sub(b, alpha=3)]


@pytest.mark.parametrize("i", range(len(BIN)))
@pytest.mark.parametrize("shapes", [((3, 4), (3, 4)), ((3, 4), (4,)), ((2, 1, 4), (3, 1)), ((), (2, 3))])
def test_binary(i, shapes):
    run_both(BIN[i], [r(*shapes[0]), r(*shapes[1]) + 3], requires_grad=(0, 1), rtol=1e-4)


RED = [lambda T, a: a.sum(), lambda T, a: a.sum(1), lambda T, a: a.sum((0, 2), keepdim=True),
       lambda T, a: a.mean(), lambda T, a: a.mean(-1), lambda T, a: a.max(), lambda T, a: a.max(1),
       lambda T, a: a.min(2, keepdim=True), lambda T, a: a.amax((0, 1)), lambda T, a: a.std(1),
       lambda T, a: a.var(), lambda T, a: a.logsumexp(1), lambda T, a: a.prod(1), lambda T, a: a.norm(),
       lambda T, a: a.softmax(1), lambda T, a: a.log_softmax(-1), lambda T, a: a.cumsum(1),
       lambda T, a: a.sort(1), lambda T, a: a.topk(2, 2), lambda T, a: a.argmax(1), lambda T, a: a.median(1)]


@pytest.mark.parametrize("i", range(len(RED)))
def test_reduce(i):
    run_both(RED[i], [r(2, 3, 4)], requires_grad=(0,), rtol=1e-4)


SHAPE = [lambda T, a: a.reshape(6, 4), lambda T, a: a.view(-1), lambda T, a: a.permute(2, 0, 1),
         lambda T, a: a.transpose(0, 2), lambda T, a: a.unsqueeze(1).expand(2, 5, 3, 4), lambda T, a: a.flatten(1),
         lambda T, a: a[0, 1:, ::2], lambda T, a: a[:, [0, 2]], lambda T, a: a[a > 0], lambda T, a: a[..., None],
         lambda T, a: T.cat([a, a * 2], 1), lambda T, a: T.stack([a, a], -1), lambda T, a: a.split(2, 2)[1],
         lambda T, a: a.chunk(2, 0)[0], lambda T, a: a.unbind(1)[2], lambda T, a: a.flip(0, 2),
         lambda T, a: a.repeat(2, 1, 1), lambda T, a: a.gather(2, T.tensor([[[0, 3], [1, 1], [2, 0]]] * 2)),
         lambda T, a: a.index_select(1, T.tensor([2, 0, 2])), lambda T, a: a.narrow(2, 1, 2),
         lambda T, a: a.squeeze(), lambda T, a: a.roll(1, 2), lambda T, a: a.tril(), lambda T, a: a.clamp(-0.5, 0.5),
         lambda T, a: a.masked_fill(a > 0, 0.0), lambda T, a: T.einsum("abc,acd->abd", a, a.transpose(1, 2)),
         lambda T, a: a @ a.transpose(1, 2), lambda T, a: a[0] @ a[1].t(), lambda T, a: a.mT.contiguous(),
         lambda T, a: a.scatter(2, T.tensor([[[0], [1], [3]]] * 2), 5.0)]


@pytest.mark.parametrize("i", range(len(SHAPE)))
def test_shape(i):
    run_both(SHAPE[i], [r(2, 3, 4)], requires_grad=(0,), rtol=1e-4)


def test_linear_addmm():
    run_both(lambda T, x, w, b: T.nn.functional.linear(x, w, b) if T.__name__ == "torch" else T._ops.linear(x, w, b),
             [r(5, 3), r(4, 3), r(4)], requires_grad=(0, 1, 2))


COMPOSITE = [lambda T, a: T.diff(a, dim=1), lambda T, a: T.diff(a, n=2, dim=2), lambda T, a: T.kron(a[0], a[1]),
             lambda T, a: T.trapezoid(a, dim=1), lambda T, a: T.block_diag(a[0], a[1, 0]),
             lambda T, a: T.combinations(a[0, 0]), lambda T, a: T.slice_scatter(a, a[:, :1] * 2, 1, 0, 1),
             lambda T, a: T.select_scatter(a, a[:, 0] * 3, 1, 2), lambda T, a: T.deg2rad(a),
             lambda T, a: T.chain_matmul(a[0], a[0].t(), a[1]), lambda T, a: T.matrix_power(a[0][:, :3], 3),
             lambda T, a: a.sum_to_size(1, 3, 1), lambda T, a: T.diagonal_scatter(a[0], a[0].diagonal() * 0),
             lambda T, a: T.cov(a[0]), lambda T, a: T.corrcoef(a[1]), lambda T, a: T.logaddexp2(a[0], a[1]),
             lambda T, a: T.hann_window(6) * a[0, 0, 0], lambda T, a: T.bartlett_window(5, False) * a[1, 1, 1]]


@pytest.mark.parametrize("i", range(len(COMPOSITE)))
def test_composites(i):
    run_both(COMPOSITE[i], [r(2, 3, 4)], requires_grad=(0,), rtol=1e-4)


def test_integer_composites():
    import gradkit
    from _parity import torch
    a, b = np.array([12, 18, 7]), np.array([8, 27, 7])
    for name in ("gcd", "lcm"):
        assert getattr(torch, name)(torch.tensor(a), torch.tensor(b)).tolist() == \
            getattr(gradkit, name)(gradkit.tensor(a), gradkit.tensor(b)).tolist()
    x = np.array([1, 1, 2, 3, 3, 3, 0])
    assert tuple(torch.tensor(x).mode()[0].tolist() for _ in [0]) == tuple(gradkit.tensor(x).mode()[0].tolist()
                                                                           for _ in [0])
    assert [t.tolist() for t in torch.unravel_index(torch.tensor([5, 7]), (2, 4))] == \
        [t.tolist() for t in gradkit.unravel_index(gradkit.tensor([5, 7]), (2, 4))]
