"""Parity tests for the bugs the s3n conformance programs found (models and training code)."""
from __future__ import annotations

import numpy as np
import pytest

import gradkit
from _parity import assert_close, run_both

torch = pytest.importorskip("torch")


def _error(T, fn):
    try:
        fn(T)
    except Exception as e:  # noqa: BLE001
        return type(e).__name__, str(e)
    return None


def _same_error(fn):
    expected, got = _error(torch, fn), _error(gradkit, fn)
    assert expected is not None
    assert got == expected


@pytest.mark.parametrize("call", [
    lambda T, x: x.sum(axis=1), lambda T, x: x.mean(axis=0, keepdims=True), lambda T, x: x.argmax(axis=1),
    lambda T, x: T.sum(x, axis=0), lambda T, x: T.max(x, axis=1)[0], lambda T, x: T.cat([x, x], axis=1),
    lambda T, x: x.softmax(axis=1), lambda T, x: T.var(x, axis=1, keepdims=True), lambda T, x: x.cumsum(axis=0),
    lambda T, x: T.stack([x, x], axis=2), lambda T, x: x.unsqueeze(axis=0), lambda T, x: x.logsumexp(axis=-1),
])
def test_numpy_axis_keepdims_names(call):
    x = np.random.default_rng(0).standard_normal((3, 4)).astype(np.float32)
    run_both(call, [x], requires_grad=(0,))


@pytest.mark.parametrize("fn", [
    lambda T: T.nn.Conv2d(1, 2, 3)(T.randn(1, 1, 5, 5).double()),
    lambda T: T.nn.Conv1d(1, 2, 3)(T.ones(1, 1, 5, dtype=T.long)),
    lambda T: T.nn.Conv2d(1, 2, 3, bias=False)(T.ones(1, 1, 5, 5, dtype=T.float64)),
    lambda T: T.nn.ConvTranspose2d(1, 2, 3)(T.ones(1, 1, 5, 5).double()),
    lambda T: T.nn.Conv2d(1, 2, 3)(T.randn(1, 2, 5, 5).double()),
])
def test_conv_dtype_mismatch_messages(fn):
    _same_error(fn)


@pytest.mark.parametrize("fn", [
    lambda T: T.nn.functional.softmax(T.tensor([1, 2, 3]), dim=0),
    lambda T: T.nn.functional.softmax(T.tensor([[1, 2, 3]]), dim=0),
    lambda T: T.nn.functional.log_softmax(T.tensor([[1, 2, 3]], dtype=T.int32), dim=1),
    lambda T: T.tensor([[True]]).log_softmax(0),
    lambda T: T.nn.Softmax(dim=-1)(T.tensor([[3]], dtype=T.uint8)),
    lambda T: float(T.randn(2)), lambda T: int(T.tensor([1, 2])), lambda T: complex(T.randn(3)),
])
def test_int_softmax_and_scalar_conversion_errors(fn):
    _same_error(fn)


def test_softmax_int_with_dtype_still_works():
    x = np.array([[1, 2, 3]], dtype=np.int64)
    run_both(lambda T, t: T.nn.functional.softmax(t, dim=1, dtype=T.float32), [x])
    assert_close(torch.tensor(2.5).__float__(), gradkit.tensor(2.5).__float__())


class _Cfg:
    pass


@pytest.mark.parametrize("make", [lambda T: T.nn.Sequential(T.nn.Linear(2, 2)), lambda T: {"cfg": _Cfg()},
                                  lambda T: {"w": T.ones(2), "n": np.ones(2)}])
def test_weights_only_load_error_text(make):
    import io
    msgs = []
    for T in (torch, gradkit):
        buf = io.BytesIO()
        T.save(make(T), buf)
        buf.seek(0)
        msgs.append(_error(T, lambda T: T.load(buf)))
    assert msgs[0] == msgs[1]


def test_load_empty_file_error():
    import io
    for wo in (True, False):
        assert _error(torch, lambda T: T.load(io.BytesIO(b""), weights_only=wo)) == \
            _error(gradkit, lambda T: T.load(io.BytesIO(b""), weights_only=wo))


def _scaler_run(T, inf_at):
    import warnings
    T.manual_seed(0)
    m = T.nn.Linear(3, 2)
    opt = T.optim.SGD(m.parameters(), lr=0.1, momentum=0.9)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scaler = T.amp.GradScaler("cpu", init_scale=256.0, growth_interval=2)
    x, y = T.randn(6, 3), T.randn(6, 2)
    out = []
    for i in range(5):
        opt.zero_grad()
        loss = T.nn.functional.mse_loss(m(x), y)
        scaled = scaler.scale(loss)
        scaled.backward()
        if i == inf_at:
            m.bias.grad[0] = float("nan")
        scaler.step(opt)
        scaler.update()
        out.append((scaled.detach(), m.weight.detach().clone(), scaler.get_scale(), scaler.state_dict()))
    return out


