"""Seeded samples equal torch's bit for bit (the same generator draws), and rsample gradients match."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from _dist_helpers import compare, run_both, to_np

import gradkit as gk

R = np.random.default_rng(5)
P3 = R.uniform(0.2, 0.8, (3,)).astype(np.float32)
POS3 = R.uniform(0.5, 3.0, (3,)).astype(np.float32)
LOC3 = R.normal(size=(3,)).astype(np.float32)
SMALL3 = np.array([0.3, 0.9, 4.0], np.float32)
PROBS = R.uniform(0.1, 1.0, (2, 4)).astype(np.float32)
A = R.normal(size=(3, 3))
COV = (A @ A.T + 3 * np.eye(3)).astype(np.float32)

# name -> build(T, D) ; discrete outputs are compared exactly, continuous ones to float rounding
SAMPLERS = {
    "Normal": lambda T, D: D.Normal(T.tensor(LOC3), T.tensor(POS3)),
    "NormalScalar": lambda T, D: D.Normal(0.5, 2.0),
    "Uniform": lambda T, D: D.Uniform(T.tensor(LOC3), T.tensor(LOC3 + POS3)),
    "Bernoulli": lambda T, D: D.Bernoulli(T.tensor(P3)),
    "BernoulliLogits": lambda T, D: D.Bernoulli(logits=T.tensor(LOC3)),
    "Categorical": lambda T, D: D.Categorical(T.tensor(PROBS)),
    "CategoricalLogits": lambda T, D: D.Categorical(logits=T.tensor(np.log(PROBS))),
    "OneHotCategorical": lambda T, D: D.OneHotCategorical(T.tensor(PROBS)),
    "Multinomial": lambda T, D: D.Multinomial(7, T.tensor(PROBS)),
    "Binomial": lambda T, D: D.Binomial(T.tensor([3.0, 40.0, 200.0]), T.tensor(P3)),
    "BinomialHighP": lambda T, D: D.Binomial(30, T.tensor([0.7, 0.95, 0.5])),
    "Poisson": lambda T, D: D.Poisson(T.tensor([0.5, 4.0, 30.0])),
    "Exponential": lambda T, D: D.Exponential(T.tensor(POS3)),
    "Laplace": lambda T, D: D.Laplace(T.tensor(LOC3), T.tensor(POS3)),
    "Gamma": lambda T, D: D.Gamma(T.tensor(SMALL3), T.tensor(POS3)),
    "Beta": lambda T, D: D.Beta(T.tensor(SMALL3), T.tensor(POS3)),
    "Dirichlet": lambda T, D: D.Dirichlet(T.tensor(PROBS * 3)),
    "Chi2": lambda T, D: D.Chi2(T.tensor(POS3)),
    "StudentT": lambda T, D: D.StudentT(T.tensor(POS3 + 2), T.tensor(LOC3)),
    "MultivariateNormal": lambda T, D: D.MultivariateNormal(T.tensor(LOC3), T.tensor(COV)),
    "MultivariateNormalTril": lambda T, D: D.MultivariateNormal(T.zeros(2, 3), scale_tril=T.tensor(
        np.linalg.cholesky(COV).astype(np.float32))),
    "LogNormal": lambda T, D: D.LogNormal(T.tensor(LOC3), T.tensor(POS3)),
    "HalfNormal": lambda T, D: D.HalfNormal(T.tensor(POS3)),
    "Cauchy": lambda T, D: D.Cauchy(T.tensor(LOC3), T.tensor(POS3)),
    "Gumbel": lambda T, D: D.Gumbel(T.tensor(LOC3), T.tensor(POS3)),
    "Geometric": lambda T, D: D.Geometric(T.tensor(P3)),
    "Independent": lambda T, D: D.Independent(D.Normal(T.tensor(LOC3), T.tensor(POS3)), 1),
    "Weibull": lambda T, D: D.Weibull(T.tensor(POS3), T.tensor(POS3 + 1)),
    "Pareto": lambda T, D: D.Pareto(T.tensor(POS3), T.tensor(POS3 + 1)),
    "HalfCauchy": lambda T, D: D.HalfCauchy(T.tensor(POS3)),
    "InverseGamma": lambda T, D: D.InverseGamma(T.tensor(POS3 + 1), T.tensor(POS3)),
    "NegativeBinomial": lambda T, D: D.NegativeBinomial(T.tensor([2.0, 5.5, 20.0]), T.tensor(P3)),
    "RelaxedBernoulli": lambda T, D: D.RelaxedBernoulli(T.tensor(0.5), T.tensor(P3)),
    "RelaxedOneHot": lambda T, D: D.RelaxedOneHotCategorical(T.tensor(0.5), T.tensor(PROBS)),
    "Tanh": lambda T, D: D.TransformedDistribution(D.Normal(T.tensor(LOC3), T.tensor(POS3)), [D.TanhTransform()]),
    "Mixture": lambda T, D: D.MixtureSameFamily(D.Categorical(T.tensor(PROBS[0])),
                                                D.Normal(T.tensor(PROBS[1] * 4), T.tensor(PROBS[0]))),
}


@pytest.mark.parametrize("name", sorted(SAMPLERS))
def test_seeded_samples_match_torch(name):
    outs = []
    for T in (torch, gk):
        T.manual_seed(1234)
        d = SAMPLERS[name](T, T.distributions)
        got = [d.sample(), d.sample((5,)), d.sample([2, 3])]
        if d.has_rsample:
            got.append(d.rsample((4,)))
        got.append(T.randn(3))
        outs.append(got)
    for a, b in zip(*outs):
        assert not b.requires_grad
        compare(a, b, rtol=2e-6, atol=1e-6, what=name)
    assert tuple(outs[1][1].shape) == (5,) + tuple(SAMPLERS[name](gk, gk.distributions).batch_shape
                                              + SAMPLERS[name](gk, gk.distributions).event_shape)


def test_sample_with_explicit_generator_state():
    """Sampling resumes from a restored RNG state exactly as torch does (cached Box-Muller values too)."""
    for T in (torch, gk):
        T.manual_seed(7)
        T.randn(3)
        state = T.get_rng_state()
        a = T.distributions.Gamma(T.tensor([0.5, 2.0]), 1.0).sample((3,))
        T.set_rng_state(state)
        b = T.distributions.Gamma(T.tensor([0.5, 2.0]), 1.0).sample((3,))
        assert np.array_equal(to_np(a), to_np(b))
    for seed in range(3):
        res = []
        for T in (torch, gk):
            T.manual_seed(seed)
            T.randn(1)
            res.append([T.distributions.Dirichlet(T.tensor([0.2, 1.0, 7.0], dtype=T.float64)).sample((4,)),
                        T.distributions.Gamma(T.tensor([0.05, 1.0, 80.0], dtype=T.float64), 2.0).sample((4,)),
                        T.distributions.Binomial(T.tensor([1000.0, 5.0]), T.tensor([0.02, 0.6])).sample((50,)),
                        T.randn(2)])
        for a, b in zip(*res):
            compare(a, b, 0, 0, f"seed {seed}")


RSAMPLE = {
    "Normal": ({"loc": LOC3, "scale": POS3}, lambda D, p: D.Normal(p["loc"], p["scale"])),
    "Uniform": ({"low": LOC3, "width": POS3}, lambda D, p: D.Uniform(p["low"], p["low"] + p["width"])),
    "Exponential": ({"rate": POS3}, lambda D, p: D.Exponential(p["rate"])),
    "Laplace": ({"loc": LOC3, "scale": POS3}, lambda D, p: D.Laplace(p["loc"], p["scale"])),
    "Gamma": ({"c": SMALL3, "rate": POS3}, lambda D, p: D.Gamma(p["c"], p["rate"])),
    "Gamma64": ({"c": np.array([0.1, 0.7, 3.0, 12.0, 60.0]), "rate": np.ones(5)},
                lambda D, p: D.Gamma(p["c"], p["rate"])),
    "Beta": ({"a": SMALL3, "b": POS3}, lambda D, p: D.Beta(p["a"], p["b"])),
    "Dirichlet": ({"c": PROBS * 3}, lambda D, p: D.Dirichlet(p["c"])),
    "Dirichlet64": ({"c": np.array([[0.3, 2.0, 9.0], [8.0, 7.0, 12.0]])}, lambda D, p: D.Dirichlet(p["c"])),
    "Chi2": ({"df": POS3}, lambda D, p: D.Chi2(p["df"])),
    "StudentT": ({"df": POS3 + 2, "loc": LOC3}, lambda D, p: D.StudentT(p["df"], p["loc"])),
    "MVN": ({"loc": LOC3, "cov": COV}, lambda D, p: D.MultivariateNormal(p["loc"], p["cov"])),
    "MVNPrecision": ({"loc": LOC3, "prec": np.linalg.inv(COV).astype(np.float32)},
                     lambda D, p: D.MultivariateNormal(p["loc"], precision_matrix=p["prec"])),
    "LogNormal": ({"loc": LOC3, "scale": POS3}, lambda D, p: D.LogNormal(p["loc"], p["scale"])),
    "TanhAffine": ({"loc": LOC3, "scale": POS3},
                   lambda D, p: D.TransformedDistribution(D.Normal(p["loc"], p["scale"]),
                                                          [D.TanhTransform(), D.AffineTransform(1.0, p["scale"])])),
    "Cauchy": ({"loc": LOC3, "scale": POS3}, lambda D, p: D.Cauchy(p["loc"], p["scale"])),
    "HalfNormal": ({"scale": POS3}, lambda D, p: D.HalfNormal(p["scale"])),
    "Independent": ({"loc": LOC3, "scale": POS3}, lambda D, p: D.Independent(D.Normal(p["loc"], p["scale"]), 1)),
    "OneHotST": ({"probs": PROBS}, lambda D, p: D.OneHotCategoricalStraightThrough(p["probs"])),
    "RelaxedOneHot": ({"logits": np.log(PROBS), "t": np.array(0.5, np.float32)},
                      lambda D, p: D.RelaxedOneHotCategorical(p["t"], logits=p["logits"])),
    "RelaxedBernoulli": ({"probs": P3, "t": np.array(0.3, np.float32)},
                         lambda D, p: D.RelaxedBernoulli(p["t"], probs=p["probs"])),
    "Weibull": ({"scale": POS3, "c": POS3 + 1}, lambda D, p: D.Weibull(p["scale"], p["c"])),
    "InverseGamma": ({"c": POS3 + 1, "rate": POS3}, lambda D, p: D.InverseGamma(p["c"], p["rate"])),
}


@pytest.mark.parametrize("name", sorted(RSAMPLE))
def test_rsample_values_and_gradients(name):
    params, build = RSAMPLE[name]

    def fn(T, D, **ts):
        d = build(D, ts)
        x = d.rsample((6,))
        return {"x": x, "lp": d.log_prob(x.detach()) if name != "OneHotST" else x.sum()}

    run_both(fn, params, rtol=2e-5, atol=2e-6, grad_rtol=5e-4)


def test_sample_has_no_grad_and_rsample_has():
    for name in ("Normal", "Gamma", "Dirichlet", "MVN"):
        params, build = RSAMPLE[name]
        ts = {k: gk.tensor(v, requires_grad=True) for k, v in params.items()}
        d = build(gk.distributions, ts)
        assert not d.sample().requires_grad
        assert d.rsample().requires_grad
        assert d.has_rsample


@pytest.mark.parametrize("name", ["Bernoulli", "Categorical", "Poisson", "Binomial", "Geometric"])
def test_discrete_rsample_not_implemented(name):
    d = SAMPLERS[name](gk, gk.distributions)
    assert not d.has_rsample
    with pytest.raises(NotImplementedError):
        d.rsample()


@pytest.mark.parametrize("name,n", [("Gamma", 20000), ("Binomial", 4000), ("Dirichlet", 8000)])
def test_sampler_statistics(name, n):
    """The samplers draw from the right distributions (moments against the closed forms)."""
    gk.manual_seed(0)
    if name == "Gamma":
        conc = gk.tensor([0.2, 1.0, 5.0, 50.0], dtype=gk.float64)
        x = gk.distributions.Gamma(conc, 2.0).sample((n,)).numpy()
        np.testing.assert_allclose(x.mean(0), conc.numpy() / 2, rtol=0.05)
        np.testing.assert_allclose(x.var(0), conc.numpy() / 4, rtol=0.1)
    elif name == "Binomial":
        cnt, p = np.array([5.0, 40.0, 300.0, 50.0]), np.array([0.3, 0.6, 0.1, 0.97])
        x = gk.distributions.Binomial(gk.tensor(cnt), gk.tensor(p)).sample((n,)).numpy()
        np.testing.assert_allclose(x.mean(0), cnt * p, rtol=0.03)
        np.testing.assert_allclose(x.var(0), cnt * p * (1 - p), rtol=0.12)
        assert ((x >= 0) & (x <= cnt)).all() and (x == np.round(x)).all()
    else:
        c = np.array([0.5, 2.0, 4.0])
        x = gk.distributions.Dirichlet(gk.tensor(c)).sample((n,)).numpy()
        np.testing.assert_allclose(x.sum(-1), 1.0, rtol=1e-6)
        np.testing.assert_allclose(x.mean(0), c / c.sum(), rtol=0.03)


def test_top_level_samplers():
    for T in (torch, gk):
        T.manual_seed(3)
    a = torch._standard_gamma(torch.tensor([0.5, 3.0]))
    b = gk._standard_gamma(gk.tensor([0.5, 3.0]))
    compare(a, b, 0, 0)
    a = torch.binomial(torch.tensor([10.0, 20.0]), torch.tensor([0.5, 0.9]))
    b = gk.binomial(gk.tensor([10.0, 20.0]), gk.tensor([0.5, 0.9]))
    compare(a, b, 0, 0)
    a = torch._sample_dirichlet(torch.tensor([[0.5, 3.0], [1.0, 1.0]]))
    b = gk._sample_dirichlet(gk.tensor([[0.5, 3.0], [1.0, 1.0]]))
    compare(a, b, 0, 0)
    for T in (torch, gk):
        with pytest.raises(NotImplementedError):
            T._standard_gamma(T.tensor([1, 2]))
