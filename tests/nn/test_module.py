"""nn.Module against torch: registration, traversal, state_dict, hooks, conversion, printing, copying."""
import copy
import pickle
import warnings
from collections import OrderedDict

import numpy as np
import pytest
import torch

import gradkit as gk
import gradkit.nn  # noqa: F401
from gradkit._tensor import _wrap

BOTH = [torch, gk]
IDS = ["torch", "gradkit"]


def tt(T, arr, requires_grad=False):
    """A tensor of namespace T holding a copy of ``arr``."""
    arr = np.array(arr)
    t = torch.from_numpy(arr) if T is torch else _wrap(arr)
    if requires_grad:
        t.requires_grad_(True)
    return t


def npy(t):
    return t.detach().numpy() if T_is_torch(t) else t._data


def T_is_torch(t):
    return isinstance(t, torch.Tensor)


def rand(seed, *shape):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


def classes(T):
    """The same small module family written once against namespace T."""
    nn = T.nn

    class Affine(nn.Module):
        def __init__(self, n_in, n_out, bias=True, seed=0):
            super().__init__()
            self.in_features, self.out_features = n_in, n_out
            self.weight = nn.Parameter(tt(T, rand(seed, n_out, n_in)))
            if bias:
                self.bias = nn.Parameter(tt(T, rand(seed + 1, n_out)))
            else:
                self.register_parameter("bias", None)

        def forward(self, x):
            y = x @ self.weight.t()
            return y + self.bias if self.bias is not None else y

        def extra_repr(self):
            return f"in_features={self.in_features}, out_features={self.out_features}, " \
                   f"bias={self.bias is not None}"

    class Norm(nn.Module):
        def __init__(self, n):
            super().__init__()
            self.scale = nn.Parameter(tt(T, np.ones(n, np.float32)))
            self.register_buffer("running", tt(T, np.zeros(n, np.float32)))
            self.register_buffer("tmp", tt(T, np.arange(n, dtype=np.float32)), persistent=False)
            self.register_buffer("count", tt(T, np.array(0, dtype=np.int64)))

        def forward(self, x):
            return x * self.scale

        def extra_repr(self):
            return "multi\nline"

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc1 = Affine(3, 4, seed=1)
            self.norm = Norm(4)
            self.blocks = nn.Sequential(Affine(4, 4, seed=3), Affine(4, 4, seed=3), Norm(4))
            self.fc2 = Affine(4, 2, bias=False, seed=5)
            self.gain = nn.Parameter(tt(T, np.full(2, 2.0, np.float32)))

        def forward(self, x):
            return self.fc2(self.blocks(self.norm(self.fc1(x)))) * self.gain

    return Affine, Norm, Net


@pytest.fixture(scope="module")
def pair():
    return {T: classes(T) for T in BOTH}


def both(fn):
    return [fn(T) for T in BOTH]


# -- registration and traversal ---------------------------------------------------------------
def test_named_members_match_torch(pair):
    def info(T):
        Net = pair[T][2]
        net = Net()
        return dict(
            params=[(n, tuple(p.shape), p.requires_grad) for n, p in net.named_parameters()],
            params_prefix=[n for n, _ in net.named_parameters(prefix="model")],
            params_local=[n for n, _ in net.named_parameters(recurse=False)],
            buffers=[(n, tuple(b.shape), str(b.dtype)) for n, b in net.named_buffers()],
            children=[n for n, _ in net.named_children()],
            modules=[(n, type(m).__name__) for n, m in net.named_modules()],
            modules_prefix=[n for n, _ in net.named_modules(prefix="root")],
            count=sum(p.numel() for p in net.parameters()),
            n_buffers=len(list(net.buffers(recurse=False))),
        )
    a, b = both(info)
    assert a == b


