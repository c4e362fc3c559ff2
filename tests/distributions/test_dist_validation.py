"""Argument/sample validation raises torch's exceptions with torch's messages; reprs, constraints and
transforms behave like torch's."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from _dist_helpers import compare, run_both, to_np

import gradkit as gk


def _error(fn, T):
    try:
        fn(T, T.distributions)
    except Exception as e:  # noqa: BLE001
        return type(e), str(e)
    return None, None


BAD = {
    "simplex": lambda T, D: D.Categorical(T.tensor([0.5, -0.1, 0.6])),
    "zero_dim_probs": lambda T, D: D.Categorical(T.tensor(1.0)),
    "neither": lambda T, D: D.Categorical(),
    "both": lambda T, D: D.Bernoulli(probs=0.3, logits=0.1),
    "uniform_order": lambda T, D: D.Uniform(T.tensor([1.0, 2.0]), T.tensor([0.0, 3.0])),
    "not_pd": lambda T, D: D.MultivariateNormal(T.zeros(2), T.tensor([[1.0, 2.0], [2.0, 1.0]])),
    "mvn_none": lambda T, D: D.MultivariateNormal(T.zeros(2)),
    "mvn_scalar_loc": lambda T, D: D.MultivariateNormal(T.tensor(0.0), T.eye(1)),
    "not_tril": lambda T, D: D.MultivariateNormal(T.zeros(2), scale_tril=T.tensor([[1.0, 1.0], [0.0, 1.0]])),
    "broadcast": lambda T, D: D.Normal(T.zeros(2), 1.0).log_prob(T.zeros(3)),
    "event_shape": lambda T, D: D.MultivariateNormal(T.zeros(2), T.eye(2)).log_prob(T.zeros(3)),
    "dirichlet": lambda T, D: D.Dirichlet(T.tensor([1.0, -1.0])),
    "independent": lambda T, D: D.Independent(D.Normal(T.zeros(2), 1.0), 2),
    "gamma": lambda T, D: D.Gamma(T.tensor([1.0, 0.0]), 1.0),
    "normal_scale": lambda T, D: D.Normal(0.0, -1.0),
    "normal_nan": lambda T, D: D.Normal(T.tensor([0.0, float("nan")]), 1.0),
    "poisson_support": lambda T, D: D.Poisson(T.tensor([1.0, 2.0])).log_prob(T.tensor([0.5, 1.0])),
    "cat_support": lambda T, D: D.Categorical(T.ones(3)).log_prob(T.tensor([3])),
    "bern_support": lambda T, D: D.Bernoulli(0.3).log_prob(T.tensor([0.5])),
    "not_tensor": lambda T, D: D.Normal(0.0, 1.0).log_prob(1.0),
    "beta_support": lambda T, D: D.Beta(T.tensor([2.0]), T.tensor([2.0])).log_prob(T.tensor([1.5])),
    "binomial_count": lambda T, D: D.Binomial(T.tensor([2.5]), T.tensor([0.5])),
    "default_validate": lambda T, D: D.Distribution.set_default_validate_args(3),
    "transforms_type": lambda T, D: D.TransformedDistribution(D.Normal(0.0, 1.0), "x"),
    "number_type": lambda T, D: D.Normal("a", 1.0),
    "geometric_zero": lambda T, D: D.Geometric(T.tensor([0.0, 0.5])),
    "mixture_type": lambda T, D: D.MixtureSameFamily(D.Normal(0.0, 1.0), D.Normal(T.zeros(2), 1.0)),
    "mixture_k": lambda T, D: D.MixtureSameFamily(D.Categorical(T.ones(3)), D.Normal(T.zeros(2), 1.0)),
    "binomial_entropy": lambda T, D: D.Binomial(T.tensor([2.0, 3.0]), T.tensor([0.5, 0.5])).entropy(),
    "cache_size": lambda T, D: D.ExpTransform(cache_size=2),
    "multinomial_count": lambda T, D: D.Multinomial(T.tensor(3), T.ones(2)),
    "reshape": lambda T, D: D.ReshapeTransform((2, 3), (5,)),
    "param_broadcast": lambda T, D: D.Normal(T.zeros(2), T.ones(3)),
    "param_broadcast_3d": lambda T, D: D.Gamma(T.ones(2, 3, 4), T.ones(5, 1)),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_errors_match_torch(case):
    te, tm = _error(BAD[case], torch)
    ge, gm = _error(BAD[case], gk)
    assert te is not None
    assert ge is te, (case, ge, gm)
    assert gm == tm


def test_validate_args_switches():
    D = gk.distributions
    D.Normal(0.0, -1.0, validate_args=False)
    D.Normal(0.0, 1.0, validate_args=False).log_prob(gk.tensor(float("nan")))
    try:
        D.Distribution.set_default_validate_args(False)
        D.Normal(0.0, -1.0)
        D.Bernoulli(0.3).log_prob(gk.tensor([0.5]))
    finally:
        D.Distribution.set_default_validate_args(True)
    with pytest.raises(ValueError):
        D.Normal(0.0, -1.0)
    assert D.Distribution._validate_args is True


REPRS = [
    lambda T, D: D.Normal(0.0, 1.0),
    lambda T, D: D.Normal(T.tensor([0.0, 1.0]), 1.0),
    lambda T, D: D.Normal(T.tensor(0.5, requires_grad=True), 1.0),
    lambda T, D: D.Categorical(logits=T.zeros(3)),
    lambda T, D: D.Bernoulli(0.3),
    lambda T, D: D.Independent(D.Normal(T.zeros(3), 1.0), 1),
    lambda T, D: D.MultivariateNormal(T.zeros(2), T.eye(2)),
    lambda T, D: D.LogNormal(0.0, 1.0),
    lambda T, D: D.Dirichlet(T.ones(3)),
    lambda T, D: D.Uniform(T.zeros(2), 1.0),
    lambda T, D: D.TransformedDistribution(D.Normal(0.0, 1.0), [D.ExpTransform()]),
    lambda T, D: D.MixtureSameFamily(D.Categorical(T.ones(2)), D.Normal(T.zeros(2), 1.0)),
    lambda T, D: D.constraints.positive,
    lambda T, D: D.constraints.interval(0, 1),
    lambda T, D: D.constraints.real_vector,
    lambda T, D: D.constraints.simplex,
    lambda T, D: D.constraints.integer_interval(0, 3),
    lambda T, D: D.Uniform(0.0, 1.0).support,
    lambda T, D: D.Categorical(T.ones(4)).support,
    lambda T, D: D.Independent(D.Normal(T.zeros(3), 1.0), 1).support,
    lambda T, D: D.constraints.lower_cholesky,
    lambda T, D: D.ExpTransform().inv,
    lambda T, D: D.transforms.ComposeTransform([D.ExpTransform(), D.TanhTransform()]),
    lambda T, D: D.IndependentTransform(D.SigmoidTransform(), 1),
    lambda T, D: D.TanhTransform().codomain,
]


@pytest.mark.parametrize("i", range(len(REPRS)))
def test_repr_matches_torch(i):
    assert repr(REPRS[i](gk, gk.distributions)) == repr(REPRS[i](torch, torch.distributions))


CONSTRAINT_VALUES = {
    "boolean": np.array([0.0, 1.0, 0.5]),
    "real": np.array([0.0, np.nan, np.inf]),
    "positive": np.array([1.0, 0.0, -1.0]),
    "nonnegative": np.array([1.0, 0.0, -1.0]),
    "unit_interval": np.array([0.0, 1.0, 1.5]),
    "nonnegative_integer": np.array([0.0, 2.0, 1.5, -1.0]),
    "positive_integer": np.array([0.0, 2.0, 1.5]),
    "simplex": np.array([[0.2, 0.8], [0.5, 0.6], [-0.1, 1.1]]),
    "one_hot": np.array([[0.0, 1.0], [1.0, 1.0], [0.5, 0.5]]),
    "real_vector": np.array([[0.0, 1.0], [np.nan, 1.0]]),
    "lower_triangular": np.array([[[1.0, 0.0], [1.0, 1.0]], [[1.0, 1.0], [0.0, 1.0]]]),
    "lower_cholesky": np.array([[[1.0, 0.0], [1.0, 1.0]], [[-1.0, 0.0], [0.0, 1.0]]]),
    "corr_cholesky": np.array([[[1.0, 0.0], [0.6, 0.8]], [[1.0, 0.0], [1.0, 1.0]]]),
    "square": np.zeros((2, 3, 3)),
    "symmetric": np.array([[[1.0, 2.0], [2.0, 1.0]], [[1.0, 2.0], [3.0, 1.0]]]),
    "positive_semidefinite": np.array([[[1.0, 1.0], [1.0, 1.0]], [[1.0, 2.0], [2.0, 1.0]]]),
    "positive_definite": np.array([[[2.0, 1.0], [1.0, 2.0]], [[1.0, 1.0], [1.0, 1.0]]]),
}


@pytest.mark.parametrize("name", sorted(CONSTRAINT_VALUES))
def test_constraint_check(name):
    v = CONSTRAINT_VALUES[name]
    a = getattr(torch.distributions.constraints, name).check(torch.tensor(v))
    b = getattr(gk.distributions.constraints, name).check(gk.tensor(v))
    compare(a, b, 0, 0, name)
    ca, cb = getattr(torch.distributions.constraints, name), getattr(gk.distributions.constraints, name)
    assert (ca.event_dim, ca.is_discrete) == (cb.event_dim, cb.is_discrete)


def test_parametrized_constraints():
    v = np.array([-1.0, 0.0, 0.5, 1.0, 2.0, 3.0])
    cases = [("greater_than", (0.5,)), ("greater_than_eq", (0.5,)), ("less_than", (1.0,)), ("interval", (0.0, 1.0)),
             ("half_open_interval", (0.0, 1.0)), ("integer_interval", (0, 2))]
    for name, args in cases:
        a = getattr(torch.distributions.constraints, name)(*args).check(torch.tensor(v))
        b = getattr(gk.distributions.constraints, name)(*args).check(gk.tensor(v))
        compare(a, b, 0, 0, name)
    ind_t = torch.distributions.constraints.independent(torch.distributions.constraints.positive, 1)
    ind_g = gk.distributions.constraints.independent(gk.distributions.constraints.positive, 1)
    m = np.array([[1.0, 2.0], [1.0, -1.0]])
    compare(ind_t.check(torch.tensor(m)), ind_g.check(gk.tensor(m)), 0, 0)
    assert ind_g.event_dim == 1
    with pytest.raises(ValueError, match="Cannot determine validity of dependent constraint"):
        gk.distributions.constraints.dependent.check(gk.zeros(1))
    assert gk.distributions.constraints.is_dependent(gk.distributions.Uniform.support)
    st = gk.distributions.constraints.stack([gk.distributions.constraints.positive,
                                             gk.distributions.constraints.real], 1)
    stt = torch.distributions.constraints.stack([torch.distributions.constraints.positive,
                                                 torch.distributions.constraints.real], 1)
    compare(stt.check(torch.tensor(m)), st.check(gk.tensor(m)), 0, 0)
    ct = gk.distributions.constraints.cat([gk.distributions.constraints.positive,
                                           gk.distributions.constraints.real], 1, [1, 1])
    ctt = torch.distributions.constraints.cat([torch.distributions.constraints.positive,
                                               torch.distributions.constraints.real], 1, [1, 1])
    compare(ctt.check(torch.tensor(m)), ct.check(gk.tensor(m)), 0, 0)


TRANSFORMS = {
    "exp": (lambda D: D.ExpTransform(), lambda r: r.normal(size=(3, 2))),
    "sigmoid": (lambda D: D.SigmoidTransform(), lambda r: r.normal(size=(3, 2))),
    "tanh": (lambda D: D.TanhTransform(), lambda r: r.normal(size=(3, 2))),
    "softplus": (lambda D: D.SoftplusTransform(), lambda r: r.normal(size=(3, 2))),
    "affine": (lambda D: D.AffineTransform(0.5, -2.0), lambda r: r.normal(size=(3, 2))),
    "affine_event": (lambda D: D.AffineTransform(0.5, 3.0, event_dim=1), lambda r: r.normal(size=(3, 2))),
    "power": (lambda D: D.PowerTransform(2.5), lambda r: r.uniform(0.5, 2, size=(3, 2))),
    "compose": (lambda D: D.ComposeTransform([D.AffineTransform(0.1, 2.0), D.TanhTransform(), D.ExpTransform()]),
                lambda r: r.normal(size=(3, 2)) * 0.3),
    "inverse_exp": (lambda D: D.ExpTransform().inv, lambda r: r.uniform(0.5, 2, size=(3, 2))),
    "stick_breaking": (lambda D: D.StickBreakingTransform(), lambda r: r.normal(size=(3, 2))),
    "independent": (lambda D: D.IndependentTransform(D.SigmoidTransform(), 1), lambda r: r.normal(size=(3, 2))),
    "reshape": (lambda D: D.ReshapeTransform((2,), (2, 1)), lambda r: r.normal(size=(3, 2))),
    "lower_cholesky": (lambda D: D.LowerCholeskyTransform(), lambda r: r.normal(size=(3, 2, 2))),
    "cdf": (lambda D: D.CumulativeDistributionTransform(D.Normal(0.0, 1.0)), lambda r: r.normal(size=(3, 2))),
}


@pytest.mark.parametrize("name", sorted(TRANSFORMS))
def test_transform(name):
    make, gen = TRANSFORMS[name]
    x = gen(np.random.default_rng(2)).astype(np.float32)

    def fn(T, D, x):
        t = make(D)
        y = t(x)
        out = {"y": y, "x_back": t.inv(y)}
        if name not in ("lower_cholesky", "softmax"):
            out["ladj"] = t.log_abs_det_jacobian(x, y)
        out["shape"] = T.tensor(list(t.forward_shape(x.shape)))
        return out

    run_both(fn, {"x": x}, rtol=5e-5, atol=5e-6)
    t = make(gk.distributions)
    tt = make(torch.distributions)
    assert (t.domain.event_dim, t.codomain.event_dim, t.bijective) == (tt.domain.event_dim, tt.codomain.event_dim,
                                                                       tt.bijective)
    assert t.inv.inv is t
    assert t == make(gk.distributions) or name in ("compose", "independent", "reshape", "cdf")


def test_transform_cache():
    D = gk.distributions
    t = D.ExpTransform(cache_size=1)
    x = gk.randn(3)
    y = t(x)
    assert t.inv(y) is x
    assert t(x) is y
    t2 = D.TanhTransform().with_cache(1)
    y2 = t2(x)
    assert t2.inv(y2) is x


def test_transformed_distribution_shapes_and_support():
    for T in (torch, gk):
        D = T.distributions
        base = D.Normal(T.zeros(4, 3), 1.0)
        d = D.TransformedDistribution(base, [D.StickBreakingTransform()])
        assert tuple(d.batch_shape) == (4,) and tuple(d.event_shape) == (4,)
        d2 = D.TransformedDistribution(D.Normal(T.zeros(3), 1.0), [D.AffineTransform(T.zeros(2, 3), 2.0)])
        assert tuple(d2.batch_shape) == (2, 3)
        assert repr(d.support) == "Simplex()"
        assert repr(d2.support) == "Real()"
        e = d2.expand((5, 2, 3))
        assert tuple(e.batch_shape) == (5, 2, 3)
        assert tuple(e.sample().shape) == (5, 2, 3)


def test_lazy_probs_logits_and_properties():
    p = np.array([0.2, 0.3, 0.5], np.float32)
    res = []
    for T in (torch, gk):
        D = T.distributions
        c = D.Categorical(probs=T.tensor(p * 2))
        b = D.Bernoulli(logits=T.tensor([-1.0, 2.0]))
        res.append([c.logits, c.probs, b.probs, b.logits, c.param_shape.numel() if hasattr(c.param_shape, "numel")
                    else 0, T.tensor(c._num_events)])
        assert "logits" not in D.Bernoulli(0.4).__dict__
    for a, b in zip(*res):
        if isinstance(a, int):
            assert a == b
        else:
            compare(a, b, 1e-6, 1e-7)
    assert to_np(res[1][1]).sum() == pytest.approx(1.0)


def test_parameters_are_the_passed_tensors():
    for T in (torch, gk):
        loc, scale = T.zeros(3, requires_grad=True), T.ones(3, requires_grad=True)
        d = T.distributions.Normal(loc, scale)
        assert d.loc is loc and d.scale is scale
        d2 = T.distributions.Normal(loc, 2.0)
        assert d2.loc is loc and d2.scale is not scale and tuple(d2.scale.shape) == (3,)
        g = T.distributions.Gamma(loc + 1, scale)
        assert g.rate is scale


@pytest.mark.parametrize("make", [
    lambda D: D.constraints.positive, lambda D: D.constraints.greater_than(2.0), lambda D: D.constraints.less_than(1.0),
    lambda D: D.constraints.interval(-1.0, 3.0), lambda D: D.constraints.unit_interval, lambda D: D.constraints.real,
    lambda D: D.constraints.simplex, lambda D: D.constraints.real_vector, lambda D: D.constraints.lower_cholesky,
    lambda D: D.constraints.independent(D.constraints.positive, 1)])
@pytest.mark.parametrize("registry", ["biject_to", "transform_to"])
def test_constraint_registry(make, registry):
    x = np.random.default_rng(4).normal(size=(2, 2)).astype(np.float32)
    try:
        tt = getattr(torch.distributions, registry)(make(torch.distributions))
    except NotImplementedError:
        with pytest.raises(NotImplementedError):
            getattr(gk.distributions, registry)(make(gk.distributions))
        return
    tg = getattr(gk.distributions, registry)(make(gk.distributions))
    assert repr(tg) == repr(tt)
    compare(tt(torch.tensor(x)), tg(gk.tensor(x)), 2e-6, 1e-6)
    c = make(gk.distributions)
    assert bool(c.check(tg(gk.tensor(x))).all())
