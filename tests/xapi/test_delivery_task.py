"""Delivery through django-tasks: scheduled after commit, deduplicated, run by db_worker."""

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.xapi.conftest import add_pending
from xapi.models import OutboxStatement
from xapi.tasks import deliver_outbox, schedule_delivery

pytestmark = pytest.mark.django_db


def waiting_tasks():
    return DBTaskResult.objects.filter(task_path=deliver_outbox.module_path, status="READY")


def test_scheduling_twice_leaves_one_waiting_task():
    schedule_delivery()
    schedule_delivery()
    assert waiting_tasks().count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # db_worker closes connections
def test_db_worker_runs_the_task_and_delivers(memory_lrs):
    add_pending(3)
    schedule_delivery()
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    assert set(OutboxStatement.objects.values_list("status", flat=True)) == {"delivered"}
    assert len(memory_lrs.stored) == 3
    [result] = DBTaskResult.objects.filter(task_path=deliver_outbox.module_path)
    assert result.status == "SUCCESSFUL" and result.return_value["delivered"] == 3
    assert not waiting_tasks().exists()  # nothing left: no follow-up


def test_a_task_that_leaves_rows_pending_schedules_a_retry_when_they_are_due(
    lrs_settings, fake_lrs
):
    lrs_settings(fake_lrs.closed_endpoint())
    add_pending(2)
    report = deliver_outbox.call()
    assert report["stalled"] is True
    [follow_up] = waiting_tasks()
    next_due = OutboxStatement.objects.order_by("next_attempt_at").first().next_attempt_at
    # When the earliest row comes due (or now, if it already is).
    assert next_due <= follow_up.run_after <= max(next_due, timezone.now())
