"""gradkit.datasets: shapes, dtypes, determinism, standardisation, the notes' line."""
import numpy as np
import pytest

import gradkit
from gradkit import datasets


@pytest.mark.parametrize("name", ["line", "moons", "spirals", "blobs"])
def test_builtin_sets(name):
    d = datasets.load(name)
    x, y, xv, yv = d
    assert x.dtype == gradkit.float32 and x.shape[0] == y.shape[0] and xv.shape[0] == yv.shape[0]
    assert xv.shape[0] == round((x.shape[0] + xv.shape[0]) * 0.2)
    if d.task == "classification":
        assert y.dtype == gradkit.int64 and set(np.unique(y.numpy())) == set(range(d.num_classes))
    else:
        assert y.dtype == gradkit.float32 and y.shape[1] == 1
    again = datasets.load(name)
    assert again.x_train.equal(x)
    other = datasets.load(name, seed=1)
    assert not (other.x_train.shape == x.shape and other.x_train.equal(x))


def test_line_is_the_notes_problem():
    d = datasets.line(val_fraction=0.0)
    x, y = d.x_train.numpy(), d.y_train.numpy()
    assert x.min() == 0 and x.max() == 10 and x.shape == (100, 1)
    slope, icpt = np.polyfit(x[:, 0], y[:, 0], 1)
    assert abs(slope - 3) < 0.1 and abs(icpt - 2) < 0.3
    assert 0.3 < np.std(y - (3 * x + 2)) < 0.7


def test_standardize_uses_training_statistics():
    d = datasets.line(standardize=True)
    x = d.x_train.numpy()
    np.testing.assert_allclose(x.mean(0), 0, atol=1e-5)
    np.testing.assert_allclose(x.std(0), 1, atol=1e-5)
    raw = datasets.line()
    np.testing.assert_allclose(d.x_val.numpy(), (raw.x_val.numpy() - d.mean.numpy()) / d.std.numpy(), rtol=1e-5)


@pytest.mark.parametrize("name,n,f,k", [("digits", 1797, 64, 10), ("iris", 150, 4, 3), ("wine", 178, 13, 3),
                                        ("breast_cancer", 569, 30, 2), ("diabetes", 442, 10, 0)])
def test_sklearn_sets(name, n, f, k):
    pytest.importorskip("sklearn")
    d = datasets.load(name)
    assert d.x_train.shape[0] + d.x_val.shape[0] == n and d.in_features == f and d.num_classes == k
    np.testing.assert_allclose(d.x_train.numpy().mean(0), 0, atol=1e-4)


def test_unknown_name():
    with pytest.raises(ValueError, match="unknown dataset 'mnist'"):
        datasets.load("mnist")
    with pytest.raises(ValueError, match="val_fraction"):
        datasets.line(val_fraction=1.5)
