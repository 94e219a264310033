"""No endpoint hands out an answer key before the attempt is submitted.

Every GET operation in the OpenAPI schema is called for a seeded quiz with an
attempt in progress, plus the start-attempt POST and the lesson's HTML page.
No response may carry a key that gives the answer away, nor any of the quiz's
feedback or explanation texts (made unique here so a leak cannot hide).
"""

import copy

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import PASSWORD, build_course, every_question_type

pytestmark = pytest.mark.django_db

KEY_FIELDS = {"correct", "feedback", "explanation", "position", "target", "correct_response",
              "answer_is_true", "feedback_true", "feedback_false"}


def marked_questions() -> tuple[list[dict], set[str]]:
    """Every question type, with each feedback and explanation text unique and findable."""
    questions, secrets = copy.deepcopy(every_question_type()), set()
    for n, block in enumerate(questions):
        value = block["value"]
        value["explanation"] = f"EXPLANATION-{n}"
        secrets.add(value["explanation"])
        for name in ("feedback_true", "feedback_false"):
            if name in value:
                value[name] = f"FEEDBACK-{n}-{name}"
                secrets.add(value[name])
        for m, item in enumerate(value.get("choices", [])):
            item["feedback"] = f"FEEDBACK-{n}-{m}"
            secrets.add(item["feedback"])
    return questions, secrets


def keys_in(data) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {k for value in data.values() for k in keys_in(value)}
    if isinstance(data, list):
        return {k for item in data for k in keys_in(item)}
    return set()


@pytest.fixture
def quiz_in_progress(learner, api):
    questions, secrets = marked_questions()
    course, lessons = build_course(lessons=1, questions=questions)
    started = api.post(f"/api/v1/lessons/{lessons[0].pk}/quiz/attempts/")
    assert started.status_code == 201
    return course, lessons[0], started, secrets


def assert_no_answer_key(response, secrets, where):
    body = response.content.decode()
    leaked_keys = KEY_FIELDS & keys_in(response.json())
    assert not leaked_keys, (where, leaked_keys)
    assert not [s for s in secrets if s in body], where


def test_no_get_endpoint_returns_an_answer_key_before_submission(api, quiz_in_progress):
    course, lesson, started, secrets = quiz_in_progress
    attempt = started.json()
    ids = {"course_id": course.pk, "lesson_id": lesson.pk, "attempt_id": attempt["id"]}
    schema = APIClient().get("/api/schema/?format=json").json()
    gets = [path for path, item in schema["paths"].items() if "get" in item]

    for path in gets:
        response = api.get(path.format(**ids))
        assert response.status_code == 200, (path, response.content)
        assert_no_answer_key(response, secrets, path)

    assert_no_answer_key(started, secrets, "POST quiz/attempts/")
    assert started.json()["result"] is None
    assert len(gets) == 7  # a new GET endpoint must be walked here too
    assert {"/api/v1/attempts/{attempt_id}/", "/api/v1/lessons/{lesson_id}/quiz/"} <= set(gets)
    questions = api.get(f"/api/v1/attempts/{attempt['id']}/").json()["questions"]
    assert len(questions) == 6 and all(q["choices"] for q in questions)  # really walked


def test_resuming_the_attempt_returns_no_answer_key(api, quiz_in_progress):
    _course, lesson, _started, secrets = quiz_in_progress
    resumed = api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/")
    assert resumed.status_code == 200
    assert_no_answer_key(resumed, secrets, "resume")


def test_question_page_of_the_attempt_in_progress_shows_no_feedback_or_explanation(
    client, learner, quiz_in_progress
):
    _course, lesson, started, secrets = quiz_in_progress
    client.login(username=learner.username, password=PASSWORD)
    html = client.get(lesson.url).content.decode()
    html += client.get(reverse("learn:attempt_question", args=[started.json()["id"], 1])
                       ).content.decode()
    assert html.count("data-quiz-upcoming") == 5  # every question is on the page, no key
    assert not [s for s in secrets if s in html]
