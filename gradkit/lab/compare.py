"""``compare``: a grid of loss × optimizer × learning rate × seed, ranked, with plots, HTML and CSV."""
from __future__ import annotations

import csv
import io
import math
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ._build import build_model, get_loss, get_optimizer
from .fit import fit

__all__ = ["compare", "CompareResult"]


@dataclass
class CompareResult:
    """Per-run records (``runs``), per-configuration aggregates (``configs``, ranked) and written files."""

    runs: list[dict[str, Any]]
    configs: list[dict[str, Any]]
    rank_by: str
    dataset: str
    files: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def table(self, top: int | None = None) -> str:
        """The ranking as aligned text."""
        met = self.rank_by
        lines = [f"{'#':>2}  {'loss':<15} {'optimizer':<9} {'lr':>8}  {'final loss':>21}  {'best loss':>10}  "
                 f"{met:>17}  {'s/run':>6}"]
        for i, c in enumerate(self.configs[:top] if top else self.configs, 1):
            fl = f"{c['final_loss_mean']:.4g} ± {c['final_loss_std']:.2g}"
            m = c.get(f"{met}_mean", math.nan)
            ms = f"{m:.4g} ± {c.get(f'{met}_std', math.nan):.2g}"
            lines.append(f"{i:>2}  {c['loss']:<15} {c['optimizer']:<9} {c['lr']:>8g}  {fl:>21}  "
                         f"{c['best_loss_mean']:>10.4g}  {ms:>17}  {c['time_mean']:>6.2f}")
        return "\n".join(lines)

    def best(self) -> dict[str, Any]:
        return self.configs[0]

    def to_csv(self) -> str:
        cols = [k for k in self.configs[0] if k != "curve"] if self.configs else []
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=["rank", *cols], lineterminator="\n")
        w.writeheader()
        for i, c in enumerate(self.configs, 1):
            w.writerow({"rank": i, **{k: (f"{v:.6g}" if isinstance(v, float) else v) for k, v in c.items()
                                      if k != "curve"}})
        return buf.getvalue()


def _mean_std(vals: list[float]) -> tuple[float, float]:
    a = np.asarray(vals, dtype=np.float64)
    if not np.all(np.isfinite(a)):
        return math.nan, math.nan
    return float(a.mean()), float(a.std())


def _grid_bar(total: int, progress: Any):
    if not progress:
        return None
    stream = sys.stderr if progress is True else progress
    if getattr(stream, "isatty", lambda: False)():
        from tqdm.auto import tqdm
        return tqdm(total=total, file=stream, unit="run", dynamic_ncols=True)
    return None


