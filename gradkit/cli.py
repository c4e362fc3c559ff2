"""The ``gradkit`` command: ``demo``, ``doctor SCRIPT``, ``lr-find`` and ``compare``."""
from __future__ import annotations

import argparse
import os
import sys

from collections.abc import Sequence

__all__ = ["main"]


class CLIError(Exception):
    """A user mistake: printed as one line, exit status 2."""


def _split(s: str) -> list[str]:
    return [p.strip() for p in s.split(",") if p.strip()]


def _floats(s: str) -> list[float]:
    try:
        return [float(p) for p in _split(s)]
    except ValueError:
        raise CLIError(f"bad learning-rate list {s!r}: expected numbers joined by ',' (e.g. 1e-3,1e-2)") from None


def _data(name: str):
    from gradkit import datasets
    try:
        return datasets.load(name)
    except ImportError as e:
        raise CLIError(str(e)) from None
    except ValueError as e:
        raise CLIError(str(e)) from None


def _check_spec(spec: str, split) -> None:
    from gradkit.lab._build import UserError
    try:
        sizes = [int(s) for s in spec.split("-")]
    except ValueError:
        raise UserError(f"bad model spec {spec!r}: expected layer sizes joined by '-', e.g. 64-128-10") from None
    if sizes[0] != split.in_features:
        raise UserError(f"model spec {spec!r} takes {sizes[0]} inputs but {split.name} has {split.in_features} "
                        "features")
    if sizes[-1] != split.out_features and not (split.num_classes == 2 and sizes[-1] == 1):
        raise UserError(f"model spec {spec!r} has {sizes[-1]} outputs but {split.name} needs "
                        f"{split.out_features}")


def _abbrev(text: str, head: int = 4, tail: int = 7) -> str:
    lines = text.rstrip("\n").splitlines()
    if len(lines) <= head + tail + 1:
        return "\n".join(lines)
    return "\n".join([*lines[:head], f"    ... ({len(lines) - head - tail} more lines) ...", *lines[-tail:]])


def _indent(text: str, pad: str = "    ") -> str:
    return "\n".join(pad + line for line in text.splitlines())


# -- commands -------------------------------------------------------------------------------------------
def cmd_doctor(args: argparse.Namespace) -> int:
    from gradkit.lab.doctor import diagnose

    if not os.path.isfile(args.script):
        raise CLIError(f"no such script: {args.script}")
    diag = diagnose(args.script, args.args, verify=not args.no_verify, time_budget=args.budget,
                    stdout=sys.stderr if args.json else None)
    if diag.error is not None:
        print(f"gradkit doctor: {os.path.basename(args.script)} crashed: {diag.error}", file=sys.stderr)
        if args.json:
            print(diag.to_json())
        return 1
    print(diag.to_json() if args.json else diag.format())
    return 0


