"""A unit of work: one domain service call, whose listeners may write once, at its end.

A quiz submit in a lesson sends up to three learning events in one transaction
(the attempt's, then the lesson's and the course's completion). A listener that
writes rows per event (the xAPI outbox) can collect them instead and write them
in one statement when the service's work is done: `buffer(key, flush)` returns
the current unit's list for `key` and has `flush(items)` called when the unit
ends normally, still inside the service's transaction, so the rows commit or
roll back with it. Outside any unit it returns None: write at once.

- A unit that ends with an exception flushes nothing (its transaction rolls back).
- Units nest; only the outermost one flushes.
- Open a unit inside the service's `transaction.atomic` (decorators: atomic
  first, then `@unit()`), so the flush runs before the commit.
- Inside a unit, send no event within a savepoint that may roll back while the
  unit goes on: rows buffered there would still be written at its end. (The
  progress services send their events outside their savepoints.)
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["buffer", "unit"]

_local = threading.local()


@contextmanager
def unit() -> Iterator[None]:
    if getattr(_local, "buffers", None) is not None:
        yield  # nested: the outermost unit flushes
        return
    buffers: dict[str, tuple[list[Any], Callable[[list[Any]], None]]] = {}
    _local.buffers = buffers
    try:
        yield
    finally:
        _local.buffers = None
    for items, flush in buffers.values():  # only after a normal end
        if items:
            flush(items)


def buffer(key: str, flush: Callable[[list[Any]], None]) -> list[Any] | None:
    """The current unit's list for `key` (flushed by `flush` at its end), or None outside one."""
    buffers = getattr(_local, "buffers", None)
    if buffers is None:
        return None
    if key not in buffers:
        buffers[key] = ([], flush)
    return buffers[key][0]
