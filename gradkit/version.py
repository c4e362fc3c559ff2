"""``torch.version``: build information (a CPU-only build: no CUDA, HIP, ROCm or XPU).

``__version__`` is the torch release whose API gradkit answers to, so programs that print or compare
``torch.__version__`` behave as under that release; gradkit's own release is ``gradkit_version``.
"""
from __future__ import annotations

import re

__all__ = ["__version__", "debug", "cuda", "git_version", "hip", "rocm", "xpu", "gradkit_version", "TorchVersion"]

_RELEASE = re.compile(r"^v?(\d+(?:\.\d+)*)(?:([ab]|rc)(\d+))?(?:\+(\S+))?$")


class TorchVersion(str):
    """A version string that compares as a version with strings and tuples: ``torch.__version__ >= (2, 0)``."""

    @staticmethod
    def _key(v):
        if isinstance(v, tuple):
            v = ".".join(map(str, v))
        m = _RELEASE.match(str(v).strip())
        if m is None:
            return None
        rel = tuple(int(p) for p in m.group(1).split("."))
        while len(rel) > 1 and rel[-1] == 0:
            rel = rel[:-1]
        pre = (0, m.group(2), int(m.group(3))) if m.group(2) else (1, "", 0)
        return rel, pre, m.group(4) or ""

    def _cmp(self, other, op):
        a, b = self._key(self), self._key(other)
        if a is None or b is None:
            return op(str(self), str(other))
        return op(a, b)

    def __lt__(self, other):
        return self._cmp(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._cmp(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._cmp(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._cmp(other, lambda a, b: a >= b)

    def __eq__(self, other):
        return self._cmp(other, lambda a, b: a == b)

    __hash__ = str.__hash__


__version__ = TorchVersion("2.13.0+cpu")
gradkit_version = "0.1.0"
debug = False
cuda = None
git_version = "Unknown"
hip = None
rocm = None
xpu = None