def cmd_lr_find(args: argparse.Namespace) -> int:
    import gradkit
    from gradkit.lab import lr_find
    from gradkit.lab._build import build_model, get_loss, get_optimizer

    split = _data(args.data)
    _check_spec(args.model, split)
    loss = get_loss(args.loss or split.default_loss)
    ocls = get_optimizer(args.optim)
    gradkit.manual_seed(args.seed)
    model = build_model(args.model)
    opt = ocls(model.parameters(), lr=1e-3)
    res = lr_find(model, loss, opt, (split.x_train, split.y_train), start_lr=args.start_lr, end_lr=args.end_lr,
                  num_iter=args.num_iter, batch_size=args.batch_size)
    print(f"suggested learning rate: {res.suggestion:.3g}  (steepest descent at {res.steep_lr:.3g}, "
          f"minimum of the smoothed loss at {res.min_lr:.3g}"
          + (f", diverged at {res.diverged_at:.3g})" if res.diverged_at else ")"))
    if args.out:
        from gradkit.lab import report
        if report.have_matplotlib():
            path = os.path.join(args.out, "lr_find.png")
            res.plot(path)
            print(f"plot: {path}")
        else:
            print(report.NO_MPL, file=sys.stderr)
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from gradkit.lab import compare

    split = _data(args.data)
    _check_spec(args.model, split)
    res = compare(split, args.model, losses=_split(args.loss or split.default_loss), optimizers=_split(args.optim),
                  lrs=_floats(args.lr), seeds=args.seeds, epochs=args.epochs, batch_size=args.batch_size,
                  out=args.out, metric=args.metric)
    print(f"{split.name}: {len(res.runs)} runs, ranked by validation {res.rank_by}")
    print(res.table())
    for n in res.notes:
        print(f"note: {n}", file=sys.stderr)
    print(f"report: {res.files.get('index.html')}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from gradkit.lab.demo import run_demo
    return run_demo(args.out, quick=args.quick, verify=not args.no_verify)


# -- parser ---------------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="gradkit", description="gradkit: PyTorch's API on NumPy, and a training lab "
                                "that explains why a run does not learn.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    d = sub.add_parser("demo", help="run the notes' programs, diagnose them and compare settings",
                       description="Runs the notes' three programs on gradkit, the doctor on each, and a comparison "
                       "of losses, optimizers and learning rates on the notes' problem and on digits; prints a "
                       "summary and writes DIR/index.html.")
    d.add_argument("--out", default="gradkit-demo", metavar="DIR", help="report folder (default: gradkit-demo)")
    d.add_argument("--quick", action="store_true", help="smaller comparison grid")
    d.add_argument("--no-verify", action="store_true", help="do not re-run training to verify fixes")
    d.set_defaults(func=cmd_demo)

    dr = sub.add_parser("doctor", help="diagnose an unmodified PyTorch training script",
                        description="Runs SCRIPT with `torch` answered by gradkit, watches the training and prints "
                        "findings with evidence, causes and fixes (verified by re-running where cheap).")
    dr.add_argument("script", metavar="SCRIPT")
    dr.add_argument("args", nargs=argparse.REMAINDER, metavar="ARGS", help="arguments passed to the script")
    dr.add_argument("--json", action="store_true", help="print the diagnosis as JSON (the script's output goes "
                    "to stderr)")
    dr.add_argument("--no-verify", action="store_true", help="do not re-run the training to verify fixes")
    dr.add_argument("--budget", type=float, default=60.0, metavar="SECONDS",
                    help="time allowed for verification re-runs (default 60)")
    dr.set_defaults(func=cmd_doctor)

    lf = sub.add_parser("lr-find", help="learning-rate range test", description="Runs an exponential "
                        "learning-rate range test, prints the suggested rate and writes DIR/lr_find.png.")
    lf.add_argument("--data", required=True, metavar="NAME", help="dataset (line, moons, spirals, blobs, digits, "
                    "iris, wine, breast_cancer, diabetes)")
    lf.add_argument("--model", required=True, metavar="SPEC", help="layer sizes joined by '-', e.g. 64-128-10")
    lf.add_argument("--loss", metavar="NAME", help="loss name (mse, l1, cross_entropy, ...)")
    lf.add_argument("--optim", required=True, metavar="NAME", help="gradkit.optim class, e.g. adam")
    lf.add_argument("--out", metavar="DIR")
    lf.add_argument("--seed", type=int, default=0)
    lf.add_argument("--start-lr", type=float, default=1e-7)
    lf.add_argument("--end-lr", type=float, default=10.0)
    lf.add_argument("--num-iter", type=int, default=100)
    lf.add_argument("--batch-size", type=int, default=None)
    lf.set_defaults(func=cmd_lr_find)

    c = sub.add_parser("compare", help="compare losses x optimizers x learning rates x seeds",
                       description="Trains every combination, prints the ranking and writes DIR/index.html, "
                       "DIR/*.png and DIR/results.csv.")
    c.add_argument("--data", required=True, metavar="NAME")
    c.add_argument("--model", required=True, metavar="SPEC")
    c.add_argument("--loss", metavar="L1,L2")
    c.add_argument("--optim", required=True, metavar="O1,O2")
    c.add_argument("--lr", required=True, metavar="R1,R2")
    c.add_argument("--seeds", type=int, default=2)
    c.add_argument("--epochs", type=int, default=50)
    c.add_argument("--batch-size", type=int, default=None)
    c.add_argument("--metric", default=None)
    c.add_argument("--out", required=True, metavar="DIR")
    c.set_defaults(func=cmd_compare)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``gradkit`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    from gradkit.lab._build import UserError
    try:
        return int(args.func(args) or 0)
    except (CLIError, UserError, FileNotFoundError) as e:
        print(f"gradkit {args.command}: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("gradkit: interrupted", file=sys.stderr)
        return 130


