"""Retention: delivered outbox rows are deleted after XAPI_RETENTION_DAYS; nothing else is."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.xapi.conftest import add_pending
from xapi.models import OutboxStatement
from xapi.outbox import purge_delivered

pytestmark = pytest.mark.django_db

Status = OutboxStatement.Status


def rows(count: int, *, status: str, days_ago: float | None) -> list[int]:
    """`count` rows in `status`, created (and delivered, if so) `days_ago` days ago."""
    when = timezone.now() - timedelta(days=days_ago or 0)
    made = add_pending(count)
    OutboxStatement.objects.filter(pk__in=[r.pk for r in made]).update(
        status=status, created_at=when,
        delivered_at=when if status == Status.DELIVERED else None,
    )
    return [r.pk for r in made]


def remaining() -> set[int]:
    return set(OutboxStatement.objects.values_list("pk", flat=True))


def test_purge_deletes_only_rows_delivered_before_the_cutoff():
    old = rows(2, status=Status.DELIVERED, days_ago=40)
    recent = rows(1, status=Status.DELIVERED, days_ago=10)
    waiting = rows(1, status=Status.PENDING, days_ago=400)
    refused = rows(1, status=Status.REJECTED, days_ago=400)
    purged = purge_delivered(before=timezone.now() - timedelta(days=30))
    assert purged == len(old)
    assert remaining() == {*recent, *waiting, *refused}


def test_purge_goes_in_batches_until_nothing_is_left():
    old = rows(5, status=Status.DELIVERED, days_ago=40)
    assert purge_delivered(before=timezone.now(), batch_size=2) == len(old)
    assert not remaining()


def test_worker_purges_expired_rows_before_delivering(settings, memory_lrs):
    settings.XAPI_RETENTION_DAYS = 30
    rows(3, status=Status.DELIVERED, days_ago=31)
    fresh = [row.pk for row in add_pending(2)]
    call_command("xapi_worker", "--once", stdout=StringIO())
    assert remaining() == set(fresh)  # delivered just now: kept
    assert OutboxStatement.objects.filter(status=Status.DELIVERED).count() == 2


def test_worker_keeps_every_row_when_retention_is_zero(settings, memory_lrs):
    settings.XAPI_RETENTION_DAYS = 0
    old = rows(3, status=Status.DELIVERED, days_ago=4000)
    call_command("xapi_worker", "--once", stdout=StringIO())
    assert remaining() == set(old)


def test_purge_command_takes_days_from_the_setting_or_the_option(settings):
    settings.XAPI_RETENTION_DAYS = 30
    rows(1, status=Status.DELIVERED, days_ago=40)
    week_old = rows(1, status=Status.DELIVERED, days_ago=8)
    out = StringIO()
    call_command("xapi_purge", stdout=out)
    assert "deleted 1 statement(s)" in out.getvalue()
    assert remaining() == set(week_old)
    call_command("xapi_purge", "--days", "7", stdout=StringIO())
    assert not remaining()


def test_purge_command_refuses_to_run_with_nothing_to_keep_by(settings):
    settings.XAPI_RETENTION_DAYS = 0
    rows(1, status=Status.DELIVERED, days_ago=40)
    with pytest.raises(CommandError, match="--days N"):
        call_command("xapi_purge")
    assert len(remaining()) == 1
