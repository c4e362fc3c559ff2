"""``python -m gradkit``: the ``gradkit`` command."""
from gradkit.cli import main

raise SystemExit(main())
