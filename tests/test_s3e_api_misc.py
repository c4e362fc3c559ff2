"""Process-wide settings and small modules: torch.cpu, torch.accelerator, torch.version, torch.return_types,
storages, default device, matmul precision, anomaly mode, DistributedSampler."""
from __future__ import annotations

import pickle
import warnings

import numpy as np
import pytest

import gradkit

torch = pytest.importorskip("torch")


def test_cpu_module():
    for T in (torch, gradkit):
        assert T.cpu.is_available() and T.cpu.device_count() == 1 and T.cpu.current_device() == "cpu"
        assert T.cpu.synchronize() is None
        with T.cpu.stream(T.cpu.current_stream()):
            pass
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with T.cpu.amp.autocast():
                y = T.ones(2) * 2
        assert y.tolist() == [2.0, 2.0]


def test_accelerator_and_version():
    for T in (torch, gradkit):
        assert not T.accelerator.is_available() and T.accelerator.current_accelerator() is None
        assert T.accelerator.device_count() == 0
        with pytest.raises(RuntimeError, match="Cannot access accelerator"):
            T.accelerator.current_device_index()
        assert T.version.cuda is None and T.version.hip is None and T.version.debug is False
        assert isinstance(T.version.__version__, str) and isinstance(T.version.git_version, str)
        assert issubclass(T.OutOfMemoryError, RuntimeError) and issubclass(T.AcceleratorError, RuntimeError)
        assert T.GradScaler is T.amp.GradScaler
        assert T.get_device(T.zeros(1)) == -1


def test_return_types_repr_and_isinstance():
    x = np.random.default_rng(0).standard_normal((3, 4)).astype(np.float32)
    for name, call in [("max", lambda T, t: T.max(t, 1)), ("min", lambda T, t: t.min(0)),
                       ("sort", lambda T, t: T.sort(t)), ("topk", lambda T, t: t.topk(2)),
                       ("kthvalue", lambda T, t: T.kthvalue(t, 2)), ("median", lambda T, t: t.median(1)),
                       ("mode", lambda T, t: T.mode(t.round())), ("cummax", lambda T, t: T.cummax(t, 0)),
                       ("aminmax", lambda T, t: T.aminmax(t)), ("frexp", lambda T, t: T.frexp(t)),
                       ("histogram", lambda T, t: T.histogram(t, 3)), ("slogdet", lambda T, t: T.slogdet(t[:, :3])),
                       ("linalg_slogdet", lambda T, t: T.linalg.slogdet(t[:, :3]))]:
        reprs = []
        for T in (torch, gradkit):
            r = call(T, T.tensor(x))
            assert isinstance(r, getattr(T.return_types, name)), name
            reprs.append(repr(r))
        assert reprs[0] == reprs[1], name
    r = gradkit.max(gradkit.tensor(x), 0)
    assert repr(pickle.loads(pickle.dumps(r))) == repr(r)


def test_storage():
    for T in (torch, gradkit):
        x = T.arange(12, dtype=T.float32)
        v = x[2:].view(2, 5)
        assert x.untyped_storage().nbytes() == 48 and v.untyped_storage().nbytes() == 48
        assert v.untyped_storage().data_ptr() == x.untyped_storage().data_ptr() == x.data_ptr()
        assert v.data_ptr() == x.data_ptr() + 8
        assert x.clone().untyped_storage().data_ptr() != x.untyped_storage().data_ptr()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            s = v.storage()
            assert s.size() == 12 and len(s) == 12 and s[3] == 3.0 and s.tolist()[:3] == [0.0, 1.0, 2.0]
            assert s.dtype == T.float32 and s.element_size() == 4
            assert T.is_storage(s) and T.is_storage(x.untyped_storage()) and not T.is_storage(x)
        assert x.is_set_to(x) and not x.is_set_to(x.clone())
        assert x.dim_order() == (0,) and T.zeros(2, 3).t().dim_order() == (1, 0)
        assert x.const_data_ptr() == x.data_ptr()
    a = torch.tensor([1.5, -2.0]).untyped_storage()
    b = gradkit.tensor([1.5, -2.0]).untyped_storage()
    assert a.tolist() == b.tolist() and repr(a) == repr(b)


