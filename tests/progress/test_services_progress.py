"""progress.services: lessons experienced and completed, courses completed, each exactly once."""


import pytest

from progress import events
from progress.models import CourseProgress, LessonProgress
from progress.services import (
    attempt_submit_with_progress,
    lesson_experience,
    lesson_quiz_start,
    lesson_quiz_submit,
)
from quizzes.models import Attempt
from quizzes.services import QuizNotAvailable
from tests.concurrency import postgres_only, run_concurrently
from tests.factories import UserFactory, build_course, single_choice
from tests.signals import recorded

pytestmark = pytest.mark.django_db




@pytest.fixture
def record_events():
    """{signal name: [kwargs, ...]} of the progress events sent during the test."""
    with recorded(events, "lesson_experienced", "lesson_completed", "course_completed") as seen:
        yield seen


def one_question_course(lessons=2):
    return build_course(lessons=lessons, questions=[single_choice(correct_index=0)])


def answer(attempt, *, right=True):
    question = attempt.questions[0]
    picked = next(c["id"] for c in question["choices"] if c["correct"] == right)
    return [{"question": question["id"], "choices": [picked]}]


def pass_quiz(user, lesson, *, right=True):
    attempt, _ = lesson_quiz_start(user=user, lesson=lesson)
    return lesson_quiz_submit(user=user, lesson=lesson, attempt_id=attempt.pk,
                              answers=answer(attempt, right=right))


def test_experiencing_a_lesson_records_it_once(learner, record_events):
    course, [lesson, _] = one_question_course()
    first = lesson_experience(user=learner, lesson=lesson)
    again = lesson_experience(user=learner, lesson=lesson)
    assert again.experienced_at == first.experienced_at is not None
    assert again.completed_at is None
    [event] = record_events["lesson_experienced"]
    assert event["user"] == learner and event["lesson"] == lesson
    assert event["course"].pk == course.pk and event["at"] == first.experienced_at
    assert CourseProgress.objects.get(user=learner, course=course).completed_at is None


def test_a_lesson_without_quiz_completes_when_experienced(learner, record_events):
    course, [lesson] = build_course(lessons=1, with_quiz=False)
    progress = lesson_experience(user=learner, lesson=lesson)
    assert progress.completed_at == progress.experienced_at
    [event] = record_events["lesson_completed"]
    assert event["attempt"] is None and event["lesson"] == lesson
    assert [e["course"].pk for e in record_events["course_completed"]] == [course.pk]


def test_a_lesson_with_quiz_completes_when_experienced_and_passed(learner, record_events):
    _, [lesson, _] = one_question_course()
    lesson_experience(user=learner, lesson=lesson)
    failed = pass_quiz(learner, lesson, right=False)
    progress = LessonProgress.objects.get(user=learner, lesson=lesson)
    assert progress.completed_at is None and progress.best_scaled_score == 0.0
    assert failed.passed is False and record_events["lesson_completed"] == []
    passed = pass_quiz(learner, lesson)
    progress.refresh_from_db()
    assert progress.completed_at == passed.submitted_at
    assert progress.passed_attempt_id == passed.pk and progress.best_scaled_score == 1.0
    [event] = record_events["lesson_completed"]
    assert event["attempt"].pk == passed.pk
    assert record_events["course_completed"] == []


def test_passing_before_opening_completes_on_opening_with_that_attempt(learner, record_events):
    _, [lesson, _] = one_question_course()
    passed = pass_quiz(learner, lesson)
    assert LessonProgress.objects.get(user=learner, lesson=lesson).completed_at is None
    lesson_experience(user=learner, lesson=lesson)
    [event] = record_events["lesson_completed"]
    assert event["attempt"].pk == passed.pk


def test_best_score_is_kept_when_a_later_attempt_does_worse(learner):
    _, [lesson, _] = one_question_course()
    pass_quiz(learner, lesson)
    pass_quiz(learner, lesson, right=False)
    assert LessonProgress.objects.get(user=learner, lesson=lesson).best_scaled_score == 1.0


