"""The doctor on purpose-built broken programs (one per finding), healthy programs, and the notes' examples.

Programs are plain PyTorch scripts; the doctor runs them with ``torch`` answered by gradkit."""
import json
import math
import sys

import pytest

import gradkit
from gradkit.lab.doctor import diagnose
from gradkit.lab.examples import EXAMPLES

HEAD = """
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
torch.manual_seed({seed})
"""


def prog(body: str, seed: int = 0) -> str:
    import textwrap
    return HEAD.format(seed=seed) + textwrap.dedent(body)


def run(script, body, seed=0, **kw):
    return diagnose(script(prog(body, seed)), quiet=True, **kw)


def codes(d):
    return set(d.codes())


# ---- healthy programs: no finding -----------------------------------------------------------------
HEALTHY = {
    "linear_standardised_adam": """
        x = torch.randn(200, 3)
        y = x @ torch.tensor([[1.5], [-2.0], [0.5]]) + 0.3 + 0.1 * torch.randn(200, 1)
        model = nn.Linear(3, 1)
        opt = optim.Adam(model.parameters(), lr=0.05)
        for step in range(150):
            opt.zero_grad()
            loss = F.mse_loss(model(x), y)
            loss.backward()
            opt.step()
    """,
    "mlp_classification_minibatch": """
        from torch.utils.data import DataLoader, TensorDataset
        x = torch.randn(256, 2)
        y = (x[:, 0] * x[:, 1] > 0).long()
        model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 2))
        opt = optim.Adam(model.parameters(), lr=0.01)
        crit = nn.CrossEntropyLoss()
        loader = DataLoader(TensorDataset(x, y), batch_size=64, shuffle=True)
        for epoch in range(15):
            for xb, yb in loader:
                opt.zero_grad()
                crit(model(xb), yb).backward()
                opt.step()
    """,
    "mlp_regression_sgd_momentum": """
        x = torch.linspace(-1, 1, 128).unsqueeze(1)
        y = torch.sin(3 * x)
        model = nn.Sequential(nn.Linear(1, 32), nn.Tanh(), nn.Linear(32, 1))
        opt = optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
        for step in range(200):
            opt.zero_grad()
            loss = nn.MSELoss()(model(x), y)
            loss.backward()
            opt.step()
    """,
}


@pytest.mark.parametrize("name", sorted(HEALTHY))
def test_healthy_programs_have_no_findings(script, name):
    d = run(script, HEALTHY[name])
    assert d.error is None
    assert d.summary["steps"] > 0
    assert d.findings == [], d.format()
    assert "no problems found" in d.format()


def test_no_training_is_not_a_problem():
    d = diagnose(str(EXAMPLES["example2"]), quiet=True)
    assert d.error is None and d.findings == [] and d.summary["steps"] == 0
    assert "no training observed" in d.format()
    assert "simple(" in d.output


# ---- one broken program per finding ---------------------------------------------------------------
def test_lr_too_small_is_found_and_a_larger_rate_verified(script):
    d = run(script, """
        x = torch.randn(100, 2)
        y = x @ torch.tensor([[40.0], [-30.0]]) + 25.0
        model = nn.Linear(2, 1)
        opt = optim.Adam(model.parameters(), lr=1e-3)
        for step in range(80):
            opt.zero_grad()
            F.mse_loss(model(x), y).backward()
            opt.step()
    """)
    assert "lr_too_small" in codes(d), d.format()
    f = next(f for f in d.findings if f.code == "lr_too_small")
    good = [v for v in f.verified if v.improved]
    assert good and good[0].final_loss < 0.5 * good[0].baseline_final_loss
    assert "lr=" in good[0].change


def test_lr_too_large_is_found_and_a_smaller_rate_verified(script):
    d = run(script, """
        x = torch.randn(100, 2)
        y = x @ torch.tensor([[1.0], [-1.0]])
        model = nn.Linear(2, 1)
        opt = optim.SGD(model.parameters(), lr=1.15)
        for step in range(40):
            opt.zero_grad()
            F.mse_loss(model(x), y).backward()
            opt.step()
    """)
    assert "lr_too_large" in codes(d), d.format()
    f = next(f for f in d.findings if f.code == "lr_too_large")
    assert any(v.improved for v in f.verified)
    assert f.data["median_update_ratio"] > 1e-2


def test_first_non_finite_value_is_located(script):
    d = run(script, """
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(2, 1)
                self.head = nn.Linear(1, 1)
            def forward(self, x):
                return self.head(self.fc(x))
        x = torch.randn(64, 2) * 10
        y = torch.randn(64, 1)
        model = Net()
        opt = optim.SGD(model.parameters(), lr=5.0)
        for step in range(60):
            opt.zero_grad()
            loss = F.mse_loss(model(x), y)
            loss.backward()
            opt.step()
    """)
    assert "non_finite" in codes(d), d.format()
    f = next(f for f in d.findings if f.code == "non_finite")
    assert f.data["step"] > 0
    assert f.data["pass"] in ("forward", "backward")
    assert "too large" in f.cause


