"""gradkit's random ops draw the same numbers as torch's CPU generator, bit for bit."""
from __future__ import annotations

import pickle
import time
import warnings

import numpy as np
import pytest

import gradkit as gk
from gradkit import _random_ops as O

torch = pytest.importorskip("torch")

DT = [(torch.float32, gk.float32), (torch.float64, gk.float64)]
SIZES = [1, 2, 7, 15, 16, 17, 100, 1000, (3, 5), (4, 4, 3)]
SEEDS = [0, 7, 2**40 + 3]


def _np(x):
    return x.numpy() if isinstance(x, torch.Tensor) else x._data


def same(tfn, gfn, seeds=SEEDS):
    """Run tfn(torch_gen) and gfn(gradkit_gen) from the same seed; results and final states must match."""
    for s in seeds:
        tg, g = torch.Generator().manual_seed(s), gk.Generator().manual_seed(s)
        a, b = _np(tfn(tg)), _np(gfn(g))
        assert a.shape == b.shape and a.dtype == b.dtype, (s, a.shape, b.shape, a.dtype, b.dtype)
        assert np.array_equal(a, b, equal_nan=True), (s, np.mean(a == b))
        assert np.array_equal(tg.get_state().numpy(), _np(g.get_state())), s


def _sz(n):
    return n if isinstance(n, tuple) else (n,)


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("dt", DT, ids=["f32", "f64"])
def test_rand_randn(dt, n):
    td, gd = dt
    same(lambda g: torch.rand(_sz(n), generator=g, dtype=td), lambda g: gk.rand(_sz(n), generator=g, dtype=gd))
    same(lambda g: torch.randn(_sz(n), generator=g, dtype=td), lambda g: gk.randn(*_sz(n), generator=g, dtype=gd))


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("dt", DT, ids=["f32", "f64"])
def test_mixed_sequence_carries_cached_normal(dt, n):
    td, gd = dt

    def run(lib, g, d):
        parts = [lib.randn(3, generator=g, dtype=d), lib.randn(_sz(n), generator=g, dtype=d),
                 lib.rand(2, generator=g, dtype=d), lib.empty(_sz(n), dtype=d).normal_(2.5, 0.3, generator=g),
                 lib.randn(1, generator=g, dtype=d), lib.randn(5, generator=g, dtype=d)]
        return lib.cat([p.reshape(-1) for p in parts])
    same(lambda g: run(torch, g, td), lambda g: run(gk, g, gd))


@pytest.mark.parametrize("n", [1, 7, 16, 17, 100, (4, 4, 3)])
@pytest.mark.parametrize("dt", DT, ids=["f32", "f64"])
@pytest.mark.parametrize("op", [("uniform_", -1.3, 2.7), ("uniform_", 1e-3, 1.7), ("normal_", 0.5, 3.0),
                                ("exponential_", 1.7), ("bernoulli_", 0.3), ("cauchy_", 0.5, 2.0),
                                ("log_normal_", 0.5, 0.7), ("geometric_", 0.2), ("random_",), ("random_", 7),
                                ("random_", -3, 9)])
def test_inplace(op, dt, n):
    td, gd = dt
    name, args = op[0], op[1:]

    def g_fn(g):
        t = gk.zeros(_sz(n), dtype=gd)
        out = getattr(t, name)(*args, generator=g)
        assert out is t and t._version == 1
        return t
    same(lambda g: getattr(torch.zeros(_sz(n), dtype=td), name)(*args, generator=g), g_fn)


@pytest.mark.parametrize("dt", DT, ids=["f32", "f64"])
@pytest.mark.parametrize("op", [("normal_", 0.0, 1.0), ("uniform_", -1.0, 1.0), ("exponential_",),
                                ("bernoulli_", 0.4), ("random_", 10)])
def test_inplace_non_contiguous_fills_in_memory_order(op, dt):
    td, gd = dt

    def run(lib, g, d):
        base = lib.zeros(6, 20, dtype=d)
        getattr(base.t(), op[0])(*op[1:], generator=g)
        getattr(base[:, ::2], op[0])(*op[1:], generator=g)
        return base
    same(lambda g: run(torch, g, td), lambda g: run(gk, g, gd))


INT_DT = [(torch.int64, gk.int64), (torch.int32, gk.int32), (torch.int16, gk.int16), (torch.int8, gk.int8),
          (torch.uint8, gk.uint8), (torch.float32, gk.float32), (torch.float64, gk.float64)]


