"""xapi.delivery rounds against the in-memory LRS: batching, marking, backoff, bisection."""

import json
import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.xapi.conftest import add_pending, statement_payload
from xapi.backends.base import Rejected, Retryable
from xapi.delivery import claim_batch, deliver_round
from xapi.models import OutboxStatement

pytestmark = pytest.mark.django_db

PENDING, DELIVERED, REJECTED = "pending", "delivered", "rejected"


def statuses():
    return dict(OutboxStatement.objects.order_by("id").values_list("statement_id", "status"))


def test_a_round_delivers_every_due_row_in_batches_byte_for_byte(memory_lrs):
    rows = add_pending(5)
    report = deliver_round(batch_size=2)
    assert (report.batches, report.delivered, report.stalled) == (3, 5, False)
    assert [len(batch) for batch in memory_lrs.batches] == [2, 2, 1]
    sent = [payload for batch in memory_lrs.batches for payload in batch]
    assert sent == [row.payload for row in rows]
    assert set(statuses().values()) == {DELIVERED}
    assert not OutboxStatement.objects.filter(delivered_at__isnull=True).exists()


def test_rows_not_yet_due_are_left_alone(memory_lrs):
    add_pending(2, next_attempt_at=timezone.now() + timedelta(minutes=5))
    assert deliver_round().batches == 0
    assert memory_lrs.batches == []


def test_a_retryable_answer_keeps_the_rows_with_backoff_and_stops_the_round(memory_lrs):
    add_pending(6)
    memory_lrs.fail_next(Retryable("HTTP 503: busy", retry_after=30, status=503))
    before = timezone.now()
    report = deliver_round(batch_size=2)
    # The batch sent and the one claimed ahead meanwhile wait alike; the third was never claimed.
    assert (report.batches, report.requests, report.deferred, report.stalled) == (1, 1, 4, True)
    deferred = OutboxStatement.objects.filter(attempts=1)
    assert deferred.count() == 4 and set(deferred.values_list("status", flat=True)) == {PENDING}
    for row in deferred:
        assert row.next_attempt_at >= before + timedelta(seconds=30)
        assert row.last_error == "HTTP 503: busy"
    assert OutboxStatement.objects.filter(attempts=0, status=PENDING).count() == 2
    assert memory_lrs.batches == []


def test_a_bad_statement_is_isolated_by_bisection_and_the_rest_delivered(memory_lrs):
    rows = add_pending(7)
    bad = rows[4]
    # The LRS already holds a different statement under that id: 409 for any batch with it.
    memory_lrs.stored[str(bad.statement_id)] = statement_payload(99, id=str(bad.statement_id))
    report = deliver_round(batch_size=7)
    assert (report.delivered, report.rejected, report.batches) == (6, 1, 1)
    assert report.requests > 1
    bad.refresh_from_db()
    assert bad.status == REJECTED
    assert bad.last_error.startswith("HTTP 409: Differing statements already exist")
    assert sum(status == DELIVERED for status in statuses().values()) == 6


def test_an_authentication_failure_pauses_without_rejecting(memory_lrs, caplog):
    add_pending(3)
    memory_lrs.fail_next(Rejected(401, "Invalid authentication credentials"))
    before = timezone.now()
    with caplog.at_level(logging.ERROR, logger="xapi.delivery"):
        report = deliver_round(batch_size=2)
    assert report.stalled and report.rejected == 0
    assert set(statuses().values()) == {PENDING}
    paused = OutboxStatement.objects.filter(attempts=1)
    assert all(row.next_attempt_at >= before + timedelta(seconds=60) for row in paused)
    assert "outcome=paused" in caplog.text and "status=401" in caplog.text


def test_plain_server_errors_are_capped_then_rejected(settings, memory_lrs):
    settings.XAPI_MAX_SERVER_ERRORS = 2
    add_pending(3)
    memory_lrs.fail_always(Retryable("HTTP 500: Internal Server Error", status=500))
    assert deliver_round().stalled
    assert set(statuses().values()) == {PENDING}
    OutboxStatement.objects.update(next_attempt_at=timezone.now())
    report = deliver_round()
    assert report.rejected == 3 and not report.stalled
    for row in OutboxStatement.objects.all():
        assert row.status == REJECTED
        assert row.last_error.startswith("gave up after")


def test_unavailable_answers_are_retried_without_limit(settings, memory_lrs):
    settings.XAPI_MAX_SERVER_ERRORS = 2
    add_pending(2)
    memory_lrs.fail_always(Retryable("HTTP 503: unavailable", status=503))
    for _ in range(4):
        OutboxStatement.objects.update(next_attempt_at=timezone.now())
        assert deliver_round().stalled
    assert set(statuses().values()) == {PENDING}
    assert set(OutboxStatement.objects.values_list("attempts", flat=True)) == {4}


def test_one_structured_log_line_per_batch(memory_lrs, caplog):
    add_pending(3)
    with caplog.at_level(logging.INFO, logger="xapi.delivery"):
        deliver_round(batch_size=2)
    lines = [r for r in caplog.records if getattr(r, "event", None) == "xapi.batch"]
    assert [r.xapi["size"] for r in lines] == [2, 1]
    assert lines[0].getMessage().startswith("xapi.batch outcome=delivered size=2 status=200 ")
    assert lines[0].xapi["outcome"] == "delivered" and lines[0].xapi["attempt"] == 1


def test_should_stop_is_checked_between_batches(memory_lrs):
    add_pending(4)
    calls = []
    report = deliver_round(batch_size=1, should_stop=lambda: calls.append(1) or len(calls) > 2)
    assert report.batches == 2 and len(memory_lrs.batches) == 2


def test_a_claimed_row_that_was_never_marked_is_sent_again_after_its_lease(memory_lrs):
    [row] = add_pending(1)
    [claimed] = claim_batch(10, lease=60)  # ...and the worker dies here
    assert claimed.pk == row.pk and deliver_round().batches == 0
    OutboxStatement.objects.update(next_attempt_at=timezone.now())  # the lease has run out
    memory_lrs.stored[str(row.statement_id)] = row.payload  # the LRS got it before the crash
    assert deliver_round().delivered == 1
    row.refresh_from_db()
    assert (row.status, row.attempts) == (DELIVERED, 2)
    assert list(memory_lrs.stored) == [str(row.statement_id)]


def test_the_exact_stored_text_is_sent_even_if_not_canonical(memory_lrs):
    [row] = add_pending(1)
    odd = json.dumps(json.loads(row.payload), indent=1, ensure_ascii=True)
    OutboxStatement.objects.filter(pk=row.pk).update(payload=odd)
    deliver_round()
    assert memory_lrs.batches == [[odd]]
