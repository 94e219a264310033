"""Writes of learner progress: the single place lesson and course completion happen.

A lesson is experienced when its content has been seen and completed when
experienced and, if it has a published quiz, that quiz's bar is met (a scored quiz
passed, a survey submitted); a course is completed when every live lesson in it is.
Every service locks the learner's CourseProgress row, then the LessonProgress row
(always in that order) and decides on what it read under those locks, so each time
is set once and its event fires once, and the "is everything done?" checks of
concurrent requests cannot both miss each other. The course's completion is one
conditional UPDATE ... WHERE completed_at IS NULL (its event fires only when it
changed the row). The services that may send several events run as one unit of
work (touchpoint/unit_of_work.py), so listeners can write once at their end.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Func, IntegerField, Subquery
from django.utils import timezone

from courses.models import CoursePage
from lessons.models import LessonPage
from quizzes.models import Attempt
from quizzes.services import (
    AnswerRecorded,
    QuizNotAvailable,
    attempt_answer,
    attempt_start,
    attempt_submit,
)
from touchpoint.unit_of_work import unit

from . import events
from .models import CourseProgress, LessonProgress

# What the completion rules and the event receivers (xAPI statements) read of a lesson
# and its course: never the StreamField bodies, which are the bulk of a page row.
PAGE_FIELDS = ("id", "title", "translation_key", "path", "depth", "live", "content_type",
               "locale__language_code")
LESSON_FIELDS = (*PAGE_FIELDS, "quiz__id", "quiz__live")


def _course_of(lesson: LessonPage) -> CoursePage:
    return (
        CoursePage.objects.parent_of(lesson).select_related("locale").only(*PAGE_FIELDS).get()
    )


def _lock_progress(
    *, user: AbstractBaseUser, lesson: LessonPage, course: CoursePage, now: datetime
) -> LessonProgress:
    """Create the learner's progress rows if needed and lock them: course first, then lesson."""
    CourseProgress.objects.select_for_update().get_or_create(
        user=user, course=course, defaults={"started_at": now}
    )
    progress, _ = LessonProgress.objects.select_for_update().get_or_create(
        user=user, lesson=lesson, defaults={"course": course}
    )
    return progress


def _lesson_needs_quiz(lesson: LessonPage) -> bool:
    return lesson.quiz_id is not None and lesson.quiz.live