def test_shared_modules_and_parameters(pair):
    def info(T):
        Affine = pair[T][0]
        shared = Affine(2, 2)
        seq = T.nn.Sequential(shared, shared, Affine(2, 2))
        seq[2].weight = shared.weight
        return (
            [n for n, _ in seq.named_parameters()],
            [n for n, _ in seq.named_parameters(remove_duplicate=False)],
            [n for n, _ in seq.named_modules()],
            [n for n, _ in seq.named_modules(remove_duplicate=False)],
            [n for n, _ in seq.named_children()],
            len(list(seq.modules())),
        )
    a, b = both(info)
    assert a == b


def test_setattr_moves_between_kinds(pair):
    def info(T):
        Affine = pair[T][0]
        m = Affine(2, 2)
        m.register_buffer("buf", tt(T, np.zeros(2, np.float32)))
        m.buf = T.nn.Parameter(tt(T, np.ones(2, np.float32)))
        m.sub = Affine(1, 1)
        m.sub = None
        m.weight = None
        m.plain = tt(T, np.ones(1, np.float32))
        m.marked = T.nn.Buffer(tt(T, np.ones(3, np.float32)), persistent=False)
        m.bias = T.nn.Parameter(tt(T, np.ones(2, np.float32)))
        del m.bias
        return (list(m._parameters), list(m._buffers), list(m._modules), sorted(m._non_persistent_buffers_set),
                list(m.state_dict()), "plain" in m.__dict__, m.weight is None)
    a, b = both(info)
    assert a == b


