"""Pausing Python's cyclic garbage collector while many small objects are built.

Loading a province builds hundreds of thousands of frozen records and graph dicts
that hold no reference cycles; the collector's passes over the growing heap made the
load grow faster than the data (x6 in time for x4 data, benchmarks/province_load.py).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cyclic collector off (as it was before, afterwards)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
