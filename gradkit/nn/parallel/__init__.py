"""``torch.nn.parallel``: multi-device wrappers. gradkit has one CPU device, so ``DataParallel`` runs the wrapped
module directly (as PyTorch does without GPUs) and ``DistributedDataParallel`` needs a process group that
gradkit cannot create."""
from __future__ import annotations

from typing import Any

from ..modules.module import Module

__all__ = ["DataParallel", "DistributedDataParallel", "data_parallel"]


class DataParallel(Module):
    """Wraps ``module`` (available as ``.module``); with no GPUs every call runs it on the CPU unchanged."""

    def __init__(self, module: Module, device_ids=None, output_device=None, dim: int = 0) -> None:
        super().__init__()
        self.module = module
        self.device_ids: list = []
        self.dim = dim
        self.output_device = None
        self.src_device_obj = None

    def forward(self, *inputs: Any, **kwargs: Any) -> Any:
        return self.module(*inputs, **kwargs)


def data_parallel(module: Module, inputs, device_ids=None, output_device=None, dim: int = 0,
                  module_kwargs=None):
    """Functional ``DataParallel``: needs an accelerator, which gradkit lacks."""
    raise RuntimeError("device type could not be determined")


class DistributedDataParallel(Module):
    """Data parallelism across processes: requires ``torch.distributed``, which gradkit does not provide."""

    def __init__(self, module: Module, *args: Any, **kwargs: Any) -> None:
        raise ValueError("Default process group has not been initialized, please make sure to call "
                         "init_process_group.")
