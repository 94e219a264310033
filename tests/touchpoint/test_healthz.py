"""/healthz: database state and the backlog of each outbox, for load balancers and monitors.

(The LMS outbox's backlog during an LMS outage: tests/lms/test_delivery.py.)"""

from datetime import timedelta

import pytest
from django.db import OperationalError, connection
from django.utils import timezone

from tests.xapi.conftest import add_pending
from xapi.models import OutboxStatement

pytestmark = pytest.mark.django_db


def test_healthz_reports_an_empty_backlog(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "xapi": {"pending": 0, "oldest_pending_age_seconds": None, "rejected": 0},
        "lms": {"pending": 0, "oldest_pending_age_seconds": None, "rejected": 0},
    }
    assert "no-cache" in response["Cache-Control"]


def test_healthz_reports_pending_count_and_the_oldest_age(client):
    add_pending(3, created_at=timezone.now() - timedelta(minutes=5))
    add_pending(2)
    OutboxStatement.objects.filter(pk=OutboxStatement.objects.first().pk).update(
        status="rejected"
    )
    body = client.get("/healthz").json()
    assert body["xapi"]["pending"] == 4 and body["xapi"]["rejected"] == 1
    assert 299 <= body["xapi"]["oldest_pending_age_seconds"] <= 330


def test_healthz_is_503_when_the_database_is_unreachable(client):
    def database_down(execute, sql, params, many, context):
        raise OperationalError("could not connect to server")

    with connection.execute_wrapper(database_down):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


def test_healthz_needs_no_login_and_only_reads(client):
    assert client.post("/healthz").status_code == 405
