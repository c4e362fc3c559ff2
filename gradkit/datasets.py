"""Small datasets for experiments: the notes' line, toy 2-D sets, and scikit-learn's bundled sets (offline).

Every loader returns a :class:`DataSplit` of gradkit tensors (train and validation), optionally with the
inputs standardised using the training split's mean and standard deviation."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["DataSplit", "line", "moons", "spirals", "blobs", "digits", "iris", "wine", "breast_cancer",
           "diabetes", "load", "available", "SKLEARN_SETS"]

SKLEARN_SETS = ("digits", "iris", "wine", "breast_cancer", "diabetes")


@dataclass
class DataSplit:
    """Train/validation tensors plus what kind of problem they pose.

    Unpacks as ``x_train, y_train, x_val, y_val``."""

    name: str
    x_train: Any
    y_train: Any
    x_val: Any
    y_val: Any
    task: str
    num_classes: int = 0
    mean: Any = None
    std: Any = None
    info: dict = field(default_factory=dict)

    def __iter__(self):
        return iter((self.x_train, self.y_train, self.x_val, self.y_val))

    @property
    def in_features(self) -> int:
        return int(self.x_train.shape[1])

    @property
    def out_features(self) -> int:
        return self.num_classes if self.task == "classification" else int(self.y_train.shape[1])

    @property
    def default_loss(self) -> str:
        return "cross_entropy" if self.task == "classification" else "mse"

    def __repr__(self) -> str:
        return (f"DataSplit({self.name!r}, task={self.task!r}, train={tuple(self.x_train.shape)}, "
                f"val={tuple(self.x_val.shape)}" + (f", classes={self.num_classes}" if self.num_classes else "")
                + ")")


def _finish(name: str, x: np.ndarray, y: np.ndarray, task: str, *, val_fraction: float, standardize: bool,
            seed: int, num_classes: int = 0, shuffle: bool = True) -> DataSplit:
    from gradkit._tensor import _wrap

    if not 0.0 <= val_fraction < 1.0:
        raise ValueError(f"val_fraction must be in [0, 1), got {val_fraction}")
    n = x.shape[0]
    order = np.random.default_rng(seed + 7919).permutation(n) if shuffle else np.arange(n)
    n_val = int(round(n * val_fraction))
    tr, va = order[n_val:], order[:n_val]
    x = x.astype(np.float32)
    y = y.astype(np.int64) if task == "classification" else y.astype(np.float32).reshape(n, -1)
    mean = std = None
    if standardize:
        mean = x[tr].mean(axis=0)
        std = x[tr].std(axis=0)
        std = np.where(std > 0, std, 1.0).astype(np.float32)
        x = ((x - mean) / std).astype(np.float32)
    return DataSplit(name, _wrap(np.ascontiguousarray(x[tr])), _wrap(np.ascontiguousarray(y[tr])),
                     _wrap(np.ascontiguousarray(x[va])), _wrap(np.ascontiguousarray(y[va])), task, num_classes,
                     None if mean is None else _wrap(mean.astype(np.float32)),
                     None if std is None else _wrap(std))


def line(n: int = 100, *, noise: float = 0.5, val_fraction: float = 0.2, standardize: bool = False,
         seed: int = 0) -> DataSplit:
    """The notes' problem: ``y = 3x + 2 + noise`` with ``x`` evenly spaced in [0, 10]."""
    rng = np.random.default_rng(seed)
    x = np.linspace(0.0, 10.0, n, dtype=np.float32)[:, None]
    y = 3.0 * x + 2.0 + rng.standard_normal((n, 1)).astype(np.float32) * noise
    return _finish("line", x, y, "regression", val_fraction=val_fraction, standardize=standardize, seed=seed)


def moons(n: int = 400, *, noise: float = 0.15, val_fraction: float = 0.2, standardize: bool = False,
          seed: int = 0) -> DataSplit:
    """Two interleaving half circles (binary classification in 2-D)."""
    rng = np.random.default_rng(seed)
    n0 = n // 2
    n1 = n - n0
    t0 = np.linspace(0, math.pi, n0)
    t1 = np.linspace(0, math.pi, n1)
    x = np.concatenate([np.stack([np.cos(t0), np.sin(t0)], 1), np.stack([1 - np.cos(t1), 0.5 - np.sin(t1)], 1)])
    x = x + rng.standard_normal(x.shape) * noise
    y = np.concatenate([np.zeros(n0), np.ones(n1)])
    return _finish("moons", x, y, "classification", val_fraction=val_fraction, standardize=standardize,
                   seed=seed, num_classes=2)


