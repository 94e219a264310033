"""Delivery as a django-tasks task, for deployments that run `manage.py db_worker`.

`schedule_delivery` is registered with `transaction.on_commit` whenever
statements are recorded (django-tasks 0.10+ has no enqueue-on-commit). It
enqueues `deliver_outbox` unless one is already waiting to run soon, so a burst
of submissions leaves one queued task, not one per submission. A task that
leaves statements pending (the LRS is down) enqueues a follow-up for when the
earliest of them is due, so retries happen without new learning events.

`manage.py xapi_worker` does the same work in a loop; both may run at once.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db.models import Min, Q
from django.utils import timezone
from django_tasks import TaskResultStatus, task

from xapi.delivery import deliver_round
from xapi.models import OutboxStatement

__all__ = ["deliver_outbox", "schedule_delivery"]

logger = logging.getLogger(__name__)

# A waiting task due within this long makes another one unnecessary.
DEDUPE_WINDOW = timedelta(seconds=5)


@task()
def deliver_outbox() -> dict[str, int | bool]:
    """One delivery round; schedule the next one if statements are left pending."""
    report = deliver_round()
    next_due = OutboxStatement.objects.filter(status=OutboxStatement.Status.PENDING).aggregate(
        next_due=Min("next_attempt_at")
    )["next_due"]
    if next_due is not None:
        _enqueue(run_after=max(next_due, timezone.now()))
    return report.as_dict()


def schedule_delivery() -> None:
    """Enqueue a delivery round now, unless one is already waiting. Never raises."""
    try:
        _enqueue(run_after=None)
    except Exception:  # after the commit: the statements are safe, the worker will find them
        logger.exception("xapi.schedule failed; statements stay in the outbox for the worker")


def _enqueue(*, run_after: datetime | None) -> None:
    if _task_waiting(until=(run_after or timezone.now()) + DEDUPE_WINDOW):
        return
    if run_after is None:
        deliver_outbox.enqueue()
    else:
        deliver_outbox.using(run_after=run_after).enqueue()


def _task_waiting(*, until: datetime) -> bool:
    """Whether the database queue already holds a deliver_outbox task due by `until`."""
    from django_tasks_db.backend import DatabaseBackend

    if not isinstance(deliver_outbox.get_backend(), DatabaseBackend):
        return False  # nothing to look at: enqueue
    from django_tasks_db.models import DBTaskResult, get_date_max

    return DBTaskResult.objects.filter(
        Q(run_after__lte=until) | Q(run_after=get_date_max()),
        task_path=deliver_outbox.module_path,
        status=TaskResultStatus.READY,
    ).exists()