def test_non_finite_from_an_operation(script):
    d = run(script, """
        model = nn.Linear(2, 1)
        opt = optim.SGD(model.parameters(), lr=0.1)
        x = torch.randn(16, 2)
        for step in range(5):
            opt.zero_grad()
            out = model(x)
            loss = torch.log(out - out).mean()
            loss.backward()
            opt.step()
    """)
    f = next(f for f in d.findings if f.code == "non_finite")
    assert f.data["step"] == 0 and f.data["where"] == "the loss"
    assert "epsilon" in " ".join(f.fixes)


@pytest.mark.parametrize("style", ["module", "functional"])
def test_dead_relus_by_layer(script, style):
    act = "nn.ReLU()" if style == "module" else "Lambda()"
    d = run(script, f"""
        class Lambda(nn.Module):
            def forward(self, x):
                return F.relu(x)
        model = nn.Sequential(nn.Linear(3, 8), {act}, nn.Linear(8, 1))
        with torch.no_grad():
            model[0].bias.fill_(-50.0)
        x = torch.randn(64, 3)
        y = x.sum(1, keepdim=True)
        opt = optim.SGD(model.parameters(), lr=0.01)
        for step in range(30):
            opt.zero_grad()
            F.mse_loss(model(x), y).backward()
            opt.step()
    """)
    f = next(f for f in d.findings if f.code == "dead_relu")
    assert f.data["dead"] == 8 and f.data["units"] == 8
    assert "constant" in f.title


def test_gradients_never_cleared(script):
    d = run(script, """
        x = torch.randn(64, 2)
        y = x @ torch.tensor([[1.0], [2.0]])
        model = nn.Linear(2, 1)
        opt = optim.SGD(model.parameters(), lr=0.01)
        for step in range(40):
            loss = F.mse_loss(model(x), y)
            loss.backward()
            opt.step()
    """)
    f = next(f for f in d.findings if f.code == "grad_accumulation")
    assert f.data["step"] == 1
    assert f.verified and f.verified[0].change.startswith("zero_grad")


def test_gradient_accumulation_with_zero_grad_after_step_is_fine(script):
    d = run(script, """
        x = torch.randn(64, 2)
        y = x @ torch.tensor([[1.0], [2.0]])
        model = nn.Linear(2, 1)
        opt = optim.SGD(model.parameters(), lr=0.05)
        for step in range(60):
            F.mse_loss(model(x[:32]), y[:32]).backward()
            F.mse_loss(model(x[32:]), y[32:]).backward()
            opt.step()
            opt.zero_grad()
    """)
    assert "grad_accumulation" not in codes(d)


@pytest.mark.parametrize("style", ["module", "functional"])
def test_loss_shape_mismatch(script, style):
    crit = "nn.MSELoss()" if style == "module" else "F.mse_loss"
    d = run(script, f"""
        x = torch.randn(50, 1)
        y = 2 * x.squeeze(1) + 1
        model = nn.Linear(1, 1)
        crit = {crit}
        opt = optim.Adam(model.parameters(), lr=0.05)
        for step in range(60):
            opt.zero_grad()
            crit(model(x), y).backward()
            opt.step()
    """)
    f = next(f for f in d.findings if f.code == "loss_shape_mismatch")
    assert f.data["input"] == (50, 1) and f.data["target"] == (50,) and f.data["broadcast"] == (50, 50)
    assert any(v.improved for v in f.verified)


def test_vanishing_gradients(script):
    d = run(script, """
        layers = []
        for i in range(14):
            layers += [nn.Linear(16, 16), nn.Sigmoid()]
        model = nn.Sequential(*layers, nn.Linear(16, 1))
        x = torch.randn(64, 16)
        y = torch.randn(64, 1)
        opt = optim.SGD(model.parameters(), lr=0.01)
        for step in range(5):
            opt.zero_grad()
            F.mse_loss(model(x), y).backward()
            opt.step()
    """)
    assert "vanishing_gradients" in codes(d), d.format()


def test_exploding_gradients(script):
    d = run(script, """
        model = nn.Sequential(*[nn.Linear(16, 16, bias=False) for _ in range(10)])
        with torch.no_grad():
            for m in model:
                m.weight.mul_(8.0)
        x = torch.randn(32, 16)
        y = torch.randn(32, 16)
        opt = optim.SGD(model.parameters(), lr=1e-12)
        for step in range(3):
            opt.zero_grad()
            F.mse_loss(model(x), y).backward()
            opt.step()
    """)
    assert "exploding_gradients" in codes(d), d.format()


