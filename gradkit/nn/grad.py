"""``torch.nn.grad``: the gradients of a convolution with respect to its input and to its weight, given the
gradient of its output."""
from __future__ import annotations

from .._tensor import Tensor
from ..autograd import grad as _grad
from ..autograd import ops as O
from ..autograd.grad_mode import enable_grad
from . import functional as F

__all__ = ["conv1d_input", "conv1d_weight", "conv2d_input", "conv2d_weight", "conv3d_input", "conv3d_weight"]


def _input_grad(conv, input_size, weight: Tensor, grad_output: Tensor, stride, padding, dilation, groups) -> Tensor:
    with enable_grad():
        x = O.zeros(tuple(input_size), dtype=grad_output.dtype).requires_grad_(True)
        y = conv(x, weight.detach(), None, stride, padding, dilation, groups)
        return _grad(y, x, grad_output, create_graph=grad_output.requires_grad or weight.requires_grad)[0]


def _weight_grad(conv, input: Tensor, weight_size, grad_output: Tensor, stride, padding, dilation, groups) -> Tensor:
    with enable_grad():
        w = O.zeros(tuple(weight_size), dtype=grad_output.dtype).requires_grad_(True)
        y = conv(input.detach(), w, None, stride, padding, dilation, groups)
        return _grad(y, w, grad_output, create_graph=grad_output.requires_grad or input.requires_grad)[0]


def conv1d_input(input_size, weight, grad_output, stride=1, padding=0, dilation=1, groups=1) -> Tensor:
    """Gradient of ``conv1d`` with respect to its input."""
    return _input_grad(F.conv1d, input_size, weight, grad_output, stride, padding, dilation, groups)


def conv1d_weight(input, weight_size, grad_output, stride=1, padding=0, dilation=1, groups=1) -> Tensor:
    """Gradient of ``conv1d`` with respect to its weight."""
    return _weight_grad(F.conv1d, input, weight_size, grad_output, stride, padding, dilation, groups)


def conv2d_input(input_size, weight, grad_output, stride=1, padding=0, dilation=1, groups=1) -> Tensor:
    """Gradient of ``conv2d`` with respect to its input."""
    return _input_grad(F.conv2d, input_size, weight, grad_output, stride, padding, dilation, groups)


def conv2d_weight(input, weight_size, grad_output, stride=1, padding=0, dilation=1, groups=1) -> Tensor:
    """Gradient of ``conv2d`` with respect to its weight."""
    return _weight_grad(F.conv2d, input, weight_size, grad_output, stride, padding, dilation, groups)


def conv3d_input(input_size, weight, grad_output, stride=1, padding=0, dilation=1, groups=1) -> Tensor:
    """Gradient of ``conv3d`` with respect to its input."""
    return _input_grad(F.conv3d, input_size, weight, grad_output, stride, padding, dilation, groups)


def conv3d_weight(input, weight_size, grad_output, stride=1, padding=0, dilation=1, groups=1) -> Tensor:
    """Gradient of ``conv3d`` with respect to its weight."""
    return _weight_grad(F.conv3d, input, weight_size, grad_output, stride, padding, dilation, groups)