def _err(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return type(e).__name__, str(e)
    return None


REG_CASES = [
    lambda T, m: m.register_buffer("a.b", None),
    lambda T, m: m.register_buffer("", None),
    lambda T, m: m.register_buffer("weight", None),
    lambda T, m: m.register_buffer("x", 3),
    lambda T, m: m.register_buffer(1, None),
    lambda T, m: m.register_parameter("a.b", None),
    lambda T, m: m.register_parameter("", None),
    lambda T, m: m.register_parameter("forward", None),
    lambda T, m: m.register_parameter("p", tt(T, np.ones(2, np.float32))),
    lambda T, m: m.register_parameter(2, None),
    lambda T, m: m.add_module("a.b", T.nn.Module()),
    lambda T, m: m.add_module("", T.nn.Module()),
    lambda T, m: m.add_module("weight", T.nn.Module()),
    lambda T, m: m.add_module("x", 3),
    lambda T, m: m.add_module(3, T.nn.Module()),
    lambda T, m: setattr(m, "weight", tt(T, np.ones(2, np.float32))),
    lambda T, m: setattr(m, "weight", 1.5),
    lambda T, m: (m.register_buffer("buf", None), setattr(m, "buf", 7)),
    lambda T, m: (m.add_module("child", T.nn.Module()), setattr(m, "child", 7)),
    lambda T, m: m.foo,
    lambda T, m: m.get_submodule("nothere"),
    lambda T, m: m.get_submodule("weight"),
    lambda T, m: m.get_parameter("in_features"),
    lambda T, m: m.get_parameter("zz"),
    lambda T, m: m.get_buffer("weight"),
    lambda T, m: m.set_submodule("", T.nn.Module()),
    lambda T, m: m.train("yes"),
    lambda T, m: m.to(T.int64),
    lambda T, m: m.cuda(),
    lambda T, m: m.undefined_method(),
    lambda T, m: T.nn.Module()(1),
    lambda T, m: T.nn.Module(3),
    lambda T, m: T.nn.Parameter(tt(T, np.arange(3))),
]


@pytest.mark.parametrize("case", range(len(REG_CASES)))
def test_registration_errors_match_torch(pair, case):
    def run(T):
        m = pair[T][0](2, 2)
        return _err(lambda: REG_CASES[case](T, m))
    a, b = both(run)
    assert a is not None
    assert a == b


def test_get_submodule_parameter_buffer(pair):
    def info(T):
        net = pair[T][2]()
        return (type(net.get_submodule("blocks.2")).__name__, tuple(net.get_parameter("blocks.0.weight").shape),
                tuple(net.get_buffer("blocks.2.running").shape), net.get_submodule("") is net,
                net.get_parameter("gain") is net.gain)
    a, b = both(info)
    assert a == b
    net = pair[gk][2]()
    new = pair[gk][0](4, 4)
    net.set_submodule("blocks.1", new)
    assert net.blocks[1] is new
    with pytest.raises(AttributeError):
        net.set_submodule("blocks.zz", new, strict=True)


# -- state dict ---------------------------------------------------------------------------------
def test_state_dict_keys_order_values(pair):
    def info(T):
        net = pair[T][2]()
        sd = net.state_dict()
        return list(sd), [npy(v).copy() for v in sd.values()], dict(sd._metadata), \
            [v.requires_grad for v in sd.values()], list(net.state_dict(prefix="p.")), type(sd).__name__
    (k1, v1, m1, r1, p1, t1), (k2, v2, m2, r2, p2, t2) = both(info)
    assert k1 == k2 and m1 == m2 and r1 == r2 and p1 == p2 and t1 == t2
    for x, y in zip(v1, v2):
        assert x.dtype == y.dtype
        np.testing.assert_array_equal(x, y)


def test_state_dict_keep_vars_and_destination():
    net = classes(gk)[2]()
    sd = net.state_dict(keep_vars=True)
    assert sd["gain"] is net.gain and sd["norm.running"] is net.norm.running
    sd2 = net.state_dict()
    assert sd2["gain"] is not net.gain and not sd2["gain"].requires_grad
    assert np.shares_memory(sd2["gain"]._data, net.gain._data)
    dest = OrderedDict()
    out = net.state_dict(destination=dest, prefix="x.")
    assert out is dest and list(dest)[:2] == ["x.gain", "x.fc1.weight"]


def test_load_state_dict_roundtrip_and_copy_semantics(pair):
    Net = pair[gk][2]
    a, b = Net(), Net()
    for p in a.parameters():
        p.data = _wrap(p._data * 3 + 1)
    w_before = b.fc1.weight
    res = b.load_state_dict(a.state_dict())
    assert repr(res) == "<All keys matched successfully>" == str(res)
    assert res.missing_keys == [] and res.unexpected_keys == []
    assert b.fc1.weight is w_before
    for t1, t2 in zip(a.state_dict().values(), b.state_dict().values()):
        np.testing.assert_array_equal(t1._data, t2._data)
        assert not np.shares_memory(t1._data, t2._data)


LOAD_CASES = ["missing", "unexpected", "both", "size", "nontensor", "scalar1", "nonstrict", "none_param",
              "child_unexpected", "not_mapping"]


@pytest.mark.parametrize("case", LOAD_CASES)
def test_load_state_dict_errors_match_torch(pair, case):
    def run(T):
        Affine = pair[T][0]
        m = T.nn.Sequential(Affine(3, 2), pair[T][1](2))
        sd = m.state_dict()
        strict = True
        if case == "missing":
            del sd["0.bias"]
        elif case == "unexpected":
            sd["0.extra"] = tt(T, np.ones(1, np.float32))
        elif case == "both":
            del sd["1.running"]
            sd["extra"] = tt(T, np.ones(1, np.float32))
            sd["2.w"] = tt(T, np.ones(1, np.float32))
        elif case == "size":
            sd["0.weight"] = tt(T, np.ones((3, 3), np.float32))
            sd["0.bias"] = tt(T, np.ones(3, np.float32))
        elif case == "nontensor":
            sd["0.bias"] = [1.0, 2.0]
        elif case == "scalar1":
            sd["1.count"] = tt(T, np.array([5], np.int64))
        elif case == "nonstrict":
            del sd["0.bias"]
            sd["1.zz"] = tt(T, np.ones(1, np.float32))
            strict = False
        elif case == "none_param":
            m[0].bias = None
        elif case == "child_unexpected":
            sd["1.sub.x"] = tt(T, np.ones(1, np.float32))
        elif case == "not_mapping":
            sd = [1, 2]
        try:
            res = m.load_state_dict(sd, strict=strict)
        except Exception as e:  # noqa: BLE001
            return type(e).__name__, str(e)
        return repr(res), list(res.missing_keys), list(res.unexpected_keys), int(npy(m[1].count))
    a, b = both(run)
    assert a == b


def test_load_state_dict_assign(pair):
    def run(T):
        m = pair[T][0](2, 3)
        src = {"weight": tt(T, rand(9, 3, 2)), "bias": tt(T, rand(8, 3))}
        m.bias.requires_grad_(False)
        m.load_state_dict(src, assign=True)
        return (type(m.weight).__name__, m.weight.requires_grad, m.bias.requires_grad,
                bool(np.shares_memory(npy(m.weight), npy(src["weight"]))))
    a, b = both(run)
    assert a == b


def test_load_from_state_dict_override_and_hooks(pair):
    def run(T):
        log = []

        class BN(T.nn.Module):
            _version = 2

            def __init__(self):
                super().__init__()
                self.register_buffer("running", tt(T, np.zeros(2, np.float32)))
                self.register_buffer("num_batches_tracked", tt(T, np.array(0, np.int64)))

            def _load_from_state_dict(self, state_dict, prefix, local_metadata, strict, missing, unexpected,
                                      errors):
                version = local_metadata.get("version", None)
                log.append(("version", version))
                key = prefix + "num_batches_tracked"
                if key not in state_dict:
                    state_dict[key] = tt(T, np.array(7, np.int64))
                super()._load_from_state_dict(state_dict, prefix, local_metadata, strict, missing, unexpected,
                                              errors)

        m = T.nn.Sequential(BN())
        m.register_load_state_dict_post_hook(lambda mod, keys: log.append(("post", list(keys.missing_keys))))
        m[0].register_load_state_dict_pre_hook(
            lambda mod, sd, prefix, *rest: log.append(("pre", type(mod).__name__, prefix)))
        m.register_state_dict_pre_hook(lambda mod, prefix, keep: log.append(("sd_pre", prefix, keep)))
        m.register_state_dict_post_hook(lambda mod, sd, prefix, meta: log.append(("sd_post", list(sd))))
        sd = m.state_dict()
        log.append(("meta", dict(sd._metadata)))
        plain = {"0.running": tt(T, np.ones(2, np.float32))}
        m.load_state_dict(plain)
        log.append(int(npy(m[0].num_batches_tracked)))
        return log
    a, b = both(run)
    assert a == b


def test_extra_state(pair):
    def run(T):
        class WithExtra(T.nn.Module):
            def __init__(self):
                super().__init__()
                self.value = 3
                self.w = T.nn.Parameter(tt(T, np.ones(1, np.float32)))

            def get_extra_state(self):
                return {"value": self.value}

            def set_extra_state(self, state):
                self.value = state["value"]

        m = T.nn.Sequential(WithExtra())
        sd = m.state_dict()
        keys = list(sd)
        sd["0._extra_state"] = {"value": 11}
        m.load_state_dict(sd)
        del sd["0._extra_state"]
        err = _err(lambda: m.load_state_dict(sd))
        return keys, m[0].value, err
    a, b = both(run)
    assert a == b


# -- modes, conversion, grads -------------------------------------------------------------------
def test_train_eval_requires_grad_apply(pair):
    def run(T):
        net = pair[T][2]()
        out = [net.training]
        r = net.eval()
        out += [r is net, [m.training for m in net.modules()]]
        net.train()
        out.append(all(m.training for m in net.modules()))
        net.blocks.train(False)
        out.append([m.training for m in net.modules()])
        net.requires_grad_(False)
        out.append([p.requires_grad for p in net.parameters()])
        names = []
        net.apply(lambda m: names.append(type(m).__name__))
        out.append(names)
        return out
    a, b = both(run)
    assert a == b


def test_to_and_dtype_conversion(pair):
    def run(T):
        net = pair[T][2]()
        w = net.fc1.weight
        out = []
        for conv in (lambda m: m.double(), lambda m: m.float(), lambda m: m.half(), lambda m: m.to(T.float64),
                     lambda m: m.to(dtype=T.float32), lambda m: m.to("cpu"), lambda m: m.type(T.float64),
                     lambda m: m.to(tt(T, np.zeros(1, np.float32))), lambda m: m.cpu()):
            r = conv(net)
            out.append((r is net, net.fc1.weight is w, [str(t.dtype) for t in net.state_dict().values()]))
        return out
    a, b = both(run)
    assert a == b


def test_to_keeps_grad_and_converts_it():
    net = classes(gk)[0](2, 2)
    net.weight.grad = _wrap(np.ones((2, 2), np.float32))
    g = net.weight.grad
    net.double()
    assert net.weight.grad is g and net.weight.grad.dtype == gk.float64
    assert isinstance(net.weight, gk.nn.Parameter)


def test_zero_grad(pair):
    def run(T):
        m = pair[T][0](2, 2)
        m.weight.grad = tt(T, np.ones((2, 2), np.float32))
        m.bias.grad = tt(T, np.ones(2, np.float32))
        g = m.weight.grad
        m.zero_grad(set_to_none=False)
        r1 = (m.weight.grad is g, npy(m.weight.grad).tolist())
        m.zero_grad()
        return r1, m.weight.grad, m.bias.grad
    a, b = both(run)
    assert a == b


# -- forward hooks -------------------------------------------------------------------------------
def test_forward_hooks_order_and_effects(pair):
    def run(T):
        log = []
        m = pair[T][0](2, 2)
        h1 = m.register_forward_pre_hook(lambda mod, args: log.append(("pre1", len(args))))
        m.register_forward_pre_hook(lambda mod, args: (log.append("pre0"), None)[1], prepend=True)
        m.register_forward_pre_hook(lambda mod, args, kw: (log.append(("prekw", sorted(kw))), (args, kw))[1],
                                    with_kwargs=True)
        m.register_forward_pre_hook(lambda mod, args: args[0] * 2)
        m.register_forward_hook(lambda mod, args, out: (log.append("fwd1"), out + 1)[1])
        m.register_forward_hook(lambda mod, args, kw, out: log.append(("fwdkw", sorted(kw))), with_kwargs=True)
        h3 = m.register_forward_hook(lambda mod, args, out: log.append("fwd0"), prepend=True)
        x = tt(T, rand(4, 3, 2))
        y1 = npy(m(x)).copy()
        h1.remove()
        h3.remove()
        y2 = npy(m(x)).copy()
        with m.register_forward_hook(lambda mod, args, out: log.append("ctx")):
            m(x)
        m(x)
        return log, y1, y2
    (l1, a1, a2), (l2, b1, b2) = both(run)
    assert l1 == l2
    np.testing.assert_allclose(a1, b1, rtol=1e-6)
    np.testing.assert_allclose(a2, b2, rtol=1e-6)


def test_forward_hook_always_call_and_bad_pre_hook(pair):
    def run(T):
        log = []

        class Boom(T.nn.Module):
            def forward(self, x):
                raise ValueError("boom")

        m = Boom()
        m.register_forward_hook(lambda mod, args, out: log.append(("always", out)), always_call=True)
        m.register_forward_hook(lambda mod, args, out: log.append("normal"))
        e1 = _err(lambda: m(1))
        m2 = pair[T][0](2, 2)
        m2.register_forward_pre_hook(lambda mod, a, k: 5, with_kwargs=True)
        e2 = _err(lambda: m2(tt(T, np.ones((1, 2), np.float32))))
        return log, e1, e2
    a, b = both(run)
    assert a == b


def test_global_forward_hooks(pair):
    def run(T):
        log = []
        mm = T.nn.modules.module
        h1 = mm.register_module_forward_pre_hook(lambda mod, args: log.append(("gpre", type(mod).__name__)))
        h2 = mm.register_module_forward_hook(lambda mod, args, out: log.append(("gfwd", type(mod).__name__)))
        try:
            m = pair[T][0](2, 2)
            m.register_forward_pre_hook(lambda mod, args: log.append("local_pre"))
            m(tt(T, np.ones((1, 2), np.float32)))
        finally:
            h1.remove()
            h2.remove()
        m(tt(T, np.ones((1, 2), np.float32)))
        return log
    a, b = both(run)
    assert a == b


# -- backward hooks ------------------------------------------------------------------------------
def _grads(ts):
    return [None if g is None else npy(g).copy() for g in ts]


def _same(a, b):
    assert type(a) is type(b) or (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)), (a, b)
    if isinstance(a, (list, tuple)):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            _same(x, y)
    elif isinstance(a, np.ndarray):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)
    else:
        assert a == b


