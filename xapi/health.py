"""Outbox health: the backlog for /healthz and the admin view, and the /healthz view.

/healthz answers 200 with the database state and the xAPI backlog, or 503
when the database cannot be reached. It needs no login (load balancers and
monitors call it) and reveals only counts and an age. touchpoint/urls.py
mounts it with `path("healthz", include("xapi.health"))`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from django.db import DatabaseError
from django.db.models import Count, F, Min
from django.http import JsonResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from xapi.models import OutboxStatement

__all__ = [
    "Backlog", "healthz", "outbox_backlog", "outbox_counts", "outbox_recent_errors", "urlpatterns",
]

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


@never_cache
@require_safe
def healthz(request):
    try:
        backlog = outbox_backlog()
        rejected = OutboxStatement.objects.filter(status=Status.REJECTED).count()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    xapi = {
        key: value
        for key, value in asdict(backlog).items()
        if key in ("pending", "oldest_pending_age_seconds")
    }
    return JsonResponse({"status": "ok", "database": "ok", "xapi": {**xapi, "rejected": rejected}})


urlpatterns = [path("", healthz, name="healthz")]
