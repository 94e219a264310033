"""Reads for the learner pages that progress.selectors and quizzes.selectors do not cover.

Each function runs a fixed number of queries, whatever the number of lessons.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Case, IntegerField, QuerySet, Value, When
from wagtail.models import Page

from courses.models import CoursePage
from lessons.models import LessonPage
from progress import selectors as progress_selectors
from progress.models import CourseProgress, LessonProgress
from quizzes.models import Attempt
from quizzes.selectors import LearnerQuiz, QuizNotAvailable, answer_results, quiz_for_learner

from .presenters import ResultRow, can_raise_score, result_rows


def live_lessons() -> QuerySet[LessonPage]:
    return LessonPage.objects.live().public()


def _best_scaled_score(*, user: AbstractBaseUser, lesson: LessonPage) -> float | None:
    return (LessonProgress.objects.filter(user=user, lesson=lesson)
            .values_list("best_scaled_score", flat=True).first())


@dataclass(frozen=True)
class LessonQuiz:
    """The knowledge check of one lesson, as one learner sees it now."""

    lesson: LessonPage
    learner_quiz: LearnerQuiz
    last_submitted: Attempt | None
    best_scaled: float | None
    answered: int  # questions answered so far in the attempt in progress

    @property
    def attempt(self) -> Attempt | None:
        """The attempt in progress, if any."""
        return self.learner_quiz.attempt

    @property
    def can_start(self) -> bool:
        remaining = self.learner_quiz.attempts_remaining
        return remaining is None or remaining > 0

    @property
    def can_retry(self) -> bool:
        """Another attempt could raise the learner's best score (never after 100% or a survey)."""
        last = self.last_submitted
        return last is not None and can_raise_score(
            survey=last.survey, best_scaled=self.best_scaled,
            attempts_remaining=self.learner_quiz.attempts_remaining)

    @property
    def question_count(self) -> int:
        return len(self.learner_quiz.questions)


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
        .defer("questions")
        .order_by("-number")
        .first()
    )
    attempt = learner_quiz.attempt
    return LessonQuiz(
        lesson=lesson,
        learner_quiz=learner_quiz,
        last_submitted=last,
        best_scaled=_best_scaled_score(user=user, lesson=lesson) if last else None,
        answered=attempt.answers.count() if attempt is not None else 0,
    )


@dataclass(frozen=True)
class AttemptAnswers:
    """One of the learner's attempts with the answers given so far, scored (final once given)."""

    attempt: Attempt
    lesson: LessonPage | None  # the live lesson it was taken in
    results: dict[str, dict[str, Any]]  # question id -> QuestionResult.as_dict()

    @property
    def total(self) -> int:
        return len(self.attempt.questions)

    def question(self, number: int) -> dict[str, Any] | None:
        """The snapshot of question `number` (1 = first shown); None out of range."""
        if 1 <= number <= self.total:
            return self.attempt.questions[number - 1]
        return None

    def result(self, number: int) -> dict[str, Any] | None:
        return self.results.get(self.attempt.questions[number - 1]["id"])

    @property
    def unanswered(self) -> list[int]:
        """Numbers of the questions still to answer, in order."""
        return [n for n, question in enumerate(self.attempt.questions, start=1)
                if question["id"] not in self.results]

    @property
    def outcomes(self) -> list[str | None]:
        """Each question's outcome so far (None while unanswered), in order."""
        return [self.results.get(question["id"], {}).get("outcome")
                for question in self.attempt.questions]


def attempt_answers(*, user: AbstractBaseUser, attempt_id: int) -> AttemptAnswers:
    """One of the learner's attempts with its answers; Attempt.DoesNotExist for anyone else's."""
    attempt = Attempt.objects.get(pk=attempt_id, user=user)
    lesson = (live_lessons().filter(pk=attempt.context_page_id).only("id", "title", "url_path")
              .first() if attempt.context_page_id else None)
    results = {result["question_id"]: result for result in answer_results(attempt)}
    return AttemptAnswers(attempt=attempt, lesson=lesson, results=results)


