"""Delivery through the tincan backend when the LRS misbehaves: nothing is lost."""

import json
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from ralph.models.xapi.base.statements import BaseXapiStatement

from tests.xapi.conftest import add_pending
from xapi.delivery import deliver_round
from xapi.models import OutboxStatement

pytestmark = pytest.mark.django_db


def assert_all_pending_later(count, *, after):
    rows = list(OutboxStatement.objects.all())
    assert len(rows) == count
    for row in rows:
        assert row.status == "pending" and row.attempts == 1
        assert row.next_attempt_at > after
        assert row.last_error


def test_lrs_down_keeps_every_row_pending_with_backoff(lrs_settings, fake_lrs):
    lrs_settings(fake_lrs.closed_endpoint())
    add_pending(3)
    before = timezone.now()
    report = deliver_round()
    assert report.stalled and report.delivered == 0
    assert_all_pending_later(3, after=before)
    assert "ConnectionRefusedError" in OutboxStatement.objects.first().last_error


def test_503_with_retry_after_sets_the_next_attempt_no_earlier(lrs_settings, fake_lrs):
    lrs_settings(fake_lrs.endpoint)
    fake_lrs.answer(503, "maintenance", {"Retry-After": "120"})
    add_pending(2)
    before = timezone.now()
    assert deliver_round().stalled
    assert_all_pending_later(2, after=before + timedelta(seconds=120))
    assert len(fake_lrs.received) == 1


def test_a_hung_lrs_times_out_and_the_round_returns_promptly(settings, lrs_settings, fake_lrs):
    lrs_settings(fake_lrs.endpoint)
    settings.XAPI_LRS_TIMEOUT = 0.5
    fake_lrs.hang(30)
    add_pending(2)
    before, started = timezone.now(), time.monotonic()
    report = deliver_round()
    assert time.monotonic() - started < 3
    assert report.stalled
    assert_all_pending_later(2, after=before)
    assert "timed out" in OutboxStatement.objects.first().last_error


@pytest.mark.lrs
def test_one_invalid_statement_is_rejected_with_ralphs_message_and_the_rest_arrive(
    lrs_settings, ralph
):
    lrs_settings(ralph.endpoint, ralph.username, ralph.password)
    good = add_pending(5)
    invalid = json.loads(good[0].payload)
    invalid["id"] = "0b8f2a3e-6a57-4c1e-9d1f-7a1c2b3d4e5f"
    del invalid["actor"]
    bad = OutboxStatement.objects.create(
        statement_id=invalid["id"], payload=json.dumps(invalid), verb="experienced"
    )
    OutboxStatement.objects.filter(pk=bad.pk).update(next_attempt_at=good[2].next_attempt_at)
    report = deliver_round()
    assert (report.delivered, report.rejected) == (5, 1)
    bad.refresh_from_db()
    assert bad.status == "rejected"
    assert bad.last_error.startswith("HTTP 422: ") and '"actor"' in bad.last_error
    assert ralph.get(str(bad.statement_id)) is None
    for row in good:
        stored = ralph.get(str(row.statement_id))
        assert stored is not None
        BaseXapiStatement.model_validate(stored)
    assert OutboxStatement.objects.filter(status="delivered").count() == 5
