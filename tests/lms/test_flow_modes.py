"""Browse and Review launches, the Tin Can launch, what a launched browser may reach, and
whether launched learning is copied to the corporate LRS."""

from __future__ import annotations

import json
import re

import pytest

from lms.models import LaunchSession, LmsStatement
from lms.package import course_package, tincan_zip
from progress.models import LessonProgress
from tests.factories import build_course
from tests.lms.conftest import (
    api_client,
    deliver,
    exit_lesson,
    experience,
    follow_launch,
    launch,
    new_actor,
    new_registration,
    take_quiz,
    verbs,
)
from xapi.models import OutboxStatement

pytestmark = [pytest.mark.lrs, pytest.mark.django_db]


@pytest.mark.parametrize("mode", ["Browse", "Review"])
def test_browse_and_review_send_only_initialized_and_terminated(client, lms, imported, mode):
    lessons, aus = imported
    session, _, registration, response = launch(client, lms, aus[0], mode=mode)
    page = client.get(lessons[0].url)
    assert page.status_code == 200
    # Nothing to take or record: no Start, no "read" marker, no saved position; it says why.
    html = page.content.decode()
    assert f"/learn/lessons/{lessons[0].pk}/quiz/start/" not in html
    assert "data-api-experienced" not in html and "data-api-position" not in html
    assert "launch the lesson again from your learning platform" in html
    refused = api_client(client).post(f"/api/v1/lessons/{lessons[0].pk}/experienced/")
    assert refused.status_code == 403 and refused.json()["error"] == "launch_read_only"
    start = client.post(f"/learn/lessons/{lessons[0].pk}/quiz/start/")
    assert start.status_code == 403 and b"nothing you do here is saved" in start.content
    exit_lesson(client, session)
    deliver()
    assert verbs(lms.statements(registration)) == ["launched", "initialized", "terminated"]
    assert not LessonProgress.objects.filter(user=session.learner.user).exists()


def test_review_shows_the_last_result_read_only(client, lms, imported):
    lessons, aus = imported
    actor, registration = new_actor(), new_registration()
    first, *_ = launch(client, lms, aus[0], actor=actor, registration=registration)
    experience(client, lessons[0])
    attempt = take_quiz(client, lessons[0])
    exit_lesson(client, first)
    deliver()

    review, _, _, response = launch(client, lms, aus[0], actor=actor, registration=registration,
                                    mode="Review")
    assert response["Location"] == f"/lms/sessions/{review.public_id}/review/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert b"Passed" in page.content and b"nothing you do here is recorded" in page.content
    assert f"Attempt {attempt.number}".encode() in page.content
    actions = re.findall(r'<form[^>]*action="([^"]*)"', page.content.decode())
    assert set(actions) == {f"/lms/sessions/{review.public_id}/exit/", "/accounts/logout/"}
    exit_lesson(client, review)
    deliver()
    review_statements = [s for s in lms.statements(registration)
                         if s["context"]["extensions"].get(
                             "https://w3id.org/xapi/cmi5/context/extensions/sessionid")
                         == review.session_id]
    assert verbs(review_statements) == ["launched", "initialized", "terminated"]


def test_tincan_launch_sends_completed_and_passed_to_that_endpoint(client, lms):
    course, [lesson] = build_course(lessons=1)
    [activity] = lms.import_package(tincan_zip(course_package(course)))
    actor, registration = new_actor(), new_registration()
    response = follow_launch(client, lms.tincan_launch(activity, actor=actor,
                                                       registration=registration))
    assert response.status_code == 302 and response["Location"] == lesson.url
    session = LaunchSession.objects.get(kind="tincan")
    assert session.auth.startswith("Basic ")
    assert session.auth not in client.get(lesson.url).content.decode()
    experience(client, lesson)
    take_quiz(client, lesson, right=False)
    take_quiz(client, lesson)
    exit_lesson(client, session)
    deliver()
    held = lms.statements(registration)
    assert verbs(held) == ["failed", "passed", "completed"]
    assert {s["object"]["id"] for s in held} == {activity.id}
    assert held[1]["result"]["completion"] is True and held[1]["result"]["success"] is True


def test_a_launched_browser_reaches_only_its_lesson(client, lms, imported):
    lessons, aus = imported
    session, *_ = launch(client, lms, aus[0])
    course_page = client.get(lessons[0].get_parent().url)
    assert course_page.status_code == 403
    assert lessons[0].title.encode() in course_page.content
    assert client.get(lessons[1].url).status_code == 403
    assert client.get("/").status_code == 403
    assert client.get("/admin/").status_code == 403
    api = api_client(client)
    assert api.get("/api/v1/courses/").status_code == 403
    assert api.post(f"/api/v1/lessons/{lessons[1].pk}/quiz/attempts/").status_code == 403
    attempt = take_quiz(client, lessons[0])
    assert client.get(f"/learn/attempts/{attempt.pk}/").status_code == 200


@pytest.mark.parametrize("copy", [True, False])
def test_launched_learning_is_copied_to_the_corporate_lrs_only_if_configured(
    client, lms, imported, settings, copy
):
    settings.CMI5_COPY_TO_LRS = copy
    settings.XAPI_ENABLED = True
    lessons, aus = imported
    launch(client, lms, aus[0])
    experience(client, lessons[0])
    take_quiz(client, lessons[0])
    assert OutboxStatement.objects.exists() is copy
    assert LmsStatement.objects.filter(verb="passed").count() == 1


def test_the_auth_token_never_reaches_the_browser_and_is_forgotten_when_done(client, lms,
                                                                           imported):
    lessons, aus = imported
    session, *_ = launch(client, lms, aus[0])
    token = session.auth.removeprefix("Basic ")
    assert token and token in lms.sessions[session.session_id].auth_token
    assert token not in client.get(lessons[0].url).content.decode()
    assert token not in json.dumps(dict(client.session))
    exit_lesson(client, session)
    deliver()
    session.refresh_from_db()
    assert session.auth == ""


def test_signing_out_of_a_launched_browser_ends_its_launches(client, lms, imported):
    lessons, aus = imported
    session, _, registration, _ = launch(client, lms, aus[0])
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session
    session.refresh_from_db()
    assert session.status == LaunchSession.Status.TERMINATED
    deliver()
    assert verbs(lms.statements(registration)) == ["launched", "initialized", "terminated"]
    assert client.get("/").status_code == 200  # a plain browser again
