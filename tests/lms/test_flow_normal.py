"""A learner launched from the cmi5 test LMS in Normal mode: what the LMS ends up holding."""

from __future__ import annotations

import re

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from lms.models import LmsStatement
from lms.package import cmi5_zip, course_package
from quizzes.models import Attempt
from tests.factories import build_course, likert
from tests.lms.cmi5_lms import CATEGORY_CMI5, CATEGORY_MOVEON, EXT
from tests.lms.conftest import (
    deliver,
    exit_lesson,
    experience,
    five_of_six,
    launch,
    new_actor,
    new_registration,
    take_quiz,
    verbs,
)

pytestmark = [pytest.mark.lrs, pytest.mark.django_db]


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
        categories = statement["context"]["contextActivities"]["category"]
        assert CATEGORY_CMI5 in {a["id"] for a in categories}
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


def test_answered_lists_choices_in_authored_order_whatever_the_shuffle(client, lms):
    course, [lesson] = build_course(lessons=1, shuffle_choices=True)
    [au] = lms.import_package(cmi5_zip(course_package(course)))
    _, _, registration, _ = launch(client, lms, au)
    experience(client, lesson)
    attempt = take_quiz(client, lesson, one_at_a_time=True)
    deliver()

    authored = {q["id"]: q for q in attempt.quiz.live_revision.as_object().questions.raw_data}
    answered = [s for s in lms.statements(registration) if verbs([s]) == ["answered"]]
    assert len(answered) == len(attempt.questions)
    for statement in answered:
        question_id = statement["object"]["id"].rsplit("/", 1)[-1]
        block = authored[question_id]
        components = statement["object"]["definition"].get("choices")
        if block["type"] in ("single_choice", "multiple_response"):
            assert [c["id"] for c in components] == [
                item["id"] for item in block["value"]["choices"]]


def test_a_failed_attempt_then_a_passing_one_in_a_second_session(client, lms, imported):
    lessons, aus = imported
    session, actor, registration, _ = launch(client, lms, aus[0])
    experience(client, lessons[0])
    failed = take_quiz(client, lessons[0], right=False)
    assert failed.passed is False
    retry = client.post(f"/learn/lessons/{lessons[0].pk}/quiz/start/")
    assert retry.status_code == 403  # one of passed/failed per session: relaunch to retry
    assert b"launch the lesson again" in retry.content
    exit_lesson(client, session)
    deliver()  # the worker delivers as the learner goes back to the LMS

    second, *_ = launch(client, lms, aus[0], actor=actor, registration=registration)
    passed = take_quiz(client, lessons[0])
    assert passed.passed
    exit_lesson(client, second)
    deliver()

    first_ids = {session.session_id: [], second.session_id: []}
    for statement in lms.statements(registration):
        first_ids[statement["context"]["extensions"][EXT + "sessionid"]].append(statement)
    n = len(passed.questions)
    assert verbs(first_ids[session.session_id]) == [
        "launched", "initialized", "completed", *["answered"] * n, "failed", "terminated"]
    assert verbs(first_ids[second.session_id]) == [
        "launched", "initialized", *["answered"] * n, "passed", "terminated"]
    failed_statement = first_ids[session.session_id][-2]
    assert failed_statement["result"]["success"] is False
    assert failed_statement["result"]["score"]["scaled"] < 0.8


def test_mastery_score_from_the_lms_overrides_the_pass_mark(client, lms, imported):
    lessons, aus = imported
    _, _, registration, _ = launch(client, lms, aus[0], mastery_score="0.95")
    experience(client, lessons[0])
    attempt = take_quiz(client, lessons[0], answers=five_of_six)  # 83%: passes at 80, not 95
    assert (attempt.pass_mark, attempt.passed) == (95, False)
    deliver()
    [judged] = [s for s in lms.statements(registration) if verbs([s])[0] in ("passed", "failed")]
    assert verbs([judged]) == ["failed"]
    assert judged["context"]["extensions"][EXT + "masteryscore"] == 0.95
    assert judged["result"]["score"] == {"scaled": 0.8333, "raw": 83, "min": 0, "max": 100}
    page = client.get(f"/learn/attempts/{attempt.pk}/")
    assert b"The pass mark is 95%" in page.content


