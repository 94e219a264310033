"""Delivery to the LMS: in order, each once, across an outage and a worker that dies."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import uuid
from collections import Counter
from contextlib import closing

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from lms.delivery import deliver_round
from lms.models import LmsStatement
from tests.lms.conftest import (
    exit_lesson,
    experience,
    launch,
    take_quiz,
    verbs,
)
from tests.xapi.conftest import REPO
from tests.xapi.test_worker_process import SharedDatabase

pytestmark = [pytest.mark.lrs]


def backoff_pending() -> None:
    """The statements waiting now stay waiting for a while (a long backoff)."""
    LmsStatement.objects.filter(status="pending").update(
        next_attempt_at=timezone.now() + timezone.timedelta(hours=1))


def backoff_elapsed() -> None:
    """Time passes: every waiting statement is due again."""
    LmsStatement.objects.filter(status="pending").update(next_attempt_at=timezone.now())


@pytest.mark.django_db
def test_statements_wait_out_an_outage_in_order_and_arrive_once(client, lms, imported):
    lessons, aus = imported
    session, _, registration, _ = launch(client, lms, aus[0])
    experience(client, lessons[0])
    lms.outage(1)
    report = deliver_round()
    assert (report.delivered, report.deferred) == (0, 2)
    assert "503" in LmsStatement.objects.first().last_error
    backoff_pending()  # however slow the machine, the backoff has not run out below
    waiting = Client().get("/healthz").json()["lms"]  # what a monitor sees
    assert waiting["pending"] == 2 and waiting["oldest_pending_age_seconds"] >= 0

    attempt = take_quiz(client, lessons[0])  # recorded while the first two wait
    exit_lesson(client, session)
    assert deliver_round().sessions == 0  # the first statement waits: nothing overtakes it

    backoff_elapsed()
    report = deliver_round()
    assert report.rejected == 0 and report.delivered == LmsStatement.objects.count()
    held = lms.statements(registration)
    assert verbs(held) == ["launched", "initialized", "completed",
                           *["answered"] * len(attempt.questions), "passed", "terminated"]
    ids = [s["id"] for s in held]
    assert len(ids) == len(set(ids))
    stored_order = [uuid.UUID(i) for i in ids[1:]]
    assert stored_order == list(LmsStatement.objects.order_by("sequence")
                                .values_list("statement_id", flat=True))
    assert Client().get("/healthz").json()["lms"]["pending"] == 0


@pytest.mark.django_db
def test_statements_of_a_session_the_lms_closed_are_rejected_not_retried(client, lms, imported):
    lessons, aus = imported
    old, actor, registration, _ = launch(client, lms, aus[0])
    experience(client, lessons[0])
    # The LMS relaunches before anything was delivered: it abandons the old session.
    new, *_ = launch(client, lms, aus[0], actor=actor, registration=registration)
    report = deliver_round()
    assert report.rejected == 2  # old: initialized, completed (one request each, in order)
    assert set(LmsStatement.objects.filter(session=old).values_list("status", flat=True)) == {
        "rejected"}
    assert "abandoned" in LmsStatement.objects.filter(session=old).first().last_error
    assert LmsStatement.objects.get(session=new).status == "delivered"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_after_the_lms_stored_a_batch_duplicates_nothing(
    client, lms, imported, tmp_path
):
    lessons, aus = imported
    session, _, registration, _ = launch(client, lms, aus[0])
    experience(client, lessons[0])
    exit_lesson(client, session)
    db = SharedDatabase(tmp_path)
    db.publish()
    lms.hold_replies.set()
    first = _worker(db, lms)
    assert lms.stored_and_held.wait(60), first.communicate()[0]
    first.send_signal(signal.SIGKILL)  # the LMS holds the batch; the worker never marks it
    first.wait(10)
    lms.hold_replies.clear()
    lms.release.set()
    assert _statuses(db) == {"pending": 3}

    _expire_leases(db)
    second = _worker(db, lms, "--once")
    output = second.communicate(timeout=60)[0]
    assert second.returncode == 0, output
    assert _statuses(db) == {"delivered": 3}, output
    held = lms.statements(registration)
    assert verbs(held) == ["launched", "initialized", "completed", "terminated"]
    assert Counter(s["id"] for s in held).most_common(1)[0][1] == 1


def _worker(db: SharedDatabase, lms, *args: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": db.url, "CMI5_ALLOWED_LMS_ORIGINS": lms.origin,
           "CMI5_LMS_TIMEOUT": "20"}
    return subprocess.Popen(
        [sys.executable, "manage.py", "lms_worker", "--poll", "0.2", *args],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def _query(db: SharedDatabase, sql: str) -> list[tuple]:
    if db.sqlite:
        with closing(sqlite3.connect(db.file)) as shared:
            rows = shared.execute(sql).fetchall()
            shared.commit()
            return rows
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall() if cursor.description else []


def _statuses(db: SharedDatabase) -> dict[str, int]:
    return dict(Counter(s for (s,) in _query(db, "SELECT status FROM lms_lmsstatement")))


def _expire_leases(db: SharedDatabase) -> None:
    """The dead worker's lease runs out (what waiting XAPI-style lease time would do)."""
    past = "'2000-01-01 00:00:00'" if db.sqlite else "now() - interval '1 second'"
    _query(db, f"UPDATE lms_lmsstatement SET next_attempt_at = {past} WHERE status = 'pending'")


@pytest.mark.django_db
def test_a_session_left_open_for_a_day_is_closed_and_forgets_its_token(client, lms, imported):
    from datetime import timedelta

    from lms.delivery import SESSION_MAX_AGE, expire_sessions
    from lms.models import LaunchSession

    _, aus = imported
    session, *_ = launch(client, lms, aus[0])
    assert expire_sessions() == 0  # young, and its initialized is not delivered yet
    deliver_round()
    later = timezone.now() + SESSION_MAX_AGE + timedelta(minutes=1)
    assert expire_sessions(now=later) == 1
    session.refresh_from_db()
    assert (session.status, session.auth) == (LaunchSession.Status.ABANDONED, "")
