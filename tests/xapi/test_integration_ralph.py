"""End to end against the real Ralph: a learner takes a lesson and its quiz through the API."""

import json
import re
from collections import Counter

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement
from rest_framework.test import APIClient

from quizzes.models import Attempt
from tests.factories import PASSWORD, build_course
from tests.xapi.conftest import correct_answers, wrong_answers
from xapi.delivery import deliver_round
from xapi.models import OutboxStatement

pytestmark = [pytest.mark.lrs, pytest.mark.django_db]

DURATION = re.compile(r"^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$")


@pytest.fixture
def api(learner, settings):
    learner.set_password(PASSWORD)
    learner.save()
    client = APIClient()
    assert client.login(username=learner.username, password=PASSWORD)
    return client


def take_quiz(api, lesson, answers):
    started = api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/")
    assert started.status_code == 201, started.content
    attempt = Attempt.objects.get(pk=started.json()["id"])
    submitted = api.post(
        f"/api/v1/attempts/{attempt.pk}/submit/", {"answers": answers(attempt)}, format="json"
    )
    assert submitted.status_code == 200, submitted.content
    return attempt


def test_every_statement_of_a_lesson_and_quiz_arrives_in_ralph_valid(api, lrs_settings, ralph):
    lrs_settings(ralph.endpoint, ralph.username, ralph.password)
    _, [lesson] = build_course(lessons=1)
    assert api.post(f"/api/v1/lessons/{lesson.pk}/experienced/").status_code == 200
    failed = take_quiz(api, lesson, wrong_answers)
    passed = take_quiz(api, lesson, correct_answers)
    n = len(passed.questions)

    report = deliver_round()

    rows = list(OutboxStatement.objects.order_by("id"))
    assert Counter(row.verb for row in rows) == {
        "experienced": 1, "attempted": 2, "answered": 2 * n, "failed": 1, "passed": 1,
        "completed": 2,
    }
    assert report.delivered == len(rows) and report.rejected == 0
    assert {row.status for row in rows} == {"delivered"}
    registrations = Counter()
    for row in rows:
        sent = json.loads(row.payload)
        stored = ralph.get(str(row.statement_id))
        assert stored is not None, row.verb
        BaseXapiStatement.model_validate(stored)
        assert "version" not in sent and "version" not in stored
        assert stored["timestamp"] == sent["timestamp"] and sent["timestamp"].endswith("Z")
        for key in ("actor", "verb", "object", "context"):
            assert stored.get(key) == sent.get(key), key
        assert stored.get("result") == sent.get("result")
        if "duration" in sent.get("result", {}):
            assert DURATION.match(sent["result"]["duration"]), sent["result"]["duration"]
        registrations[sent.get("context", {}).get("registration")] += 1
    # Quiz statements carry their attempt's registration; lesson/course ones carry none.
    assert registrations == {
        str(failed.registration): n + 2, str(passed.registration): n + 2, None: 3,
    }