def test_a_survey_lesson_is_completed_when_the_survey_is_submitted(client, lms):
    course, [lesson] = build_course(lessons=1, questions=[likert(), likert("Second.")])
    [au] = lms.import_package(cmi5_zip(course_package(course)))
    assert au.move_on == "Completed" and au.mastery_score is None
    session, _, registration, _ = launch(client, lms, au)
    experience(client, lesson)
    take_quiz(client, lesson)
    exit_lesson(client, session)
    deliver()
    assert verbs(lms.statements(registration)) == [
        "launched", "initialized", "answered", "answered", "completed", "terminated"]


def test_a_second_launch_of_another_lesson_works_in_the_same_browser(client, lms, imported):
    lessons, aus = imported
    actor, registration = new_actor(), new_registration()
    first, *_ = launch(client, lms, aus[0], actor=actor, registration=registration)
    second, *_ = launch(client, lms, aus[1], actor=actor, registration=registration)
    assert first.learner_id == second.learner_id
    assert client.get(lessons[0].url).status_code == 200
    assert client.get(lessons[1].url).status_code == 200
    experience(client, lessons[1])
    exit_lesson(client, second)
    assert client.get(lessons[0].url).status_code == 200  # the first launch still open
    assert client.get(lessons[1].url).status_code == 403
    exit_lesson(client, first)
    deliver()
    assert LmsStatement.objects.filter(session=second, verb="completed").exists()
    assert not LmsStatement.objects.filter(session=first, verb="completed").exists()


def test_a_new_registration_is_credited_with_what_the_learner_already_met(client, lms, imported):
    lessons, aus = imported
    actor = new_actor()
    first, *_ = launch(client, lms, aus[0], actor=actor)
    experience(client, lessons[0])
    take_quiz(client, lessons[0])
    exit_lesson(client, first)
    second, _, registration, _ = launch(client, lms, aus[0], actor=actor)
    exit_lesson(client, second)
    deliver()
    assert verbs(lms.statements(registration)) == [
        "launched", "initialized", "completed", "passed", "terminated"]


def test_a_launched_lesson_leads_back_to_the_lms_not_to_other_lessons(client, lms, imported):
    """Other lessons, the course and the certificate are the LMS's to offer: the launched
    lesson has no course links, and its result's way on is Exit (a new attempt needs a
    new launch, cmi5 9.3)."""
    lessons, aus = imported
    session, *_ = launch(client, lms, aus[0])
    page = client.get(lessons[0].url).content.decode()
    assert lessons[1].url not in page and 'class="pager"' not in page
    assert 'class="breadcrumbs' not in page
    experience(client, lessons[0])
    attempt = take_quiz(client, lessons[0], right=False)

    result = client.get(f"/learn/attempts/{attempt.pk}/").content.decode()

    exit_url = f"/lms/sessions/{session.public_id}/exit/"
    assert f'action="{exit_url}"' in result
    assert "Exit and return to your learning platform" in result
    assert lessons[1].url not in result and "/certificate" not in result
    assert f"/learn/lessons/{lessons[0].pk}/quiz/start/" not in result  # no Try again


def test_a_launched_lesson_without_a_check_ends_with_exit(client, lms):
    course, [lesson] = build_course(lessons=1, with_quiz=False)
    [au] = lms.import_package(cmi5_zip(course_package(course)))
    session, *_ = launch(client, lms, au)

    page = client.get(lesson.url).content.decode()

    exit_url = re.escape(f"/lms/sessions/{session.public_id}/exit/")
    assert re.search(rf'<form [^>]*action="{exit_url}"[^>]*data-step-finish', page)
    assert "Next lesson" not in page and "Finish" not in page
