"""log_prob / entropy / moments / cdf / icdf of every distribution vs torch, values and parameter gradients,
over parameter grids and batch shapes."""
from __future__ import annotations

import zlib

import numpy as np
import pytest
from _dist_helpers import run_both, to_np

BATCHES = [(), (3,), (2, 3)]
SAMPLE = (4,)


def _r(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _moments(d, names=("mean", "variance", "stddev", "mode")) -> dict:
    out = {}
    for n in names:
        out[n] = getattr(d, n)
    return out


def _uni(r, shape):
    return r.uniform(0.05, 0.95, shape)


# name -> (params(r, batch), build(D, **p), value(r, shape, p), extras)
CASES = {
    "Normal": (lambda r, b: {"loc": r.normal(size=b), "scale": r.uniform(0.5, 2.0, b)},
               lambda D, loc, scale: D.Normal(loc, scale),
               lambda r, s, p: r.normal(size=s) * 2, ("cdf", "icdf", "entropy")),
    "Uniform": (lambda r, b: {"low": r.normal(size=b), "high": r.normal(size=b) + 3.0},
                lambda D, low, high: D.Uniform(low, high),
                lambda r, s, p: p["low"] + (p["high"] - p["low"]) * r.uniform(0, 0.99, s), ("cdf", "icdf", "entropy")),
    "BernoulliP": (lambda r, b: {"probs": r.uniform(0.05, 0.95, b)},
                   lambda D, probs: D.Bernoulli(probs=probs),
                   lambda r, s, p: r.integers(0, 2, s).astype(np.float32), ("entropy",)),
    "BernoulliL": (lambda r, b: {"logits": r.normal(size=b) * 2},
                   lambda D, logits: D.Bernoulli(logits=logits),
                   lambda r, s, p: r.integers(0, 2, s).astype(np.float32), ("entropy",)),
    "Exponential": (lambda r, b: {"rate": r.uniform(0.3, 3.0, b)},
                    lambda D, rate: D.Exponential(rate),
                    lambda r, s, p: r.exponential(size=s), ("cdf", "icdf", "entropy")),
    "Laplace": (lambda r, b: {"loc": r.normal(size=b), "scale": r.uniform(0.5, 2.0, b)},
                lambda D, loc, scale: D.Laplace(loc, scale),
                lambda r, s, p: r.normal(size=s) * 2, ("cdf", "icdf", "entropy")),
    "Gamma": (lambda r, b: {"concentration": r.uniform(0.3, 5.0, b), "rate": r.uniform(0.5, 2.0, b)},
              lambda D, concentration, rate: D.Gamma(concentration, rate),
              lambda r, s, p: r.gamma(2.0, size=s) + 0.01, ("entropy",)),
    "Beta": (lambda r, b: {"c1": r.uniform(0.5, 4.0, b), "c0": r.uniform(1.05, 4.0, b)},
             lambda D, c1, c0: D.Beta(c1, c0),
             lambda r, s, p: r.uniform(0.02, 0.98, s), ("entropy",)),
    "Poisson": (lambda r, b: {"rate": r.uniform(0.5, 8.0, b)},
                lambda D, rate: D.Poisson(rate),
                lambda r, s, p: r.integers(0, 10, s).astype(np.float32), ()),
    "LogNormal": (lambda r, b: {"loc": r.normal(size=b) * 0.5, "scale": r.uniform(0.3, 1.5, b)},
                  lambda D, loc, scale: D.LogNormal(loc, scale),
                  lambda r, s, p: r.lognormal(size=s), ("cdf", "icdf", "entropy")),
    "Cauchy": (lambda r, b: {"loc": r.normal(size=b), "scale": r.uniform(0.5, 2.0, b)},
               lambda D, loc, scale: D.Cauchy(loc, scale),
               lambda r, s, p: r.normal(size=s) * 3, ("cdf", "icdf", "entropy")),
    "HalfNormal": (lambda r, b: {"scale": r.uniform(0.5, 2.0, b)},
                   lambda D, scale: D.HalfNormal(scale),
                   lambda r, s, p: np.abs(r.normal(size=s)), ("cdf", "icdf", "entropy")),
    "Gumbel": (lambda r, b: {"loc": r.normal(size=b), "scale": r.uniform(0.5, 2.0, b)},
               lambda D, loc, scale: D.Gumbel(loc, scale),
               lambda r, s, p: r.normal(size=s), ("entropy",)),
    "Geometric": (lambda r, b: {"probs": r.uniform(0.1, 0.9, b)},
                  lambda D, probs: D.Geometric(probs),
                  lambda r, s, p: r.integers(0, 6, s).astype(np.float32), ("entropy",)),
    "StudentT": (lambda r, b: {"df": r.uniform(2.5, 8.0, b), "loc": r.normal(size=b), "scale": r.uniform(0.5, 2, b)},
                 lambda D, df, loc, scale: D.StudentT(df, loc, scale),
                 lambda r, s, p: r.normal(size=s) * 2, ("entropy",)),
    "Weibull": (lambda r, b: {"scale": r.uniform(0.5, 2.0, b), "conc": r.uniform(1.2, 3.0, b)},
                lambda D, scale, conc: D.Weibull(scale, conc),
                lambda r, s, p: r.weibull(1.5, size=s) + 0.05, ("entropy",)),
    "Pareto": (lambda r, b: {"scale": r.uniform(0.5, 1.0, b), "alpha": r.uniform(2.5, 4.0, b)},
               lambda D, scale, alpha: D.Pareto(scale, alpha),
               lambda r, s, p: 1.0 + r.pareto(3.0, size=s), ("entropy",)),
    "HalfCauchy": (lambda r, b: {"scale": r.uniform(0.5, 2.0, b)},
                   lambda D, scale: D.HalfCauchy(scale),
                   lambda r, s, p: np.abs(r.standard_cauchy(size=s)), ("cdf", "icdf", "entropy")),
    "InverseGamma": (lambda r, b: {"conc": r.uniform(2.5, 5.0, b), "rate": r.uniform(0.5, 2.0, b)},
                     lambda D, conc, rate: D.InverseGamma(conc, rate),
                     lambda r, s, p: 1.0 / (r.gamma(3.0, size=s) + 0.1), ("entropy",)),
    "NegativeBinomial": (lambda r, b: {"n": r.uniform(1.0, 6.0, b), "probs": r.uniform(0.1, 0.8, b)},
                         lambda D, n, probs: D.NegativeBinomial(n, probs),
                         lambda r, s, p: r.integers(0, 8, s).astype(np.float32), ()),
    "RelaxedBernoulli": (lambda r, b: {"logits": r.normal(size=b)},
                         lambda D, logits: D.RelaxedBernoulli(logits.new_tensor(0.7), logits=logits),
                         lambda r, s, p: r.uniform(0.05, 0.95, s), ()),
    "Chi2": (lambda r, b: {"df": r.uniform(1.0, 6.0, b)},
             lambda D, df: D.Chi2(df),
             lambda r, s, p: r.gamma(2.0, size=s) + 0.05, ("entropy",)),
}


@pytest.mark.parametrize("batch", BATCHES)
@pytest.mark.parametrize("name", sorted(CASES))
def test_univariate(name, batch):
    params, build, value, extras = CASES[name]
    r = _r(zlib.crc32(repr((name, batch)).encode()))
    p = {k: np.asarray(v, np.float32) for k, v in params(r, batch).items()}
    v = np.asarray(value(r, SAMPLE + batch, p), np.float32)
    u = _uni(r, SAMPLE + batch).astype(np.float32)

    def fn(T, D, **ts):
        d = build(D, **ts)
        x = T.tensor(v)
        out = {"log_prob": d.log_prob(x), "batch_shape": T.tensor(list(d.batch_shape)),
               "event_shape": T.tensor(list(d.event_shape) or [-1])}
        names = ("mean", "variance", "stddev", "mode")
        if name in ("Cauchy", "HalfCauchy"):
            names = ("mean", "variance", "mode")
        if name == "RelaxedBernoulli":
            names = ()
        out.update(_moments(d, names))
        if "entropy" in extras:
            out["entropy"] = d.entropy()
        if "cdf" in extras:
            out["cdf"] = d.cdf(x if name not in ("Uniform",) else x)
        if "icdf" in extras:
            out["icdf"] = d.icdf(T.tensor(u))
        return out

    run_both(fn, p, rtol=3e-5, atol=2e-6)


@pytest.mark.parametrize("name", ["Normal", "Laplace", "Exponential", "Gamma", "Beta", "Uniform", "Poisson"])
def test_float64_and_scalar_params(name):
    params, build, value, extras = CASES[name]
    r = _r(7)
    p64 = params(r, (3,))
    v = value(r, (3,), p64)

    def fn(T, D, **ts):
        d = build(D, **ts)
        out = {"lp": d.log_prob(T.tensor(v)), "mean": d.mean}
        if "entropy" in extras:
            out["ent"] = d.entropy()
        return out

    run_both(fn, p64, rtol=1e-8, atol=1e-10)
    scalars = {k: float(a[0]) for k, a in p64.items()}

    def fn_scalar(T, D):
        d = build(D, **scalars)
        return {"lp": d.log_prob(T.tensor(np.float32(v[0]))), "mean": d.mean, "bs": T.tensor(len(d.batch_shape))}

    run_both(fn_scalar, {}, grad=False)


def test_gamma_cdf():
    r = _r(3)
    conc = r.uniform(0.3, 30.0, (40,))
    rate = r.uniform(0.5, 2.0, (40,))
    x = r.gamma(conc) / rate

    def fn(T, D, rate):
        return {"cdf": D.Gamma(T.tensor(conc), rate).cdf(T.tensor(x))}

    run_both(fn, {"rate": rate}, rtol=1e-8, atol=1e-10)
    run_both(fn, {"rate": rate.astype(np.float32)}, rtol=2e-5, atol=1e-6)


@pytest.mark.parametrize("batch", BATCHES)
@pytest.mark.parametrize("kind", ["probs", "logits"])
def test_categorical(kind, batch):
    r = _r(11)
    K = 4
    a = r.uniform(0.1, 2.0, batch + (K,)) if kind == "probs" else r.normal(size=batch + (K,))
    a = a.astype(np.float32)
    v = r.integers(0, K, SAMPLE + batch)

    def fn(T, D, a):
        d = D.Categorical(**{kind: a})
        oh = D.OneHotCategorical(**{kind: a})
        x = T.tensor(v)
        onehot = T.nn.functional.one_hot(x, K).float()
        return {"lp": d.log_prob(x), "ent": d.entropy(), "probs": d.probs, "logits": d.logits, "mode": d.mode,
                "mean": d.mean, "var": d.variance, "perp": d.perplexity(),
                "oh_lp": oh.log_prob(onehot), "oh_ent": oh.entropy(), "oh_mean": oh.mean, "oh_var": oh.variance,
                "oh_mode": oh.mode, "support": d.enumerate_support(), "oh_support": oh.enumerate_support(False)}

    run_both(fn, {"a": a})


@pytest.mark.parametrize("batch", BATCHES)
@pytest.mark.parametrize("kind", ["probs", "logits"])
def test_binomial(kind, batch):
    r = _r(12)
    n = 12
    a = r.uniform(0.1, 0.9, batch) if kind == "probs" else r.normal(size=batch)
    a = a.astype(np.float32)
    v = r.integers(0, n + 1, SAMPLE + batch).astype(np.float32)
    counts = r.integers(n, n + 5, batch).astype(np.float32)

    def fn(T, D, a):
        d = D.Binomial(n, **{kind: a})
        d2 = D.Binomial(T.tensor(counts), **{kind: a})
        return {"lp": d.log_prob(T.tensor(v)), "ent": d.entropy(), "mean": d.mean, "var": d.variance,
                "mode": d.mode, "lp2": d2.log_prob(T.tensor(v)), "mode2": d2.mode,
                "sup": d.enumerate_support()}

    run_both(fn, {"a": a}, rtol=5e-5, atol=5e-6)


@pytest.mark.parametrize("batch", [(), (2,), (2, 3)])
def test_dirichlet_multinomial(batch):
    r = _r(13)
    K = 3
    conc = r.uniform(0.5, 4.0, batch + (K,)).astype(np.float32)
    conc_small = r.uniform(0.2, 0.9, batch + (K,)).astype(np.float32)
    x = r.dirichlet(np.ones(K), SAMPLE + batch).astype(np.float32)
    counts = r.multinomial(5, [0.2, 0.3, 0.5], SAMPLE + batch).astype(np.float32)

    def fn(T, D, conc, conc_small):
        d = D.Dirichlet(conc)
        m = D.Multinomial(5, probs=conc)
        return {"lp": d.log_prob(T.tensor(x)), "ent": d.entropy(), "mean": d.mean, "var": d.variance,
                "mode": d.mode, "mode_small": D.Dirichlet(conc_small.detach()).mode,
                "mlp": m.log_prob(T.tensor(counts)), "ment": m.entropy(), "mmean": m.mean, "mvar": m.variance}

    run_both(fn, {"conc": conc, "conc_small": conc_small}, rtol=5e-5, atol=5e-6)


def _spd(r, batch, n):
    A = r.normal(size=batch + (n, n))
    return A @ np.swapaxes(A, -1, -2) + n * np.eye(n)


@pytest.mark.parametrize("loc_batch,cov_batch", [((), ()), ((3,), ()), ((), (2,)), ((2, 3), (3,)), ((4,), (4,))])
@pytest.mark.parametrize("param", ["covariance_matrix", "scale_tril", "precision_matrix"])
def test_multivariate_normal(param, loc_batch, cov_batch):
    r = _r(14)
    n = 3
    loc = r.normal(size=loc_batch + (n,))
    cov = _spd(r, cov_batch, n)
    mat = {"covariance_matrix": cov, "precision_matrix": np.linalg.inv(cov),
           "scale_tril": np.linalg.cholesky(cov)}[param]
    bs = np.broadcast_shapes(loc_batch, cov_batch)
    x = r.normal(size=(2,) + bs + (n,))

    def fn(T, D, loc, mat):
        d = D.MultivariateNormal(loc, **{param: mat})
        return {"lp": d.log_prob(T.tensor(x.astype(to_np(loc).dtype))), "ent": d.entropy(), "mean": d.mean, "var": d.variance,
                "mode": d.mode, "cov": d.covariance_matrix, "tril": d.scale_tril, "prec": d.precision_matrix}

    run_both(fn, {"loc": loc, "mat": mat}, rtol=1e-9, atol=1e-10)
    run_both(fn, {"loc": loc.astype(np.float32), "mat": mat.astype(np.float32)}, rtol=2e-4, atol=2e-5)


@pytest.mark.parametrize("batch", BATCHES)
def test_transformed(batch):
    r = _r(15)
    loc = r.normal(size=batch).astype(np.float32)
    scale = r.uniform(0.5, 1.5, batch).astype(np.float32)
    y_tanh = r.uniform(-0.9, 0.9, SAMPLE + batch).astype(np.float32)
    y_aff = r.uniform(0.1, 0.9, SAMPLE + batch).astype(np.float32) * 3 + 1

    def fn(T, D, loc, scale):
        base = D.Normal(loc, scale)
        t1 = D.TransformedDistribution(base, [D.TanhTransform()])
        t2 = D.TransformedDistribution(base, [D.SigmoidTransform(), D.AffineTransform(1.0, 3.0)])
        t3 = D.TransformedDistribution(base, D.transforms.ExpTransform().inv)
        t4 = D.TransformedDistribution(base, [D.AffineTransform(loc, -scale)])
        return {"lp1": t1.log_prob(T.tensor(y_tanh)), "lp2": t2.log_prob(T.tensor(y_aff)),
                "cdf2": t2.cdf(T.tensor(y_aff)), "icdf2": t2.icdf(T.tensor(y_tanh * 0.5 + 0.5)),
                "lp3": t3.log_prob(T.tensor(y_tanh)), "lp4": t4.log_prob(T.tensor(y_tanh)),
                "cdf4": t4.cdf(T.tensor(y_tanh)), "bs": T.tensor(list(t1.batch_shape) or [-1])}

    run_both(fn, {"loc": loc, "scale": scale}, rtol=5e-5, atol=5e-6)


@pytest.mark.parametrize("ndims", [0, 1, 2])
def test_independent(ndims):
    r = _r(16)
    loc = r.normal(size=(2, 3)).astype(np.float32)
    scale = r.uniform(0.5, 1.5, (2, 3)).astype(np.float32)
    x = r.normal(size=(4, 2, 3)).astype(np.float32)

    def fn(T, D, loc, scale):
        d = D.Independent(D.Normal(loc, scale), ndims)
        e = d.expand((5,) + tuple(d.batch_shape)) if ndims < 2 else d.expand((5,))
        return {"lp": d.log_prob(T.tensor(x)), "ent": d.entropy(), "mean": d.mean, "var": d.variance,
                "bs": T.tensor(list(d.batch_shape) or [-1]), "es": T.tensor(list(d.event_shape) or [-1]),
                "elp": e.log_prob(T.tensor(x[:, None])), "ebs": T.tensor(list(e.batch_shape))}

    run_both(fn, {"loc": loc, "scale": scale})


@pytest.mark.parametrize("name", ["Normal", "Gamma", "Beta", "BernoulliP", "Poisson", "Exponential"])
def test_expand(name):
    params, build, value, extras = CASES[name]
    r = _r(17)
    p = {k: v.astype(np.float32) for k, v in params(r, (3,)).items()}
    v = value(r, (2, 4, 3), p).astype(np.float32)

    def fn(T, D, **ts):
        d = build(D, **ts).expand((4, 3))
        return {"lp": d.log_prob(T.tensor(v)), "mean": d.mean, "bs": T.tensor(list(d.batch_shape))}

    run_both(fn, p)


def test_mixture_same_family():
    r = _r(18)
    logits = r.normal(size=(2, 3)).astype(np.float32)
    loc = r.normal(size=(2, 3)).astype(np.float32)
    scale = r.uniform(0.5, 1.5, (2, 3)).astype(np.float32)
    x = r.normal(size=(4, 2)).astype(np.float32)
    loc2 = r.normal(size=(3, 2)).astype(np.float32)
    x2 = r.normal(size=(4, 2)).astype(np.float32)

    def fn(T, D, logits, loc, scale, loc2):
        mix = D.MixtureSameFamily(D.Categorical(logits=logits), D.Normal(loc, scale))
        mix2 = D.MixtureSameFamily(D.Categorical(logits=logits[0]),
                                   D.Independent(D.Normal(loc2, T.ones(3, 2)), 1))
        return {"lp": mix.log_prob(T.tensor(x)), "mean": mix.mean, "var": mix.variance,
                "cdf": mix.cdf(T.tensor(x)), "lp2": mix2.log_prob(T.tensor(x2)), "mean2": mix2.mean,
                "var2": mix2.variance}

    run_both(fn, {"logits": logits, "loc": loc, "scale": scale, "loc2": loc2})


def test_exponential_family_entropy_via_bregman():
    """ExponentialFamily.entropy (autograd of the log-normalizer) on a distribution without a closed form."""
    r = _r(19)
    rate = r.uniform(0.5, 4.0, (5,))

    def fn(T, D, rate):
        d = D.Poisson(rate)
        return {"nat": d._natural_params[0], "lognorm": d._log_normalizer(*d._natural_params),
                "ent": D.ExponentialFamily.entropy(D.Exponential(rate))}

    run_both(fn, {"rate": rate}, rtol=1e-10, atol=1e-12)


def test_log_prob_gradients_at_concentration_one():
    """xlogy(concentration - 1, x) still has gradient log(x) when the concentration is exactly 1."""
    x = np.array([0.2, 0.5, 0.9], np.float32)

    def fn(T, D, c, r):
        return {"beta": D.Beta(c, r).log_prob(T.tensor(x)), "gamma": D.Gamma(c, r).log_prob(T.tensor(x)),
                "dir": D.Dirichlet(T.stack([c, r], -1)).log_prob(T.tensor(np.stack([x, 1 - x], -1))),
                "pois": D.Poisson(r).log_prob(T.tensor([0.0, 1.0, 3.0]))}

    run_both(fn, {"c": np.ones(3, np.float32), "r": np.array([1.0, 2.0, 0.5], np.float32)})


@pytest.mark.parametrize("batch", [(), (2,)])
def test_relaxed_one_hot_categorical(batch):
    r = _r(21)
    logits = r.normal(size=batch + (3,)).astype(np.float32)
    x = r.dirichlet(np.ones(3), (4,) + batch).astype(np.float32)

    def fn(T, D, logits, temp):
        d = D.RelaxedOneHotCategorical(temp, logits=logits)
        e = D.relaxed_categorical.ExpRelaxedCategorical(temp, logits=logits)
        return {"lp": d.log_prob(T.tensor(x)), "elp": e.log_prob(T.tensor(np.log(x))), "probs": d.probs}

    run_both(fn, {"logits": logits, "temp": np.array(0.6, np.float32)}, rtol=5e-5, atol=5e-6)
