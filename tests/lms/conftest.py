"""Fixtures for launching from an LMS: a real cmi5 LMS over HTTP (tests/lms/cmi5_lms.py),
storing statements in the real Ralph, and helpers to launch and take a lesson."""

from __future__ import annotations

import json
import uuid
from urllib.parse import urlsplit

import pytest
from rest_framework.test import APIClient

from tests.factories import answers_for
from tests.lms.cmi5_lms import Cmi5LMS, serve
from tests.xapi.conftest import ralph  # noqa: F401  (the session's real Ralph LRS)

XSD = "/work/shared/cmi5/CourseStructure.xsd"


@pytest.fixture(scope="session")
def lms_server(ralph):  # noqa: F811
    lms = Cmi5LMS(ralph)
    server, thread = serve(lms)
    try:
        yield lms
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def lms(lms_server, settings):
    """The test LMS, allowed by this deployment; launch URLs point at the test client's host."""
    settings.CMI5_ALLOWED_LMS_ORIGINS = [lms_server.origin]
    settings.CMI5_LAUNCH_BASE_URL = "http://testserver"
    settings.XAPI_ACTIVITY_BASE = "https://touchpoint.example.com/xapi"
    lms_server.outages = 0
    lms_server.preferences_status = 200
    lms_server.requests.clear()
    lms_server.refused.clear()
    lms_server.hold_replies.clear()
    lms_server.release.clear()
    lms_server.stored_and_held.clear()
    yield lms_server
    lms_server.release.set()


@pytest.fixture
def imported(lms):
    """A two-lesson course (every question type, pass mark 80) imported into the test LMS."""
    from lms.package import cmi5_zip, course_package
    from tests.factories import build_course

    course, lessons = build_course(lessons=2)
    aus = lms.import_package(cmi5_zip(course_package(course)))
    return lessons, aus


def launch(client, lms, au, **kwargs):
    """Launch `au` for a new (or the given) actor and registration; the browser follows it."""
    from lms.models import LaunchSession

    actor = kwargs.pop("actor", None) or new_actor()
    registration = kwargs.pop("registration", None) or new_registration()
    response = follow_launch(client, lms.launch(au, actor=actor, registration=registration,
                                               **kwargs))
    assert response.status_code == 302, response.content.decode()[:500]
    session = LaunchSession.objects.order_by("-pk").first()
    return session, actor, registration, response


def new_actor(name: str = "Pat Learner") -> dict:
    return {"objectType": "Agent", "name": name,
            "account": {"homePage": "https://lms.example.com", "name": uuid.uuid4().hex}}


def new_registration() -> str:
    return str(uuid.uuid4())


def follow_launch(client, launch_url: str):
    """GET the launch URL with the test client (its host part is testserver)."""
    parts = urlsplit(launch_url)
    return client.get(f"{parts.path}?{parts.query}")


def api_client(client) -> APIClient:
    """An API client sharing the browser's session cookie (what touchpoint.js does)."""
    api = APIClient()
    api.cookies = client.cookies
    return api


def five_of_six(questions: list[dict]) -> list[dict]:
    """Every answer right but the true/false one: 5 of 6 points (83%) on every_question_type()."""
    answers = answers_for(questions, right=True)
    for answer, question in zip(answers, questions, strict=True):
        if question["type"] == "true_false":
            answer["choices"] = [c["id"] for c in question["choices"] if not c["correct"]]
    return answers


def take_quiz(client, lesson, *, right: bool = True, one_at_a_time: bool = False,
              answers=None):
    """Start the lesson's quiz and answer everything (whole submit, or one answer at a time).

    `answers`: a function of the attempt's questions giving the answers (default: answers_for).
    """
    from quizzes.models import Attempt

    api = api_client(client)
    started = api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/")
    assert started.status_code in (200, 201), started.content
    attempt = Attempt.objects.get(pk=started.json()["id"])
    answers = (answers or (lambda qs: answers_for(qs, right=right)))(attempt.questions)
    if one_at_a_time:
        for answer in answers:
            reply = api.post(f"/api/v1/attempts/{attempt.pk}/answers/", answer, format="json")
            assert reply.status_code in (200, 201), reply.content
    else:
        reply = api.post(f"/api/v1/attempts/{attempt.pk}/submit/", {"answers": answers},
                         format="json")
        assert reply.status_code == 200, reply.content
    attempt.refresh_from_db()
    return attempt


def experience(client, lesson) -> None:
    reply = api_client(client).post(f"/api/v1/lessons/{lesson.pk}/experienced/")
    assert reply.status_code == 200, reply.content


def exit_lesson(client, session):
    return client.post(f"/lms/sessions/{session.public_id}/exit/")


def verbs(statements: list[dict]) -> list[str]:
    return [s["verb"]["id"].rsplit("/", 1)[-1] for s in statements]


def deliver() -> None:
    from lms.delivery import deliver_round

    report = deliver_round()
    assert report.rejected == 0, report


def as_json(value) -> str:
    return json.dumps(value, sort_keys=True)
