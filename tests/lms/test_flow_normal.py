"""A learner launched from the cmi5 test LMS in Normal mode: what the LMS ends up holding."""

from __future__ import annotations

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from lms.models import LaunchSession, LmsStatement
from quizzes.models import Attempt
from tests.factories import QuizFactory, build_course, likert
from tests.lms.cmi5_lms import CATEGORY_CMI5, CATEGORY_MOVEON, EXT
from tests.lms.conftest import (
    deliver,
    exit_lesson,
    experience,
    follow_launch,
    new_actor,
    new_registration,
    take_quiz,
    verbs,
)
from lms.package import cmi5_zip, course_package

pytestmark = [pytest.mark.lrs, pytest.mark.django_db]


@pytest.fixture
def imported(lms):
    course, lessons = build_course(lessons=2)
    aus = lms.import_package(cmi5_zip(course_package(course)))
    return lessons, aus


def launch(client, lms, au, **kwargs):
    actor = kwargs.pop("actor", None) or new_actor()
    registration = kwargs.pop("registration", None) or new_registration()
    response = follow_launch(client, lms.launch(au, actor=actor, registration=registration,
                                               **kwargs))
    assert response.status_code == 302, response.content.decode()[:500]
    session = LaunchSession.objects.order_by("-pk").first()
    return session, actor, registration, response


def test_normal_launch_completes_passes_and_exits_in_the_spec_order(client, lms, imported):
    lessons, aus = imported
    session, actor, registration, response = launch(client, lms, aus[0])
    assert response["Location"] == lessons[0].url
    page = client.get(response["Location"])
    assert b"data-lms-exit" in page.content
    experience(client, lessons[0])
    attempt = take_quiz(client, lessons[0])
    assert attempt.passed
    exit_reply = exit_lesson(client, session)
    assert exit_reply["Location"] == f"{lms.url}/return/{session.session_id}"
    deliver()

    held = lms.statements(registration)
    n = len(attempt.questions)
    assert verbs(held) == ["launched", "initialized", "completed", *["answered"] * n,
                           "passed", "terminated"]
    for statement in held[1:]:
        BaseXapiStatement.model_validate({k: v for k, v in statement.items()
                                          if k not in ("stored", "authority")})
        context = statement["context"]
        assert context["registration"] == registration
        assert context["extensions"][EXT + "sessionid"] == session.session_id
        assert {"id": aus[0].id} in context["contextActivities"]["grouping"]
        assert statement["actor"]["account"] == actor["account"]
    defined = [s for s in held[1:] if s["verb"]["id"].endswith(
        ("initialized", "completed", "passed", "terminated"))]
    for statement in defined:
        assert statement["object"]["id"] == aus[0].activity_id
        assert CATEGORY_CMI5 in {a["id"] for a in statement["context"]["contextActivities"]["category"]}
    passed = held[-2]
    assert passed["result"]["success"] is True and "completion" not in passed["result"]
    assert passed["result"]["score"] == {"scaled": 1.0, "raw": 100, "min": 0, "max": 100}
    assert passed["context"]["extensions"][EXT + "masteryscore"] == 0.8
    assert CATEGORY_MOVEON in {a["id"] for a in passed["context"]["contextActivities"]["category"]}
    answered = held[3]
    assert "category" not in answered["context"]["contextActivities"]
    assert answered["object"]["definition"]["type"] == (
        "http://adlnet.gov/expapi/activities/cmi.interaction")
    assert LmsStatement.objects.filter(status="pending").count() == 0
    assert Attempt.objects.filter(user=session.learner.user).count() == 1
