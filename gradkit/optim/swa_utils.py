"""Stochastic weight averaging and exponential moving averages of models, as
``torch.optim.swa_utils``."""
from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Callable, Iterable
from copy import deepcopy
from typing import Any

import numpy as np

from .._tensor import Tensor, _wrap
from ..autograd.grad_mode import no_grad
from ..nn.modules.batchnorm import _BatchNorm
from ..nn.modules.module import Module
from .lr_scheduler import LRScheduler, _format_param
from .optimizer import Optimizer, _lerp_, _scalar_np_dtype

__all__ = ["AveragedModel", "update_bn", "SWALR", "get_ema_multi_avg_fn", "get_swa_multi_avg_fn",
           "get_ema_avg_fn", "get_swa_avg_fn"]

PARAM_LIST = tuple[Tensor, ...] | list[Tensor]


def _is_float(t: Tensor) -> bool:
    return t._data.dtype.kind in "fc"


def _set(dst: Tensor, value: np.ndarray) -> None:
    dst._data[...] = value
    dst._vc[0] += 1


def _check_decay(decay: float) -> None:
    if decay < 0.0 or decay > 1.0:
        raise ValueError(f"Invalid decay value {decay} provided. Please provide a value in [0,1] range.")


def get_ema_multi_avg_fn(decay: float = 0.999) -> Callable[[PARAM_LIST, PARAM_LIST, Any], None]:
    """In-place exponential moving average over lists of tensors: ``ema = lerp(ema, p, 1 - decay)``."""
    _check_decay(decay)

    def ema_update(ema_param_list: PARAM_LIST, current_param_list: PARAM_LIST, _: Any) -> None:
        if _is_float(ema_param_list[0]):
            for e, p in zip(ema_param_list, current_param_list):
                _lerp_(e._data, p._data.astype(e._data.dtype, copy=False), 1 - decay)
                e._vc[0] += 1
        else:
            for e, p in zip(ema_param_list, current_param_list):
                _set(e, e._data * decay + p._data * (1 - decay))

    return ema_update


def get_swa_multi_avg_fn() -> Callable[[PARAM_LIST, PARAM_LIST, Any], None]:
    """In-place running mean over lists of tensors: ``avg += (p - avg) / (n + 1)``."""

    def swa_update(averaged_param_list: PARAM_LIST, current_param_list: PARAM_LIST,
                   num_averaged: Tensor | int) -> None:
        is_tensor = isinstance(num_averaged, Tensor)
        n = int(num_averaged._data) if is_tensor else num_averaged
        if _is_float(averaged_param_list[0]):
            # a tensor count gives a 0-d weight of the default dtype, as in torch
            weight = float(_scalar_np_dtype()(1) / _scalar_np_dtype()(n + 1)) if is_tensor else 1 / (n + 1)
            for a, p in zip(averaged_param_list, current_param_list):
                _lerp_(a._data, p._data.astype(a._data.dtype, copy=False), weight)
                a._vc[0] += 1
        elif is_tensor:
            raise RuntimeError(
                "Integer division with addcdiv is no longer supported, and in a future  release addcdiv "
                "will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be "
                "implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer "
                "inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv "
                "behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all "
                "dtypes.")
        else:
            for a, p in zip(averaged_param_list, current_param_list):
                _set(a, a._data + (p._data - a._data) * (1.0 / (n + 1)))

    return swa_update


def get_ema_avg_fn(decay: float = 0.999) -> Callable[[Tensor, Tensor, Any], Tensor]:
    """Exponential moving average of one tensor: ``decay * ema + (1 - decay) * p``."""
    _check_decay(decay)

    def ema_update(ema_param: Tensor, current_param: Tensor, num_averaged: Any) -> Tensor:
        a, p = ema_param._data, current_param._data
        return _wrap(np.asarray(a * decay + p * (1 - decay), dtype=np.result_type(a, p)))

    return ema_update


def get_swa_avg_fn() -> Callable[[Tensor, Tensor, Any], Tensor]:
    """Running mean of one tensor: ``avg + (p - avg) / (n + 1)``."""

    def swa_update(averaged_param: Tensor, current_param: Tensor, num_averaged: Tensor | int) -> Tensor:
        n = int(num_averaged._data) if isinstance(num_averaged, Tensor) else num_averaged
        a, p = averaged_param._data, current_param._data
        out = a + (p - a) / (n + 1)
        return _wrap(np.asarray(out, dtype=a.dtype if a.dtype.kind in "fc" else out.dtype))

    return swa_update


