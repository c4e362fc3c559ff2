"""Parity tests for fixes found by the s6r reinforcement-learning conformance programs."""
import numpy as np
import pytest
import torch

import gradkit as gk


@pytest.mark.parametrize("default", ["float32", "float64"])
@pytest.mark.parametrize("args", [((2, 3),), (2, 3), ([1, 2.5],), ([[1, 2], [3, 4]],), ([],)])
def test_legacy_tensor_constructor_follows_default_dtype(default, args):
    old_t, old_g = torch.get_default_dtype(), gk.get_default_dtype()
    try:
        torch.set_default_dtype(getattr(torch, default))
        gk.set_default_dtype(getattr(gk, default))
        t, g = torch.Tensor(*args), gk.Tensor(*args)
        assert str(g.dtype) == str(t.dtype)
        assert tuple(g.shape) == tuple(t.shape)
        if not isinstance(args[0], tuple) and not isinstance(args[0], int):
            np.testing.assert_array_equal(g.numpy(), t.numpy())
        s_t, s_g = torch.Tensor(torch.Size([3])), gk.Tensor(gk.Size([3]))
        assert str(s_g.dtype) == str(s_t.dtype) and tuple(s_g.shape) == tuple(s_t.shape)
    finally:
        torch.set_default_dtype(old_t)
        gk.set_default_dtype(old_g)


def test_legacy_tensor_constructor_grad_under_float64():
    old_t, old_g = torch.get_default_dtype(), gk.get_default_dtype()
    rng = np.random.default_rng(0)
    data = rng.standard_normal((3, 4)).tolist()
    try:
        torch.set_default_dtype(torch.float64)
        gk.set_default_dtype(gk.float64)
        t = torch.Tensor(data).requires_grad_()
        g = gk.Tensor(data).requires_grad_()
        (t.tanh() * t).sum().backward()
        (g.tanh() * g).sum().backward()
        np.testing.assert_allclose(g.grad.numpy(), t.grad.numpy(), rtol=1e-12)
        assert g.grad.numpy().dtype == np.float64
    finally:
        torch.set_default_dtype(old_t)
        gk.set_default_dtype(old_g)


def test_volatile_flag_is_always_false_and_warns():
    rng = np.random.default_rng(1)
    data = rng.standard_normal(3).astype(np.float32)
    for mod in (torch, gk):
        x = mod.tensor(data, requires_grad=True)
        with pytest.warns(UserWarning, match="volatile was removed"):
            assert x.volatile is False
        with pytest.warns(UserWarning, match="no effect"):
            x.volatile = True
        with pytest.warns(UserWarning):
            assert x.volatile is False
        assert x.requires_grad
    t = torch.tensor(data, requires_grad=True)
    g = gk.tensor(data, requires_grad=True)
    with pytest.warns(UserWarning):
        t.volatile = True
        g.volatile = True
    (t * t).sum().backward()
    (g * g).sum().backward()
    np.testing.assert_allclose(g.grad.numpy(), t.grad.numpy(), rtol=1e-6)
