"""fit / History / callbacks / metrics / progress output."""
import io
import math

import numpy as np
import pytest

import gradkit
import gradkit.nn as nn
from gradkit import datasets
from gradkit.lab import (CSVLogger, EarlyStopping, LRMonitor, ModelCheckpoint, TerminateOnNaN, Callback, fit,
                         evaluate, metrics)


def problem(seed=0):
    gradkit.manual_seed(seed)
    d = datasets.line(standardize=True, seed=seed)
    model = nn.Linear(1, 1)
    return d, model, nn.MSELoss()


def test_fit_full_batch_matches_a_hand_written_loop():
    d, model, crit = problem()
    gradkit.manual_seed(1)
    ref = nn.Linear(1, 1)
    ref.load_state_dict(model.state_dict())
    opt = gradkit.optim.SGD(model.parameters(), lr=0.05)
    h = fit(model, crit, opt, (d.x_train, d.y_train), epochs=20, progress=False)
    ropt = gradkit.optim.SGD(ref.parameters(), lr=0.05)
    losses = []
    for _ in range(20):
        ropt.zero_grad()
        loss = crit(ref(d.x_train), d.y_train)
        loss.backward()
        ropt.step()
        losses.append(loss.item())
    np.testing.assert_allclose(h["loss"], losses, rtol=1e-6)
    assert len(h.steps) == 20 and h.steps[-1]["step"] == 20
    np.testing.assert_allclose(model.weight.detach().numpy(), ref.weight.detach().numpy())


def test_fit_minibatches_val_metrics_and_dataset_inputs():
    d, model, crit = problem()
    opt = gradkit.optim.Adam(model.parameters(), lr=0.5)
    ds = gradkit.utils.data.TensorDataset(d.x_train, d.y_train)
    h = fit(model, crit, opt, ds, epochs=30, batch_size=16, val=(d.x_val, d.y_val), metrics=["mae", "r2"],
            progress=False)
    assert len(h.steps) == 30 * math.ceil(80 / 16)
    assert {"loss", "mae", "r2", "val_loss", "val_mae", "val_r2", "lr"} <= set(h.keys())
    assert h["val_r2"][-1] > 0.99
    ev = evaluate(model, crit, (d.x_val, d.y_val), metrics=["r2"])
    assert ev["r2"] == pytest.approx(h["val_r2"][-1])
    assert h.best()["val_loss"] == min(h["val_loss"])
    assert h.best("val_r2")["val_r2"] == max(h["val_r2"])


def test_dataloader_input_and_scheduler():
    d, model, crit = problem()
    opt = gradkit.optim.SGD(model.parameters(), lr=0.1)
    sched = gradkit.optim.lr_scheduler.StepLR(opt, step_size=5, gamma=0.5)
    dl = gradkit.utils.data.DataLoader(gradkit.utils.data.TensorDataset(d.x_train, d.y_train), batch_size=40)
    h = fit(model, crit, opt, dl, epochs=10, scheduler=sched, progress=False)
    assert h["lr"][:5] == [0.1] * 5 and h["lr"][5:] == [0.05] * 5
    assert len(h.steps) == 20


def test_metrics_against_numpy():
    rng = np.random.default_rng(0)
    out = rng.standard_normal((50, 7)).astype(np.float32)
    tgt = rng.integers(0, 7, 50)
    assert metrics.accuracy(gradkit.tensor(out), gradkit.tensor(tgt)) == np.mean(out.argmax(1) == tgt)
    top3 = np.argsort(-out, axis=1)[:, :3]
    assert metrics.top_k_accuracy(out, tgt, 3) == np.mean((top3 == tgt[:, None]).any(1))
    assert metrics.top_k_accuracy(out, tgt, 7) == 1.0
    y = rng.standard_normal((40, 1))
    p = y + 0.1 * rng.standard_normal((40, 1))
    assert metrics.mae(p, y) == pytest.approx(np.abs(p - y).mean())
    assert metrics.r2(p, y) == pytest.approx(1 - ((y - p) ** 2).sum() / ((y - y.mean()) ** 2).sum())
    assert metrics.r2(np.full_like(y, y.mean()), y) == pytest.approx(0.0, abs=1e-12)
    assert metrics.accuracy(np.array([[2.0], [-1.0], [0.5]]), np.array([1, 0, 0])) == pytest.approx(2 / 3)
    with pytest.raises(ValueError, match="unknown metric"):
        metrics.get_metric("f1")


def test_early_stopping_restores_best_weights():
    d, model, crit = problem()
    opt = gradkit.optim.SGD(model.parameters(), lr=1.2)  # diverges slowly: val loss rises after epoch 1
    seen = {}

    class Spy(Callback):
        def on_epoch_end(self, state, logs):
            seen[state.epoch] = {k: v.clone() for k, v in state.model.state_dict().items()}

    es = EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True)
    h = fit(model, crit, opt, (d.x_train, d.y_train), epochs=50, val=(d.x_val, d.y_val), callbacks=[Spy(), es],
            progress=False)
    assert len(h) < 50 and h.stopped_early and "early stopping" in h.stopped_early
    best = int(h.best()["epoch"])
    assert es.best_epoch == best and len(h) == best + 3
    for k, v in model.state_dict().items():
        assert v.equal(seen[best][k])


