"""Hypothesis-driven broadcasting and shape fuzzing against torch (forward and gradients)."""
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from _parity import run_both

dims = st.integers(0, 3)


@st.composite
def broadcast_pair(draw):
    nd = draw(st.integers(0, 3))
    base = [draw(st.integers(1, 3)) for _ in range(nd)]
    a = [1 if draw(st.booleans()) else s for s in base]
    b = [1 if draw(st.booleans()) else s for s in base]
    a = a[draw(st.integers(0, nd)):]
    return tuple(a), tuple(b)


OPS = {
    "add": lambda T, a, b: a + b, "mul": lambda T, a, b: a * b, "div": lambda T, a, b: a / (b.abs() + 1),
    "max": lambda T, a, b: T.maximum(a, b), "where": lambda T, a, b: T.where(a > 0, a, b),
    "sub_sum": lambda T, a, b: (a - b).sum(),
}


@settings(max_examples=60, deadline=None)
@given(pair=broadcast_pair(), op=st.sampled_from(sorted(OPS)), seed=st.integers(0, 2**16),
       dt=st.sampled_from([np.float32, np.float64]))
def test_broadcast_binary(pair, op, seed, dt):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal(pair[0]).astype(dt)
    b = rng.standard_normal(pair[1]).astype(dt)
    run_both(OPS[op], [np.asarray(a), np.asarray(b)], requires_grad=(0, 1), rtol=1e-5)


@st.composite
def shape_and_dim(draw):
    shape = tuple(draw(st.lists(st.integers(0, 4), min_size=1, max_size=4)))
    return shape, draw(st.integers(-len(shape), len(shape) - 1))


RED = {"sum": lambda T, a, d: a.sum(d), "mean_keep": lambda T, a, d: a.mean(d, keepdim=True),
       "cumsum": lambda T, a, d: a.cumsum(d), "flip": lambda T, a, d: a.flip(d),
       "transpose": lambda T, a, d: a.transpose(d, 0), "unsqueeze": lambda T, a, d: a.unsqueeze(d) * 2,
       "softmax": lambda T, a, d: a.softmax(d), "noncontig": lambda T, a, d: a.transpose(0, d).exp()}


@settings(max_examples=60, deadline=None)
@given(sd=shape_and_dim(), op=st.sampled_from(sorted(RED)), seed=st.integers(0, 2**16))
def test_dim_ops_with_empty_and_noncontiguous(sd, op, seed):
    shape, d = sd
    a = np.random.default_rng(seed).standard_normal(shape).astype(np.float32)
    run_both(lambda T, x: RED[op](T, x, d), [a], requires_grad=(0,), rtol=1e-5)
