"""Plots (matplotlib, Agg, imported only when plotting) and self-contained HTML reports with embedded PNGs."""
from __future__ import annotations

import base64
import html
import io
import math
from collections.abc import Sequence
from typing import Any

__all__ = ["have_matplotlib", "plot_history", "plot_lr_find", "plot_loss_curves", "plot_final_vs_lr",
           "figure_png", "html_page", "NO_MPL"]

NO_MPL = "matplotlib is not installed: plots skipped (pip install 'gradkit[lab]')"


def have_matplotlib() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def _figure(w: float = 6.4, h: float = 4.0, ncols: int = 1):
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as e:
        raise ImportError(NO_MPL) from e
    fig = Figure(figsize=(w * ncols if ncols > 1 else w, h), dpi=100)
    FigureCanvasAgg(fig)
    return fig


def figure_png(fig) -> bytes:
    """The figure rendered as PNG bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    return buf.getvalue()


def _save(fig, path: str | None) -> None:
    if path is not None:
        from ._io import write_bytes
        write_bytes(path, figure_png(fig))


def _positive(vals: Sequence[float]) -> bool:
    return all(v > 0 for v in vals if math.isfinite(v))


def plot_history(history: Any, path: str | None = None, keys: Sequence[str] | None = None, log: bool | None = None):
    """Loss (train and validation) per epoch and one panel per metric."""
    keys = list(keys) if keys else [k for k in history.keys() if k not in ("epoch", "lr", "time")
                                    and not k.startswith("val_") and not k.startswith("lr_")]
    fig = _figure(4.5, 3.4, ncols=len(keys))
    ep = history["epoch"]
    for i, k in enumerate(keys):
        ax = fig.add_subplot(1, len(keys), i + 1)
        ax.plot(ep, history[k], label=f"train {k}")
        if f"val_{k}" in history.keys():
            ax.plot(ep, history[f"val_{k}"], label=f"val {k}")
        if (log if log is not None else k == "loss") and _positive(history[k]):
            ax.set_yscale("log")
        ax.set_xlabel("epoch")
        ax.set_title(k)
        ax.legend()
        ax.grid(alpha=0.3)
    _save(fig, path)
    return fig


def plot_lr_find(res: Any, path: str | None = None):
    """Smoothed loss against learning rate with the suggestion marked."""
    fig = _figure()
    ax = fig.add_subplot(1, 1, 1)
    ax.plot(res.lrs, res.losses, alpha=0.3, label="loss")
    fin = [(a, b) for a, b in zip(res.lrs, res.smoothed) if math.isfinite(b)]
    if fin:
        ax.plot([a for a, _ in fin], [b for _, b in fin], label="smoothed")
    ax.axvline(res.suggestion, color="C2", ls="--", label=f"suggestion {res.suggestion:.2g}")
    ax.axvline(res.min_lr, color="C3", ls=":", label=f"minimum {res.min_lr:.2g}")
    ax.set_xscale("log")
    vals = [b for _, b in fin]
    if vals and _positive(vals) and max(vals) / max(min(vals), 1e-30) > 20:
        ax.set_yscale("log")
    if vals:
        lo, hi = min(vals), max(vals)
        ax.set_ylim(lo - 0.05 * abs(lo), min(hi, vals[0] * 4 if vals[0] > 0 else hi) * 1.05 + 1e-12)
    ax.set_xlabel("learning rate")
    ax.set_ylabel("loss")
    ax.set_title("learning-rate range test")
    ax.legend()
    ax.grid(alpha=0.3, which="both")
    _save(fig, path)
    return fig


def _lr_colors(lrs: Sequence[float]) -> dict[float, Any]:
    from matplotlib import colormaps
    cmap = colormaps["viridis"]
    lrs = sorted(set(lrs))
    return {lr: cmap(i / max(len(lrs) - 1, 1) * 0.9) for i, lr in enumerate(lrs)}


def plot_loss_curves(result: Any, path: str | None = None, key: str = "loss"):
    """One panel per optimizer; mean training-loss curve per (loss, lr), coloured by lr, log scale."""
    opts = list(dict.fromkeys(c["optimizer"] for c in result.configs))
    losses = list(dict.fromkeys(c["loss"] for c in result.configs))
    colors = _lr_colors([c["lr"] for c in result.configs])
    styles = ["-", "--", ":", "-."]
    fig = _figure(4.6, 3.6, ncols=len(opts))
    for i, o in enumerate(opts):
        ax = fig.add_subplot(1, len(opts), i + 1)
        allpos = True
        for c in result.configs:
            if c["optimizer"] != o:
                continue
            curve = c["curve"]
            allpos &= _positive(curve)
            ax.plot(range(1, len(curve) + 1), curve, color=colors[c["lr"]], ls=styles[losses.index(c["loss"]) % 4],
                    label=f"{c['loss']} lr={c['lr']:g}")
        if allpos:
            ax.set_yscale("log")
        ax.set_title(o)
        ax.set_xlabel("epoch")
        ax.set_ylabel(f"train {key} (mean over seeds)")
        ax.grid(alpha=0.3, which="both")
        ax.legend(fontsize=7)
    _save(fig, path)
    return fig


def plot_final_vs_lr(result: Any, path: str | None = None):
    """Final training loss against learning rate, one line per (optimizer, loss): too small / too large."""
    fig = _figure()
    ax = fig.add_subplot(1, 1, 1)
    groups: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    for c in result.configs:
        groups.setdefault((c["optimizer"], c["loss"]), []).append((c["lr"], c["final_loss_mean"],
                                                                    c["final_loss_std"]))
    allpos = True
    for (o, l), pts in groups.items():
        pts.sort()
        xs = [p[0] for p in pts]
        ys = [p[1] if math.isfinite(p[1]) else math.nan for p in pts]
        allpos &= _positive(ys)
        ax.errorbar(xs, ys, yerr=[p[2] if math.isfinite(p[2]) else 0 for p in pts], marker="o", capsize=3,
                    label=f"{o} / {l}")
        for x, y in zip(xs, ys):
            if not math.isfinite(y):
                ax.annotate("diverged", (x, 0.5), xycoords=("data", "axes fraction"), color="red", fontsize=7)
    ax.set_xscale("log")
    if allpos:
        ax.set_yscale("log")
    ax.set_xlabel("learning rate")
    ax.set_ylabel("final training loss")
    ax.set_title("final loss vs learning rate (left: too small, right: too large)")
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=8)
    _save(fig, path)
    return fig


_CSS = """body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 7px;text-align:right}
th{background:#f2f2f2}pre{background:#f7f7f7;padding:.8em;overflow-x:auto;font-size:12px}
img{max-width:100%;border:1px solid #eee}h2{border-bottom:1px solid #ddd}.note{color:#666}"""


def html_page(title: str, sections: Sequence[tuple[str, str]]) -> str:
    """A self-contained HTML document from ``(heading, html_body)`` sections."""
    body = "\n".join(f"<section><h2>{html.escape(h)}</h2>\n{b}\n</section>" for h, b in sections)
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<style>{_CSS}</style></head><body><h1>{html.escape(title)}</h1>\n{body}\n</body></html>\n")


def img_tag(png: bytes, alt: str) -> str:
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode()}">'


def pre(text: str) -> str:
    return f"<pre>{html.escape(text)}</pre>"


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    if not rows:
        return "<p class=note>(no rows)</p>"
    cols = list(columns or rows[0].keys())
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = []
    for r in rows:
        cells = []
        for c in cols:
            v = r.get(c, "")
            cells.append(f"<td>{html.escape(f'{v:.4g}' if isinstance(v, float) else str(v))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"