@dataclass(frozen=True)
class AttemptResult:
    """A finished attempt with everything its result page shows."""

    attempt: Attempt
    lesson: LessonPage | None
    course: CoursePage | None  # annotated with the learner's progress (course_list_with_progress)
    next_lesson: LessonPage | None  # the next lesson not completed yet, after this one first
    lesson_quiz: LessonQuiz | None
    rows: list[ResultRow]
    # Launched from an LMS (cmi5, Tin Can): the LMS leads the way on, through Exit.
    launched: bool = False

    @property
    def lesson_done(self) -> bool:
        return bool(self.attempt.passed or self.attempt.survey)

    @property
    def course_completed(self) -> bool:
        return self.course is not None and self.course.progress_completed_at is not None

    @property
    def course_completed_now(self) -> bool:
        """This attempt completed the course (its completion has the attempt's time)."""
        return self.course_completed and (
            self.course.progress_completed_at == self.attempt.submitted_at)

    @property
    def verdict(self) -> str:
        """survey, passed or failed (a CSS modifier)."""
        if self.attempt.survey:
            return "survey"
        return "passed" if self.attempt.passed else "failed"

    @property
    def celebrate(self) -> bool:
        return bool(self.attempt.passed) or self.course_completed_now

    @property
    def next_step(self) -> str:
        """The main button: exit, certificate, resume, retry, next_lesson or course.

        In an LMS launch only an attempt in progress goes on here; anything else (another
        attempt, another lesson, the certificate) is the LMS's to offer after Exit.
        """
        quiz = self.lesson_quiz
        if self.launched:
            return "resume" if quiz is not None and quiz.attempt is not None else "exit"
        if self.course_completed:
            return "certificate"
        if quiz is not None and not self.lesson_done:
            if quiz.attempt is not None:
                return "resume"
            if quiz.can_retry:
                return "retry"
        return "next_lesson" if self.next_lesson is not None else "course"

    @property
    def offers_retry(self) -> bool:
        """A second button "Try again" (when it is not the main one): it could raise the score."""
        quiz = self.lesson_quiz
        return (self.next_step not in ("retry", "resume", "exit") and quiz is not None
                and quiz.attempt is None and quiz.can_retry)

    @property
    def correct_count(self) -> int:
        return sum(row.outcome == "correct" for row in self.rows)

    @property
    def scored_count(self) -> int:
        return sum(row.scored for row in self.rows)


def attempt_result(*, user: AbstractBaseUser, attempt_id: int,
                   launched: bool = False) -> AttemptResult:
    """One of the learner's submitted attempts; Attempt.DoesNotExist for anything else.

    `launched`: the lesson was launched from an LMS (see AttemptResult.next_step).
    """
    attempt = Attempt.objects.select_related("quiz").get(
        pk=attempt_id, user=user, status=Attempt.Status.SUBMITTED
    )
    lesson = live_lessons().filter(pk=attempt.context_page_id).select_related("quiz").first()
    course = next_lesson = None
    if lesson is not None:
        course = (progress_selectors.course_list_with_progress(user=user)
                  .filter(path=lesson.path[:-Page.steplen]).first())
        next_lesson = _next_incomplete(user=user, lesson=lesson)
    return AttemptResult(
        attempt=attempt,
        lesson=lesson,
        course=course,
        next_lesson=next_lesson,
        lesson_quiz=lesson_quiz(user=user, lesson=lesson) if lesson else None,
        rows=result_rows(attempt),
        launched=launched,
    )


def _next_incomplete(*, user: AbstractBaseUser, lesson: LessonPage) -> LessonPage | None:
    """The course's first lesson (other than this one) not completed: after this one first."""
    later_first = Case(When(path__gt=lesson.path, then=Value(0)), default=Value(1),
                       output_field=IntegerField())
    return (
        progress_selectors.lessons_with_state(
            user=user, lessons=LessonPage.objects.sibling_of(lesson, inclusive=False))
        .exclude(state=progress_selectors.COMPLETED)
        .annotate(later_first=later_first)
        .order_by("later_first", "path")
        .first()
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
