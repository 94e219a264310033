"""POST /api/v1/attempts/<id>/answers/: one answer at a time, scored at once, final after."""

import json

import pytest

from api.models import IdempotencyKey
from progress.models import LessonProgress
from quizzes.models import Answer, Attempt
from tests.concurrency import postgres_only, run_concurrently
from tests.factories import answers_for, build_course, likert, single_choice
from xapi.models import OutboxStatement

pytestmark = pytest.mark.django_db

KEY_WORDS = ("correct", "feedback", "position", "target", "explanation")


def start(api, lesson):
    response = api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/")
    assert response.status_code == 201, response.json()
    return Attempt.objects.get(pk=response.json()["id"])


def answer(api, attempt, item, **headers):
    return api.post(f"/api/v1/attempts/{attempt.pk}/answers/", item, format="json",
                    headers=headers)


def sheet(attempt, *, right=True):
    """question id -> the answer item, in the attempt's order."""
    return {item["question"]: item for item in answers_for(attempt.questions, right=right)}


def assert_nothing_written(attempt, *, answers=0):
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS and attempt.result is None
    assert Answer.objects.filter(attempt=attempt).count() == answers
    assert not IdempotencyKey.objects.exists()
    assert not OutboxStatement.objects.filter(verb="answered").count() > answers


def test_an_answer_is_scored_at_once_with_feedback_and_the_correct_answer(api, course):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    first = attempt.questions[0]
    response = answer(api, attempt, sheet(attempt, right=False)[first["id"]])
    body = response.json()
    assert response.status_code == 201, body
    assert body["answer"]["question_id"] == first["id"]
    assert body["answer"]["outcome"] in ("wrong", "recorded")
    assert body["answer"]["explanation"] == first["explanation"]
    assert (body["answered"], body["total"]) == (1, len(attempt.questions))
    assert body["attempt"]["status"] == "in_progress" and body["attempt"]["passed"] is None
    if first["type"] != "likert":
        assert body["answer"]["correct_response"] is not None
    [stored] = Answer.objects.filter(attempt=attempt)
    assert stored.question_id == first["id"] and stored.answered_at is not None


def test_no_answer_key_of_an_unanswered_question_leaves_the_server(api, course):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    first, rest = attempt.questions[0], attempt.questions[1:]
    answer(api, attempt, sheet(attempt)[first["id"]])
    detail = api.get(f"/api/v1/attempts/{attempt.pk}/").json()
    assert [a["question_id"] for a in detail["answers"]] == [first["id"]]
    assert detail["result"] is None
    unanswered = json.dumps([q for q in detail["questions"] if q["id"] != first["id"]])
    assert not any(f'"{word}"' in unanswered for word in KEY_WORDS)
    shown = {first["explanation"], *(c["feedback"] for c in first["choices"])}
    for question in rest:  # no feedback text or explanation of another question, anywhere
        for text in [question["explanation"], *(c["feedback"] for c in question["choices"])]:
            if text and text not in shown:
                assert text not in json.dumps(detail)


def test_an_answer_is_final(api, course, assert_error):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    first = attempt.questions[0]
    right, wrong = sheet(attempt)[first["id"]], sheet(attempt, right=False)[first["id"]]
    assert answer(api, attempt, right).status_code == 201
    body = assert_error(answer(api, attempt, wrong), 409, "question_already_answered")
    assert body["answer"]["question_id"] == first["id"]
    assert body["answer"]["response"] == Answer.objects.get(attempt=attempt).response
    assert Answer.objects.filter(attempt=attempt).count() == 1


def test_the_last_answer_finishes_the_attempt_and_completes_the_lesson(api, course):
    _, [lesson, _] = course
    api.post(f"/api/v1/lessons/{lesson.pk}/experienced/")
    attempt = start(api, lesson)
    bodies = [answer(api, attempt, item).json() for item in sheet(attempt).values()]
    assert [b["attempt"]["status"] for b in bodies] == ["in_progress"] * 5 + ["submitted"]
    last = bodies[-1]["attempt"]
    assert last["passed"] is True and last["scaled_score"] == 1.0
    assert LessonProgress.objects.get(lesson=lesson).completed_at is not None
    verbs = list(OutboxStatement.objects.order_by("id").values_list("verb", flat=True))
    assert verbs == ["experienced", "attempted", *["answered"] * 6, "passed", "completed"]


def test_each_answered_statement_is_recorded_when_the_answer_is_given(api, course):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    items = list(sheet(attempt).values())
    answer(api, attempt, items[0])
    assert OutboxStatement.objects.filter(verb="answered").count() == 1
    assert not OutboxStatement.objects.filter(verb__in=["passed", "failed"]).exists()
    for item in items[1:]:
        answer(api, attempt, item)
    verbs = list(OutboxStatement.objects.order_by("id").values_list("verb", flat=True))
    assert verbs == ["attempted", *["answered"] * 6, "passed"]


@pytest.mark.parametrize("bad, code", [
    ({"question": "nope", "choices": ["x"]}, "unknown_question"),
    ({"choices": ["x"]}, "invalid"),
    ({"question": 7, "choices": ["x"]}, "unknown_question"),
    ({"question": None, "choices": ["x"]}, "invalid"),
    ("just a string", "invalid"),
    ([], "invalid"),
])
def test_bad_answers_are_refused_and_write_nothing(api, course, assert_error, bad, code):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    assert_error(answer(api, attempt, bad), 400, code)
    assert_nothing_written(attempt)