def test_early_stopping_min_delta_and_mode_max():
    d, model, crit = problem()
    opt = gradkit.optim.SGD(model.parameters(), lr=0.1)
    es = EarlyStopping(monitor="val_r2", patience=2, min_delta=0.5, mode="max")
    h = fit(model, crit, opt, (d.x_train, d.y_train), epochs=40, val=(d.x_val, d.y_val), metrics=["r2"],
            callbacks=[es], progress=False)
    assert len(h) < 40


@pytest.mark.parametrize("ext", [".pt", ".safetensors"])
def test_model_checkpoint_best_and_last(tmp_path, ext):
    d, model, crit = problem()
    opt = gradkit.optim.SGD(model.parameters(), lr=1.1)
    ck = ModelCheckpoint(tmp_path / f"m{ext}", monitor="val_loss", save="both")
    h = fit(model, crit, opt, (d.x_train, d.y_train), epochs=12, val=(d.x_val, d.y_val), callbacks=[ck],
            progress=False)
    best, last = tmp_path / f"m-best{ext}", tmp_path / f"m-last{ext}"
    assert best.exists() and last.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    if ext == ".pt":
        sd = gradkit.load(str(last))
    else:
        from gradkit.utils.safetensors import load_file
        sd = load_file(str(last))
    for k, v in model.state_dict().items():
        np.testing.assert_array_equal(sd[k].numpy(), v.numpy())
    assert ck.best_epoch == int(h.best()["epoch"])


def test_terminate_on_nan():
    d, model, crit = problem()
    opt = gradkit.optim.SGD(model.parameters(), lr=50.0)
    t = TerminateOnNaN()
    with np.errstate(all="ignore"):
        h = fit(model, crit, opt, (d.x_train * 100, d.y_train), epochs=200, callbacks=[t], progress=False)
    assert t.step is not None and len(h) == t.step
    assert not math.isfinite(h.steps[-1]["loss"])
    assert all(math.isfinite(s["loss"]) for s in h.steps[:-1])


def test_csv_logger_and_lr_monitor(tmp_path):
    d, model, crit = problem()
    opt = gradkit.optim.SGD(model.parameters(), lr=0.1)
    sched = gradkit.optim.lr_scheduler.ExponentialLR(opt, gamma=0.9)
    mon = LRMonitor()
    h = fit(model, crit, opt, (d.x_train, d.y_train), epochs=5, batch_size=40, scheduler=sched,
            callbacks=[CSVLogger(tmp_path / "log.csv"), mon], progress=False)
    lines = (tmp_path / "log.csv").read_text().splitlines()
    assert len(lines) == 6 and lines[0].startswith("epoch,loss,lr")
    assert "lr_0" in lines[0]
    assert float(lines[-1].split(",")[1]) == pytest.approx(h["loss"][-1], rel=1e-5)
    np.testing.assert_allclose([r[0] for r in mon.lrs], [0.1 * 0.9 ** (i // 2) for i in range(10)])
    assert h.to_csv(level="step").count("\n") == 11


def test_progress_one_line_per_epoch_without_terminal():
    d, model, crit = problem()
    opt = gradkit.optim.SGD(model.parameters(), lr=0.1)
    buf = io.StringIO()
    fit(model, crit, opt, (d.x_train, d.y_train), epochs=7, val=(d.x_val, d.y_val), progress=buf)
    lines = buf.getvalue().splitlines()
    assert len(lines) == 7
    assert lines[0].startswith("epoch 1/7") and "val_loss" in lines[0] and "lr" in lines[0]
    assert "\r" not in buf.getvalue()


class FakeTTY(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_on_a_terminal():
    d, model, crit = problem()
    opt = gradkit.optim.SGD(model.parameters(), lr=0.1)
    buf = FakeTTY()
    fit(model, crit, opt, (d.x_train, d.y_train), epochs=7, metrics=["r2"], progress=buf)
    out = buf.getvalue()
    assert "\r" in out and "7/7" in out and "loss=" in out and "r2=" in out and "lr=" in out


def test_history_plot(tmp_path):
    pytest.importorskip("matplotlib")
    d, model, crit = problem()
    opt = gradkit.optim.SGD(model.parameters(), lr=0.1)
    h = fit(model, crit, opt, (d.x_train, d.y_train), epochs=5, val=(d.x_val, d.y_val), metrics=["mae"],
            progress=False)
    h.plot(str(tmp_path / "h.png"))
    assert (tmp_path / "h.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bad_train_argument():
    d, model, crit = problem()
    opt = gradkit.optim.SGD(model.parameters(), lr=0.1)
    with pytest.raises(TypeError, match="DataLoader"):
        fit(model, crit, opt, 5, epochs=1, progress=False)
    with pytest.raises(ValueError, match="different numbers of rows"):
        fit(model, crit, opt, (d.x_train, d.y_val), epochs=1, progress=False)
