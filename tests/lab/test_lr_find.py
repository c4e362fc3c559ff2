"""lr_find: the suggested rate trains well on several problems and seeds; state is restored."""
import math

import numpy as np
import pytest

import gradkit
from gradkit import datasets
from gradkit.lab import fit, lr_find
from gradkit.lab._build import build_model, get_loss, get_optimizer
from gradkit.lab.lr_find import suggest_lr

PROBLEMS = [
    # (dataset, kwargs, model spec, loss, optimizer, epochs, success(first_loss, final_loss))
    ("line", {}, "1-1", "mse", "SGD", 100, lambda a, b: b < 1.0),          # the notes' problem, raw x in [0, 10]
    ("line", {}, "1-1", "mse", "Adam", 100, lambda a, b: b < 1.0),
    ("line", {"standardize": True}, "1-8-1", "mse", "Adam", 100, lambda a, b: b < 1.0),
    ("moons", {}, "2-16-2", "cross_entropy", "Adam", 60, lambda a, b: b < 0.15),
    ("blobs", {}, "2-8-3", "cross_entropy", "SGD", 60, lambda a, b: b < 0.1 * a),
    ("spirals", {"standardize": True}, "2-32-3", "cross_entropy", "Adam", 100, lambda a, b: b < 0.6 * a),
]


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("case", range(len(PROBLEMS)), ids=[f"{p[0]}-{p[2]}-{p[4]}" for p in PROBLEMS])
def test_suggested_rate_converges(case, seed):
    name, kw, spec, lname, oname, epochs, ok = PROBLEMS[case]
    split = datasets.load(name, seed=seed, **kw)
    loss = get_loss(lname)
    gradkit.manual_seed(seed)
    model = build_model(spec)
    opt = get_optimizer(oname)(model.parameters(), lr=1e-3)
    res = lr_find(model, loss, opt, (split.x_train, split.y_train))
    assert 1e-6 < res.suggestion < 10
    assert res.suggestion <= res.min_lr
    first = loss(model(split.x_train), split.y_train).item()
    opt = get_optimizer(oname)(model.parameters(), lr=res.suggestion)
    h = fit(model, loss, opt, (split.x_train, split.y_train), epochs=epochs, progress=False)
    final = h["loss"][-1]
    assert math.isfinite(final) and ok(first, final), (res, first, final)


def test_range_test_restores_model_optimizer_and_rng():
    split = datasets.line()
    gradkit.manual_seed(0)
    model = build_model("1-4-1")
    opt = gradkit.optim.Adam(model.parameters(), lr=0.01)
    loss = get_loss("mse")
    fit(model, loss, opt, (split.x_train, split.y_train), epochs=3, progress=False)
    before = {k: v.clone() for k, v in model.state_dict().items()}
    opt_before = opt.state_dict()
    exp_avg = [s["exp_avg"].clone() for s in opt_before["state"].values()]
    rng = gradkit.get_rng_state().clone()
    res = lr_find(model, loss, opt, (split.x_train, split.y_train), num_iter=50)
    assert len(res.lrs) > 5
    for k, v in model.state_dict().items():
        assert v.equal(before[k])
    after = opt.state_dict()
    assert after["param_groups"][0]["lr"] == 0.01
    for a, b in zip(exp_avg, after["state"].values()):
        assert a.equal(b["exp_avg"])
    assert gradkit.get_rng_state().equal(rng)


def test_curve_is_exponential_and_stops_at_divergence():
    split = datasets.line()
    gradkit.manual_seed(0)
    model = build_model("1-1")
    opt = gradkit.optim.SGD(model.parameters(), lr=0.1)
    res = lr_find(model, get_loss("mse"), opt, (split.x_train, split.y_train), start_lr=1e-6, end_lr=1.0,
                  num_iter=60)
    r = np.diff(np.log(res.lrs))
    np.testing.assert_allclose(r, np.log(1e6) / 59, rtol=1e-9)
    assert res.diverged_at is not None and res.diverged_at < 1.0 and len(res.lrs) < 60
    assert res.smoothed[-1] > 4 * min(res.smoothed) or not math.isfinite(res.smoothed[-1])


def test_suggestion_on_a_synthetic_curve():
    lrs = np.logspace(-6, 0, 100)
    x = np.log10(lrs)
    loss = 1 + 9 / (1 + np.exp(4 * (x + 3))) + np.where(x > -1, 50 * (x + 1) ** 2, 0)
    sugg, steep, mn = suggest_lr(list(lrs), list(loss))
    assert 10 ** -3.6 < steep < 10 ** -2.4
    assert sugg == min(steep, mn / 10)


def test_lr_find_bad_arguments():
    model = build_model("1-1")
    opt = gradkit.optim.SGD(model.parameters(), lr=0.1)
    with pytest.raises(ValueError, match="start_lr"):
        lr_find(model, get_loss("mse"), opt, (gradkit.zeros(4, 1), gradkit.zeros(4, 1)), start_lr=1, end_lr=0.1)


def test_plot(tmp_path):
    pytest.importorskip("matplotlib")
    split = datasets.line()
    model = build_model("1-1")
    opt = gradkit.optim.SGD(model.parameters(), lr=0.1)
    res = lr_find(model, get_loss("mse"), opt, (split.x_train, split.y_train), num_iter=30)
    res.plot(str(tmp_path / "lr.png"))
    assert (tmp_path / "lr.png").read_bytes()[:4] == b"\x89PNG"
