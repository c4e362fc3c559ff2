"""Parity tests for fixes found by the s4d conformance programs (tutorial / d2l style code)."""
from __future__ import annotations

import io

import numpy as np
import pytest
from _parity import assert_close, run_both

import gradkit

torch = pytest.importorskip("torch")


@pytest.mark.parametrize("n", [1, 5])
@pytest.mark.parametrize("k", [0, 3])
def test_scatter_gather_zero_dim_index_on_1d(n, k):
    k = min(k, n - 1)
    rng = np.random.default_rng(n * 10 + k)
    x = rng.standard_normal(n).astype(np.float32)
    src = rng.standard_normal(3).astype(np.float32)
    idx = np.array(k, dtype=np.int64)
    run_both(lambda T, a, i: a.scatter(0, i, 2.5) * a, [x, idx], requires_grad=(0,))
    run_both(lambda T, a, i, s: a.scatter(0, i, s) * 2, [x, idx, src], requires_grad=(0,))
    run_both(lambda T, a, i, s: a.scatter_add(0, i, s), [x, idx, src], requires_grad=(0,))
    run_both(lambda T, a, i: a.gather(0, i) * 3, [x, idx], requires_grad=(0,))
    run_both(lambda T, a, i: T.zeros(n).scatter_(0, i, value=1) + a, [x, idx], requires_grad=(0,))


def test_one_hot_target_transform_like_tutorial():
    for y in range(10):
        a = torch.zeros(10, dtype=torch.float).scatter_(0, torch.tensor(y), value=1)
        b = gradkit.zeros(10, dtype=gradkit.float).scatter_(0, gradkit.tensor(y), value=1)
        assert_close(a, b)


def test_scatter_index_rank_mismatch_still_raises():
    for T in (torch, gradkit):
        with pytest.raises(RuntimeError, match="Index tensor must have the same number of dimensions"):
            T.zeros(2, 3).scatter(0, T.tensor([0, 1]), 1.0)
        with pytest.raises(RuntimeError, match="Index tensor must have the same number of dimensions"):
            T.zeros(2, 3).gather(1, T.tensor(0))


