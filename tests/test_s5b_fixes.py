"""Parity tests for session-5 boilerplate fixes: torch.compile's module wrapper, torch.compiler, torch._dynamo."""
import copy
import io

import pytest
import torch

import gradkit as gk


def _build(T):
    T.manual_seed(0)
    return T.nn.Sequential(T.nn.Linear(4, 6), T.nn.ReLU(), T.nn.Linear(6, 2))


@pytest.fixture(scope="module")
def pair():
    tm = _build(torch)
    gm = _build(gk)
    return (tm, torch.compile(tm)), (gm, gk.compile(gm))


def test_compile_wraps_module_like_torch(pair):
    (tm, tc), (gm, gc) = pair
    assert type(gc).__name__ == type(tc).__name__ == "OptimizedModule"
    assert gc._orig_mod is gm and tc._orig_mod is tm
    assert list(gc.state_dict()) == list(tc.state_dict())
    assert [n for n, _ in gc.named_modules()] == [n for n, _ in tc.named_modules()]
    assert [n for n, _ in gc.named_parameters()] == [n for n, _ in tc.named_parameters()]
    assert repr(gc) == repr(tc)
    assert len(gc) == len(tc) == 3


def test_compile_delegates_training_and_attributes(pair):
    for (m, c) in pair:
        c.eval()
        assert not m.training and not c.training and not m[0].training
        c.train()
        assert m.training and c.training
        c.extra_flag = 3
        assert m.extra_flag == 3 and c.extra_flag == 3
        del c.extra_flag
        assert not hasattr(m, "extra_flag")


def test_compiled_module_runs_eagerly_with_same_values(pair):
    (_, _), (gm, gc) = pair
    x = gk.randn(5, 4)
    assert gk.equal(gc(x), gm(x))
    out = gc(x).sum()
    out.backward()
    assert gm[0].weight.grad is not None


def test_compile_state_dict_round_trip_and_copies(pair):
    (_, tc), (gm, gc) = pair
    sd = {k.removeprefix("_orig_mod."): v for k, v in gc.state_dict().items()}
    fresh = _build(gk)
    fresh.load_state_dict(sd)
    x = gk.randn(2, 4)
    assert gk.equal(fresh(x), gm(x))
    with pytest.raises(RuntimeError, match="Missing key"):
        fresh.load_state_dict(gc.state_dict())
    dc = copy.deepcopy(gc)
    assert type(dc).__name__ == "OptimizedModule" and dc._orig_mod is not gm
    buf = io.BytesIO()
    gk.save(gc.state_dict(), buf)
    buf.seek(0)
    assert list(gk.load(buf)) == list(tc.state_dict())


def test_compile_options_and_functions():
    m = gk.nn.Linear(2, 2)
    assert gk.compile(m, disable=True) is m
    assert type(gk.compile(mode="max-autotune")(m)).__name__ == "OptimizedModule"

    def f(a):
        return a * 2

    assert gk.compile(f)(gk.ones(2)).tolist() == [2.0, 2.0]
    with pytest.raises(RuntimeError, match="Either mode or options"):
        torch.compile(m, mode="default", options={"a": 1})
    with pytest.raises(RuntimeError, match="Either mode or options"):
        gk.compile(m, mode="default", options={"a": 1})


def test_compiler_and_dynamo_namespaces():
    for name in ("is_compiling", "is_dynamo_compiling", "is_exporting"):
        assert getattr(gk.compiler, name)() == getattr(torch.compiler, name)() is False
    gk.compiler.reset()
    fn = gk.compiler.disable(len)
    assert fn is len and gk.compiler.disable()(len) is len
    import gradkit._dynamo
    gradkit._dynamo.config.suppress_errors = True
    assert gk._dynamo.config.suppress_errors is True
    gradkit._dynamo.config.suppress_errors = False
    gk._dynamo.reset()
    assert isinstance(gk.compile(gk.nn.ReLU()), gk._dynamo.OptimizedModule)