def spirals(n: int = 600, *, classes: int = 3, noise: float = 0.2, val_fraction: float = 0.2,
            standardize: bool = False, seed: int = 0) -> DataSplit:
    """``classes`` interleaved spiral arms in 2-D."""
    rng = np.random.default_rng(seed)
    per = n // classes
    xs, ys = [], []
    for c in range(classes):
        r = np.linspace(0.0, 1.0, per)
        t = np.linspace(0.0, 4.0, per) + c * 2 * math.pi / classes
        t = t + rng.standard_normal(per) * noise
        xs.append(np.stack([r * np.sin(t), r * np.cos(t)], 1))
        ys.append(np.full(per, c))
    return _finish("spirals", np.concatenate(xs), np.concatenate(ys), "classification", val_fraction=val_fraction,
                   standardize=standardize, seed=seed, num_classes=classes)


def blobs(n: int = 300, *, centers: int = 3, features: int = 2, spread: float = 1.0, val_fraction: float = 0.2,
          standardize: bool = False, seed: int = 0) -> DataSplit:
    """Gaussian clusters, one class per centre."""
    rng = np.random.default_rng(seed)
    c = rng.uniform(-6, 6, size=(centers, features))
    y = np.arange(n) % centers
    x = c[y] + rng.standard_normal((n, features)) * spread
    return _finish("blobs", x, y, "classification", val_fraction=val_fraction, standardize=standardize,
                   seed=seed, num_classes=centers)


def _sklearn(name: str):
    try:
        from sklearn import datasets as skd
    except ImportError as e:
        raise ImportError(f"dataset {name!r} needs scikit-learn (pip install 'gradkit[lab]')") from e
    return getattr(skd, f"load_{name}")()


def _sk_split(name: str, task: str, val_fraction: float, standardize: bool, seed: int) -> DataSplit:
    b = _sklearn(name)
    x = np.asarray(b.data, dtype=np.float64)
    y = np.asarray(b.target)
    k = int(y.max()) + 1 if task == "classification" else 0
    return _finish(name, x, y, task, val_fraction=val_fraction, standardize=standardize, seed=seed, num_classes=k)


def digits(*, val_fraction: float = 0.2, standardize: bool = True, seed: int = 0) -> DataSplit:
    """scikit-learn's 8x8 handwritten digits (1797 images, 64 features, 10 classes)."""
    return _sk_split("digits", "classification", val_fraction, standardize, seed)


def iris(*, val_fraction: float = 0.2, standardize: bool = True, seed: int = 0) -> DataSplit:
    """scikit-learn's iris flowers (150 samples, 4 features, 3 classes)."""
    return _sk_split("iris", "classification", val_fraction, standardize, seed)


def wine(*, val_fraction: float = 0.2, standardize: bool = True, seed: int = 0) -> DataSplit:
    """scikit-learn's wine recognition set (178 samples, 13 features, 3 classes)."""
    return _sk_split("wine", "classification", val_fraction, standardize, seed)


def breast_cancer(*, val_fraction: float = 0.2, standardize: bool = True, seed: int = 0) -> DataSplit:
    """scikit-learn's breast cancer set (569 samples, 30 features, 2 classes)."""
    return _sk_split("breast_cancer", "classification", val_fraction, standardize, seed)


def diabetes(*, val_fraction: float = 0.2, standardize: bool = True, seed: int = 0) -> DataSplit:
    """scikit-learn's diabetes progression regression set (442 samples, 10 features)."""
    return _sk_split("diabetes", "regression", val_fraction, standardize, seed)


_LOADERS = {"line": line, "moons": moons, "spirals": spirals, "blobs": blobs, "digits": digits, "iris": iris,
            "wine": wine, "breast_cancer": breast_cancer, "diabetes": diabetes}


def available() -> list[str]:
    """Names :func:`load` accepts (scikit-learn's sets only when it is installed)."""
    try:
        import sklearn  # noqa: F401
        have = True
    except ImportError:
        have = False
    return [k for k in _LOADERS if have or k not in SKLEARN_SETS]


def load(name: str, **kwargs: Any) -> DataSplit:
    """Loads a dataset by name (``line``, ``moons``, ``spirals``, ``blobs``, ``digits``, ``iris``, ...)."""
    key = name.lower().replace("-", "_")
    if key not in _LOADERS:
        raise ValueError(f"unknown dataset {name!r}; choose from {', '.join(_LOADERS)}")
    return _LOADERS[key](**kwargs)
