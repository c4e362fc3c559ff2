"""``PixelShuffle`` and ``PixelUnshuffle`` (defined with the other resampling layers in ``upsampling``)."""
from .upsampling import PixelShuffle, PixelUnshuffle

__all__ = ["PixelShuffle", "PixelUnshuffle"]
