"""GET a lesson's quiz and POST to start an attempt: no answer keys, shuffled order, limits."""

import json

import pytest

from quizzes.models import Attempt
from tests.factories import build_course, every_question_type

pytestmark = pytest.mark.django_db


def answer_key_values(questions):
    """Every feedback and explanation string of a snapshot: none may reach a learner early.

    (Correct flags, positions and each item's target are checked by key: their values,
    booleans, small numbers and target ids, also appear legitimately elsewhere.)
    """
    secrets = set()
    for q in questions:
        if q["explanation"]:
            secrets.add(q["explanation"])
        secrets.update(c["feedback"] for c in q["choices"] if c["feedback"])
    return secrets


def test_the_quiz_and_a_new_attempt_never_carry_answer_keys(api, course):
    _, [lesson, _] = course
    before = api.get(f"/api/v1/lessons/{lesson.pk}/quiz/")
    started = api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/")
    during = api.get(f"/api/v1/lessons/{lesson.pk}/quiz/")
    detail = api.get(f"/api/v1/attempts/{started.json()['id']}/")
    listed = api.get("/api/v1/attempts/")
    attempt = Attempt.objects.get()
    secrets = answer_key_values(attempt.questions)
    assert {"Explained.", "Feedback 1", "Right about true.", "Step 1 fb"} <= secrets
    for response in (before, started, during, detail, listed):
        assert response.status_code in (200, 201)
        text = response.content.decode()
        leaked = [secret for secret in secrets if secret in text]
        assert leaked == [], (response.request["PATH_INFO"], leaked)
        for key in ('"correct"', '"feedback"', '"explanation"', '"position"', '"target"',
                    '"correct_response"', '"answer_is_true"'):
            assert key not in text
    matching = next(q for q in before.json()["questions"] if q["type"] == "matching")
    assert set(matching["choices"][0]) == {"id", "text"}


def test_matching_shows_its_targets_list_and_likert_its_scale(api, course):
    _, [lesson, _] = course
    questions = api.get(f"/api/v1/lessons/{lesson.pk}/quiz/").json()["questions"]
    by_type = {q["type"]: q for q in questions}
    assert [t["text"] for t in by_type["matching"]["targets"]] == ["Finance", "Logistics"]
    assert [c["text"] for c in by_type["matching"]["choices"]] == ["Invoice", "Parcel"]
    assert [c["text"] for c in by_type["likert"]["choices"]][0] == "Strongly disagree"
    assert by_type["likert"]["points"] == 0
    assert [c["id"] for c in by_type["true_false"]["choices"]] == ["true", "false"]


def test_the_quiz_shows_the_attempts_shuffled_order(api, index_with_shuffled_quiz):
    lesson = index_with_shuffled_quiz
    started = api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/").json()
    quiz = api.get(f"/api/v1/lessons/{lesson.pk}/quiz/").json()
    snapshot = Attempt.objects.get().questions
    assert [q["id"] for q in quiz["questions"]] == [q["id"] for q in snapshot]
    assert quiz["questions"] == started["questions"]
    assert [c["id"] for c in quiz["questions"][0]["choices"]] == [
        c["id"] for c in snapshot[0]["choices"]]
    assert quiz["attempt"]["id"] == started["id"] and quiz["attempts_used"] == 1


@pytest.fixture
def index_with_shuffled_quiz(db):
    questions = every_question_type() * 2
    _, [lesson] = build_course(lessons=1, questions=questions, shuffle_questions=True,
                               shuffle_choices=True)
    return lesson


def test_starting_creates_then_resumes_the_attempt(api, course):
    _, [lesson, _] = course
    created = api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/")
    resumed = api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/")
    assert (created.status_code, resumed.status_code) == (201, 200)
    assert created.json() == resumed.json()
    body = created.json()
    assert body["status"] == "in_progress" and body["number"] == 1 and body["result"] is None
    assert body["lesson"] == lesson.pk and body["quiz"] == lesson.quiz_id
    assert len(body["registration"]) == 36


def test_starting_past_the_attempt_limit_is_forbidden(api, answer_sheet, assert_error):
    _, [lesson] = build_course(lessons=1, max_attempts=2)
    for _ in range(2):
        attempt_id = api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/").json()["id"]
        attempt = Attempt.objects.get(pk=attempt_id)
        api.post(f"/api/v1/attempts/{attempt_id}/submit/",
                 {"answers": answer_sheet(attempt, right=False)}, format="json")
    quiz = api.get(f"/api/v1/lessons/{lesson.pk}/quiz/").json()
    assert (quiz["max_attempts"], quiz["attempts_used"], quiz["attempts_remaining"]) == (2, 2, 0)
    response = api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/")
    body = assert_error(response, 403, "attempt_limit_reached")
    assert "2 attempts" in body["detail"]
    assert Attempt.objects.count() == 2


def test_a_lesson_without_a_quiz_has_none_to_show_or_start(api, assert_error):
    _, [lesson] = build_course(lessons=1, with_quiz=False)
    assert_error(api.get(f"/api/v1/lessons/{lesson.pk}/quiz/"), 404, "quiz_not_available")
    assert_error(api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/"), 404,
                 "quiz_not_available")
    assert not Attempt.objects.exists()


def test_an_unpublished_lesson_is_not_found(api, course, assert_error):
    _, [lesson, _] = course
    lesson.unpublish()
    for path in ("", "quiz/"):
        assert_error(api.get(f"/api/v1/lessons/{lesson.pk}/{path}"), 404, "not_found")
    assert_error(api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/"), 404, "not_found")


def test_a_submitted_attempt_shows_its_result_with_feedback(api, course, answer_sheet):
    _, [lesson, _] = course
    attempt_id = api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/").json()["id"]
    attempt = Attempt.objects.get(pk=attempt_id)
    api.post(f"/api/v1/attempts/{attempt_id}/submit/", {"answers": answer_sheet(attempt)},
             format="json")
    detail = api.get(f"/api/v1/attempts/{attempt_id}/").json()
    assert detail["result"]["passed"] is True
    single = next(q for q in detail["result"]["questions"]
                  if q["question_id"] == attempt.questions[0]["id"])
    assert single["feedback"] == ["Feedback 1"] and single["explanation"] == "Explained."
    assert json.dumps(detail).count("correct_response") == 6