@pytest.mark.parametrize("x_grad", [True, False])
def test_full_backward_hooks(pair, x_grad):
    def run(T):
        log = []
        Affine = pair[T][0]
        net = T.nn.Sequential(Affine(3, 4, seed=1), Affine(4, 2, seed=2))

        def pre(name):
            def h(mod, grad_out):
                log.append((name, "pre", _grads(grad_out)))
                return (grad_out[0] * 2,) if name == "l1" else None
            return h

        def full(name):
            def h(mod, grad_in, grad_out):
                log.append((name, "full", _grads(grad_in), _grads(grad_out)))
                if name == "l0" and grad_in[0] is not None:
                    return (grad_in[0] * 0.5,)
            return h

        for i, layer in enumerate(net):
            layer.register_full_backward_pre_hook(pre(f"l{i}"))
            layer.register_full_backward_hook(full(f"l{i}"))
        net.register_full_backward_hook(full("seq"))
        x = tt(T, rand(7, 5, 3), requires_grad=x_grad)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            (net(x) ** 2).sum().backward()
        return log, [npy(p.grad).copy() for p in net.parameters()], None if x.grad is None else npy(x.grad).copy()
    a, b = both(run)
    _same(a, b)


def test_backward_hook_multiple_inputs_and_outputs(pair):
    def run(T):
        log = []

        class Two(T.nn.Module):
            def forward(self, a, k, b):
                return a * b * k, a + b

        m = Two()

        def full(mod, gi, go):
            log.append(("full", _grads(gi), _grads(go)))
            return (gi[0] * 3, None, gi[2])

        m.register_full_backward_hook(full)
        m.register_full_backward_pre_hook(lambda mod, go: log.append(("pre", _grads(go))))
        a = tt(T, rand(1, 4), requires_grad=True)
        b = tt(T, rand(2, 4), requires_grad=True)
        u, v = m(a, 2.0, b)
        (u.sum() + (v * v).sum()).backward()
        return log, npy(a.grad).copy(), npy(b.grad).copy()
    x, y = both(run)
    _same(x, y)


