"""manage.py xapi_worker in-process: --once drains the outbox and exits."""

import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.xapi.conftest import add_pending
from xapi.models import OutboxStatement

pytestmark = pytest.mark.django_db


def test_once_drains_every_due_statement_in_batches(memory_lrs):
    add_pending(120)
    out = StringIO()
    call_command("xapi_worker", "--once", "--batch-size", "50", stdout=out)
    assert "batches=3 requests=3 delivered=120" in out.getvalue()
    assert [len(batch) for batch in memory_lrs.batches] == [50, 50, 20]
    assert not OutboxStatement.objects.exclude(status="delivered").exists()


def test_once_returns_promptly_when_the_lrs_is_down(lrs_settings, fake_lrs):
    lrs_settings(fake_lrs.closed_endpoint())
    add_pending(120)
    started = time.monotonic()
    out = StringIO()
    call_command("xapi_worker", "--once", "--batch-size", "50", stdout=out)
    assert time.monotonic() - started < 5
    assert "stalled=True" in out.getvalue()
    assert OutboxStatement.objects.filter(status="pending").count() == 120


def test_a_missing_endpoint_is_a_clear_error(settings):
    settings.XAPI_BACKEND = "xapi.backends.tincan_lrs.TincanLRSBackend"
    settings.XAPI_LRS_ENDPOINT = ""
    with pytest.raises(CommandError, match="XAPI_LRS_ENDPOINT"):
        call_command("xapi_worker", "--once")
