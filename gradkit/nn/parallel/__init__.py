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
    """Data parallelism across processes. gradkit's process groups hold one process, so after
    ``torch.distributed.init_process_group`` this wraps ``module`` (as ``.module``) and gradients need no syncing."""

    def __init__(self, module: Module, device_ids=None, output_device=None, dim: int = 0,
                 broadcast_buffers: bool = True, process_group=None, bucket_cap_mb=None,
                 find_unused_parameters: bool = False, *args: Any, **kwargs: Any) -> None:
        from ... import distributed
        if process_group is None:
            distributed.get_world_size()
        super().__init__()
        self.module = module
        self.device_ids = None if device_ids is None else list(device_ids)
        self.output_device = output_device
        self.dim = dim
        self.broadcast_buffers = broadcast_buffers
        self.find_unused_parameters = find_unused_parameters
        self.require_backward_grad_sync = True
        self.require_forward_param_sync = True

    def forward(self, *inputs: Any, **kwargs: Any) -> Any:
        return self.module(*inputs, **kwargs)

    def no_sync(self):
        """Context manager that skips gradient all-reduce inside it (gradient accumulation)."""
        import contextlib

        @contextlib.contextmanager
        def _ctx():
            old = self.require_backward_grad_sync
            self.require_backward_grad_sync = False
            try:
                yield
            finally:
                self.require_backward_grad_sync = old
        return _ctx()
