"""POST /api/v1/attempts/<id>/submit/: scoring, bad input writing nothing, 404/409, idempotency."""

import json
import threading

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from api.models import IdempotencyKey
from progress.models import LessonProgress
from quizzes.models import Answer, Attempt
from tests.factories import build_course, build_site_root, single_choice

pytestmark = pytest.mark.django_db


def start(api, lesson):
    response = api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/")
    assert response.status_code == 201, response.json()
    return Attempt.objects.get(pk=response.json()["id"])


def submit(api, attempt, answers, **headers):
    return api.post(f"/api/v1/attempts/{attempt.pk}/submit/", {"answers": answers},
                    format="json", headers=headers)


def assert_nothing_written(attempt):
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS and attempt.result is None
    assert Attempt.objects.filter(user=attempt.user).count() == 1
    assert not Attempt.objects.filter(status=Attempt.Status.SUBMITTED).exists()
    assert not Answer.objects.exists()
    assert not IdempotencyKey.objects.exists()
    assert LessonProgress.objects.filter(completed_at__isnull=False).count() == 0


def test_submit_scores_and_records_progress(api, course, answer_sheet):
    _, [lesson, _] = course
    api.post(f"/api/v1/lessons/{lesson.pk}/experienced/")
    attempt = start(api, lesson)
    response = submit(api, attempt, answer_sheet(attempt))
    body = response.json()
    assert response.status_code == 200, body
    assert body["status"] == "submitted" and body["passed"] is True
    assert body["result"]["scaled"] == 1.0 and body["result"]["max"] == 6
    outcomes = {q["question_id"]: q["outcome"] for q in body["result"]["questions"]}
    assert sorted(outcomes.values()) == ["correct"] * 5 + ["recorded"]
    assert Answer.objects.filter(attempt=attempt).count() == 6
    assert LessonProgress.objects.get(lesson=lesson).completed_at is not None


def test_submit_gives_partial_credit_and_fails_below_the_pass_mark(api, course, answer_sheet):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    body = submit(api, attempt, answer_sheet(attempt, right=False)).json()
    assert body["passed"] is False and body["raw_score"] == 0
    assert {q["outcome"] for q in body["result"]["questions"]} == {"wrong", "recorded"}


def _bad(attempt, kind, right_answers):
    """A submission with one kind of mistake, built from the attempt's snapshot."""
    q = {question["type"]: question for question in attempt.questions}
    answers = {a["question"]: a for a in right_answers}
    single, multi = q["single_choice"], q["multiple_response"]
    if kind == "unknown_question":
        answers["nope"] = {"question": "nope", "choices": ["x"]}
    elif kind == "choice_from_other_question":
        answers[single["id"]] = {"question": single["id"], "choices": [multi["choices"][0]["id"]]}
    elif kind == "same_question_twice":
        return [*answers.values(), answers[single["id"]]]
    elif kind == "missing_answer":
        del answers[single["id"]]
    elif kind == "not_a_permutation":
        seq = q["sequencing"]
        first = seq["choices"][0]["id"]
        answers[seq["id"]] = {"question": seq["id"], "order": [first] * len(seq["choices"])}
    elif kind == "unknown_target":
        match = q["matching"]
        answers[match["id"]] = {"question": match["id"],
                                "matches": {c["id"]: "t-unknown" for c in match["choices"]}}
    elif kind == "two_choices_for_single_choice":
        answers[single["id"]] = {"question": single["id"],
                                 "choices": [c["id"] for c in single["choices"][:2]]}
    return list(answers.values())


@pytest.mark.parametrize(
    "kind, code, field",
    [
        ("unknown_question", "unknown_question", "answers[6].question"),
        ("choice_from_other_question", "unknown_choice", "answers[0].choices"),
        ("same_question_twice", "duplicate_answer", "answers[6].question"),
        ("missing_answer", "missing_answer", "answers"),
        ("not_a_permutation", "not_a_permutation", "answers[3].order"),
        ("unknown_target", "unknown_target", "answers[4].matches"),
        ("two_choices_for_single_choice", "wrong_choice_count", "answers[0].choices"),
    ],
)
def test_submit_rejects_answers_that_do_not_fit_and_writes_nothing(
    api, course, assert_error, answer_sheet, kind, code, field
):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    response = submit(api, attempt, _bad(attempt, kind, answer_sheet(attempt)),
                      **{"Idempotency-Key": "k1"})
    body = assert_error(response, 400, code)
    assert list(body["fields"]) == [field]
    assert_nothing_written(attempt)


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"answers": "all of them"}, "answers"),
        ({"answers": [{"question": "q", "choices": "a"}]}, "answers[0].choices"),
        ({"answers": [{"question": "q", "matches": ["a"]}]}, "answers[0].matches"),
        ({"answers": [{"choices": ["a"]}]}, "answers[0].question"),
        ({"answers": [7]}, "answers[0]"),
        ({}, "answers"),
        ([], "non_field_errors"),
    ],
)
def test_submit_rejects_wrong_types_and_writes_nothing(api, course, assert_error, payload, field):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    response = api.post(f"/api/v1/attempts/{attempt.pk}/submit/", payload, format="json")
    body = assert_error(response, 400, "invalid")
    assert field in body["fields"], body
    assert_nothing_written(attempt)


def test_submit_rejects_malformed_json_and_writes_nothing(api, course, assert_error):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    response = api.post(f"/api/v1/attempts/{attempt.pk}/submit/", data='{"answers": [',
                        content_type="application/json")
    assert_error(response, 400, "malformed_json")
    assert_nothing_written(attempt)