@pytest.mark.parametrize("inf_at", [-1, 0, 2])
def test_cpu_grad_scaler_matches_torch(inf_at):
    a, b = _scaler_run(torch, inf_at), _scaler_run(gradkit, inf_at)
    for (ls, w, s, sd), (ls2, w2, s2, sd2) in zip(a, b):
        assert_close(ls, ls2, rtol=1e-5)
        assert_close(w, w2, rtol=1e-5)
        assert s == s2 and sd == sd2


def test_cuda_grad_scaler_stays_disabled():
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a, b = torch.amp.GradScaler("cuda"), gradkit.amp.GradScaler("cuda")
    assert (a.is_enabled(), a.get_scale(), a.state_dict()) == (b.is_enabled(), b.get_scale(), b.state_dict())
    a.load_state_dict({})
    b.load_state_dict({})


@pytest.mark.parametrize("name", ["LSTMCell", "GRUCell", "RNNCell"])
@pytest.mark.parametrize("x_shape,h_shape", [((4, 3), None), ((4, 2), (4, 5)), ((4, 2), (2, 3)), ((2,), (5,)),
                                             ((2, 2), (3,))])
def test_rnn_cell_shape_errors(name, x_shape, h_shape):
    def fn(T):
        cell = getattr(T.nn, name)(2, 3)
        h = None if h_shape is None else T.zeros(*h_shape)
        if h is not None and name == "LSTMCell":
            h = (h, h)
        return cell(T.randn(*x_shape), h)
    _same_error(fn)


def test_lstm_cell_second_state_errors():
    _same_error(lambda T: T.nn.LSTMCell(2, 3)(T.randn(4, 2), (T.zeros(4, 3), T.zeros(4, 5))))
    _same_error(lambda T: T.nn.LSTMCell(2, 3)(T.randn(4, 2), (T.zeros(4, 3), T.zeros(2, 3))))


@pytest.mark.parametrize("fn", [
    lambda T: T.nn.functional.cross_entropy(T.randn(4, 3), T.zeros(4, 4)),
    lambda T: T.nn.functional.cross_entropy(T.randn(4, 3), T.zeros(4, 2, dtype=T.int32)),
    lambda T: T.nn.functional.nll_loss(T.randn(4, 3), T.zeros(4, 4)),
    lambda T: T.nn.functional.cross_entropy(T.randn(4, 3), T.tensor([0, 1, 2, 1]), weight=T.ones(3).double()),
    lambda T: T.nn.functional.nll_loss(T.randn(4, 3), T.tensor([0, 1, 2, 1]), weight=T.ones(3).long()),
    lambda T: T.nn.functional.cross_entropy(T.randn(4, 3).double(), T.tensor([0, 1, 2, 1]), weight=T.ones(3)),
    lambda T: T.nn.functional.cross_entropy(T.ones(2, 3, dtype=T.long), T.tensor([0, 1])),
    lambda T: T.nn.functional.cross_entropy(T.ones(2, 3, 4, dtype=T.long), T.zeros(2, 4, dtype=T.long)),
    lambda T: T.nn.functional.nll_loss(T.ones(2, 3, dtype=T.long), T.tensor([0, 1])),
    lambda T: T.nn.functional.nll_loss(T.ones(2, 3, 4, dtype=T.long), T.zeros(2, 4, dtype=T.long)),
    lambda T: T.nn.functional.mse_loss(T.ones(3, dtype=T.long), T.zeros(3, dtype=T.long)),
    lambda T: T.nn.functional.mse_loss(T.ones(3, dtype=T.int32), T.zeros(3, dtype=T.int32), reduction="none"),
    lambda T: T.nn.functional.l1_loss(T.ones(3, dtype=T.long), T.zeros(3, dtype=T.long)),
    lambda T: T.nn.functional.smooth_l1_loss(T.ones(3, dtype=T.long), T.zeros(3, dtype=T.long)),
    lambda T: T.nn.functional.huber_loss(T.ones(3, dtype=T.long), T.zeros(3, dtype=T.long), reduction="sum"),
    lambda T: T.nn.functional.binary_cross_entropy_with_logits(T.ones(3, dtype=T.long), T.ones(3)),
    lambda T: T.nn.functional.binary_cross_entropy_with_logits(T.randn(4, 3), T.rand(4, 3), pos_weight=T.ones(2)),
    lambda T: T.nn.functional.binary_cross_entropy_with_logits(T.randn(4, 3), T.rand(4, 3), weight=T.ones(2)),
])
def test_loss_error_messages(fn):
    _same_error(fn)


