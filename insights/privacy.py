"""Small-group suppression: no figure about fewer than INSIGHTS_MIN_GROUP_SIZE learners.

The rule, everywhere: a count of learners from 1 to N - 1 is shown as "fewer than
N", and a statistic (a share, a mean, a median, a correlation) is shown only when
the learners it describes number at least N. Zero is shown as zero. Named learners
are a separate matter: only holders of "Learning reports" see them (views.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Suppressed:
    """A figure withheld because it is about fewer than `minimum` learners."""

    minimum: int

    def __str__(self) -> str:
        return f"fewer than {self.minimum}"


def min_group_size() -> int:
    return max(1, int(settings.INSIGHTS_MIN_GROUP_SIZE))


def too_small(learners: int) -> bool:
    return learners < min_group_size()


def learner_count(n: int) -> int | Suppressed:
    """A count of learners as it may be shown."""
    if 0 < n < min_group_size():
        return Suppressed(min_group_size())
    return n


def about(learners: int, value):
    """`value` (a statistic over `learners` learners) as it may be shown."""
    if too_small(learners):
        return Suppressed(min_group_size())
    return value
