"""Library classes print under torch's names, so ``print(type(model))`` reads the same under both."""
import inspect

import pytest
import torch

import gradkit as gk

SKIP = {"DataParallel", "_LRScheduler", "Tensor"}  # DataParallel/_LRScheduler: gradkit keeps them elsewhere


def _pairs():
    for ns in ("nn", "optim", "optim.lr_scheduler", "nn.utils.parametrize"):
        t_ns, g_ns = torch, gk
        for part in ns.split("."):
            t_ns, g_ns = getattr(t_ns, part), getattr(g_ns, part)
        for name in dir(t_ns):
            t_cls, g_cls = getattr(t_ns, name, None), getattr(g_ns, name, None)
            if inspect.isclass(t_cls) and inspect.isclass(g_cls) and name not in SKIP and \
                    issubclass(g_cls, (gk.nn.Module, gk.optim.Optimizer, gk.optim.lr_scheduler.LRScheduler)):
                yield f"{ns}.{name}", t_cls, g_cls


PAIRS = list(_pairs())


def test_enough_classes_are_compared():
    assert len(PAIRS) > 150


@pytest.mark.parametrize("name,t_cls,g_cls", PAIRS, ids=[p[0] for p in PAIRS])
def test_class_repr_matches_torch(name, t_cls, g_cls):
    assert repr(g_cls) == repr(t_cls)
    assert str(g_cls) == str(t_cls)


def test_user_subclasses_keep_their_own_module():
    class Net(gk.nn.Module):
        pass

    class TNet(torch.nn.Module):
        pass

    assert repr(Net) == repr(TNet).replace("TNet", "Net")
    assert repr(type(gk.nn.Linear(2, 3))) == repr(type(torch.nn.Linear(2, 3)))


def test_dataloader_prints_like_torch():
    assert repr(type(gk.utils.data.DataLoader([1, 2]))) == repr(type(torch.utils.data.DataLoader([1, 2])))


def _graph_types(T):
    x = T.ones(4, 3, requires_grad=True)
    w = T.ones(3, 2, requires_grad=True)
    loss = T.nn.functional.mse_loss((x @ w).relu(), T.zeros(4, 2)) + (x * 2).sum() + x.exp().mean()

    class Double(T.autograd.Function):
        @staticmethod
        def forward(ctx, a):
            return a * 2

        @staticmethod
        def backward(ctx, g):
            return g * 2

    seen, stack = [], [loss.grad_fn, Double.apply(x).grad_fn]
    while stack:
        n = stack.pop()
        if n is not None:
            seen.append(repr(type(n)).replace("Double", "F"))
            stack.extend(f for f, _ in n.next_functions)
    return seen


def test_graph_node_types_print_like_torch():
    assert _graph_types(gk) == _graph_types(torch)