def _mlp(T):
    class MLP(T.nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden = T.nn.Linear(4, 6)
            self.out = T.nn.Sequential(T.nn.ReLU(), T.nn.Linear(6, 2))

        def forward(self, x):
            return self.out(self.hidden(x))

    T.manual_seed(0)
    return MLP()


@pytest.mark.parametrize("mode", ["script", "trace"])
def test_jit_module_matches_torch(mode):
    x = np.random.default_rng(1).standard_normal((3, 4)).astype(np.float32)
    results = []
    for T in (torch, gradkit):
        m = _mlp(T)
        s = T.jit.script(m) if mode == "script" else T.jit.trace(m, T.ones(1, 4))
        out = s(T.tensor(x))
        out.pow(2).sum().backward()
        s.eval()
        results.append((out, m.hidden.weight.grad, s.hidden.weight is m.hidden.weight, type(s).__name__,
                        repr(s), m.training, s.training, s.out.training, isinstance(s, T.nn.Module),
                        isinstance(s, T.jit.ScriptModule)))
    (o1, g1, *rest1), (o2, g2, *rest2) = results
    assert_close(o1.detach(), o2.detach())
    assert_close(g1, g2)
    assert rest1 == rest2


def test_jit_save_load_and_script_function(tmp_path):
    x = np.random.default_rng(2).standard_normal((2, 4)).astype(np.float32)
    outs = []
    for T in (torch, gradkit):
        T.manual_seed(0)
        m = T.nn.Sequential(T.nn.Linear(4, 6), T.nn.Tanh(), T.nn.Linear(6, 2))
        s = T.jit.script(m)
        p = str(tmp_path / f"{T.__name__}.pt")
        s.save(p)
        loaded = T.jit.load(p)
        f = T.jit.script(lambda_free)
        outs.append((loaded(T.tensor(x)), type(loaded).__name__, type(f).__name__, f(T.tensor(x)),
                     T.jit.is_scripting()))
    assert_close(outs[0][0].detach(), outs[1][0].detach())
    assert_close(outs[0][3], outs[1][3])
    assert outs[0][1:3] == outs[1][1:3] and outs[0][4] == outs[1][4]
    buf = io.BytesIO()
    gradkit.jit.save(gradkit.jit.script(gradkit.nn.Sequential(gradkit.nn.Linear(2, 2))), buf)
    buf.seek(0)
    assert type(gradkit.jit.load(buf)).__name__ == "RecursiveScriptModule"


def lambda_free(x):
    return x * 2 + 1


@pytest.mark.parametrize("shape", [(3,), (2, 4)])
def test_forward_ad_dual_tangents_match_torch(shape):
    rng = np.random.default_rng(len(shape))
    p, t, q = (rng.standard_normal(shape).astype(np.float32) for _ in range(3))
    res = []
    for T in (torch, gradkit):
        fwAD = T.autograd.forward_ad
        with fwAD.dual_level():
            x = fwAD.make_dual(T.tensor(p), T.tensor(t))
            same = fwAD.unpack_dual(x).tangent
            y = T.sin(x) * T.exp(x) / (1 + x ** 2) + T.tensor(q) * x.tanh()
            primal, tangent = fwAD.unpack_dual(y)
            plain = fwAD.unpack_dual(T.tensor(q))
        res.append((primal, tangent, same, plain.tangent, primal.requires_grad, fwAD.unpack_dual(y).tangent))
    (p1, t1, s1, n1, r1, o1), (p2, t2, s2, n2, r2, o2) = res
    assert_close(p1, p2)
    assert_close(t1, t2, rtol=1e-5, atol=1e-5)
    assert_close(s1, s2)
    assert n1 is None and n2 is None and o1 is None and o2 is None and r1 == r2


def test_forward_ad_errors_match_torch():
    for T in (torch, gradkit):
        fwAD = T.autograd.forward_ad
        with pytest.raises(RuntimeError, match="no level exists"):
            fwAD.make_dual(T.ones(2), T.ones(2))
        with fwAD.dual_level():
            with pytest.raises(RuntimeError, match="different size"):
                fwAD.make_dual(T.ones(2), T.ones(3))


@pytest.mark.parametrize("reentrant", [False, True])
def test_checkpoint_matches_plain_torch_run(reentrant):
    rng = np.random.default_rng(3)
    xs = rng.standard_normal((5, 6)).astype(np.float32)
    res = []
    for T in (torch, gradkit):
        T.manual_seed(0)
        blk = T.nn.Sequential(T.nn.Linear(6, 12), T.nn.ReLU(), T.nn.Dropout(0.4), T.nn.Linear(12, 6))
        x = T.tensor(xs).requires_grad_(True)
        T.manual_seed(5)
        out = T.utils.checkpoint.checkpoint(blk, x, use_reentrant=reentrant)
        after_fwd = T.rand(1)
        (out * T.arange(6.0)).sum().backward()
        res.append((out.detach(), x.grad, blk[0].weight.grad, blk[3].bias.grad, after_fwd, T.rand(1)))
    assert_close(res[0], res[1])


def test_checkpoint_sequential_and_requires_grad_rules():
    xs = np.random.default_rng(4).standard_normal((3, 4)).astype(np.float32)
    res = []
    for T in (torch, gradkit):
        T.manual_seed(0)
        seq = T.nn.Sequential(T.nn.Linear(4, 8), T.nn.Tanh(), T.nn.Linear(8, 8), T.nn.ReLU(), T.nn.Linear(8, 2))
        x = T.tensor(xs).requires_grad_(True)
        out = T.utils.checkpoint.checkpoint_sequential(seq, 2, x, use_reentrant=True)
        out.pow(2).sum().backward()
        lin = T.nn.Linear(2, 2)
        flags = (T.utils.checkpoint.checkpoint(lin, T.ones(1, 2), use_reentrant=True).requires_grad,
                 T.utils.checkpoint.checkpoint(lin, T.ones(1, 2), use_reentrant=False).requires_grad)
        res.append((out.detach(), x.grad, seq[2].weight.grad, flags))
    assert_close(res[0][:3], res[1][:3])
    assert res[0][3] == res[1][3]


@pytest.mark.parametrize("shape,omap", [((4, 4), None), ((5, 3), None), ((3, 5), None), ((4, 4), "cayley"),
                                        ((5, 3), "matrix_exp"), ((3, 5), "householder"), ((2, 3, 3), None)])
def test_orthogonal_parametrization_matches_torch(shape, omap):
    xs = np.random.default_rng(5).standard_normal((2, shape[-1])).astype(np.float32)
    res = []
    for T in (torch, gradkit):
        T.manual_seed(0)
        holder = T.nn.Module()
        holder.weight = T.nn.Parameter(T.randn(*shape))
        T.nn.utils.parametrizations.orthogonal(holder, "weight", orthogonal_map=omap)
        W = holder.weight
        out = (T.tensor(xs) @ W.mT).sin().sum()
        out.backward()
        eye = T.eye(min(shape[-2:]))
        gram = W.mT @ W if shape[-2] >= shape[-1] else W @ W.mT
        res.append((W.detach(), holder.parametrizations.weight.original.grad, (gram - eye).abs().max() < 1e-5,
                    sorted(holder.state_dict())))
    assert_close(res[0][:2], res[1][:2], rtol=1e-4, atol=1e-5)
    assert bool(res[0][2]) and bool(res[1][2]) and res[0][3] == res[1][3]


def test_orthogonal_errors_match_torch():
    for T in (torch, gradkit):
        with pytest.raises(ValueError, match="Expected a matrix"):
            T.nn.utils.parametrizations.orthogonal(T.nn.Linear(3, 3), "bias")
        with pytest.raises(ValueError, match="orthogonal_map has to be one of"):
            T.nn.utils.parametrizations.orthogonal(T.nn.Linear(3, 3), orthogonal_map="qr")


@pytest.mark.parametrize("fn", ["nll_loss", "cross_entropy"])
def test_1d_input_target_size_errors_match_torch(fn):
    x = np.random.default_rng(6).standard_normal(3).astype(np.float32)
    for tgt in ([0, 1, 2], [], [[0]]):
        errs = []
        for T in (torch, gradkit):
            t = T.tensor(tgt, dtype=T.long)
            with pytest.raises((ValueError, RuntimeError)) as info:
                getattr(T.nn.functional, fn)(T.tensor(x), t)
            errs.append((info.type, str(info.value)))
        assert errs[0] == errs[1]
    run_both(lambda T, a: getattr(T.nn.functional, fn)(a, T.tensor([2])), [x])
    run_both(lambda T, a: getattr(T.nn.functional, fn)(a, T.tensor(1)), [x], requires_grad=(0,))


def test_autocast_state_queries_match_torch():
    import warnings
    seen = []
    for T in (torch, gradkit):
        rows = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with T.autocast("cpu", dtype=T.float16):
                rows.append((T.is_autocast_enabled("cpu"), str(T.get_autocast_dtype("cpu")), T.is_autocast_enabled()))
                with T.autocast("cpu", enabled=False):
                    rows.append((T.is_autocast_enabled("cpu"), str(T.get_autocast_dtype("cpu"))))
                rows.append((T.is_autocast_enabled("cpu"),))
            rows.append((T.is_autocast_enabled("cpu"), str(T.get_autocast_dtype("cpu"))))
            with T.autocast("cuda"):
                rows.append((T.is_autocast_enabled("cuda"), T.is_autocast_enabled()))
        seen.append(rows)
    assert seen[0] == seen[1]
