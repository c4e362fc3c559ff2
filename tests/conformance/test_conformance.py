"""Each program here prints the same text and numbers under real torch and under gradkit imported as torch."""
from __future__ import annotations

import os

import pytest

import _runner

PROGRAMS = _runner.programs()
_RESULTS: dict[str, tuple[dict, dict]] = {}


def _results() -> tuple[dict, dict]:
    if "all" not in _RESULTS:
        _RESULTS["all"] = _runner.run_all(PROGRAMS)
    return _RESULTS["all"]


def test_enough_programs() -> None:
    assert len(PROGRAMS) >= 40


def test_compare_rules() -> None:
    assert _runner.compare("loss 1.00000 grad_fn=<AddBackward0>", "loss  1.000001\ngrad_fn=<X>", 1e-4, 1e-5) is None
    assert _runner.compare("a 1.0", "a 1.1", 1e-4, 1e-5).startswith("number 0 differs")
    assert _runner.compare("a 1.0", "b 1.0", 1e-4, 1e-5).startswith("text differs")
    assert _runner.compare("nan inf", "nan inf", 1e-4, 1e-5) is None


@pytest.mark.parametrize("script", PROGRAMS, ids=[os.path.basename(p)[:-3] for p in PROGRAMS])
def test_program(script: str) -> None:
    expected, actual = _results()
    reason = _runner.verdict(script, expected[script], actual[script])
    if reason and expected[script][0] is not None and actual[script][0] is not None:
        reason += "\n--- torch\n" + expected[script][0][-3000:] + "\n--- gradkit\n" + actual[script][0][-3000:]
    assert reason is None, reason