def test_backward_hook_handle_removal_and_no_grad(pair):
    def run(T):
        log = []
        m = pair[T][0](2, 2)
        h = m.register_full_backward_hook(lambda mod, gi, go: log.append("full"))
        x = tt(T, rand(3, 4, 2), requires_grad=True)
        m(x).sum().backward()
        h.remove()
        m(x).sum().backward()
        m.register_full_backward_hook(lambda mod, gi, go: log.append("again"))
        with T.no_grad():
            y = m(x)
        log.append(y.requires_grad)
        err = _err(lambda: m.register_backward_hook(lambda *a: None))
        return log, err
    a, b = both(run)
    assert a == b


# -- printing ------------------------------------------------------------------------------------
def test_repr_matches_torch(pair):
    def run(T):
        net = pair[T][2]()
        net.lst = T.nn.ModuleList([pair[T][0](2, 2) for _ in range(3)] + [pair[T][1](2), pair[T][1](2),
                                                                            pair[T][0](1, 1)])
        net.empty = T.nn.ModuleList()
        net.dct = T.nn.ModuleDict({"b": pair[T][0](1, 2), "a": T.nn.Sequential()})
        net.nothing = None
        return repr(net), repr(T.nn.Module()), repr(pair[T][0](2, 3, bias=False))
    a, b = both(run)
    assert a == b


