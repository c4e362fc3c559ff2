"""The ``gradkit`` command through subprocess: help, doctor, lr-find, compare, demo, and one-line errors."""
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EX = ROOT / "gradkit" / "lab" / "examples"


def gk(*args, timeout=120, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT), MPLBACKEND="Agg")
    return subprocess.run([sys.executable, "-m", "gradkit", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=cwd)


def one_line_error(r, code=2):
    assert r.returncode == code, (r.returncode, r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr
    return lines[0]


def main_inproc(capsys, *args):
    from gradkit.cli import main
    try:
        code = main([str(a) for a in args])
    except SystemExit as e:
        code = e.code
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("cmd", [["demo"], ["doctor"], ["lr-find"], ["compare"]])
def test_help(capsys, cmd):
    code, out, _ = main_inproc(capsys, *cmd, "--help")
    assert code == 0 and f"usage: gradkit {cmd[0]}" in out


def test_no_command_prints_help():
    r = gk("--help")
    assert r.returncode == 0 and "usage: gradkit" in r.stdout and "doctor" in r.stdout
    r = gk()
    assert r.returncode == 2 and "COMMAND" in r.stdout


def test_doctor_on_example1_text_and_json():
    r = gk("doctor", EX / "example1_linear_adam.py")
    assert r.returncode == 0, r.stderr
    assert "epoch : 100, loss" in r.stdout
    assert "Learning rate too small" in r.stdout and "verified: with lr=" in r.stdout
    r = gk("doctor", "--json", EX / "example1_linear_adam.py")
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert data["findings"][0]["code"] == "lr_too_small"
    assert "epoch : 100, loss" in r.stderr


def test_doctor_passes_script_arguments(tmp_path):
    p = tmp_path / "args.py"
    p.write_text("import sys, torch\nprint('argv', sys.argv[1:], torch.zeros(2).shape)\n")
    r = gk("doctor", p, "--lr", "3")
    assert r.returncode == 0, r.stderr
    assert "argv ['--lr', '3'] torch.Size([2])" in r.stdout


def test_doctor_errors_are_one_line(tmp_path, capsys):
    code, _, err = main_inproc(capsys, "doctor", tmp_path / "missing.py")
    assert code == 2 and "no such script" in err and len(err.strip().splitlines()) == 1
    p = tmp_path / "crash.py"
    p.write_text(textwrap.dedent("""
        import torch
        import torch.nn as nn
        model = nn.Linear(2, 1)
        model(torch.zeros(3, 5))
    """))
    line = one_line_error(gk("doctor", p), code=1)
    assert "crash.py crashed" in line and "line 5" in line


def test_lr_find_command(tmp_path):
    r = gk("lr-find", "--data", "line", "--model", "1-1", "--loss", "mse", "--optim", "sgd", "--out", tmp_path)
    assert r.returncode == 0, r.stderr
    assert "suggested learning rate:" in r.stdout
    assert (tmp_path / "lr_find.png").read_bytes()[:4] == b"\x89PNG"


def test_compare_command(tmp_path):
    r = gk("compare", "--data", "moons", "--model", "2-8-2", "--loss", "cross_entropy", "--optim", "SGD,adam",
           "--lr", "0.01,0.1", "--seeds", "1", "--epochs", "5", "--batch-size", "64", "--out", tmp_path)
    assert r.returncode == 0, r.stderr
    assert "ranked by validation accuracy" in r.stdout and "±" in r.stdout
    for f in ("index.html", "results.csv", "loss_curves.png", "final_vs_lr.png"):
        assert (tmp_path / f).exists()
    assert len((tmp_path / "results.csv").read_text().splitlines()) == 5


@pytest.mark.parametrize("args,msg", [
    (["--data", "nope", "--model", "1-1", "--optim", "sgd"], "unknown dataset 'nope'"),
    (["--data", "line", "--model", "1-1", "--optim", "sgdd"], "unknown optimizer 'sgdd'"),
    (["--data", "line", "--model", "1-1", "--loss", "msee", "--optim", "sgd"], "unknown loss 'msee'"),
    (["--data", "line", "--model", "3-1", "--optim", "sgd"], "takes 3 inputs"),
    (["--data", "line", "--model", "1-a", "--optim", "sgd"], "bad model spec"),
])
def test_lr_find_user_errors(capsys, args, msg):
    code, _, err = main_inproc(capsys, "lr-find", *args)
    assert code == 2 and msg in err and len(err.strip().splitlines()) == 1


def test_user_error_through_subprocess(tmp_path):
    line = one_line_error(gk("compare", "--data", "line", "--model", "1-1", "--optim", "sgd", "--lr", "fast",
                             "--out", tmp_path))
    assert line.startswith("gradkit compare: error: bad learning-rate list")


def test_demo(tmp_path):
    r = gk("demo", "--quick", "--out", tmp_path / "demo", timeout=170)
    assert r.returncode == 0, r.stderr[-2000:]
    out = r.stdout
    assert "epoch : 2, loss" in out and "epoch : 100, loss" in out
    assert "Learning rate too small" in out and "Dead ReLUs" in out
    assert "== Summary" in out
    html = (tmp_path / "demo" / "index.html").read_text()
    assert html.count("data:image/png;base64,") >= 2
    assert (tmp_path / "demo" / "line" / "results.csv").exists()