@pytest.mark.parametrize("dt", INT_DT, ids=lambda d: str(d[1]))
@pytest.mark.parametrize("lo,hi", [(0, 10), (-5, 7), (0, 100), (0, 2**28 - 1), (0, 2**28), (5, 2**31 - 1),
                                   (-2**40, 2**40)])
def test_randint(dt, lo, hi):
    td, gd = dt
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.randint(lo, hi, (1,), dtype=td)
    except RuntimeError:
        with pytest.raises(RuntimeError):
            gk.randint(lo, hi, (1,), dtype=gd)
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        same(lambda g: torch.randint(lo, hi, (50,), generator=g, dtype=td),
             lambda g: gk.randint(lo, hi, (50,), generator=g, dtype=gd))


@pytest.mark.parametrize("dt", INT_DT + [(torch.bool, gk.bool)], ids=lambda d: str(d[1]))
def test_random_variants(dt):
    td, gd = dt
    for args in [(), (2,), (0, 2), (1, None)] if td is torch.bool else [(), (7,), (2, 9), (3, None)]:
        same(lambda g: torch.empty(40, dtype=td).random_(*args, generator=g),
             lambda g: gk.empty(40, dtype=gd).random_(*args, generator=g))
    if td is torch.int64:
        same(lambda g: torch.empty(40, dtype=td).random_(-2**63, None, generator=g),
             lambda g: gk.empty(40, dtype=gd).random_(-2**63, None, generator=g))


def test_randint_signatures_and_defaults():
    same(lambda g: torch.randint(10, (3, 4), generator=g), lambda g: gk.randint(10, (3, 4), generator=g))
    same(lambda g: torch.randint(low=2, high=10, size=(5,), generator=g),
         lambda g: gk.randint(low=2, high=10, size=(5,), generator=g))
    x = gk.randint(3, (2,))
    assert x.dtype is gk.int64 and not x.requires_grad
    same(lambda g: torch.randint_like(torch.zeros(3, 4), 3, 10, generator=g),
         lambda g: gk.randint_like(gk.zeros(3, 4), 3, 10, generator=g))
    same(lambda g: torch.randint_like(torch.zeros(3, dtype=torch.int32), 10, generator=g),
         lambda g: gk.randint_like(gk.zeros(3, dtype=gk.int32), 10, generator=g))


@pytest.mark.parametrize("n", [0, 1, 2, 5, 100, 5000])
def test_randperm(n):
    same(lambda g: torch.randperm(n, generator=g), lambda g: gk.randperm(n, generator=g))


def test_randperm_dtype():
    same(lambda g: torch.randperm(50, generator=g, dtype=torch.float32),
         lambda g: gk.randperm(50, generator=g, dtype=gk.float32))
    same(lambda g: torch.randperm(50, generator=g, dtype=torch.int32),
         lambda g: gk.randperm(50, generator=g, dtype=gk.int32))


@pytest.mark.parametrize("shape", [(7,), (100,), (3, 17)])
@pytest.mark.parametrize("pdt", [torch.float32, torch.float64])
def test_bernoulli(pdt, shape):
    p = torch.rand(shape, dtype=pdt, generator=torch.Generator().manual_seed(9))
    gp = gk.tensor(p.numpy())
    same(lambda g: torch.bernoulli(p, generator=g), lambda g: gk.bernoulli(gp, generator=g))
    same(lambda g: torch.bernoulli(p, 0.3, generator=g), lambda g: gk.bernoulli(gp, 0.3, generator=g))
    same(lambda g: torch.empty(shape).bernoulli_(p, generator=g), lambda g: gk.empty(shape).bernoulli_(gp, generator=g))
    same(lambda g: p.bernoulli(generator=g), lambda g: gp.bernoulli(generator=g))


def test_bernoulli_broadcast_p_into_int_tensor():
    p = torch.rand(3, 1, generator=torch.Generator().manual_seed(2))
    same(lambda g: torch.empty(3, 5, dtype=torch.int64).bernoulli_(p, generator=g),
         lambda g: gk.empty(3, 5, dtype=gk.int64).bernoulli_(gk.tensor(p.numpy()), generator=g))