class AveragedModel(Module):
    """Keeps a copy of ``model`` whose parameters (and, with ``use_buffers``, buffers) are an
    average (SWA by default, or ``avg_fn`` / ``multi_avg_fn``) of the model's over
    ``update_parameters`` calls."""

    n_averaged: Tensor

    def __init__(self, model: Module, device: Any = None,
                 avg_fn: Callable[[Tensor, Tensor, Any], Tensor] | None = None,
                 multi_avg_fn: Callable[[PARAM_LIST, PARAM_LIST, Any], None] | None = None,
                 use_buffers: bool = False) -> None:
        super().__init__()
        if avg_fn is not None and multi_avg_fn is not None:
            raise AssertionError("Only one of avg_fn and multi_avg_fn should be provided")
        self.module = deepcopy(model)
        if device is not None:
            self.module = self.module.to(device)
        self.register_buffer("n_averaged", _wrap(np.zeros((), dtype=np.int64)))
        self.avg_fn = avg_fn
        self.multi_avg_fn = multi_avg_fn
        self.use_buffers = use_buffers

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        """Run the averaged copy of the model."""
        return self.module(*args, **kwargs)

    def update_parameters(self, model: Module) -> None:
        """Fold ``model``'s current parameters into the average (the first call copies them)."""
        with no_grad():
            if self.use_buffers:
                mine = list(itertools.chain(self.module.parameters(), self.module.buffers()))
                theirs = list(itertools.chain(model.parameters(), model.buffers()))
            else:
                mine = list(self.parameters())
                theirs = list(model.parameters())
            pairs = list(zip(mine, theirs))
            n = int(self.n_averaged._data)
            if n == 0:
                for a, p in pairs:
                    _set(a, p._data)
            else:
                avgd = [a.detach() for a, _ in pairs]
                cur = [p.detach() for _, p in pairs]
                if self.multi_avg_fn is not None:
                    by_dtype: dict[Any, tuple[list[Tensor], list[Tensor]]] = {}
                    for a, p in zip(avgd, cur):
                        lists = by_dtype.setdefault(a._data.dtype, ([], []))
                        lists[0].append(a)
                        lists[1].append(p)
                    for a_list, p_list in by_dtype.values():
                        self.multi_avg_fn(a_list, p_list, _wrap(self.n_averaged._data.copy()))
                else:
                    fn = self.avg_fn if self.avg_fn is not None else get_swa_avg_fn()
                    for a, p in zip(avgd, cur):
                        _set(a, fn(a, p, _wrap(self.n_averaged._data.copy()))._data)
            if not self.use_buffers:
                for b_swa, b_model in zip(self.module.buffers(), model.buffers()):
                    _set(b_swa, b_model._data)
            self.n_averaged._data += 1
            self.n_averaged._vc[0] += 1


def update_bn(loader: Iterable[Any], model: Module, device: Any = None) -> None:
    """Recompute the running statistics of ``model``'s batch-norm layers with one pass over
    ``loader`` (cumulative averages: momentum ``None`` during the pass)."""
    with no_grad():
        momenta = {}
        for module in model.modules():
            if isinstance(module, _BatchNorm):
                module.reset_running_stats()
                momenta[module] = module.momentum
        if not momenta:
            return
        was_training = model.training
        model.train()
        for module in momenta:
            module.momentum = None
        for batch in loader:
            if isinstance(batch, (list, tuple)):
                batch = batch[0]
            if device is not None:
                batch = batch.to(device)
            model(batch)
        for module, momentum in momenta.items():
            module.momentum = momentum
        model.train(was_training)


class SWALR(LRScheduler):
    """Anneal each group's lr to its ``swa_lr`` over ``anneal_epochs`` epochs (cosine or linear),
    then hold it."""

    def __init__(self, optimizer: Optimizer, swa_lr: float | list[float], anneal_epochs: int = 10,
                 anneal_strategy: str = "cos", last_epoch: int = -1) -> None:
        for lr, group in zip(_format_param("swa_lr", optimizer, swa_lr), optimizer.param_groups):
            group["swa_lr"] = lr
        if anneal_strategy not in ["cos", "linear"]:
            raise ValueError("anneal_strategy must be one of 'cos' or 'linear', instead got "
                             f"{anneal_strategy}")
        self._set_anneal_func(anneal_strategy)
        if not isinstance(anneal_epochs, int) or anneal_epochs < 0:
            raise ValueError(f"anneal_epochs must be equal or greater than 0, got {anneal_epochs}")
        self.anneal_epochs = anneal_epochs
        super().__init__(optimizer, last_epoch)

    @staticmethod
    def _linear_anneal(t: float) -> float:
        return t

    @staticmethod
    def _cosine_anneal(t: float) -> float:
        return (1 - math.cos(math.pi * t)) / 2

    @staticmethod
    def _get_initial_lr(lr: Any, swa_lr: Any, alpha: float) -> Any:
        if alpha == 1:
            return swa_lr
        return (lr - alpha * swa_lr) / (1 - alpha)

    def get_lr(self) -> list[Any]:
        """The annealed lr of the current step."""
        if not self._get_lr_called_within_step:
            warnings.warn("To get the last learning rate computed by the scheduler, please use "
                          "`get_last_lr()`.", UserWarning, stacklevel=2)
        step = self._step_count - 1
        if self.anneal_epochs == 0:
            step = max(1, step)
        span = max(1, self.anneal_epochs)
        prev_alpha = self.anneal_func(max(0, min(1, (step - 1) / span)))
        groups = self.optimizer.param_groups
        prev_lrs = [self._get_initial_lr(g["lr"], g["swa_lr"], prev_alpha) for g in groups]
        alpha = self.anneal_func(max(0, min(1, step / span)))
        return [g["swa_lr"] * alpha + lr * (1 - alpha) for g, lr in zip(groups, prev_lrs)]

    def _set_anneal_func(self, anneal_strategy: str) -> None:
        self._anneal_strategy = anneal_strategy
        self.anneal_func = self._cosine_anneal if anneal_strategy == "cos" else self._linear_anneal

    def state_dict(self) -> dict[str, Any]:
        """Attributes without the optimizer and the anneal function."""
        return {k: v for k, v in self.__dict__.items() if k not in ("optimizer", "anneal_func")}

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        """Restore the saved attributes."""
        self.__dict__.update(state_dict)
        self._set_anneal_func(self._anneal_strategy)