def test_dir_and_attribute_error():
    m = classes(gk)[2]()
    d = dir(m)
    for name in ("fc1", "gain", "blocks", "forward", "training", "state_dict"):
        assert name in d
    assert d == sorted(d)
    with pytest.raises(AttributeError, match="'Net' object has no attribute 'nope'"):
        m.nope  # noqa: B018
    assert not hasattr(m, "nope")


def test_incompatible_keys_repr_matches_torch():
    from torch.nn.modules.module import _IncompatibleKeys as TK

    from gradkit.nn.modules.module import _IncompatibleKeys as GK
    for args in (([], []), (["a"], []), (["a", "b"], ["c"])):
        assert repr(GK(*args)) == repr(TK(*args))
        assert GK(*args) == TK(*args)


# -- copying -------------------------------------------------------------------------------------
def _check_copy(net, c):
    assert repr(c) == repr(net)
    assert list(c.state_dict()) == list(net.state_dict())
    for (_, p), (_, q) in zip(net.state_dict(keep_vars=True).items(), c.state_dict(keep_vars=True).items()):
        assert p is not q and type(p) is type(q)
        np.testing.assert_array_equal(p._data, q._data)
        assert not np.shares_memory(p._data, q._data)
        assert p.requires_grad == q.requires_grad
    assert c.blocks[0] is not net.blocks[0]