def compare(data: Any, model: str | Callable[[], Any], *, losses: Sequence[str] = ("mse",),
            optimizers: Sequence[str] = ("SGD", "Adam"), lrs: Sequence[float] = (1e-3, 1e-2, 1e-1),
            seeds: int | Sequence[int] = 2, epochs: int = 50, batch_size: int | None = None,
            metric: str | None = None, out: str | os.PathLike | None = None, progress: Any = True,
            title: str | None = None, optimizer_kwargs: dict[str, Any] | None = None) -> CompareResult:
    """Trains ``model`` (a layer-size spec like ``"64-32-10"`` or a factory) on ``data`` (a dataset name or a
    :class:`gradkit.datasets.DataSplit`) for every loss × optimizer × learning rate, repeating each over
    ``seeds``; ranks configurations by the mean final validation metric (accuracy for classification, R²
    for regression). With ``out`` writes ``results.csv``, ``loss_curves.png``, ``final_vs_lr.png`` and a
    self-contained ``index.html``."""
    import gradkit
    from gradkit import datasets

    split = datasets.load(data) if isinstance(data, str) else data
    seed_list = list(range(seeds)) if isinstance(seeds, int) else list(seeds)
    if not seed_list:
        raise ValueError("need at least one seed")
    metric = metric or ("accuracy" if split.task == "classification" else "r2")
    factory = (lambda: build_model(model)) if isinstance(model, str) else model
    loss_fns = {name: get_loss(name) for name in losses}
    opt_classes = {name: get_optimizer(name) for name in optimizers}
    train = (split.x_train, split.y_train)
    val = (split.x_val, split.y_val) if split.x_val.shape[0] else None
    total = len(losses) * len(optimizers) * len(lrs) * len(seed_list)
    bar = _grid_bar(total, progress)
    runs: list[dict[str, Any]] = []
    for lname, lfn in loss_fns.items():
        for oname, ocls in opt_classes.items():
            for lr in lrs:
                for seed in seed_list:
                    gradkit.manual_seed(seed)
                    m = factory()
                    opt = ocls(m.parameters(), lr=lr, **(optimizer_kwargs or {}).get(oname, {}))
                    t0 = time.perf_counter()
                    with np.errstate(all="ignore"):
                        h = fit(m, lfn, opt, train, epochs=epochs, val=val, batch_size=batch_size,
                                metrics=[metric], progress=False)
                    dt = time.perf_counter() - t0
                    curve = h["loss"]
                    vkey = f"val_{metric}" if val is not None else metric
                    runs.append({"loss": lname, "optimizer": ocls.__name__, "lr": float(lr), "seed": seed,
                                 "final_loss": curve[-1], "best_loss": float(np.nanmin(curve)) if
                                 np.isfinite(curve).any() else math.nan,
                                 "final_val_loss": h["val_loss"][-1] if val is not None else math.nan,
                                 metric: h[vkey][-1], "time": dt, "curve": curve})
                    if bar is not None:
                        bar.set_postfix({"cfg": f"{lname}/{ocls.__name__}/{lr:g}"}, refresh=False)
                        bar.update(1)
    if bar is not None:
        bar.close()
    configs = []
    for lname in losses:
        for oname in optimizers:
            cname = opt_classes[oname].__name__
            for lr in lrs:
                rs = [r for r in runs if r["loss"] == lname and r["optimizer"] == cname and r["lr"] == float(lr)]
                fl, fls = _mean_std([r["final_loss"] for r in rs])
                bl, bls = _mean_std([r["best_loss"] for r in rs])
                vl, vls = _mean_std([r["final_val_loss"] for r in rs])
                mm, ms = _mean_std([r[metric] for r in rs])
                curves = np.asarray([r["curve"] for r in rs], dtype=np.float64)
                with np.errstate(all="ignore"):
                    curve = curves.mean(axis=0).tolist()
                configs.append({"loss": lname, "optimizer": cname, "lr": float(lr), "seeds": len(rs),
                                "final_loss_mean": fl, "final_loss_std": fls, "best_loss_mean": bl,
                                "best_loss_std": bls, "val_loss_mean": vl, "val_loss_std": vls,
                                f"{metric}_mean": mm, f"{metric}_std": ms,
                                "time_mean": float(np.mean([r["time"] for r in rs])),
                                "diverged": int(sum(not math.isfinite(r["final_loss"]) for r in rs)),
                                "curve": curve})

    def key(c):
        m = c[f"{metric}_mean"]
        return (0 if math.isfinite(m) else 1, -m if math.isfinite(m) else 0,
                c["final_loss_mean"] if math.isfinite(c["final_loss_mean"]) else math.inf)

    configs.sort(key=key)
    res = CompareResult(runs, configs, metric, split.name)
    if out is not None:
        _write(res, os.fspath(out), title or f"gradkit compare — {split.name}")
    return res


def _write(res: CompareResult, out: str, title: str) -> None:
    from . import report
    from ._io import write_bytes, write_text

    os.makedirs(out, exist_ok=True)
    csv_path = os.path.join(out, "results.csv")
    write_text(csv_path, res.to_csv())
    res.files["results.csv"] = csv_path
    sections = [("Ranking", report.pre(res.table()) + "<p class=note>mean ± std over seeds; ranked by final "
                 f"validation {html_escape(res.rank_by)}</p>")]
    if report.have_matplotlib():
        for name, fn, caption in (("loss_curves.png", report.plot_loss_curves, "Training loss per epoch"),
                                  ("final_vs_lr.png", report.plot_final_vs_lr, "Final loss against learning rate")):
            fig = fn(res)
            png = report.figure_png(fig)
            path = os.path.join(out, name)
            write_bytes(path, png)
            res.files[name] = path
            sections.append((caption, report.img_tag(png, name)))
    else:
        res.notes.append(report.NO_MPL)
        sections.append(("Plots", f"<p class=note>{html_escape(report.NO_MPL)}</p>"))
    sections.append(("All configurations", report.table([{k: v for k, v in c.items() if k != "curve"}
                                                          for c in res.configs])))
    page = report.html_page(title, sections)
    path = os.path.join(out, "index.html")
    write_text(path, page)
    res.files["index.html"] = path


def html_escape(s: str) -> str:
    import html
    return html.escape(s)
