"""quizzes.services: starting attempts (snapshot, limits, shuffling) and submitting them."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes import events
from quizzes.models import Answer, Attempt
from quizzes.scoring import AnswerError
from quizzes.services import (
    AttemptAlreadySubmitted,
    AttemptLimitReached,
    QuizNotAvailable,
    attempt_start,
    attempt_submit,
)
from tests.concurrency import postgres_only, run_concurrently
from tests.factories import QuizFactory, UserFactory, answers_for, single_choice, true_false
from tests.signals import recorded

pytestmark = pytest.mark.django_db




@pytest.fixture
def record_events():
    """{signal name: [kwargs, ...]} of the quiz events sent during the test."""
    with recorded(events, "attempt_started", "attempt_submitted") as seen:
        yield seen


def test_start_snapshots_the_live_revision_with_a_registration(learner, record_events):
    quiz = QuizFactory(pass_mark=70)
    attempt, created = attempt_start(user=learner, quiz=quiz)
    assert created
    assert attempt.number == 1 and attempt.status == Attempt.Status.IN_PROGRESS
    assert attempt.quiz_revision_id == quiz.live_revision_id
    assert attempt.registration and attempt.pass_mark == 70
    assert [q["type"] for q in attempt.questions] == [
        "single_choice", "multiple_response", "true_false", "sequencing", "matching", "likert"]
    assert record_events["attempt_started"] == [{"attempt": attempt}]


def test_start_resumes_the_attempt_in_progress(learner, record_events):
    quiz = QuizFactory()
    first, _ = attempt_start(user=learner, quiz=quiz)
    again, created = attempt_start(user=learner, quiz=quiz)
    assert (again.pk, created) == (first.pk, False)
    assert len(record_events["attempt_started"]) == 1


def test_start_after_a_submit_numbers_the_next_attempt(learner):
    quiz = QuizFactory()
    first, _ = attempt_start(user=learner, quiz=quiz)
    attempt_submit(user=learner, attempt_id=first.pk, answers=answers_for(first.questions))
    second, created = attempt_start(user=learner, quiz=quiz)
    assert created and second.number == 2 and second.registration != first.registration


def test_start_refuses_past_the_attempt_limit(learner):
    quiz = QuizFactory(max_attempts=1)
    first, _ = attempt_start(user=learner, quiz=quiz)
    attempt_submit(user=learner, attempt_id=first.pk, answers=answers_for(first.questions))
    with pytest.raises(AttemptLimitReached) as error:
        attempt_start(user=learner, quiz=quiz)
    assert error.value.limit == 1
    assert Attempt.objects.filter(user=learner).count() == 1


def test_start_refuses_an_unpublished_quiz(learner):
    quiz = QuizFactory(publish=False)
    with pytest.raises(QuizNotAvailable):
        attempt_start(user=learner, quiz=quiz)
    assert not Attempt.objects.exists()


def test_shuffling_is_deterministic_given_the_rng_and_varies_across_attempts(learner):
    questions = [single_choice(prompt=f"Q{i}", n=4) for i in range(6)] + [true_false()]
    quiz = QuizFactory(questions=questions, shuffle_questions=True, shuffle_choices=True)
    first, _ = attempt_start(user=learner, quiz=quiz, rng=random.Random(7))
    twin, _ = attempt_start(user=UserFactory(), quiz=quiz, rng=random.Random(7))
    other, _ = attempt_start(user=UserFactory(), quiz=quiz, rng=random.Random(8))
    def shown(attempt):  # the factory's choices have no stored ids: compare by text
        return [(q["prompt"], [c["text"] for c in q["choices"]]) for q in attempt.questions]

    assert shown(first) == shown(twin)
    assert shown(first) != shown(other)
    assert sorted(shown(first)) != sorted(shown(other))  # choices reordered, not only questions
    tf = next(q for q in first.questions if q["type"] == "true_false")
    assert [c["id"] for c in tf["choices"]] == ["true", "false"]


def test_shuffling_keeps_likert_scale_and_authored_order_when_off(learner):
    quiz = QuizFactory(shuffle_questions=False, shuffle_choices=False)
    attempt, _ = attempt_start(user=learner, quiz=quiz, rng=random.Random(1))
    assert [q["id"] for q in attempt.questions] == [block.id for block in quiz.questions]
    likert = next(q for q in attempt.questions if q["type"] == "likert")
    assert [c["id"] for c in likert["choices"]] == [f"likert_{n}" for n in range(1, 6)]


@pytest.mark.parametrize("seed", range(8))
def test_sequencing_items_never_start_in_the_correct_order(learner, seed):
    quiz = QuizFactory()
    attempt, _ = attempt_start(user=learner, quiz=quiz, rng=random.Random(seed))
    seq = next(q for q in attempt.questions if q["type"] == "sequencing")
    assert [c["position"] for c in seq["choices"]] != sorted(c["position"] for c in seq["choices"])


def test_submit_stores_answers_result_and_sends_the_event(learner, record_events):
    quiz = QuizFactory()
    attempt, _ = attempt_start(user=learner, quiz=quiz)
    submitted = attempt_submit(user=learner, attempt_id=attempt.pk,
                               answers=answers_for(attempt.questions))
    submitted.refresh_from_db()
    assert submitted.status == Attempt.Status.SUBMITTED and submitted.passed is True
    assert (submitted.raw_score, submitted.max_score, submitted.scaled_score) == (6.0, 6, 1.0)
    assert submitted.result["scaled"] == 1.0 and len(submitted.result["questions"]) == 6
    assert Answer.objects.filter(attempt=attempt).count() == 6
    [event] = record_events["attempt_submitted"]
    assert event["attempt"].pk == attempt.pk and event["attempt"].result == submitted.result
    assert set(event["answers"]) == {q["id"] for q in attempt.questions}


def test_submit_wrong_answers_fails_the_quiz(learner):
    attempt, _ = attempt_start(user=learner, quiz=QuizFactory())
    submitted = attempt_submit(user=learner, attempt_id=attempt.pk,
                               answers=answers_for(attempt.questions, right=False))
    assert submitted.passed is False and submitted.raw_score == 0


def test_a_change_published_mid_attempt_does_not_change_the_score(learner):
    quiz = QuizFactory(questions=[single_choice(correct_index=0)])
    attempt, _ = attempt_start(user=learner, quiz=quiz)
    quiz.questions = [single_choice(correct_index=1)]
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    assert quiz.live_revision_id != attempt.quiz_revision_id
    first_choice = attempt.questions[0]["choices"]
    picked = next(c["id"] for c in first_choice if c["text"] == "Option 1")
    submitted = attempt_submit(user=learner, attempt_id=attempt.pk,
                               answers=[{"question": attempt.questions[0]["id"],
                                         "choices": [picked]}])
    assert submitted.passed is True and submitted.scaled_score == 1.0


def test_submit_refuses_another_learners_attempt(learner, other_learner):
    attempt, _ = attempt_start(user=learner, quiz=QuizFactory())
    with pytest.raises(Attempt.DoesNotExist):
        attempt_submit(user=other_learner, attempt_id=attempt.pk,
                       answers=answers_for(attempt.questions))
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS and not Answer.objects.exists()


def test_submit_twice_raises_with_the_stored_result(learner):
    attempt, _ = attempt_start(user=learner, quiz=QuizFactory())
    first = attempt_submit(user=learner, attempt_id=attempt.pk,
                           answers=answers_for(attempt.questions))
    with pytest.raises(AttemptAlreadySubmitted) as error:
        attempt_submit(user=learner, attempt_id=attempt.pk,
                       answers=answers_for(attempt.questions, right=False))
    assert error.value.attempt.result == first.result
    assert Answer.objects.count() == 6


def test_submit_with_a_bad_answer_writes_nothing(learner, record_events):
    attempt, _ = attempt_start(user=learner, quiz=QuizFactory())
    answers = answers_for(attempt.questions)[:-1]
    with pytest.raises(AnswerError) as error:
        attempt_submit(user=learner, attempt_id=attempt.pk, answers=answers)
    assert error.value.code == "missing_answer"
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS and attempt.result is None
    assert not Answer.objects.exists() and record_events["attempt_submitted"] == []


def _submit_queries(user, n_questions):
    quiz = QuizFactory(questions=[single_choice(prompt=f"Q{i}") for i in range(n_questions)])
    attempt, _ = attempt_start(user=user, quiz=quiz)
    with CaptureQueriesContext(connection) as queries:
        attempt_submit(user=user, attempt_id=attempt.pk, answers=answers_for(attempt.questions))
    assert Answer.objects.filter(attempt=attempt).count() == n_questions
    return len(queries)


def test_submit_runs_the_same_number_of_queries_for_5_and_20_questions(learner):
    assert _submit_queries(learner, 5) == _submit_queries(learner, 20)


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_submits_of_one_attempt_yield_one_result(record_events):
    user = UserFactory()
    attempt, _ = attempt_start(user=user, quiz=QuizFactory())
    right, wrong = answers_for(attempt.questions), answers_for(attempt.questions, right=False)
    outcomes = run_concurrently(
        lambda: attempt_submit(user=user, attempt_id=attempt.pk, answers=right),
        lambda: attempt_submit(user=user, attempt_id=attempt.pk, answers=wrong),
    )
    succeeded = [o for o in outcomes if isinstance(o, Attempt)]
    refused = [o for o in outcomes if isinstance(o, AttemptAlreadySubmitted)]
    assert len(succeeded) == 1 and len(refused) == 1, outcomes
    stored = Attempt.objects.get(pk=attempt.pk)
    assert stored.result == succeeded[0].result == refused[0].attempt.result
    assert Answer.objects.filter(attempt=attempt).count() == len(attempt.questions)
    assert len(record_events["attempt_submitted"]) == 1


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_starts_create_one_attempt():
    user, quiz = UserFactory(), QuizFactory()
    outcomes = run_concurrently(*[lambda: attempt_start(user=user, quiz=quiz)] * 2)
    assert all(isinstance(o, tuple) for o in outcomes), outcomes
    assert sorted(created for _, created in outcomes) == [False, True]
    assert {attempt.pk for attempt, _ in outcomes} == {Attempt.objects.get(user=user).pk}
