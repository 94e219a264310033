"""xapi.delivery's pipeline: the next batch is claimed while one is on the wire, never lost."""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.xapi.conftest import add_pending, statement_payload
from xapi.backends.base import Rejected
from xapi.delivery import deliver_round
from xapi.models import OutboxStatement

pytestmark = pytest.mark.django_db


def leased():
    """Pending rows a worker still holds (their next attempt is in the future)."""
    return OutboxStatement.objects.filter(status="pending", next_attempt_at__gt=timezone.now())


def test_stopping_releases_the_batch_claimed_ahead_unsent(memory_lrs):
    add_pending(6)
    report = deliver_round(batch_size=2, should_stop=lambda: len(memory_lrs.batches) >= 1)
    assert (report.batches, report.delivered) == (1, 2)
    assert len(memory_lrs.batches) == 1
    assert OutboxStatement.objects.filter(status="pending").count() == 4
    assert not leased().exists()  # due again at once, for this or another worker


def test_a_paused_lrs_defers_the_batch_claimed_ahead_with_the_same_delay(memory_lrs):
    add_pending(4)
    memory_lrs.fail_next(Rejected(403, "Forbidden"))
    before = timezone.now()
    report = deliver_round(batch_size=2)
    assert (report.batches, report.requests, report.deferred) == (1, 1, 4)
    rows = list(OutboxStatement.objects.all())
    assert {row.status for row in rows} == {"pending"}
    assert all(row.next_attempt_at >= before + timedelta(seconds=60) for row in rows)
    assert len({row.next_attempt_at for row in rows}) == 1  # one delay for both batches


def test_the_batch_claimed_ahead_waits_until_a_rejected_batch_is_bisected(memory_lrs):
    rows = add_pending(6)
    bad = rows[1]
    memory_lrs.stored[str(bad.statement_id)] = statement_payload(99, id=str(bad.statement_id))
    report = deliver_round(batch_size=3)
    assert (report.batches, report.delivered, report.rejected) == (2, 5, 1)
    position = {row.payload: n for n, row in enumerate(rows)}
    sent = [[position[payload] for payload in batch] for batch in memory_lrs.batches]
    assert sent == [[0, 1, 2], [0], [1, 2], [1], [2], [3, 4, 5]]
    assert report.requests == 6


def test_max_batches_claims_no_batch_beyond_it(memory_lrs):
    add_pending(7)
    report = deliver_round(batch_size=2, max_batches=2)
    assert (report.batches, report.delivered) == (2, 4)
    assert OutboxStatement.objects.filter(attempts=0, status="pending").count() == 3
    assert not leased().exists()


@pytest.mark.lrs
def test_pipelined_rounds_deliver_every_statement_to_ralph_exactly_once(lrs_settings, ralph):
    lrs_settings(ralph.endpoint, ralph.username, ralph.password)
    rows = add_pending(230)
    ids = {str(row.statement_id) for row in rows}
    report = deliver_round(batch_size=20)
    assert (report.batches, report.requests, report.delivered) == (12, 12, 230)
    assert not OutboxStatement.objects.exclude(status="delivered").exists()
    stored = Counter(i for i in ralph.statement_ids() if i in ids)
    assert set(stored) == ids and set(stored.values()) == {1}
