"""Run unmodified PyTorch scripts with ``torch`` (and every ``torch.X.Y``) answered by gradkit."""
from __future__ import annotations

import contextlib
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import runpy
import sys
from collections.abc import Iterator
from typing import Any

__all__ = ["torch_is_gradkit", "run_script"]


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, target: str) -> None:
        self.target = target
        self._spec: Any = None

    def create_module(self, spec):
        module = importlib.import_module(self.target)
        self._spec = getattr(module, "__spec__", None)
        return module

    def exec_module(self, module) -> None:
        if self._spec is not None:
            module.__spec__ = self._spec


class _TorchFinder(importlib.abc.MetaPathFinder):
    """Maps ``torch`` and ``torch.*`` imports onto ``gradkit`` and ``gradkit.*``."""

    def find_spec(self, fullname: str, path=None, target=None):
        if fullname != "torch" and not fullname.startswith("torch."):
            return None
        real = "gradkit" + fullname[len("torch"):]
        try:
            if importlib.util.find_spec(real) is None:
                return None
        except (ImportError, ValueError):
            return None
        return importlib.machinery.ModuleSpec(fullname, _AliasLoader(real))


def _is_torch_name(name: str) -> bool:
    return name == "torch" or name.startswith("torch.")


@contextlib.contextmanager
def torch_is_gradkit() -> Iterator[None]:
    """Within the block ``import torch`` (and ``import torch.nn.functional`` ...) gives gradkit's modules.

    Any real torch modules already imported are set aside and put back afterwards."""
    import gradkit

    saved = {k: v for k, v in sys.modules.items() if _is_torch_name(k)}
    for k in saved:
        del sys.modules[k]
    finder = _TorchFinder()
    sys.meta_path.insert(0, finder)
    sys.modules["torch"] = gradkit
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):
            sys.meta_path.remove(finder)
        for k in [k for k in sys.modules if _is_torch_name(k)]:
            del sys.modules[k]
        sys.modules.update(saved)


def run_script(path: str, argv: list[str] | None = None) -> dict[str, Any]:
    """Runs the script at ``path`` as ``__main__`` with ``torch`` answered by gradkit; returns its globals."""
    old_argv = sys.argv[:]
    sys.argv = [str(path), *(argv or [])]
    try:
        with torch_is_gradkit():
            return runpy.run_path(str(path), run_name="__main__")
    finally:
        sys.argv = old_argv