def _count(queryset) -> Subquery:
    """COUNT(*) of `queryset`, as a scalar subquery."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Subquery(counted[:1], output_field=IntegerField())


def _complete_course_if_done(*, user: AbstractBaseUser, course: CoursePage, now: datetime) -> None:
    # One conditional UPDATE: set completed_at if it is unset, the course has live
    # lessons and the learner has completed (at least) as many of them.
    total = _count(LessonPage.objects.child_of(course).live())
    done = _count(LessonProgress.objects.filter(
        user=user, course=course, completed_at__isnull=False, lesson__live=True
    ))
    changed = (
        CourseProgress.objects.filter(user=user, course=course, completed_at__isnull=True)
        .alias(total=total, done=done)
        .filter(total__gt=0, done__gte=F("total"))
        .update(completed_at=now)
    )
    if changed:
        events.course_completed.send(sender=CourseProgress, user=user, course=course, at=now)


def _save_and_complete_lesson(
    *,
    user: AbstractBaseUser,
    lesson: LessonPage,
    course: CoursePage,
    progress: LessonProgress,
    fields: list[str],
    now: datetime,
    attempt: Attempt | None = None,
) -> None:
    """Save `fields` of the progress row, and complete the lesson in the same UPDATE if it is done.

    The row was read under its lock (_lock_progress), so the decision is
    race-free: a concurrent request for the same learner and lesson waits for
    this transaction and then reads the completion. Events fire after the save:
    `lesson_experienced` (if "experienced_at" is among `fields`), then
    `lesson_completed` and the course's completion check.
    """
    needs_quiz = _lesson_needs_quiz(lesson)
    completes = (
        progress.completed_at is None
        and progress.experienced_at is not None
        and (not needs_quiz or progress.passed_attempt_id is not None)
    )
    if completes:
        progress.completed_at = now
        fields = [*fields, "completed_at"]
    if fields:
        progress.save(update_fields=fields)
    if "experienced_at" in fields:
        events.lesson_experienced.send(
            sender=LessonProgress, user=user, lesson=lesson, course=course, at=now
        )
    if not completes:
        return
    if needs_quiz and (attempt is None or attempt.pk != progress.passed_attempt_id):
        attempt = progress.passed_attempt
    events.lesson_completed.send(
        sender=LessonProgress, user=user, lesson=lesson, course=course, at=now,
        attempt=attempt if needs_quiz else None,
    )
    _complete_course_if_done(user=user, course=course, now=now)


@transaction.atomic
@unit()
def lesson_experience(*, user: AbstractBaseUser, lesson: LessonPage) -> LessonProgress:
    """Record that the learner opened the lesson (once), completing it if nothing else is due."""
    now = timezone.now()
    course = _course_of(lesson)
    progress = _lock_progress(user=user, lesson=lesson, course=course, now=now)
    fields = []
    if progress.experienced_at is None:
        progress.experienced_at = now
        fields.append("experienced_at")
    _save_and_complete_lesson(
        user=user, lesson=lesson, course=course, progress=progress, fields=fields, now=now
    )
    return progress


def lesson_open(*, user: AbstractBaseUser, lesson: LessonPage) -> None:
    """Record that the learner opened the lesson: its first opening sets opened_at once.

    Opening a lesson starts its course for the learner (CourseProgress), so "Continue
    where you left off" appears from then on. Every later opening is one read.
    """
    opened = LessonProgress.objects.filter(user=user, lesson=lesson, opened_at__isnull=False)
    if not opened.exists():
        _open_first_time(user=user, lesson=lesson)


@transaction.atomic
def _open_first_time(*, user: AbstractBaseUser, lesson: LessonPage) -> LessonProgress:
    now = timezone.now()
    progress = _lock_progress(user=user, lesson=lesson, course=_course_of(lesson), now=now)
    if progress.opened_at is None:
        progress.opened_at = now
        progress.save(update_fields=["opened_at"])
    return progress


def lesson_position_save(*, user: AbstractBaseUser, lesson: LessonPage, step: object) -> int:
    """Remember the step (0-based) the learner is at in the lesson, to resume there.

    Raises ValidationError (nothing written) unless `step` is one of the lesson's
    steps (LessonPage.step_total). Usually one UPDATE; a lesson never opened
    before is opened by this too.
    """
    total = lesson.step_total
    if type(step) is not int or not 0 <= step < total:
        steps = f"{total} step{'s' if total != 1 else ''}"
        allowed = f"a whole number from 0 to {total - 1}" if total else "no position"
        raise ValidationError({"step": [f"This lesson has {steps}: give {allowed}."]})
    saved = LessonProgress.objects.filter(
        user=user, lesson=lesson, opened_at__isnull=False
    ).update(last_step=step)
    if not saved:
        with transaction.atomic():
            progress = _open_first_time(user=user, lesson=lesson)
            progress.last_step = step
            progress.save(update_fields=["last_step"])
    return step


@transaction.atomic
def lesson_quiz_start(*, user: AbstractBaseUser, lesson: LessonPage) -> tuple[Attempt, bool]:
    """Start (or resume: created False) the learner's attempt at the lesson's quiz.

    Raises quizzes.services.QuizNotAvailable when the lesson has no published quiz
    and AttemptLimitReached past the quiz's limit.
    """
    if lesson.quiz_id is None:
        raise QuizNotAvailable(f"The lesson “{lesson.title}” has no quiz.")
    attempt, created = attempt_start(user=user, quiz=lesson.quiz, context_page=lesson)
    if created:
        now = timezone.now()
        course = _course_of(lesson)
        CourseProgress.objects.get_or_create(user=user, course=course, defaults={"started_at": now})
        LessonProgress.objects.get_or_create(user=user, lesson=lesson, defaults={"course": course})
    return attempt, created


@transaction.atomic
@unit()
def lesson_quiz_submit(
    *, user: AbstractBaseUser, lesson: LessonPage, attempt_id: int, answers: object
) -> Attempt:
    """Submit every answer of an attempt taken in this lesson; record the lesson's progress.

    Raises what quizzes.services.attempt_submit raises; Attempt.DoesNotExist also
    for an attempt that was not taken in this lesson.
    """
    course = _course_of(lesson)
    attempt = attempt_submit(
        user=user, attempt_id=attempt_id, answers=answers, context_page=lesson,
        context_parent=course, savepoint=False,  # this transaction ends on its errors
    )
    _record_quiz_result(user=user, lesson=lesson, course=course, attempt=attempt)
    return attempt


@transaction.atomic
@unit()
def lesson_quiz_answer(
    *, user: AbstractBaseUser, lesson: LessonPage, attempt_id: int, answer: object
) -> AnswerRecorded:
    """Answer one question of an attempt taken in this lesson (final, scored at once).

    When it is the attempt's last question, the lesson's (and course's) progress
    is recorded as for a submit. Raises what quizzes.services.attempt_answer
    raises; Attempt.DoesNotExist also for an attempt not taken in this lesson.
    """
    course = _course_of(lesson)
    recorded = attempt_answer(
        user=user, attempt_id=attempt_id, answer=answer, context_page=lesson,
        context_parent=course, savepoint=False,  # this transaction ends on its errors
    )
    if recorded.finished:
        _record_quiz_result(user=user, lesson=lesson, course=course, attempt=recorded.attempt)
    return recorded


def _record_quiz_result(
    *, user: AbstractBaseUser, lesson: LessonPage, course: CoursePage, attempt: Attempt
) -> None:
    """A finished attempt's effect on the lesson: best score, the quiz's bar met, completion.

    A scored quiz's bar is met by its first passing attempt; a survey's by its
    first submitted one (it has no score and no pass or fail).
    """
    now = attempt.submitted_at
    progress = _lock_progress(user=user, lesson=lesson, course=course, now=now)
    fields = []
    if attempt.scaled_score is not None and (
        progress.best_scaled_score is None or attempt.scaled_score > progress.best_scaled_score
    ):
        progress.best_scaled_score = attempt.scaled_score
        fields.append("best_scaled_score")
    if (attempt.passed or attempt.survey) and progress.passed_attempt_id is None:
        progress.passed_attempt = attempt
        fields.append("passed_attempt")
    _save_and_complete_lesson(
        user=user, lesson=lesson, course=course, progress=progress, fields=fields, now=now,
        attempt=attempt,
    )


def _lesson_of_attempt(*, user: AbstractBaseUser, attempt_id: int) -> LessonPage | None:
    """The lesson one of the learner's attempts was taken in, with what progress reads of it."""
    taken_in = Attempt.objects.filter(pk=attempt_id, user=user).values("context_page_id")[:1]
    return (
        LessonPage.objects.filter(pk=Subquery(taken_in))
        .select_related("locale", "quiz")  # read by the completion rules and xAPI statements
        .only(*LESSON_FIELDS)
        .first()
    )


def attempt_submit_with_progress(
    *, user: AbstractBaseUser, attempt_id: int, answers: object
) -> Attempt:
    """Submit one of the learner's attempts; when it was taken in a lesson, record progress too.

    For clients that know only the attempt (the REST API). Raises what
    quizzes.services.attempt_submit raises. (Not atomic itself: it only reads to
    pick the service, and each service is atomic.)
    """
    lesson = _lesson_of_attempt(user=user, attempt_id=attempt_id)
    if lesson is None:
        return attempt_submit(user=user, attempt_id=attempt_id, answers=answers)
    return lesson_quiz_submit(user=user, lesson=lesson, attempt_id=attempt_id, answers=answers)


def attempt_answer_with_progress(
    *, user: AbstractBaseUser, attempt_id: int, answer: object
) -> AnswerRecorded:
    """Answer one question of one of the learner's attempts; record progress when it finishes.

    For clients that know only the attempt (the REST API). Raises what
    quizzes.services.attempt_answer raises.
    """
    lesson = _lesson_of_attempt(user=user, attempt_id=attempt_id)
    if lesson is None:
        return attempt_answer(user=user, attempt_id=attempt_id, answer=answer)
    return lesson_quiz_answer(user=user, lesson=lesson, attempt_id=attempt_id, answer=answer)
