"""``torch.backends``: flags of the compute backends. gradkit computes with NumPy on the CPU; the GPU backends
(cuDNN, CUDA, MPS) report themselves unavailable and their flags are plain settings with no effect."""
from . import cpu, cuda, cudnn, mkl, mkldnn, mps, openmp

__all__ = ["cpu", "cuda", "cudnn", "mkl", "mkldnn", "mps", "openmp"]
