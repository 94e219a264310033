"""Retry policy for LRS delivery: pure functions, no clock, no I/O."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

__all__ = ["next_delay", "split_batch"]


def next_delay(
    attempt: int,
    *,
    base: float = 2.0,
    cap: float = 600.0,
    retry_after: float | None = None,
    rng: Callable[[], float] = random.random,
) -> float:
    """Seconds to wait before retrying after failed attempt number `attempt` (1-based).

    Exponential backoff with full jitter: uniform in [0, min(cap, base * 2**(attempt-1))),
    so many workers retrying after the same outage spread out. Never less than
    the server's Retry-After, even when that exceeds `cap`.
    """
    if attempt < 1:
        raise ValueError("attempt is 1-based")
    ceiling = min(cap, base * 2.0 ** min(attempt - 1, 64))
    delay = rng() * ceiling
    if retry_after is not None:
        delay = max(delay, retry_after)
    return delay


def split_batch(batch: Sequence[T]) -> tuple[list[T], list[T]]:
    """Halve a rejected batch to isolate its bad statement(s) by bisection.

    Order is kept; the first half gets the smaller share when the size is odd.
    A batch of one cannot be split: that statement is the bad one.
    """
    if len(batch) < 2:
        raise ValueError("a batch of fewer than 2 statements cannot be split")
    middle = len(batch) // 2
    return list(batch[:middle]), list(batch[middle:])
