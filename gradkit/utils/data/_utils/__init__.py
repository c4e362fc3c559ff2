"""Helpers of the DataLoader: collation, fetching and worker information."""
from . import collate, fetch, worker

__all__ = ["collate", "fetch", "worker"]