def test_random_labels_are_not_misdiagnosed(script):
    d = run(script, """
        x = torch.randn(200, 2)
        y = torch.randint(0, 2, (200,))
        model = nn.Linear(2, 2)
        opt = optim.Adam(model.parameters(), lr=0.05)
        for step in range(120):
            opt.zero_grad()
            F.cross_entropy(model(x), y).backward()
            opt.step()
    """)
    assert not {"lr_too_large", "non_finite", "dead_relu"} & codes(d)


def test_plateau_is_reported_when_nothing_moves(script):
    d = run(script, """
        x = torch.randn(200, 2)
        y = torch.randint(0, 2, (200,))
        model = nn.Linear(2, 2)
        with torch.no_grad():
            model.weight.zero_()
            model.bias.zero_()
        opt = optim.SGD(model.parameters(), lr=1e-9)
        for step in range(60):
            opt.zero_grad()
            F.cross_entropy(model(x), y).backward()
            opt.step()
    """, verify=False)
    assert "plateau" in codes(d), d.format()


def test_unnormalised_inputs_with_verified_scaling(script):
    d = run(script, """
        x = torch.rand(128, 2) * torch.tensor([1000.0, 0.01])
        y = (x[:, :1] / 1000.0) - 100.0 * x[:, 1:]
        model = nn.Linear(2, 1)
        opt = optim.SGD(model.parameters(), lr=1e-7)
        for step in range(60):
            opt.zero_grad()
            F.mse_loss(model(x), y).backward()
            opt.step()
    """)
    f = next(f for f in d.findings if f.code == "unnormalized_inputs")
    assert f.data["feature"] == 0
    assert any(v.improved for v in f.verified), d.format()


# ---- the notes' examples --------------------------------------------------------------------------
def test_notes_example1_learning_rate_too_small():
    gradkit.manual_seed(67280421310721)
    d = diagnose(str(EXAMPLES["example1"]), quiet=True)
    assert d.error is None and d.summary["steps"] == 100
    assert d.codes()[0] == "lr_too_small", d.format()
    f = d.findings[0]
    assert f.data["lr"] == pytest.approx(1e-3)
    drop = (f.data["first"] - f.data["last"]) / f.data["first"]
    assert 0 < drop < 0.2
    best = next(v for v in f.verified if v.improved)
    assert best.final_loss < 5 and best.baseline_final_loss > 100
    assert "epoch : 100, loss" in d.output
    assert "unnormalized_inputs" in d.codes()


@pytest.mark.parametrize("seed,all_dead", [(6, True), (0, False)])
def test_notes_example3_dead_relus(seed, all_dead):
    gradkit.manual_seed(seed)
    d = diagnose(str(EXAMPLES["example3"]), quiet=True)
    f = next(f for f in d.findings if f.code == "dead_relu")
    assert f.data["units"] == 4 and "fc1" in f.data["site"]
    assert (f.data["dead"] == 4) == all_dead
    if all_dead:
        assert "constant" in f.title and any("constant" in e for e in f.evidence)
        assert f.data["died_by_step"] <= 3
    fixes = {v.change: v for v in f.verified}
    assert fixes["inputs standardised"].improved
    assert fixes["lr=0.001"].improved
    assert fixes["inputs standardised"].final_loss < 5 and fixes["lr=0.001"].final_loss < 5


def test_json_and_rng_untouched():
    gradkit.manual_seed(3)
    before = gradkit.get_rng_state().clone()
    d = diagnose(str(EXAMPLES["example1"]), quiet=True, verify=False)
    assert gradkit.get_rng_state().equal(before)
    data = json.loads(d.to_json())
    assert data["findings"][0]["code"] == "lr_too_small"
    assert data["summary"]["steps"] == 100


def test_doctor_leaves_no_hooks_or_patches(script):
    import gradkit.nn.functional as F
    from gradkit.nn.modules import module as mm
    from gradkit.optim import optimizer as om
    saved = (F.relu, gradkit.relu, gradkit.Tensor.backward, gradkit.Tensor.relu, F.mse_loss)
    n = (len(mm._global_forward_hooks), len(mm._global_forward_pre_hooks), len(om._global_optimizer_pre_hooks))
    diagnose(str(EXAMPLES["example3"]), quiet=True, verify=False)
    assert (F.relu, gradkit.relu, gradkit.Tensor.backward, gradkit.Tensor.relu, F.mse_loss) == saved
    assert (len(mm._global_forward_hooks), len(mm._global_forward_pre_hooks),
            len(om._global_optimizer_pre_hooks)) == n
    assert "torch" not in sys.modules or sys.modules["torch"] is not gradkit


def test_crashing_script_is_reported(script):
    d = run(script, """
        model = nn.Linear(2, 1)
        model(torch.randn(3, 5))
    """)
    assert d.error is not None and "line" in d.error
    assert not math.isnan(d.elapsed)
