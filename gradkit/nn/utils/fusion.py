"""``torch.nn.utils.fusion``: fold an eval-mode BatchNorm into the preceding convolution or linear layer."""
from __future__ import annotations

import copy

from ..._tensor import Tensor
from ...autograd import ops as O
from ..parameter import Parameter

__all__ = ["fuse_conv_bn_eval", "fuse_conv_bn_weights", "fuse_linear_bn_eval", "fuse_linear_bn_weights"]


def fuse_conv_bn_eval(conv, bn, transpose: bool = False):
    """A copy of ``conv`` whose weight and bias include the (eval-mode) batch norm ``bn``."""
    if conv.training or bn.training:
        raise AssertionError("Fusion only for eval!")
    fused = copy.deepcopy(conv)
    if bn.running_mean is None or bn.running_var is None:
        raise AssertionError("running_mean and running_var must be set")
    fused.weight, fused.bias = fuse_conv_bn_weights(fused.weight, fused.bias, bn.running_mean, bn.running_var,
                                                    bn.eps, bn.weight, bn.bias, transpose)
    return fused


def fuse_conv_bn_weights(conv_w: Tensor, conv_b: Tensor | None, bn_rm: Tensor, bn_rv: Tensor, bn_eps: float,
                         bn_w: Tensor | None, bn_b: Tensor | None, transpose: bool = False):
    """Convolution weight and bias with the batch-norm statistics and affine folded in."""
    w_dt = conv_w.dtype
    b_dt = conv_b.dtype if conv_b is not None else w_dt
    if conv_b is None:
        conv_b = O.zeros_like(bn_rm)
    if bn_w is None:
        bn_w = O.ones_like(bn_rm)
    if bn_b is None:
        bn_b = O.zeros_like(bn_rm)
    rsqrt = O.rsqrt(bn_rv + bn_eps)
    shape = [1, -1] + [1] * (conv_w.dim() - 2) if transpose else [-1, 1] + [1] * (conv_w.dim() - 2)
    w = (conv_w * (bn_w * rsqrt).reshape(shape)).to(dtype=w_dt)
    b = ((conv_b - bn_rm) * rsqrt * bn_w + bn_b).to(dtype=b_dt)
    return Parameter(w, conv_w.requires_grad), Parameter(b, conv_b.requires_grad)


def fuse_linear_bn_eval(linear, bn):
    """A copy of ``linear`` whose weight and bias include the (eval-mode) batch norm ``bn``."""
    if linear.training or bn.training:
        raise AssertionError("Fusion only for eval!")
    if not (linear.out_features == bn.num_features or bn.num_features == 1):
        raise AssertionError("To fuse, linear.out_features == bn.num_features or bn.num_features == 1")
    fused = copy.deepcopy(linear)
    fused.weight, fused.bias = fuse_linear_bn_weights(fused.weight, fused.bias, bn.running_mean, bn.running_var,
                                                      bn.eps, bn.weight, bn.bias)
    return fused


def fuse_linear_bn_weights(linear_w: Tensor, linear_b: Tensor | None, bn_rm: Tensor, bn_rv: Tensor, bn_eps: float,
                           bn_w: Tensor, bn_b: Tensor):
    """Linear weight and bias with the batch-norm statistics and affine folded in."""
    w_dt = linear_w.dtype
    b_dt = linear_b.dtype if linear_b is not None else w_dt
    if linear_b is None:
        linear_b = O.zeros_like(bn_rm)
    scale = bn_w * O.rsqrt(bn_rv + bn_eps)
    w = linear_w * scale.unsqueeze(-1).to(dtype=w_dt)
    b = ((linear_b - bn_rm) * scale + bn_b).to(dtype=b_dt)
    return Parameter(w, linear_w.requires_grad), Parameter(b, linear_b.requires_grad)