GkAffine, GkNorm, GkNet = classes(gk)
for _c in (GkAffine, GkNorm, GkNet):
    _c.__qualname__ = "Gk" + _c.__name__


def test_deepcopy_and_pickle():
    net = GkNet()
    net.tied = net.fc1
    net.fc1.weight.grad = _wrap(np.ones((4, 3), np.float32))
    net.eval()
    c = copy.deepcopy(net)
    _check_copy(net, c)
    assert c.tied is c.fc1 and not c.training
    assert c.fc1.weight.grad is None
    log = []
    net.register_forward_hook(_record_hook(log))
    p = pickle.loads(pickle.dumps(net))
    _check_copy(net, p)
    p(_wrap(rand(3, 2, 3)))
    assert log == [] and next(iter(p._forward_hooks.values())).log == ["Net"]


class _record_hook:
    def __init__(self, log):
        self.log = log

    def __call__(self, mod, args, out):
        self.log.append(type(mod).__name__)


def test_deepcopy_keeps_load_state_dict_pre_hook_bound_to_copy():
    net = classes(gk)[0](2, 2)
    seen = []
    net.register_load_state_dict_pre_hook(lambda mod, *a: seen.append(mod))
    c = copy.deepcopy(net)
    c.load_state_dict(c.state_dict())
    assert seen == [c]


