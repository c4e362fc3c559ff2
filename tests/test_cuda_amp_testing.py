"""The CPU-only namespaces (cuda, backends, amp) answer like CPU-only torch; testing.assert_close reports like torch."""
import pytest
import torch

import gradkit


def _outcome(fn):
    try:
        return ("ok", fn())
    except Exception as e:  # noqa: BLE001
        return (type(e).__name__, str(e))


@pytest.mark.parametrize("expr", [
    "T.cuda.is_available()", "T.cuda.device_count()", "T.cuda.manual_seed(0)", "T.cuda.manual_seed_all(1)",
    "T.cuda.memory_allocated()", "T.cuda.max_memory_allocated()", "T.cuda.is_bf16_supported()",
    "T.cuda.empty_cache()", "T.cuda.current_device()", "T.cuda.synchronize()", "T.cuda.get_device_name()",
    "T.backends.cudnn.enabled", "T.backends.cudnn.deterministic", "T.backends.cudnn.version()",
    "T.backends.mps.is_available()", "T.backends.mps.is_built()", "T.amp.GradScaler(enabled=False).get_scale()",
    "T.amp.GradScaler(enabled=False).is_enabled()", "T.amp.GradScaler(enabled=False).scale(3.0)",
])
def test_cpu_only_answers(expr):
    assert _outcome(lambda: eval(expr, {"T": gradkit})) == _outcome(lambda: eval(expr, {"T": torch}))


def test_cudnn_flags_settable():
    gradkit.backends.cudnn.benchmark = True
    try:
        assert gradkit.backends.cudnn.benchmark is True
    finally:
        gradkit.backends.cudnn.benchmark = False


@pytest.mark.parametrize("case", [
    ("[1.0, 2.0, 3.0]", "[1.0, 2.1, 3.0]", {}), ("[1.0, 2.0]", "[1.0, 2.0]", {}), ("[1, 2, 3]", "[1, 2, 4]", {}),
    ("[[0.0, 1.0], [2.0, 3.0]]", "[[0.0, 1.5], [2.0, -3.0]]", {}), ("[1.0, 2.0]", "[1.01, 2.0]", dict(rtol=0.1, atol=0)),
    ("[float('nan')]", "[float('nan')]", {}), ("[float('nan')]", "[float('nan')]", dict(equal_nan=True)),
])
def test_assert_close_messages(case):
    a, b, kw = case

    def run(T):
        return _outcome(lambda: T.testing.assert_close(T.tensor(eval(a)), T.tensor(eval(b)), **kw))

    assert run(gradkit) == run(torch)


def test_assert_close_attributes():
    for args in [(gradkit.ones(2), gradkit.ones(3)), (gradkit.ones(2), gradkit.ones(2).double())]:
        targs = tuple(torch.tensor(x.numpy()) for x in args)
        assert _outcome(lambda: gradkit.testing.assert_close(*args)) == \
            _outcome(lambda: torch.testing.assert_close(*targs))  # noqa: B023