@pytest.mark.parametrize("shape", [(5,), (20,), (4, 9)])
@pytest.mark.parametrize("dt", DT, ids=["f32", "f64"])
def test_normal_forms(dt, shape):
    td, gd = dt
    m = torch.rand(shape, dtype=td, generator=torch.Generator().manual_seed(4)) * 3
    s = torch.rand(shape, dtype=td, generator=torch.Generator().manual_seed(5))
    gm, gs = gk.tensor(m.numpy()), gk.tensor(s.numpy())
    same(lambda g: torch.normal(m, s, generator=g), lambda g: gk.normal(gm, gs, generator=g))
    same(lambda g: torch.normal(m, 0.7, generator=g), lambda g: gk.normal(gm, 0.7, generator=g))
    same(lambda g: torch.normal(1.5, s, generator=g), lambda g: gk.normal(1.5, gs, generator=g))
    same(lambda g: torch.normal(1.5, 0.2, shape, generator=g, dtype=td),
         lambda g: gk.normal(1.5, 0.2, shape, generator=g, dtype=gd))


def test_normal_broadcast():
    m, s = torch.rand(4, 1), torch.rand(1, 20)
    same(lambda g: torch.normal(m, s, generator=g), lambda g: gk.normal(gk.tensor(m.numpy()), gk.tensor(s.numpy()),
                                                                         generator=g))


@pytest.mark.parametrize("shape", [(5,), (3, 7), (2, 100)])
@pytest.mark.parametrize("dt", [torch.float32, torch.float64])
@pytest.mark.parametrize("ns,rep", [(1, False), (1, True), (3, False), (5, False), (10, True), (50, True)])
def test_multinomial(dt, shape, ns, rep):
    if not rep and ns > shape[-1]:
        return
    p = torch.rand(shape, dtype=dt, generator=torch.Generator().manual_seed(4))
    gp = gk.tensor(p.numpy())
    same(lambda g: torch.multinomial(p, ns, rep, generator=g), lambda g: gk.multinomial(gp, ns, rep, generator=g))
    same(lambda g: p.multinomial(ns, rep, generator=g), lambda g: gp.multinomial(ns, rep, generator=g), seeds=[1])


def test_multinomial_with_zero_probabilities_with_replacement():
    p = torch.tensor([0.0, 3, 0, 1.0])
    same(lambda g: torch.multinomial(p, 100, True, generator=g),
         lambda g: gk.multinomial(gk.tensor(p.numpy()), 100, True, generator=g))


@pytest.mark.parametrize("lam", [[0.5, 3.0, 9.9], [10.0, 50.0, 1000.0], [0.0, 1e-3, 12.0]])
def test_poisson(lam):
    r = torch.tensor(lam)
    same(lambda g: torch.poisson(r, generator=g), lambda g: gk.poisson(gk.tensor(lam), generator=g))


def test_like_functions_and_defaults():
    x = gk.zeros(3, 4, dtype=gk.float64)
    for fn in (gk.rand_like, gk.randn_like):
        y = fn(x)
        assert y.shape == (3, 4) and y.dtype is gk.float64
        assert fn(x, dtype=gk.float32).dtype is gk.float32
    assert gk.rand(2).dtype is gk.float32 and gk.randn(2, 3).shape == (2, 3)
    assert gk.randperm(4).dtype is gk.int64
    assert gk.rand(2, requires_grad=True).requires_grad
    gk.manual_seed(3)
    torch.manual_seed(3)
    assert np.array_equal(torch.rand_like(torch.zeros(3, 4)).numpy(), gk.rand_like(gk.zeros(3, 4)).numpy())
    assert np.array_equal(torch.randn_like(torch.zeros(20)).numpy(), gk.randn_like(gk.zeros(20)).numpy())


@pytest.mark.parametrize("view", ["t", "permute", "slice", "expand_dims"])
@pytest.mark.parametrize("fn", ["rand_like", "randn_like", "randint_like"])
def test_like_functions_keep_a_permuted_layout(view, fn):
    def make(lib):
        base = lib.zeros(3, 4, 5)
        x = {"t": base[0].t(), "permute": base.permute(2, 0, 1), "slice": base[:, ::2],
             "expand_dims": base.permute(1, 2, 0).unsqueeze(1)}[view]
        lib.manual_seed(4)
        args = (x, 7) if fn == "randint_like" else (x,)
        return getattr(lib, fn)(*args), getattr(lib, fn)(*args, memory_format=lib.contiguous_format)

    (t1, t2), (g1, g2) = make(torch), make(gk)
    assert np.array_equal(t1.numpy(), g1.numpy()) and np.array_equal(t2.numpy(), g2.numpy())
    assert t1.is_contiguous() == g1.is_contiguous() and g2.is_contiguous()


