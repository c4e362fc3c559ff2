"""pytest configuration: the parity helpers live in ``_parity`` (import them from there)."""