def test_submit_to_another_learners_attempt_is_not_found(api, other_api, course, answer_sheet,
                                                         assert_error):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    assert_error(submit(other_api, attempt, answer_sheet(attempt)), 404, "not_found")
    assert_error(other_api.get(f"/api/v1/attempts/{attempt.pk}/"), 404, "not_found")
    assert_nothing_written(attempt)


def test_submit_to_a_finished_attempt_conflicts_with_the_stored_result(api, course, answer_sheet,
                                                                       assert_error):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    first = submit(api, attempt, answer_sheet(attempt)).json()
    again = submit(api, attempt, answer_sheet(attempt, right=False))
    body = assert_error(again, 409, "attempt_already_submitted")
    assert body["attempt"]["result"] == first["result"]
    assert body["attempt"]["id"] == attempt.pk
    assert Answer.objects.filter(attempt=attempt).count() == 6


def test_a_retry_with_the_same_idempotency_key_gets_the_identical_response(api, course,
                                                                           answer_sheet):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    answers = answer_sheet(attempt)
    first = submit(api, attempt, answers, **{"Idempotency-Key": "retry-1"})
    retry = submit(api, attempt, answers, **{"Idempotency-Key": "retry-1"})
    assert first.status_code == retry.status_code == 200
    assert retry.content == first.content
    assert json.loads(first.content)["result"]["passed"] is True
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert IdempotencyKey.objects.get().status_code == 200
    assert Answer.objects.filter(attempt=attempt).count() == 6


def test_a_new_idempotency_key_after_submitting_conflicts(api, course, answer_sheet, assert_error):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    first = submit(api, attempt, answer_sheet(attempt), **{"Idempotency-Key": "a"}).json()
    body = assert_error(submit(api, attempt, answer_sheet(attempt), **{"Idempotency-Key": "b"}),
                        409, "attempt_already_submitted")
    assert body["attempt"]["result"] == first["result"]


def test_an_idempotency_key_is_per_learner(api, other_api, course, answer_sheet):
    _, [lesson, _] = course
    mine, theirs = start(api, lesson), start(other_api, lesson)
    assert submit(api, mine, answer_sheet(mine), **{"Idempotency-Key": "same"}).status_code == 200
    response = submit(other_api, theirs, answer_sheet(theirs), **{"Idempotency-Key": "same"})
    assert response.status_code == 200 and response.json()["id"] == theirs.pk


def test_reusing_an_idempotency_key_for_another_request_is_refused(api, course, answer_sheet,
                                                                   assert_error):
    _, [first_lesson, second_lesson] = course
    one, two = start(api, first_lesson), start(api, second_lesson)
    submit(api, one, answer_sheet(one), **{"Idempotency-Key": "k"})
    assert_error(submit(api, two, answer_sheet(two), **{"Idempotency-Key": "k"}),
                 422, "idempotency_key_reused")
    two.refresh_from_db()
    assert two.status == Attempt.Status.IN_PROGRESS


def test_a_failed_submit_can_be_retried_with_the_same_key(api, course, answer_sheet):
    _, [lesson, _] = course
    attempt = start(api, lesson)
    key = {"Idempotency-Key": "k"}
    assert submit(api, attempt, [], **key).status_code == 400
    assert submit(api, attempt, answer_sheet(attempt), **key).status_code == 200


def _submit_queries(api, n, answer_sheet, index):
    _, [lesson] = build_course(lessons=1, index=index,
                               questions=[single_choice(prompt=f"Q{i}") for i in range(n)])
    attempt = start(api, lesson)
    with CaptureQueriesContext(connection) as queries:
        response = submit(api, attempt, answer_sheet(attempt), **{"Idempotency-Key": str(n)})
    assert response.status_code == 200
    assert Answer.objects.filter(attempt=attempt).count() == n
    return len(queries)


def test_submit_query_count_is_the_same_for_5_and_20_questions(api, answer_sheet):
    index = build_site_root()
    five = _submit_queries(api, 5, answer_sheet, index)
    assert five == _submit_queries(api, 20, answer_sheet, index)


def test_submit_is_throttled_per_learner(api, other_api, course, answer_sheet, settings,
                                         assert_error):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {"submit": "2/min", "token": "10/min"}}
    _, [lesson, _] = course
    attempt = start(api, lesson)
    assert submit(api, attempt, []).status_code == 400
    assert submit(api, attempt, []).status_code == 400
    throttled = submit(api, attempt, answer_sheet(attempt))
    assert_error(throttled, 429, "throttled")
    assert int(throttled.headers["Retry-After"]) > 0
    assert_nothing_written(attempt)
    theirs = start(other_api, lesson)
    assert submit(other_api, theirs, answer_sheet(theirs)).status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_retries_with_one_key_get_one_identical_response(learner, answer_sheet,
                                                                    api_for):
    _, [lesson] = build_course(lessons=1)
    attempt = start(api_for(learner), lesson)
    answers, barrier, responses = answer_sheet(attempt), threading.Barrier(3), []

    def retry():
        client = api_for(learner)
        try:
            barrier.wait(timeout=10)
            responses.append(submit(client, attempt, answers, **{"Idempotency-Key": "once"}))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=retry) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert [r.status_code for r in responses] == [200, 200, 200]
    assert len({r.content for r in responses}) == 1
    assert Answer.objects.filter(attempt=attempt).count() == len(attempt.questions)
    assert IdempotencyKey.objects.count() == 1
