"""kl_divergence values and gradients vs torch for the registered pairs, dispatch and register_kl."""
from __future__ import annotations

import numpy as np
import pytest
import torch
from _dist_helpers import run_both

import gradkit as gk

R = np.random.default_rng(9)
B = (2, 3)


def pos(lo=0.5, hi=3.0, shape=B):
    return R.uniform(lo, hi, shape).astype(np.float32)


def real(shape=B):
    return R.normal(size=shape).astype(np.float32)


def unit(shape=B):
    return R.uniform(0.1, 0.9, shape).astype(np.float32)


MAKERS = {
    "Normal": (lambda: {"loc": real(), "scale": pos()}, lambda D, p: D.Normal(p["loc"], p["scale"])),
    "Laplace": (lambda: {"loc": real(), "scale": pos()}, lambda D, p: D.Laplace(p["loc"], p["scale"])),
    "Exponential": (lambda: {"rate": pos()}, lambda D, p: D.Exponential(p["rate"])),
    "Gamma": (lambda: {"c": pos(), "rate": pos()}, lambda D, p: D.Gamma(p["c"], p["rate"])),
    "Beta": (lambda: {"a": pos(), "b": pos()}, lambda D, p: D.Beta(p["a"], p["b"])),
    "Uniform": (lambda: {"low": real() - 2, "w": pos(3, 5)}, lambda D, p: D.Uniform(p["low"], p["low"] + p["w"])),
    "UniformUnit": (lambda: {"low": pos(0.1, 0.3), "w": pos(0.1, 0.5)},
                    lambda D, p: D.Uniform(p["low"], p["low"] + p["w"])),
    "Bernoulli": (lambda: {"p": unit()}, lambda D, p: D.Bernoulli(p["p"])),
    "Poisson": (lambda: {"rate": pos()}, lambda D, p: D.Poisson(p["rate"])),
    "Gumbel": (lambda: {"loc": real(), "scale": pos()}, lambda D, p: D.Gumbel(p["loc"], p["scale"])),
    "Geometric": (lambda: {"p": unit()}, lambda D, p: D.Geometric(p["p"])),
    "HalfNormal": (lambda: {"scale": pos()}, lambda D, p: D.HalfNormal(p["scale"])),
    "Cauchy": (lambda: {"loc": real(), "scale": pos()}, lambda D, p: D.Cauchy(p["loc"], p["scale"])),
    "Categorical": (lambda: {"logits": real(B + (4,))}, lambda D, p: D.Categorical(logits=p["logits"])),
    "CategoricalProbs": (lambda: {"probs": pos(0.1, 1.0, B + (4,))}, lambda D, p: D.Categorical(p["probs"])),
    "OneHotCategorical": (lambda: {"logits": real(B + (4,))}, lambda D, p: D.OneHotCategorical(logits=p["logits"])),
    "Dirichlet": (lambda: {"c": pos(0.5, 3, B + (4,))}, lambda D, p: D.Dirichlet(p["c"])),
    "Binomial": (lambda: {"p": unit()}, lambda D, p: D.Binomial(10, p["p"])),
    "LogNormal": (lambda: {"loc": real(), "scale": pos()}, lambda D, p: D.LogNormal(p["loc"], p["scale"])),
    "Pareto": (lambda: {"scale": pos(0.5, 1.0), "alpha": pos(2.5, 4.0)}, lambda D, p: D.Pareto(p["scale"], p["alpha"])),
    "IndependentNormal": (lambda: {"loc": real(), "scale": pos()},
                          lambda D, p: D.Independent(D.Normal(p["loc"], p["scale"]), 1)),
}

PAIRS = [("Normal", "Normal"), ("Laplace", "Laplace"), ("Exponential", "Exponential"), ("Gamma", "Gamma"),
         ("Beta", "Beta"), ("Uniform", "Uniform"), ("Bernoulli", "Bernoulli"), ("Poisson", "Poisson"),
         ("Gumbel", "Gumbel"), ("Geometric", "Geometric"), ("HalfNormal", "HalfNormal"), ("Cauchy", "Cauchy"),
         ("Categorical", "Categorical"), ("CategoricalProbs", "Categorical"),
         ("OneHotCategorical", "OneHotCategorical"), ("Dirichlet", "Dirichlet"), ("Binomial", "Binomial"),
         ("LogNormal", "LogNormal"), ("IndependentNormal", "IndependentNormal"),
         ("Normal", "Laplace"), ("Normal", "Gumbel"), ("Laplace", "Normal"), ("Exponential", "Normal"),
         ("Exponential", "Gamma"), ("Exponential", "Gumbel"), ("Gamma", "Normal"), ("Gamma", "Exponential"),
         ("Gamma", "Gumbel"), ("Gumbel", "Normal"), ("Beta", "Normal"), ("Beta", "Gamma"), ("Beta", "Exponential"),
         ("UniformUnit", "Beta"), ("Uniform", "Normal"), ("Uniform", "Gumbel"), ("UniformUnit", "Exponential"),
         ("UniformUnit", "Gamma"), ("Bernoulli", "Poisson"), ("Normal", "Uniform"), ("Gamma", "Uniform"),
         ("Exponential", "Uniform"), ("Laplace", "Exponential"), ("Poisson", "Bernoulli"), ("Beta", "Uniform"),
         ("Pareto", "Pareto"), ("Pareto", "Exponential"), ("Pareto", "Gamma"), ("Pareto", "Normal"),
         ("Normal", "Pareto"), ("Uniform", "Pareto"), ("Beta", "Pareto")]