def test_out_argument():
    out_t, out_g = torch.empty(2), gk.empty(2)
    same(lambda g: torch.rand(3, 4, generator=g, out=out_t), lambda g: gk.rand(3, 4, generator=g, out=out_g))
    assert tuple(out_g.shape) == (3, 4)
    same(lambda g: torch.randn(5, generator=g, out=torch.empty(5, dtype=torch.float64)),
         lambda g: gk.randn(5, generator=g, out=gk.empty(5, dtype=gk.float64)))


def test_default_generator_module_functions():
    torch.manual_seed(11)
    r = gk.manual_seed(11)
    assert r is gk.random.default_generator and gk.initial_seed() == torch.initial_seed() == 11
    a = torch.cat([torch.rand(3), torch.randn(3), torch.randint(0, 9, (4,)).float()])
    b = gk.cat([gk.rand(3), gk.randn(3), gk.randint(0, 9, (4,)).float()])
    assert np.array_equal(a.numpy(), b.numpy())
    assert np.array_equal(torch.get_rng_state().numpy(), gk.get_rng_state().numpy())
    s = gk.get_rng_state()
    x = gk.rand(5)
    gk.set_rng_state(s)
    assert np.array_equal(x.numpy(), gk.rand(5).numpy())
    assert np.array_equal(x.numpy(), torch.rand(5).numpy())
    with gk.random.fork_rng():
        gk.rand(10)
    assert np.array_equal(gk.rand(3).numpy(), torch.rand(3).numpy())
    seed = gk.seed()
    assert gk.initial_seed() == seed and 0 <= seed < 2**64


@pytest.mark.parametrize("seed,expect", [(-1, 2**64 - 1), (2**64 - 1, 2**64 - 1), (-2**63, 2**63), (0, 0),
                                         (2**32 + 5, 2**32 + 5)])
def test_seed_wrapping(seed, expect):
    g = gk.Generator().manual_seed(seed)
    tg = torch.Generator().manual_seed(seed)
    assert g.initial_seed() == tg.initial_seed() == expect
    assert np.array_equal(torch.rand(20, generator=tg).numpy(), gk.rand(20, generator=g).numpy())


def test_seed_overflow():
    for bad in (2**64, -2**63 - 1):
        with pytest.raises(ValueError):
            torch.manual_seed(bad)
        with pytest.raises(ValueError):
            gk.manual_seed(bad)


@pytest.mark.parametrize("warmup", ["fresh", "rand3", "randn3", "randn3_f32", "randn1_f32", "many"])
def test_state_bytes_match_and_load_from_torch(warmup):
    tg, g = torch.Generator().manual_seed(5), gk.Generator().manual_seed(5)
    ops = {"fresh": [], "rand3": [("rand", 3, torch.float32)], "randn3": [("randn", 3, torch.float64)],
           "randn3_f32": [("randn", 3, torch.float32)], "randn1_f32": [("randn", 1, torch.float32)],
           "many": [("rand", 700, torch.float64), ("randn", 5, torch.float64)]}[warmup]
    gdt = {torch.float32: gk.float32, torch.float64: gk.float64}
    for name, n, d in ops:
        getattr(torch, name)(n, generator=tg, dtype=d)
        getattr(gk, name)(n, generator=g, dtype=gdt[d])
    assert np.array_equal(tg.get_state().numpy(), g.get_state().numpy())
    g2 = gk.Generator().set_state(gk.tensor(tg.get_state().numpy()))
    assert g2.initial_seed() == tg.initial_seed()
    for d in (torch.float64, torch.float32):
        assert np.array_equal(torch.randn(3, generator=tg, dtype=d).numpy(),
                              gk.randn(3, generator=g2, dtype=gdt[d]).numpy())
    assert np.array_equal(torch.rand(1000, generator=tg).numpy(), gk.rand(1000, generator=g2).numpy())
    tg.set_state(torch.from_numpy(g2.get_state().numpy().copy()))
    assert np.array_equal(torch.randn(7, generator=tg).numpy(), gk.randn(7, generator=g2).numpy())


