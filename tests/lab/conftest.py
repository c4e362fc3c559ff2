import textwrap
from pathlib import Path

import pytest


@pytest.fixture
def script(tmp_path):
    """Writes a PyTorch-style program (dedented) to a file and returns its path."""
    def make(source: str, name: str = "prog.py") -> str:
        p = Path(tmp_path) / name
        p.write_text(textwrap.dedent(source))
        return str(p)
    return make
