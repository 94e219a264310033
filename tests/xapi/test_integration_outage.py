"""500 quiz submissions while the LRS is down; then it comes back and the worker drains."""

import time
from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from progress.services import lesson_quiz_start, lesson_quiz_submit
from tests.factories import build_course, single_choice
from tests.xapi.conftest import correct_answers
from xapi.models import OutboxStatement

pytestmark = [pytest.mark.lrs, pytest.mark.django_db]

SUBMISSIONS = 500


def drain(seconds: float) -> str:
    """Run `xapi_worker --once` until nothing is pending (rows deferred in the outage come due)."""
    deadline, out = time.monotonic() + seconds, StringIO()
    while OutboxStatement.objects.filter(status="pending").exists():
        assert time.monotonic() < deadline, out.getvalue()
        call_command("xapi_worker", "--once", stdout=out)
        time.sleep(0.2)
    return out.getvalue()


def test_a_backlog_built_during_an_outage_reaches_ralph_exactly_once(
    lrs_settings, fake_lrs, ralph
):
    _, [lesson] = build_course(lessons=1, questions=[single_choice()])
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"outage{n}", email=f"outage{n}@example.com")
        for n in range(SUBMISSIONS)
    )
    lrs_settings(fake_lrs.closed_endpoint())
    for user in users:
        attempt, _ = lesson_quiz_start(user=user, lesson=lesson)
        lesson_quiz_submit(
            user=user, lesson=lesson, attempt_id=attempt.pk, answers=correct_answers(attempt)
        )
    out = StringIO()
    call_command("xapi_worker", "--once", stdout=out)  # the worker tries during the outage
    assert "stalled=True" in out.getvalue()
    expected = set(OutboxStatement.objects.values_list("statement_id", flat=True))
    assert len(expected) == SUBMISSIONS * 3  # attempted, answered, passed
    assert OutboxStatement.objects.filter(status="pending").count() == len(expected)

    lrs_settings(ralph.endpoint, ralph.username, ralph.password)
    drain(seconds=30)

    assert not OutboxStatement.objects.exclude(status="delivered").exists()
    expected = {str(i) for i in expected}
    in_ralph = Counter(i for i in ralph.statement_ids() if i in expected)
    assert set(in_ralph) == expected
    assert set(in_ralph.values()) == {1}