@pytest.mark.parametrize("red", ["none", "sum"])
def test_integer_l1_without_mean_still_works(red):
    a, b = np.array([3, 1, 2]), np.array([0, 1, 5])
    run_both(lambda T, x, y: T.nn.functional.l1_loss(x, y, reduction=red), [a, b])
    run_both(lambda T, x, y: T.nn.functional.mse_loss(x, y.float(), reduction=red), [a, b])


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("call", [
    lambda T, a, b, c: a.clone().add_(-0.1, b), lambda T, a, b, c: T.add(a, 2, b), lambda T, a, b, c: a.sub(3, b),
    lambda T, a, b, c: a.clone().sub_(0.5, b), lambda T, a, b, c: a.addcmul(0.5, b, c),
    lambda T, a, b, c: a.clone().addcdiv_(0.25, b, c), lambda T, a, b, c: T.addcmul(a, 2, b, c),
])
def test_deprecated_scalar_first_overloads(call):
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal(5).astype(np.float32), rng.standard_normal(5).astype(np.float32)
    c = rng.random(5).astype(np.float32) + 0.5
    run_both(call, [a, b, c])


def test_deterministic_algorithm_flags():
    out = []
    for T in (torch, gradkit):
        rec = []
        for mode, warn in ((True, False), (True, True), (False, True), (False, False)):
            T.use_deterministic_algorithms(mode, warn_only=warn)
            rec.append((T.are_deterministic_algorithms_enabled(), T.is_deterministic_algorithms_warn_only_enabled(),
                        T.get_deterministic_debug_mode()))
        out.append(rec)
    assert out[0] == out[1]
    _same_error(lambda T: T.use_deterministic_algorithms(1))


def test_nn_modules_utils_helpers():
    import collections
    from gradkit.nn.modules import utils as gu
    from torch.nn.modules import utils as tu
    for name in ("_single", "_pair", "_triple", "_quadruple"):
        for arg in (3, (1, 2), [4, 5, 6]):
            assert getattr(gu, name)(arg) == getattr(tu, name)(arg)
    assert gu._reverse_repeat_tuple((1, 2, 3), 2) == tu._reverse_repeat_tuple((1, 2, 3), 2)
    assert gu._list_with_default([None, 3], (1, 2, 5, 6)) == tu._list_with_default([None, 3], (1, 2, 5, 6))
    dicts = []
    for mod in (gu, tu):
        d = collections.OrderedDict([("module.a", 1), ("module.b.c", 2), ("x", 3)])
        d._metadata = collections.OrderedDict([("", {}), ("module", {}), ("module.b", {})])
        mod.consume_prefix_in_state_dict_if_present(d, "module.")
        dicts.append((list(d.items()), list(d._metadata.keys())))
    assert dicts[0] == dicts[1]


def _param_run(T):
    P = T.nn.utils.parametrize

    class Sym(T.nn.Module):
        def forward(self, X):
            return X.triu() + X.triu(1).transpose(-1, -2)

        def right_inverse(self, X):
            return X.triu()

    class Scale(T.nn.Module):
        def forward(self, X):
            return X * 2

        def right_inverse(self, X):
            return X / 2

    T.manual_seed(0)
    lin = T.nn.Linear(3, 3)
    P.register_parametrization(lin, "weight", Sym())
    P.register_parametrization(lin, "weight", Scale())
    out = [type(lin).__name__, repr(lin), sorted(lin.state_dict()), [n for n, _ in lin.named_parameters()],
           P.is_parametrized(lin), P.is_parametrized(lin, "bias"), P.type_before_parametrizations(lin).__name__]
    y = lin(T.ones(2, 3)).sum()
    y.backward()
    out.append(lin.parametrizations.weight.original.grad.numpy().round(5).tolist())
    lin.weight = T.eye(3)
    out.append(lin.parametrizations.weight.original.detach().numpy().round(5).tolist())
    with P.cached():
        out.append(lin.weight is lin.weight)
    P.remove_parametrizations(lin, "weight")
    out += [type(lin).__name__, lin.weight.detach().numpy().round(5).tolist(), type(lin.weight).__name__]
    return out


def test_parametrize_matches_torch():
    assert _param_run(torch) == _param_run(gradkit)