# -- Parameter / Buffer ---------------------------------------------------------------------------
def test_parameter_basics():
    P = gk.nn.Parameter
    t = _wrap(rand(0, 2, 3))
    p = P(t)
    assert isinstance(p, gk.Tensor) and isinstance(p, P) and p.requires_grad and p.is_leaf
    assert np.shares_memory(p._data, t._data)
    assert type(p.detach()) is gk.Tensor and type(p.data) is gk.Tensor
    assert not P(t, requires_grad=False).requires_grad
    with gk.no_grad():
        assert P(t).requires_grad
    assert P().shape == (0,) and P().dtype == gk.float32
    assert repr(p) == repr(torch.nn.Parameter(torch.from_numpy(t._data.copy())))
    assert repr(P(t, False)) == repr(torch.nn.Parameter(torch.from_numpy(t._data.copy()), False))
    q = copy.deepcopy(p)
    assert type(q) is P and q.requires_grad and not np.shares_memory(q._data, p._data)
    r = pickle.loads(pickle.dumps(p))
    assert type(r) is P and r.requires_grad
    np.testing.assert_array_equal(r._data, p._data)


def test_parameter_ops_return_tensors():
    p = gk.nn.Parameter(_wrap(rand(0, 2, 3)))
    for out in (p * 2, p + p, p.sum(), p.t(), p.reshape(6)):
        assert type(out) is gk.Tensor and out.requires_grad


def test_buffer_and_uninitialized():
    B = gk.nn.Buffer
    t = _wrap(rand(0, 3))
    b = B(t, persistent=False)
    assert isinstance(b, B) and type(b) is gk.Tensor and not b.persistent
    assert not isinstance(t, B)
    assert np.shares_memory(b._data, t._data)
    u = gk.nn.UninitializedParameter()
    assert repr(u) == "<UninitializedParameter>" and gk.nn.parameter.is_lazy(u)
    with pytest.raises(RuntimeError, match="uninitialized parameter"):
        u.shape  # noqa: B018
    u.materialize((2, 3))
    assert type(u) is gk.nn.Parameter and u.shape == (2, 3) and u.requires_grad


def test_backward_hooks_unused_output_and_double_backward(pair):
    def run(T):
        log = []

        class Three(T.nn.Module):
            def forward(self, a, b):
                return a * 2, b * 3, a * b

        m = Three()
        m.register_full_backward_pre_hook(lambda mod, go: log.append(("pre", _grads(go))))
        m.register_full_backward_hook(lambda mod, gi, go: log.append(("full", _grads(gi), _grads(go))))
        a = tt(T, rand(20, 3), requires_grad=True)
        b = tt(T, rand(21, 3), requires_grad=True)
        u, v, w = m(a, b)
        u.sum().backward()
        log += [npy(a.grad).copy(), npy(b.grad).copy()]
        r = pair[T][0](3, 3)
        r.register_full_backward_hook(lambda mod, gi, go: log.append(("r", _grads(gi))))
        x = tt(T, rand(22, 2, 3), requires_grad=True)
        (g,) = T.autograd.grad((r(x) ** 2).sum(), x, create_graph=True)
        g.sum().backward()
        log += [npy(x.grad).copy(), npy(r.weight.grad).copy()]
        return log
    a, b = both(run)
    _same(a, b)


def test_global_registration_and_backward_hooks(pair):
    def run(T):
        log = []
        mm = T.nn.modules.module
        hs = [
            mm.register_module_parameter_registration_hook(lambda m, n, p: log.append(("param", n))),
            mm.register_module_buffer_registration_hook(lambda m, n, b: log.append(("buffer", n))),
            mm.register_module_module_registration_hook(lambda m, n, s: log.append(("module", n))),
            mm.register_module_full_backward_pre_hook(lambda m, go: log.append(("gbpre", type(m).__name__))),
            mm.register_module_full_backward_hook(lambda m, gi, go: log.append(("gbfull", type(m).__name__))),
        ]
        try:
            net = T.nn.Sequential(pair[T][0](2, 2), pair[T][1](2))
            net[1].register_full_backward_hook(lambda m, gi, go: log.append("local"))
            net(tt(T, rand(30, 3, 2), requires_grad=True)).sum().backward()
        finally:
            for h in hs:
                h.remove()
        net(tt(T, rand(30, 3, 2), requires_grad=True)).sum().backward()
        return log
    a, b = both(run)
    assert a == b
