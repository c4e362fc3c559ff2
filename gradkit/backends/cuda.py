"""``torch.backends.cuda``: no CUDA here; the matmul/SDPA flags are settable and have no effect."""
from __future__ import annotations

__all__ = ["is_built", "matmul", "enable_flash_sdp", "enable_mem_efficient_sdp", "enable_math_sdp",
           "flash_sdp_enabled", "mem_efficient_sdp_enabled", "math_sdp_enabled"]


class _MatmulFlags:
    def __init__(self) -> None:
        self.allow_tf32 = False
        self.allow_fp16_reduced_precision_reduction = True
        self.allow_bf16_reduced_precision_reduction = True


matmul = _MatmulFlags()
_SDP = {"flash": True, "mem_efficient": True, "math": True}


def is_built() -> bool:
    """Whether gradkit was built with CUDA: no."""
    return False


def enable_flash_sdp(enabled: bool) -> None:
    _SDP["flash"] = enabled


def enable_mem_efficient_sdp(enabled: bool) -> None:
    _SDP["mem_efficient"] = enabled


def enable_math_sdp(enabled: bool) -> None:
    _SDP["math"] = enabled


def flash_sdp_enabled() -> bool:
    return _SDP["flash"]


def mem_efficient_sdp_enabled() -> bool:
    return _SDP["mem_efficient"]


def math_sdp_enabled() -> bool:
    return _SDP["math"]
