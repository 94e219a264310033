"""The LMS outbox in /healthz (touchpoint/health.py): statements waiting for their LMSs."""

from __future__ import annotations

from django.db.models import Count, Min
from django.utils import timezone

from .models import LmsStatement

Status = LmsStatement.Status


def outbox_health() -> dict:
    """Pending statements (how many, the oldest's age in seconds) and rejected ones."""
    found = LmsStatement.objects.filter(status=Status.PENDING).aggregate(
        pending=Count("id"), oldest=Min("created_at"))
    oldest = found["oldest"]
    age = (None if oldest is None
           else round(max(0.0, (timezone.now() - oldest).total_seconds()), 1))
    return {"pending": found["pending"], "oldest_pending_age_seconds": age,
            "rejected": LmsStatement.objects.filter(status=Status.REJECTED).count()}