@pytest.mark.parametrize("pname,qname", PAIRS)
def test_kl_pair(pname, qname):
    (pp, pb), (qp, qb) = MAKERS[pname], MAKERS[qname]
    params = {"p_" + k: v for k, v in pp().items()}
    params.update({"q_" + k: v for k, v in qp().items()})

    def fn(T, D, **ts):
        p = pb(D, {k[2:]: v for k, v in ts.items() if k.startswith("p_")})
        q = qb(D, {k[2:]: v for k, v in ts.items() if k.startswith("q_")})
        return {"kl": D.kl_divergence(p, q)}

    run_both(fn, params, rtol=5e-5, atol=5e-6)


def _spd(batch, n=3):
    A = R.normal(size=batch + (n, n))
    return A @ np.swapaxes(A, -1, -2) + n * np.eye(n)


@pytest.mark.parametrize("pb,qb", [((), ()), ((2,), ()), ((), (4,)), ((4,), (4,))])
def test_kl_multivariate_normal(pb, qb):
    params = {"pl": R.normal(size=pb + (3,)), "pc": _spd(pb), "ql": R.normal(size=qb + (3,)),
              "qt": np.linalg.cholesky(_spd(qb))}

    def fn(T, D, pl, pc, ql, qt):
        return {"kl": D.kl_divergence(D.MultivariateNormal(pl, pc), D.MultivariateNormal(ql, scale_tril=qt))}

    run_both(fn, params, rtol=1e-9, atol=1e-10)


def test_kl_infinities_and_zeros():
    def fn(T, D):
        out = {}
        out["bern"] = D.kl_divergence(D.Bernoulli(T.tensor([0.0, 0.5, 1.0, 0.3])),
                                      D.Bernoulli(T.tensor([0.0, 0.0, 1.0, 1.0])))
        out["cat"] = D.kl_divergence(D.Categorical(T.tensor([[0.0, 1.0], [0.5, 0.5]])),
                                     D.Categorical(T.tensor([[0.5, 0.5], [1.0, 0.0]])))
        out["unif"] = D.kl_divergence(D.Uniform(T.tensor([0.0, 0.0]), T.tensor([1.0, 2.0])),
                                      D.Uniform(T.tensor([-1.0, 0.5]), T.tensor([2.0, 3.0])))
        out["same"] = D.kl_divergence(D.Normal(T.tensor([0.3]), 1.0), D.Normal(T.tensor([0.3]), 1.0))
        return out

    run_both(fn, {}, grad=False)


def test_kl_not_implemented_and_register():
    D = gk.distributions
    with pytest.raises(NotImplementedError, match="No KL\\(p \\|\\| q\\) is implemented for p type Normal and q "
                                                  "type Categorical"):
        D.kl_divergence(D.Normal(0.0, 1.0), D.Categorical(gk.ones(3)))
    with pytest.raises(NotImplementedError):
        torch.distributions.kl_divergence(torch.distributions.Normal(0.0, 1.0),
                                          torch.distributions.Categorical(torch.ones(3)))

    class MyNormal(D.Normal):
        pass

    # a subclass dispatches to the parent's rule until a more specific one is registered
    p, q = MyNormal(0.0, 1.0), D.Normal(1.0, 2.0)
    np.testing.assert_allclose(D.kl_divergence(p, q).item(), D.kl_divergence(D.Normal(0.0, 1.0), q).item())

    @D.register_kl(MyNormal, D.Normal)
    def _kl(p, q):
        return gk.tensor(42.0)

    assert D.kl_divergence(p, q).item() == 42.0
    assert D.kl_divergence(q, p).item() != 42.0