def test_generator_misc():
    g = gk.Generator()
    assert g.initial_seed() == torch.Generator().initial_seed()
    assert str(g.device) == "cpu"
    assert g.manual_seed(3) is g
    gk.randn(3, generator=g)
    g2 = pickle.loads(pickle.dumps(g))
    assert np.array_equal(gk.randn(5, generator=g).numpy(), gk.randn(5, generator=g2).numpy())
    with pytest.raises(RuntimeError, match="size"):
        g.set_state(gk.zeros(10, dtype=gk.uint8))
    with pytest.raises(TypeError):
        g.set_state(gk.zeros(5056))
    bad = g.get_state().numpy().copy()
    bad[12:16] = 0
    with pytest.raises(RuntimeError, match="Invalid mt19937 state"):
        g.set_state(gk.tensor(bad))
    with pytest.raises(TypeError):
        gk.rand(2, generator=3)


ERRORS = [
    ("zeros(3, dtype={int64}).uniform_()", NotImplementedError),
    ("zeros(3, dtype={int64}).normal_()", NotImplementedError),
    ("zeros(3).uniform_(1, 0)", RuntimeError),
    ("zeros(3).normal_(0, -1)", RuntimeError),
    ("zeros(3).exponential_(0)", RuntimeError),
    ("zeros(3, dtype={int64}).exponential_()", RuntimeError),
    ("zeros(3).bernoulli_(1.5)", RuntimeError),
    ("bernoulli({lib}.tensor([0.5, 2.0]))", RuntimeError),
    ("zeros(3).geometric_(1)", RuntimeError),
    ("zeros(3).log_normal_(0, 0)", RuntimeError),
    ("zeros(3).cauchy_(0, 0)", RuntimeError),
    ("randint(5, 5, (3,))", RuntimeError),
    ("randint(0, 300, (3,), dtype={uint8})", RuntimeError),
    ("randint(-1, 3, (3,), dtype={uint8})", RuntimeError),
    ("randint(3, (2,), requires_grad=True)", RuntimeError),
    ("randperm(-1)", RuntimeError),
    ("rand(-1)", RuntimeError),
    ("randn(2, dtype={int64})", NotImplementedError),
    ("multinomial({lib}.tensor([0.0, 0.0]), 1)", RuntimeError),
    ("multinomial({lib}.tensor([1.0, -1.0]), 1)", RuntimeError),
    ("multinomial({lib}.tensor([1.0, 1.0]), 3)", RuntimeError),
    ("multinomial({lib}.tensor([1.0, 1.0]), 0)", RuntimeError),
    ("multinomial({lib}.ones(2, 2, 2), 1)", RuntimeError),
    ("normal({lib}.zeros(3), {lib}.tensor([1.0, -1.0, 1.0]))", RuntimeError),
    ("normal(0.0, -1.0, (3,))", RuntimeError),
    ("normal({lib}.zeros(2), {lib}.ones(3))", RuntimeError),
    ("zeros(3, dtype={uint8}).random_(0, 257)", RuntimeError),
    ("zeros(3, dtype={int64}).random_(5, 2)", RuntimeError),
]


@pytest.mark.parametrize("expr,exc", ERRORS)
def test_errors_match_torch(expr, exc):
    for lib in (torch, gk):
        code = "lib." + expr.format(lib="lib", int64="lib.int64", uint8="lib.uint8")
        with pytest.raises(exc) as info:
            eval(code, {"lib": lib})
        if lib is torch:
            msg = str(info.value).splitlines()[0]
        else:
            assert str(info.value).splitlines()[0] == msg


def test_inplace_on_leaf_requiring_grad_raises():
    w = gk.zeros(3).requires_grad_()
    with pytest.raises(RuntimeError, match="leaf Variable"):
        w.uniform_()
    with gk.no_grad():
        w.normal_()
    assert w.requires_grad


def test_speed():
    g = gk.Generator().manual_seed(0)
    gk.rand(10, generator=g)
    best = min(_timed(lambda: gk.rand(10**6, generator=g)) for _ in range(3))
    assert best < 0.25, best


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def test_generating_does_not_upcast_float32():
    assert O.randn(100, dtype=gk.float32).numpy().dtype == np.float32
    assert gk.zeros(20).normal_(1.0, 2.0).numpy().dtype == np.float32
