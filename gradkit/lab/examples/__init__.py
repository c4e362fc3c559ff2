"""The notes' three example programs, byte-identical to the originals (the project's origin)."""
from __future__ import annotations

from pathlib import Path

EXAMPLES = {
    "example1": Path(__file__).with_name("example1_linear_adam.py"),
    "example2": Path(__file__).with_name("example2_module.py"),
    "example3": Path(__file__).with_name("example3_training_loop.py"),
}

__all__ = ["EXAMPLES"]
