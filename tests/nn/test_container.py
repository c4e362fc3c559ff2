"""Containers against torch: Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict."""
import copy
import pickle
from collections import OrderedDict

import numpy as np
import pytest
import torch

import gradkit as gk
import gradkit.nn  # noqa: F401
from gradkit._tensor import _wrap

BOTH = [torch, gk]


def tt(T, arr):
    arr = np.array(arr)
    return torch.from_numpy(arr) if T is torch else _wrap(arr)


def rand(seed, *shape):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


def _err(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return type(e).__name__, str(e).replace("gradkit", "torch")
    return None


_LEAVES = {}


def leaf_cls(T):
    """A parameter-free module whose forward appends its tag to a list (no tensor ops needed)."""
    if T not in _LEAVES:
        class Leaf(T.nn.Module):
            def __init__(self, tag, size=1):
                super().__init__()
                self.tag, self.size = tag, size

            def forward(self, x):
                return x + [self.tag]

            def extra_repr(self):
                return f"size={self.size}"

        class Block(T.nn.Module):
            def __init__(self, n):
                super().__init__()
                self.inner = T.nn.Sequential(*[Leaf(f"b{i}") for i in range(n)])
                self.w = T.nn.Parameter(tt(T, np.ones(n, np.float32)))

            def forward(self, x):
                return self.inner(x)

        _LEAVES[T] = (Leaf, Block)
    return _LEAVES[T]


def both(fn):
    a, b = (fn(T) for T in BOTH)
    assert a == b
    return a


def test_sequential_construction_forward_repr():
    def run(T):
        Leaf, Block = leaf_cls(T)
        s = T.nn.Sequential(Leaf("a"), Leaf("b", 2), Block(2))
        d = T.nn.Sequential(OrderedDict([("first", Leaf("x")), ("second", Leaf("y"))]))
        return (repr(s), repr(d), s([]), d(["in"]), len(s), [n for n, _ in d.named_children()],
                repr(T.nn.Sequential()), T.nn.Sequential()([1]), list(s.state_dict()))
    both(run)


def test_sequential_indexing_and_mutation():
    def run(T):
        Leaf, _ = leaf_cls(T)
        s = T.nn.Sequential(*[Leaf(c) for c in "abcde"])
        out = [s[0].tag, s[-1].tag, s[-5].tag, type(s[1:3]).__name__, repr(s[1:3]), repr(s[::-2]),
               [m.tag for m in s], _err(lambda: s[5]), _err(lambda: s[-6]), _err(lambda: s["a"])]
        s[1] = Leaf("B")
        s[-1] = Leaf("E")
        out.append(repr(s))
        s.append(Leaf("f"))
        s.insert(0, Leaf("z"))
        s.insert(-1, Leaf("y"))
        s.insert(len(s), Leaf("end"))
        out.append(repr(s))
        out.append(_err(lambda: s.insert(100, Leaf("q"))))
        out.append(_err(lambda: s.insert(0, 3)))
        del s[0]
        del s[1:3]
        out.append(repr(s))
        out.append(s.pop(1).tag)
        out.append(s.pop(-1).tag)
        s.extend([Leaf("g"), Leaf("h")])
        out.append(repr(s))
        out.append(s(["start"]))
        return out
    both(run)


def test_sequential_arithmetic():
    def run(T):
        Leaf, _ = leaf_cls(T)
        a = T.nn.Sequential(Leaf("a"), Leaf("b"))
        b = T.nn.Sequential(OrderedDict(x=Leaf("x")))
        c = a + b
        out = [repr(c), c[0] is a[0]]
        out.append(repr(a * 2))
        out.append(repr(2 * b))
        out.append(_err(lambda: a + [Leaf("q")]))
        out.append(_err(lambda: a * 0))
        out.append(_err(lambda: a * 1.5))
        a += b
        out.append(repr(a))
        a *= 2
        out.append([m.tag for m in a])
        return out
    both(run)


def test_sequential_dir_hides_indices():
    Leaf, _ = leaf_cls(gk)
    s = gk.nn.Sequential(Leaf("a"), Leaf("b"))
    assert "0" not in dir(s) and "append" in dir(s)


def test_modulelist_repr_compression():
    def run(T):
        Leaf, Block = leaf_cls(T)
        lst = T.nn.ModuleList([Leaf("a")] * 3 + [Leaf("b", 2), Block(2), Block(2), Leaf("c"), Leaf("c", 3),
                                                   Leaf("c", 3)])
        nested = T.nn.ModuleList([T.nn.ModuleList([Leaf("q"), Leaf("q")]), Leaf("q")])
        return repr(lst), repr(nested), repr(T.nn.ModuleList()), repr(T.nn.ModuleList([Leaf("s")]))
    both(run)


def test_modulelist_operations():
    def run(T):
        Leaf, _ = leaf_cls(T)
        ml = T.nn.ModuleList(Leaf(c) for c in "abcd")
        out = [len(ml), ml[-1].tag, [m.tag for m in ml[1:3]], type(ml[::2]).__name__, _err(lambda: ml[4]),
               _err(lambda: ml[-5])]
        ml[0] = Leaf("A")
        ml.append(Leaf("e"))
        ml.insert(1, Leaf("ins"))
        ml.extend([Leaf("f")])
        ml += [Leaf("g")]
        out.append([m.tag for m in ml])
        del ml[-1]
        del ml[0:2]
        out.append([n for n, _ in ml.named_children()])
        out.append(ml.pop(0).tag)
        out.append([m.tag for m in ml + T.nn.ModuleList([Leaf("z")])])
        out.append(_err(lambda: ml.extend(3)))
        out.append(_err(lambda: ml.append(3)))
        out.append(repr(ml))
        return out
    both(run)


def test_moduledict():
    def run(T):
        Leaf, _ = leaf_cls(T)
        md = T.nn.ModuleDict({"z": Leaf("z"), "a": Leaf("a")})
        md.update([("m", Leaf("m")), ["b", Leaf("b")]])
        md.update(OrderedDict(c=Leaf("c")))
        md["z"] = Leaf("z2")
        out = [list(md), list(md.keys()), [m.tag for m in md.values()], [k for k, _ in md.items()], len(md),
               "a" in md, "q" in md, repr(md)]
        out.append(md.pop("a").tag)
        del md["m"]
        out.append(list(md))
        out.append(_err(lambda: md.update(3)))
        out.append(_err(lambda: md.update([1])))
        out.append(_err(lambda: md.update([("a",)])))
        out.append(_err(lambda: md["nope"]))
        out.append(_err(lambda: md.__setitem__("x.y", Leaf("x"))))
        md.clear()
        out.append((len(md), repr(md)))
        return out
    both(run)


def test_parameterlist():
    def run(T):
        pl = T.nn.ParameterList([tt(T, rand(0, 2, 3)), T.nn.Parameter(tt(T, rand(1, 4))), "text",
                                 tt(T, np.arange(3, dtype=np.float64))])
        pl.append(tt(T, np.zeros((1, 1, 2), np.float32)))
        pl.extend([T.nn.Parameter(tt(T, rand(2, 1)), requires_grad=False)])
        out = [repr(pl), len(pl), [type(p).__name__ for p in pl], [n for n, _ in pl.named_parameters()],
               list(pl.state_dict()), [p.requires_grad for p in pl.parameters()]]
        out.append(repr(pl[1:3]))
        out.append(type(pl[-1]).__name__)
        pl[0] = tt(T, np.ones(5, np.float32))
        out.append(tuple(pl[0].shape))
        out.append(_err(lambda: pl[9]))
        out.append(_err(lambda: pl.extend(tt(T, np.ones(2, np.float32)))))
        out.append(_err(lambda: pl(1)))
        out.append(repr(T.nn.ParameterList()))
        return out
    both(run)


def test_parameterdict():
    def run(T):
        pd = T.nn.ParameterDict({"b": tt(T, rand(0, 2)), "a": T.nn.Parameter(tt(T, rand(1, 3, 1)))})
        pd.update(OrderedDict([("z", tt(T, rand(2, 1))), ("c", "obj")]))
        pd.update([("y", tt(T, np.ones(2, np.float64)))])
        out = [list(pd), repr(pd), [n for n, _ in pd.named_parameters()], len(pd), "a" in pd,
               type(pd["b"]).__name__]
        out.append(pd.get("nope", 5))
        out.append(type(pd.setdefault("new", tt(T, np.ones(1, np.float32)))).__name__)
        out.append(pd.pop("z").shape == (1,))
        out.append(pd.popitem()[0])
        out.append(list(reversed(pd)))
        out.append(list(pd.copy()))
        out.append(list(pd.fromkeys(["p", "q"])))
        out.append(list(pd | T.nn.ParameterDict({"k": tt(T, np.ones(1, np.float32))})))
        out.append(_err(lambda: pd[1]))
        out.append(_err(lambda: pd.update(5)))
        out.append(_err(lambda: pd.update([("a", 1, 2)])))
        out.append(_err(lambda: pd(1)))
        del pd["a"]
        out.append(list(pd.keys()))
        pd.clear()
        out.append((len(pd), repr(pd)))
        return out
    both(run)


def test_containers_deepcopy_and_pickle():
    pl = gk.nn.ParameterList([_wrap(rand(0, 2))])
    pd = gk.nn.ParameterDict({"w": _wrap(rand(1, 3))})
    seq = gk.nn.Sequential(gk.nn.ModuleList([gk.nn.Module()]), gk.nn.ModuleDict({"p": pl, "d": pd}))
    for c in (copy.deepcopy(seq), pickle.loads(pickle.dumps(seq))):
        assert repr(c) == repr(seq)
        assert list(c.state_dict()) == list(seq.state_dict()) == ["1.p.0", "1.d.w"]
        assert len(c[1]["p"]) == 1 and list(c[1]["d"]) == ["w"]
        assert c[1]["p"][0] is not pl[0]
        np.testing.assert_array_equal(c[1]["d"]["w"]._data, pd["w"]._data)


def test_container_state_dict_roundtrip():
    def run(T):
        _, Block = leaf_cls(T)
        src = T.nn.ModuleDict({"l": T.nn.ModuleList([Block(2), Block(3)]), "s": T.nn.Sequential(Block(1))})
        dst = T.nn.ModuleDict({"l": T.nn.ModuleList([Block(2), Block(3)]), "s": T.nn.Sequential(Block(1))})
        keys = list(src.state_dict())
        res = repr(dst.load_state_dict(src.state_dict()))
        dst2 = T.nn.ModuleDict({"l": T.nn.ModuleList([Block(2)])})
        err = _err(lambda: dst2.load_state_dict(src.state_dict()))
        return keys, res, err
    both(run)


@pytest.mark.parametrize("cls", ["Sequential", "ModuleList", "ModuleDict", "ParameterList", "ParameterDict"])
def test_empty_container_repr(cls):
    assert repr(getattr(gk.nn, cls)()) == repr(getattr(torch.nn, cls)())
