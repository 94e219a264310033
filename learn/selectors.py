"""Reads for the learner pages that progress.selectors and quizzes.selectors do not cover.

Each function runs a fixed number of queries, whatever the number of lessons.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from courses.models import CoursePage
from lessons.models import LessonPage
from progress.models import CourseProgress, LessonProgress
from quizzes.models import Attempt
from quizzes.selectors import LearnerQuiz, QuizNotAvailable, quiz_for_learner

from .presenters import FeedbackRow, feedback_rows


def live_lessons() -> QuerySet[LessonPage]:
    return LessonPage.objects.live().public()


def lesson_next_sibling(lesson: LessonPage) -> LessonPage | None:
    """The next live lesson of the same course, in course order."""
    return LessonPage.objects.sibling_of(lesson).live().public().filter(
        path__gt=lesson.path
    ).order_by("path").first()


@dataclass(frozen=True)
class LessonQuiz:
    """The knowledge check of one lesson, as one learner sees it now."""

    lesson: LessonPage
    learner_quiz: LearnerQuiz
    last_submitted: Attempt | None

    @property
    def attempt(self) -> Attempt | None:
        """The attempt in progress, if any."""
        return self.learner_quiz.attempt

    @property
    def can_start(self) -> bool:
        remaining = self.learner_quiz.attempts_remaining
        return remaining is None or remaining > 0


def lesson_quiz(*, user: AbstractBaseUser, lesson: LessonPage) -> LessonQuiz | None:
    """The lesson's live quiz with the learner's attempts; None without a published quiz."""
    if lesson.quiz_id is None:
        return None
    try:
        learner_quiz = quiz_for_learner(user=user, quiz=lesson.quiz, context_page=lesson)
    except QuizNotAvailable:
        return None
    last = (
        Attempt.objects.filter(user=user, quiz_id=lesson.quiz_id, context_page=lesson,
                               status=Attempt.Status.SUBMITTED)
        .order_by("-number")
        .first()
    )
    return LessonQuiz(lesson=lesson, learner_quiz=learner_quiz, last_submitted=last)


def attempt_for_lesson(*, user: AbstractBaseUser, lesson: LessonPage, attempt_id: str | None
                       ) -> Attempt | None:
    """One of the learner's attempts taken in this lesson; None for anything else."""
    if not attempt_id or not str(attempt_id).isdigit():
        return None
    return Attempt.objects.filter(pk=int(attempt_id), user=user, context_page=lesson).first()


@dataclass(frozen=True)
class AttemptResult:
    """A submitted attempt with everything its result page shows."""

    attempt: Attempt
    lesson: LessonPage | None
    course: CoursePage | None
    next_lesson: LessonPage | None
    lesson_quiz: LessonQuiz | None
    rows: list[FeedbackRow] = field(default_factory=list)


def attempt_result(*, user: AbstractBaseUser, attempt_id: int) -> AttemptResult:
    """One of the learner's submitted attempts; Attempt.DoesNotExist for anything else."""
    attempt = Attempt.objects.select_related("quiz").get(
        pk=attempt_id, user=user, status=Attempt.Status.SUBMITTED
    )
    lesson = live_lessons().filter(pk=attempt.context_page_id).select_related("quiz").first()
    course = CoursePage.objects.parent_of(lesson).first() if lesson else None
    return AttemptResult(
        attempt=attempt,
        lesson=lesson,
        course=course,
        next_lesson=lesson_next_sibling(lesson) if lesson else None,
        lesson_quiz=lesson_quiz(user=user, lesson=lesson) if lesson else None,
        rows=feedback_rows(attempt),
    )


def course_completion(*, user: AbstractBaseUser, course_id: int) -> CourseProgress:
    """The learner's completed CourseProgress for a live course; DoesNotExist otherwise."""
    return CourseProgress.objects.select_related("course", "user").get(
        user=user, course_id=course_id, course__live=True, completed_at__isnull=False
    )


def lesson_experienced(*, user: AbstractBaseUser, lesson: LessonPage) -> bool:
    return LessonProgress.objects.filter(
        user=user, lesson=lesson, experienced_at__isnull=False
    ).exists()