def test_default_device_and_precision_settings():
    for T in (torch, gradkit):
        assert T.get_default_device() == T.device("cpu")
        T.set_default_device("cpu")
        assert str(T.get_default_device()) == "cpu"
        T.set_default_device(None)
        assert T.get_float32_matmul_precision() == "highest"
        T.set_float32_matmul_precision("high")
        assert T.get_float32_matmul_precision() == "high"
        with pytest.warns(UserWarning):
            T.set_float32_matmul_precision("bogus")
        assert T.get_float32_matmul_precision() == "high"
        T.set_float32_matmul_precision("highest")
        assert not T.is_warn_always_enabled()
        T.set_warn_always(True)
        assert T.is_warn_always_enabled()
        T.set_warn_always(False)
        assert T.get_deterministic_debug_mode() == 0
        T.set_deterministic_debug_mode("warn")
        assert T.get_deterministic_debug_mode() == 1
        T.set_deterministic_debug_mode(0)
        assert not T.is_autocast_enabled() and T.get_autocast_dtype("cpu") == T.bfloat16
        assert not T.is_vulkan_available() and T.has_lapack


def test_anomaly_mode():
    for T in (torch, gradkit):
        assert not T.is_anomaly_enabled() and T.is_anomaly_check_nan_enabled()
        with pytest.warns(UserWarning, match="Anomaly Detection has been enabled"):
            ctx = T.autograd.detect_anomaly()
        with ctx:
            assert T.is_anomaly_enabled()
        assert not T.is_anomaly_enabled()
        with T.autograd.set_detect_anomaly(True, False):
            assert T.is_anomaly_enabled() and not T.is_anomaly_check_nan_enabled()
        assert not T.is_anomaly_enabled() and T.is_anomaly_check_nan_enabled()
        T.autograd.set_detect_anomaly(True)
        assert T.is_anomaly_enabled()
        T.set_anomaly_enabled(False)
        assert not T.is_anomaly_enabled()


@pytest.mark.parametrize("n,replicas,shuffle,drop_last", [(10, 3, True, False), (10, 3, False, True),
                                                          (7, 4, True, True), (2, 5, False, False)])
def test_distributed_sampler(n, replicas, shuffle, drop_last):
    for epoch in (0, 3):
        got = []
        for T in (torch, gradkit):
            ds = T.utils.data.TensorDataset(T.arange(n))
            parts = []
            for rank in range(replicas):
                s = T.utils.data.DistributedSampler(ds, replicas, rank, shuffle=shuffle, seed=5, drop_last=drop_last)
                s.set_epoch(epoch)
                parts.append((list(s), len(s)))
            got.append(parts)
        assert got[0] == got[1]
    for T in (torch, gradkit):
        with pytest.raises(ValueError, match="Invalid rank"):
            T.utils.data.DistributedSampler(list(range(4)), 2, 2)
    with pytest.raises(ValueError, match="process group"):
        gradkit.utils.data.DistributedSampler(list(range(4)))


def test_parallel_module_errors():
    for T in (torch, gradkit):
        with pytest.raises(ValueError, match="process group"):
            T.nn.parallel.DistributedDataParallel(T.nn.Linear(2, 2))


def test_anomaly_mode_detects_nan_in_backward():
    msgs = []
    for T in (torch, gradkit):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with T.autograd.detect_anomaly():
                x = T.tensor([0.0, 1.0], requires_grad=True)
                with pytest.raises(RuntimeError, match="returned nan values") as e1:
                    (x / x).sum().backward()
                z = T.tensor([0.0, 4.0], requires_grad=True)
                with pytest.raises(RuntimeError, match="returned nan values") as e2:
                    T.autograd.grad((z * z.sqrt()).sum(), z)
                ok = T.tensor([1.0, 2.0], requires_grad=True)
                (ok * ok).sum().backward()
                assert ok.grad.tolist() == [2.0, 4.0]
            with T.autograd.detect_anomaly(check_nan=False):
                (x / x).sum().backward()
        msgs.append((str(e1.value).splitlines()[0], str(e2.value).splitlines()[0]))
        y = T.tensor([0.0], requires_grad=True)
        (y / y).sum().backward()
        assert not T.is_anomaly_enabled()
    assert msgs[0] == msgs[1]