def test_the_course_completes_once_when_its_last_lesson_does(learner, record_events):
    course, lessons = one_question_course(lessons=2)
    for lesson in lessons:
        lesson_experience(user=learner, lesson=lesson)
        pass_quiz(learner, lesson)
    pass_quiz(learner, lessons[0])
    lesson_experience(user=learner, lesson=lessons[1])
    course_progress = CourseProgress.objects.get(user=learner, course=course)
    last = LessonProgress.objects.get(user=learner, lesson=lessons[1])
    assert course_progress.completed_at == last.completed_at
    assert len(record_events["lesson_completed"]) == 2
    assert [e["at"] for e in record_events["course_completed"]] == [course_progress.completed_at]


def test_unpublished_lessons_do_not_hold_a_course_back(learner, record_events):
    course, [lesson, draft] = build_course(lessons=2, with_quiz=False)
    draft.unpublish()
    lesson_experience(user=learner, lesson=lesson)
    assert len(record_events["course_completed"]) == 1


def test_submitting_in_another_lesson_is_refused(learner):
    _, [lesson, other] = one_question_course()
    attempt, _ = lesson_quiz_start(user=learner, lesson=lesson)
    with pytest.raises(Attempt.DoesNotExist):
        lesson_quiz_submit(user=learner, lesson=other, attempt_id=attempt.pk,
                           answers=answer(attempt))
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS


def test_starting_a_lesson_without_quiz_is_refused(learner):
    _, [lesson] = build_course(lessons=1, with_quiz=False)
    with pytest.raises(QuizNotAvailable):
        lesson_quiz_start(user=learner, lesson=lesson)


def test_submit_by_attempt_records_the_lesson_it_was_taken_in(learner, record_events):
    _, [lesson, _] = one_question_course()
    lesson_experience(user=learner, lesson=lesson)
    attempt, _ = lesson_quiz_start(user=learner, lesson=lesson)
    attempt_submit_with_progress(user=learner, attempt_id=attempt.pk, answers=answer(attempt))
    assert LessonProgress.objects.get(user=learner, lesson=lesson).completed_at is not None
    assert len(record_events["lesson_completed"]) == 1


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_openings_record_the_lesson_once(record_events):
    user = UserFactory()
    _, [lesson] = build_course(lessons=1, with_quiz=False)
    outcomes = run_concurrently(*[lambda: lesson_experience(user=user, lesson=lesson)] * 4)
    assert all(isinstance(o, LessonProgress) for o in outcomes), outcomes
    assert LessonProgress.objects.filter(user=user).count() == 1
    assert len(record_events["lesson_experienced"]) == 1
    assert len(record_events["lesson_completed"]) == 1
    assert len(record_events["course_completed"]) == 1


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_last_lessons_complete_the_course_once(record_events):
    user = UserFactory()
    course, lessons = one_question_course(lessons=2)
    attempts = []
    for lesson in lessons:
        lesson_experience(user=user, lesson=lesson)
        attempt, _ = lesson_quiz_start(user=user, lesson=lesson)
        attempts.append(attempt)
    outcomes = run_concurrently(*[
        (lambda lesson=lesson, attempt=attempt: lesson_quiz_submit(
            user=user, lesson=lesson, attempt_id=attempt.pk, answers=answer(attempt)))
        for lesson, attempt in zip(lessons, attempts, strict=True)
    ])
    assert all(isinstance(o, Attempt) and o.passed for o in outcomes), outcomes
    assert len(record_events["lesson_completed"]) == 2
    assert len(record_events["course_completed"]) == 1
    assert CourseProgress.objects.get(user=user, course=course).completed_at is not None


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_opening_while_passing_completes_the_lesson_once(record_events):
    user = UserFactory()
    _, [lesson, _] = one_question_course()
    attempt, _ = lesson_quiz_start(user=user, lesson=lesson)
    outcomes = run_concurrently(
        lambda: lesson_experience(user=user, lesson=lesson),
        lambda: lesson_quiz_submit(user=user, lesson=lesson, attempt_id=attempt.pk,
                                   answers=answer(attempt)),
    )
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert LessonProgress.objects.get(user=user, lesson=lesson).completed_at is not None
    assert len(record_events["lesson_completed"]) == 1
