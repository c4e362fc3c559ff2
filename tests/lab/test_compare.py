"""compare: grid, aggregation, ranking, files (CSV, PNGs, self-contained HTML with each plot embedded)."""
import base64
import csv
import io
import math
from html.parser import HTMLParser

import numpy as np
import pytest

from gradkit import datasets
from gradkit.lab import compare


class Imgs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.imgs, self.links = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "img":
            self.imgs.append(a)
        if tag in ("link", "script") and (a.get("src") or a.get("href")):
            self.links.append(a)


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    out = tmp_path_factory.mktemp("cmp")
    res = compare(datasets.line(), "1-1", losses=("mse", "l1"), optimizers=("sgd", "Adam"), lrs=(1e-3, 1e-2, 0.3),
                  seeds=2, epochs=20, out=out, progress=False)
    return res, out


def test_grid_and_aggregation(result):
    res, _ = result
    assert len(res.runs) == 2 * 2 * 3 * 2 and len(res.configs) == 12
    c = next(c for c in res.configs if c["loss"] == "mse" and c["optimizer"] == "SGD" and c["lr"] == 1e-3)
    runs = [r for r in res.runs if r["loss"] == "mse" and r["optimizer"] == "SGD" and r["lr"] == 1e-3]
    assert [r["seed"] for r in runs] == [0, 1]
    assert c["final_loss_mean"] == pytest.approx(np.mean([r["final_loss"] for r in runs]))
    assert c["final_loss_std"] == pytest.approx(np.std([r["final_loss"] for r in runs]))
    assert c["r2_mean"] == pytest.approx(np.mean([r["r2"] for r in runs]))
    assert c["best_loss_mean"] <= c["final_loss_mean"] + 1e-9
    assert len(c["curve"]) == 20


def test_ranking(result):
    res, _ = result
    keys = [c["r2_mean"] for c in res.configs]
    finite = [k for k in keys if math.isfinite(k)]
    assert finite == sorted(finite, reverse=True)
    assert keys.index(finite[-1]) == len(finite) - 1
    diverged = [c for c in res.configs if c["diverged"]]
    assert diverged and all(c["optimizer"] == "SGD" and c["lr"] == 0.3 for c in diverged)
    assert res.configs[-1] in diverged
    assert res.best()["optimizer"] in ("SGD", "Adam")
    assert "±" in res.table()


def test_results_csv(result):
    res, out = result
    rows = list(csv.DictReader(io.StringIO((out / "results.csv").read_text())))
    assert len(rows) == 12 and rows[0]["rank"] == "1"
    assert {"loss", "optimizer", "lr", "final_loss_mean", "final_loss_std", "r2_mean", "time_mean"} <= set(rows[0])
    assert float(rows[0]["r2_mean"]) == pytest.approx(res.configs[0]["r2_mean"], rel=1e-5)


def test_html_is_self_contained_with_each_plot(result):
    pytest.importorskip("matplotlib")
    import matplotlib.image as mpimg
    res, out = result
    html = (out / "index.html").read_text()
    p = Imgs()
    p.feed(html)
    assert not p.links
    alts = sorted(i["alt"] for i in p.imgs)
    assert alts == ["final_vs_lr.png", "loss_curves.png"]
    for img in p.imgs:
        assert img["src"].startswith("data:image/png;base64,")
        png = base64.b64decode(img["src"].split(",", 1)[1])
        assert png == (out / img["alt"]).read_bytes()
        pixels = mpimg.imread(io.BytesIO(png), format="png")
        assert pixels.shape[0] > 200 and pixels.shape[1] > 300 and pixels.std() > 0.01
    assert "Ranking" in html and "mse" in html


def test_classification_with_minibatches(tmp_path):
    res = compare(datasets.blobs(), "2-8-3", losses=("cross_entropy",), optimizers=("Adam",), lrs=(0.01, 0.1),
                  seeds=[3], epochs=5, batch_size=32, out=tmp_path, progress=False)
    assert res.rank_by == "accuracy" and res.configs[0]["accuracy_mean"] > 0.8
    assert res.runs[0]["seed"] == 3


def test_same_seed_same_numbers():
    a = compare(datasets.line(), "1-1", optimizers=("SGD",), lrs=(0.01,), seeds=1, epochs=5, progress=False)
    b = compare(datasets.line(), "1-1", optimizers=("SGD",), lrs=(0.01,), seeds=1, epochs=5, progress=False)
    assert a.runs[0]["curve"] == b.runs[0]["curve"]


def test_unknown_names():
    from gradkit.lab._build import UserError
    with pytest.raises(UserError, match="unknown optimizer 'adamz'"):
        compare(datasets.line(), "1-1", optimizers=("adamz",), progress=False)
    with pytest.raises(UserError, match="unknown loss"):
        compare(datasets.line(), "1-1", losses=("msee",), progress=False)
    with pytest.raises(UserError, match="bad model spec"):
        compare(datasets.line(), "1-x", progress=False)