def test_a_choice_from_another_question_is_refused(api, course, assert_error):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    singles = [q for q in attempt.questions if q["type"] == "single_choice"]
    other = next(q for q in attempt.questions if q["type"] == "multiple_response")
    item = {"question": singles[0]["id"], "choices": [other["choices"][0]["id"]]}
    body = assert_error(answer(api, attempt, item), 400, "unknown_choice")
    assert "choices" in body["fields"]
    assert_nothing_written(attempt)


def test_another_learners_attempt_is_not_found(api, other_api, course, assert_error):
    _, [lesson, _] = course
    theirs = start(other_api, lesson)
    assert_error(answer(api, theirs, next(iter(sheet(theirs).values()))), 404, "not_found")
    assert_nothing_written(theirs)


def test_a_finished_attempt_takes_no_more_answers(api, course, assert_error):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    items = list(sheet(attempt).values())
    for item in items:
        answer(api, attempt, item)
    body = assert_error(answer(api, attempt, items[0]), 409, "attempt_already_submitted")
    assert body["attempt"]["status"] == "submitted"
    assert Answer.objects.filter(attempt=attempt).count() == len(items)


def test_a_retry_with_the_same_key_gets_the_first_response(api, course, assert_error):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    first, second = list(sheet(attempt).values())[:2]
    one = answer(api, attempt, first, **{"Idempotency-Key": "k1"})
    again = answer(api, attempt, first, **{"Idempotency-Key": "k1"})
    assert (one.status_code, again.status_code) == (201, 201)
    assert one.content == again.content and again.headers["Idempotent-Replayed"] == "true"
    assert_error(answer(api, attempt, second, **{"Idempotency-Key": "k1"}), 422,
                 "idempotency_key_reused")
    assert Answer.objects.filter(attempt=attempt).count() == 1


def test_answering_is_throttled_per_learner(api, course, settings, assert_error):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "answer": "2/min"}}
    _, [lesson, _] = course
    attempt = start(api, lesson)
    assert answer(api, attempt, {"question": "nope", "choices": []}).status_code == 400
    assert answer(api, attempt, {"question": "nope", "choices": []}).status_code == 400
    throttled = answer(api, attempt, next(iter(sheet(attempt).values())))
    assert_error(throttled, 429, "throttled")
    assert_nothing_written(attempt)


def test_the_whole_attempt_submit_keeps_answers_given_one_at_a_time(api, course, assert_error):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    right = answers_for(attempt.questions)
    answer(api, attempt, right[0])
    changed = [answers_for(attempt.questions, right=False)[0], *right[1:]]
    submit = f"/api/v1/attempts/{attempt.pk}/submit/"
    assert_error(api.post(submit, {"answers": changed}, format="json"), 409,
                 "question_already_answered")
    assert Answer.objects.filter(attempt=attempt).count() == 1
    body = api.post(submit, {"answers": right}, format="json").json()
    assert body["status"] == "submitted" and body["passed"] is True
    assert OutboxStatement.objects.filter(verb="answered").count() == len(right)


def test_a_survey_reports_no_score_and_no_pass_or_fail(api):
    _, [lesson] = build_course(lessons=1, questions=[likert(), likert("I have the tools.")])
    api.post(f"/api/v1/lessons/{lesson.pk}/experienced/")
    attempt = start(api, lesson)
    bodies = [answer(api, attempt, item).json() for item in sheet(attempt).values()]
    finished = bodies[-1]["attempt"]
    assert finished["kind"] == "survey" and finished["status"] == "submitted"
    assert (finished["passed"], finished["scaled_score"], finished["raw_score"]) == (
        None, None, None)
    detail = api.get(f"/api/v1/attempts/{attempt.pk}/").json()
    assert detail["result"]["passed"] is None and detail["result"]["scaled"] is None
    assert {q["outcome"] for q in detail["result"]["questions"]} == {"recorded"}
    progress = LessonProgress.objects.get(lesson=lesson)
    assert progress.completed_at is not None and progress.best_scaled_score is None


def test_a_scored_quiz_says_it_is_scored(api):
    _, [lesson] = build_course(lessons=1, questions=[single_choice()])
    assert api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/").json()["kind"] == "scored"


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_answers_to_one_question_store_one_answer(learner, api_for):
    _, [lesson] = build_course(lessons=1)
    attempt = start(api_for(learner), lesson)
    first = attempt.questions[0]
    right, wrong = sheet(attempt)[first["id"]], sheet(attempt, right=False)[first["id"]]
    responses = run_concurrently(
        *[lambda item=item: answer(api_for(learner), attempt, item)
          for item in (right, wrong, right, wrong)]
    )
    codes = sorted(r.status_code for r in responses)
    assert codes == [201, 409, 409, 409]
    [stored] = Answer.objects.filter(attempt=attempt)
    winner = next(r for r in responses if r.status_code == 201).json()
    assert stored.response == winner["answer"]["response"]
    assert OutboxStatement.objects.filter(verb="answered").count() == 1
