"""SyncBatchNorm (single process), AdaptiveLogSoftmaxWithLoss, torch.nn.grad, torch.nn.attention and the
profiler API against torch."""
from __future__ import annotations

import importlib

import numpy as np
import pytest
from _parity import assert_close, run_both

import gradkit

torch = pytest.importorskip("torch")
RNG = np.random.default_rng(21)


def test_sync_batchnorm_and_conversion():
    outs = []
    for T in (torch, gradkit):
        T.manual_seed(0)
        net = T.nn.Sequential(T.nn.Conv2d(2, 3, 1), T.nn.BatchNorm2d(3), T.nn.Sequential(T.nn.BatchNorm2d(3)))
        w = net[1].weight
        net = T.nn.SyncBatchNorm.convert_sync_batchnorm(net)
        assert type(net[1]).__name__ == "SyncBatchNorm" and net[1].weight is w
        assert "SyncBatchNorm(3, eps=1e-05" in repr(net)
        x = T.randn(4, 2, 3, 3, requires_grad=True)
        y = net(x)
        (y * T.arange(y.numel(), dtype=y.dtype).reshape(y.shape)).sum().backward()
        s = T.nn.SyncBatchNorm(5)
        z = s(T.randn(3, 5))
        s.eval()
        outs.append((y, x.grad, net[1].running_mean, net[2][0].running_var, z, s(T.randn(2, 5, 2))))
        with pytest.raises(ValueError, match="at least 2D"):
            s(T.randn(5))
    assert_close(outs[0], outs[1], rtol=1e-4, atol=1e-5)


def test_adaptive_log_softmax():
    outs = []
    for T in (torch, gradkit):
        T.manual_seed(0)
        m = T.nn.AdaptiveLogSoftmaxWithLoss(8, 20, [4, 10], div_value=2.0, head_bias=True)
        x = T.randn(7, 8, requires_grad=True)
        y = T.tensor([0, 5, 12, 19, 3, 9, 11])
        out = m(x, y)
        out.loss.backward()
        single = m(x[2], y[2])
        outs.append((out.output, out.loss, x.grad, m.head.weight.grad, m.tail[1][0].weight.grad, m.log_prob(x),
                     m.predict(x), single.output))
        assert repr(m).startswith("AdaptiveLogSoftmaxWithLoss(\n  (head): Linear(in_features=8, out_features=6")
        with pytest.raises(RuntimeError, match="Target values should be in"):
            m(x, T.tensor([0, 1, 2, 3, 4, 5, 20]))
        with pytest.raises(ValueError, match="cutoffs"):
            T.nn.AdaptiveLogSoftmaxWithLoss(8, 10, [5, 3])
        with pytest.raises(RuntimeError, match="same size"):
            m(x, y[:3])
    assert_close(outs[0], outs[1], rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("nd", [1, 2, 3])
def test_nn_grad(nd):
    shape_x = (2, 4) + (5,) * nd
    shape_w = (6, 2) + (3,) * nd
    x, w = RNG.standard_normal(shape_x), RNG.standard_normal(shape_w)
    outs = []
    for T in (torch, gradkit):
        conv = getattr(T.nn.functional, f"conv{nd}d")
        y = conv(T.tensor(x), T.tensor(w), None, 2, 1, 1, 2)
        g = T.tensor(RNG.standard_normal(tuple(y.shape)) if T is torch else outs[0][2].numpy())
        gi = getattr(T.nn.grad, f"conv{nd}d_input")(shape_x, T.tensor(w), g, stride=2, padding=1, groups=2)
        gw = getattr(T.nn.functional.grad, f"conv{nd}d_weight")(T.tensor(x), shape_w, g, 2, 1, 1, 2)
        outs.append((gi, gw, g))
    assert_close(outs[0][:2], outs[1][:2], rtol=1e-9, atol=1e-9)


def test_attention_backend_selection():
    q = RNG.standard_normal((2, 3, 4, 8)).astype(np.float32)
    for T in (torch, gradkit):
        A = importlib.import_module(T.__name__ + ".nn.attention")
        assert A.SDPBackend.MATH.name == "MATH" and hasattr(A.SDPBackend, "FLASH_ATTENTION")
    with pytest.raises(AssertionError):
        with importlib.import_module("gradkit.nn.attention").sdpa_kernel(["math"]):
            pass

    def fn(T, a):
        A = importlib.import_module(T.__name__ + ".nn.attention")
        with A.sdpa_kernel([A.SDPBackend.MATH]):
            return T.nn.functional.scaled_dot_product_attention(a, a, a, is_causal=True)
    run_both(fn, [q], requires_grad=(0,), rtol=1e-4, atol=1e-5)


def test_profiler_api():
    for T in (torch, gradkit):
        P = importlib.import_module(T.__name__ + ".profiler")
        with P.profile(activities=[P.ProfilerActivity.CPU], record_shapes=True) as prof:
            with P.record_function("my_block"):
                T.ones(3, 3) @ T.ones(3, 3)
        table = prof.key_averages().table(sort_by="cpu_time_total", row_limit=10)
        assert "my_block" in table
        assert any(e.key == "my_block" and e.count == 1 for e in prof.key_averages())

        @P.record_function("decorated")
        def f():
            return 1
        with T.autograd.profiler.profile() as p2:
            f()
        assert any(e.key == "decorated" for e in p2.key_averages())
        sched = P.schedule(wait=1, warmup=1, active=2, repeat=1)
        assert [sched(i) for i in range(5)] == [P.ProfilerAction.NONE, P.ProfilerAction.WARMUP,
                                                P.ProfilerAction.RECORD, P.ProfilerAction.RECORD_AND_SAVE,
                                                P.ProfilerAction.NONE]


@pytest.mark.parametrize("nd", [2, 3])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_fractional_max_pool(nd, dtype):
    shape = (2, 3) + (9, 7, 8)[:nd]
    x = RNG.standard_normal(shape).astype(dtype)
    fn = f"fractional_max_pool{nd}d"
    for kw in [{"output_size": (5, 4, 3)[:nd]}, {"output_ratio": (0.5, 0.6, 0.7)[:nd]}]:
        def f(T, a):
            T.manual_seed(3)
            return getattr(T.nn.functional, fn)(a, (2, 3, 2)[:nd], return_indices=True, **kw)
        run_both(f, [x], requires_grad=(0,))
    samples = RNG.uniform(0, 1, (2, 3, nd)).astype(dtype)
    run_both(lambda T, a, s: getattr(T.nn.functional, fn)(a, 2, (4,) * nd, _random_samples=s), [x, samples],
             requires_grad=(0,))
    run_both(lambda T, a, s: getattr(T.nn.functional, fn)(a[0], 2, (4,) * nd, _random_samples=s[:1]),
             [x, samples], requires_grad=(0,))

    def mod(T, a):
        T.manual_seed(4)
        m = getattr(T.nn, f"FractionalMaxPool{nd}d")(2, output_ratio=0.6, return_indices=True)
        return m(a)
    run_both(mod, [x], requires_grad=(0,))
    for T in (torch, gradkit):
        cls = getattr(T.nn, f"FractionalMaxPool{nd}d")
        assert repr(cls(2, output_size=3)) == f"FractionalMaxPool{nd}d()"
        with pytest.raises(ValueError, match="either"):
            cls(2)
        with pytest.raises(ValueError, match="only one"):
            cls(2, output_size=3, output_ratio=0.5)
        with pytest.raises(ValueError, match="between 0 and 1"):
            cls(2, output_ratio=1.5)
