"""Outbox health: the backlog for /healthz (touchpoint/health.py) and the admin view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, F, Min
from django.utils import timezone

from xapi.models import OutboxStatement

__all__ = ["Backlog", "outbox_backlog", "outbox_counts", "outbox_health", "outbox_recent_errors"]

Status = OutboxStatement.Status


@dataclass(frozen=True)
class Backlog:
    pending: int
    oldest_pending_age_seconds: float | None  # None when nothing is pending
    oldest_pending_created_at: datetime | None
    next_attempt_at: datetime | None  # earliest pending retry


def outbox_backlog(*, now: datetime | None = None) -> Backlog:
    """Pending statements: how many, how old the oldest is, when the next is due."""
    found = OutboxStatement.objects.filter(status=Status.PENDING).aggregate(
        pending=Count("id"), oldest=Min("created_at"), next_attempt=Min("next_attempt_at")
    )
    oldest = found["oldest"]
    age = None
    if oldest is not None:
        age = round(max(0.0, ((now or timezone.now()) - oldest).total_seconds()), 1)
    return Backlog(
        pending=found["pending"],
        oldest_pending_age_seconds=age,
        oldest_pending_created_at=oldest,
        next_attempt_at=found["next_attempt"],
    )


def outbox_counts() -> dict[str, int]:
    """Rows per status, every status present (zero when none)."""
    counts = dict.fromkeys(Status.values, 0)
    rows = OutboxStatement.objects.order_by().values_list("status").annotate(n=Count("id"))
    counts.update(dict(rows))
    return counts


def outbox_recent_errors(limit: int = 20):
    """The latest rows with an error (rejected, or pending and being retried), newest first."""
    return (
        OutboxStatement.objects.exclude(last_error="")
        .exclude(status=Status.DELIVERED)
        .order_by(F("last_attempt_at").desc(nulls_last=True), "-id")
        .only("id", "statement_id", "verb", "status", "attempts", "last_attempt_at",
              "next_attempt_at", "last_error")[:limit]
    )


def outbox_health() -> dict:
    """The corporate LRS outbox in /healthz (touchpoint/health.py): backlog and rejections."""
    backlog = outbox_backlog()
    return {"pending": backlog.pending,
            "oldest_pending_age_seconds": backlog.oldest_pending_age_seconds,
            "rejected": OutboxStatement.objects.filter(status=Status.REJECTED).count()}