def _dist_flow(T, port):
    import os
    dist = T.distributed
    out = [dist.is_available(), dist.is_initialized()]
    for fn in (dist.get_rank, dist.get_world_size, lambda: T.utils.data.DistributedSampler(range(4))):
        with pytest.raises(ValueError) as e:
            fn()
        out.append(str(e.value))
    saved = {k: os.environ.pop(k, None) for k in ("RANK", "WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT")}
    try:
        with pytest.raises(ValueError) as e:
            dist.init_process_group("gloo")
        out.append(str(e.value))
        dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{port}", rank=0, world_size=1)
        try:
            out += [dist.is_initialized(), dist.get_rank(), dist.get_world_size(), str(dist.get_backend())]
            with pytest.raises(ValueError) as e:
                dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{port}", rank=0, world_size=1)
            out.append(str(e.value))
            T.manual_seed(0)
            t = T.randn(3)
            before = t.clone()
            for op in (dist.ReduceOp.SUM, dist.ReduceOp.AVG, dist.ReduceOp.MAX):
                dist.all_reduce(t, op=op)
            out.append(T.equal(t, before))
            got = [T.zeros(3)]
            dist.all_gather(got, t)
            out.append(T.equal(got[0], t))
            objs = [None]
            dist.all_gather_object(objs, {"a": [1, 2]})
            out.append(objs)
            dist.broadcast(t, src=0)
            dist.barrier()
            s = T.utils.data.DistributedSampler(range(7), shuffle=False)
            out += [s.num_replicas, s.rank, list(s)]
            lin = T.nn.Linear(2, 1)
            ddp = T.nn.parallel.DistributedDataParallel(lin)
            out += [type(ddp).__name__, ddp.module is lin, list(ddp.state_dict())]
            with ddp.no_sync():
                ddp(T.ones(1, 2)).sum().backward()
            out.append(lin.weight.grad.tolist())
        finally:
            dist.destroy_process_group()
        out.append(dist.is_initialized())
        with pytest.raises(ValueError):
            T.nn.parallel.DistributedDataParallel(T.nn.Linear(2, 1))
    finally:
        os.environ.update({k: v for k, v in saved.items() if v is not None})
    return out


def test_distributed_single_process_matches_torch():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert _dist_flow(gk, port) == _dist_flow(torch, port)


def test_distributed_rejects_larger_worlds_and_env_helpers(monkeypatch):
    with pytest.raises(RuntimeError, match="world_size=2"):
        gk.distributed.init_process_group("gloo", init_method="tcp://127.0.0.1:1", rank=0, world_size=2)
    assert not gk.distributed.is_initialized()
    monkeypatch.delenv("LOCAL_RANK", raising=False)
    assert gk.distributed.get_node_local_rank(3) == torch.distributed.get_node_local_rank(3) == 3
    with pytest.raises(RuntimeError, match="LOCAL_RANK"):
        gk.distributed.get_node_local_rank()
    monkeypatch.setenv("LOCAL_RANK", "2")
    assert gk.distributed.get_node_local_rank() == torch.distributed.get_node_local_rank() == 2
    assert str(gk.distributed.ReduceOp.SUM) == str(torch.distributed.ReduceOp.SUM)
    assert gk.distributed.is_nccl_available() == torch.distributed.is_nccl_available()


def test_xpu_and_multiprocessing_modules():
    assert gk.xpu.is_available() == torch.xpu.is_available()
    assert gk.xpu.device_count() == torch.xpu.device_count()
    gk.xpu.manual_seed_all(0)
    import torch.multiprocessing as tmp

    import gradkit.multiprocessing as gmp
    assert gmp.get_sharing_strategy() == tmp.get_sharing_strategy()
    assert gmp.get_all_sharing_strategies() == tmp.get_all_sharing_strategies()
    assert gmp.cpu_count() == tmp.cpu_count()
    with pytest.raises(AssertionError):
        gmp.set_sharing_strategy("nope")
    with pytest.raises(AssertionError):
        tmp.set_sharing_strategy("nope")
