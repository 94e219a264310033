"""Reads of learner progress for the API and the web UI.

Every selector runs a fixed number of queries, however many courses and lessons
there are: per-learner figures are SQL subqueries annotated onto the page
querysets, never loops over pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import (
    Case,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Length, Substr
from wagtail.models import Page

from courses.models import CoursePage
from lessons.models import LessonPage
from lessons.selectors import course_facts
from quizzes.models import Attempt
from quizzes.selectors import LearnerQuiz, QuizNotAvailable, quiz_for_learner

from .models import CourseProgress, LessonProgress

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
COMPLETED = "completed"
LESSON_STATES = (NOT_STARTED, IN_PROGRESS, COMPLETED)


def _count(queryset: QuerySet) -> Coalesce:
    """COUNT(*) of a correlated subquery, 0 when empty."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted[:1], output_field=IntegerField()), 0)


def course_list_with_progress(*, user: AbstractBaseUser) -> QuerySet[CoursePage]:
    """Live courses in tree order, each annotated with the learner's progress.

    Annotations: lesson_total, lessons_completed, percent (0-100, whole number),
    progress_started_at, progress_completed_at (None until started / completed).
    """
    lessons = LessonPage.objects.filter(
        live=True, path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1
    )
    completed = LessonProgress.objects.filter(
        user=user, course=OuterRef("pk"), completed_at__isnull=False, lesson__live=True
    )
    course_progress = CourseProgress.objects.filter(user=user, course=OuterRef("pk"))
    return (
        CoursePage.objects.live()
        .public()
        .annotate(
            lesson_total=_count(lessons),
            lessons_completed=_count(completed),
            progress_started_at=Subquery(course_progress.values("started_at")[:1]),
            progress_completed_at=Subquery(course_progress.values("completed_at")[:1]),
        )
        .annotate(
            percent=Case(
                When(lesson_total=0, then=Value(0)),
                default=F("lessons_completed") * 100 / F("lesson_total"),
                output_field=IntegerField(),
            )
        )
        .order_by("path")
    )


def course_get_with_progress(*, user: AbstractBaseUser, course_id: int) -> CoursePage:
    """One live course with the learner's progress; CoursePage.DoesNotExist otherwise."""
    return course_list_with_progress(user=user).get(pk=course_id)


def with_estimated_minutes(courses: list[CoursePage]) -> list[CoursePage]:
    """The courses, each with `estimated_minutes` computed from its lessons (fixed queries)."""
    facts = course_facts(courses)
    for course in courses:
        course.estimated_minutes = facts[course.pk].minutes
    return courses


def course_list_for_api(*, user: AbstractBaseUser) -> list[CoursePage]:
    """Live courses with the learner's progress and their computed length."""
    return with_estimated_minutes(list(course_list_with_progress(user=user)))


def lessons_with_state(
    *, user: AbstractBaseUser, lessons: QuerySet[LessonPage] | None = None
) -> QuerySet[LessonPage]:
    """Live lessons annotated with the learner's state (not_started/in_progress/completed).

    Annotations: state, progress_opened_at, progress_last_step (0 if never opened),
    progress_experienced_at, progress_completed_at, best_scaled_score (None before any
    submitted attempt) and course_pk.
    """
    lessons = lessons if lessons is not None else LessonPage.objects.all()
    progress = LessonProgress.objects.filter(user=user, lesson=OuterRef("pk"))
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    return (
        lessons.live()
        .public()
        .annotate(
            progress_opened_at=Subquery(progress.values("opened_at")[:1]),
            progress_last_step=Coalesce(Subquery(progress.values("last_step")[:1]), 0),
            progress_experienced_at=Subquery(progress.values("experienced_at")[:1]),
            progress_completed_at=Subquery(progress.values("completed_at")[:1]),
            best_scaled_score=Subquery(progress.values("best_scaled_score")[:1]),
            has_attempt=Exists(Attempt.objects.filter(user=user, context_page=OuterRef("pk"))),
            course_pk=Subquery(CoursePage.objects.filter(path=parent_path).values("pk")[:1]),
        )
        .annotate(
            state=Case(
                When(progress_completed_at__isnull=False, then=Value(COMPLETED)),
                When(
                    Q(progress_experienced_at__isnull=False) | Q(has_attempt=True),
                    then=Value(IN_PROGRESS),
                ),
                default=Value(NOT_STARTED),
            )
        )
        .order_by("path")
    )


def course_lessons_with_state(
    *, user: AbstractBaseUser, course: CoursePage
) -> QuerySet[LessonPage]:
    """The course's live lessons in order, with the learner's state (see lessons_with_state)."""
    return lessons_with_state(user=user, lessons=LessonPage.objects.child_of(course))


def lesson_get_with_state(*, user: AbstractBaseUser, lesson_id: int) -> LessonPage:
    """One live lesson with the learner's state; LessonPage.DoesNotExist otherwise."""
    return lessons_with_state(user=user).select_related("quiz").get(pk=lesson_id)


def lesson_next(
    *, user: AbstractBaseUser, course: CoursePage | None = None
) -> LessonPage | None:
    """Continue where you left off: the first lesson not yet completed.

    In `course` if given; otherwise in the course the learner was most recently
    active in (and has not completed), else the first incomplete lesson of any
    course in tree order. None when everything is done.
    """
    if course is not None:
        return _first_incomplete(user=user, lessons=LessonPage.objects.child_of(course))
    finished = CourseProgress.objects.filter(user=user, completed_at__isnull=False)
    recent_course_path = (
        LessonProgress.objects.filter(user=user, course__live=True)
        .exclude(course_id__in=finished.values("course_id"))
        .order_by(F("experienced_at").desc(nulls_last=True), "-id")
        .values("course__path")[:1]
    )
    recent_first = Case(
        When(path__startswith=Subquery(recent_course_path), then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return (
        lessons_with_state(user=user)
        .exclude(state=COMPLETED)
        .annotate(recent_first=recent_first)
        .order_by("recent_first", "path")
        .first()
    )


START, CONTINUE, REVIEW = "start", "continue", "review"


@dataclass(frozen=True)
class CourseAction:
    """The course page's main button: what it says and which lesson it opens."""

    kind: str  # START, CONTINUE or REVIEW
    lesson: LessonPage


def course_action(
    *, lessons: list[LessonPage], started: bool, completed_ids: set[int]
) -> CourseAction | None:
    """Start (lesson 1), Continue (the first lesson not completed, once started) or Review.

    `lessons` are the course's live lessons in order; `completed_ids` the ones the
    learner completed; `started`: the learner has opened one of them. Review (from
    lesson 1) once every lesson is completed. None for a course without lessons.
    """
    if not lessons:
        return None
    upcoming = [lesson for lesson in lessons if lesson.pk not in completed_ids]
    if not upcoming:
        return CourseAction(REVIEW, lessons[0])
    if started:
        return CourseAction(CONTINUE, upcoming[0])
    return CourseAction(START, lessons[0])


def _first_incomplete(
    *, user: AbstractBaseUser, lessons: QuerySet[LessonPage]
) -> LessonPage | None:
    return lessons_with_state(user=user, lessons=lessons).exclude(state=COMPLETED).first()


@dataclass(frozen=True)
class CourseOverview:
    course: CoursePage
    lessons: list[LessonPage]
    next_lesson: LessonPage | None


def course_overview(*, user: AbstractBaseUser, course_id: int) -> CourseOverview:
    """A live course with the learner's progress, its lessons' states and the next lesson."""
    course = course_get_with_progress(user=user, course_id=course_id)
    with_estimated_minutes([course])
    lessons = list(course_lessons_with_state(user=user, course=course))
    upcoming = [lesson for lesson in lessons if lesson.state != COMPLETED]
    return CourseOverview(course=course, lessons=lessons, next_lesson=(upcoming or [None])[0])


@dataclass(frozen=True)
class LearnerProgress:
    courses: list[CoursePage]
    next_lesson: LessonPage | None

    @property
    def lessons_completed(self) -> int:
        return sum(course.lessons_completed for course in self.courses)

    @property
    def courses_completed(self) -> int:
        return sum(course.progress_completed_at is not None for course in self.courses)


def learner_has_started(*, user: AbstractBaseUser) -> bool:
    """Has the learner opened a lesson of any course yet?"""
    return CourseProgress.objects.filter(user=user).exists()


def learner_progress(*, user: AbstractBaseUser) -> LearnerProgress:
    """Every live course with the learner's progress, and where to continue."""
    return LearnerProgress(
        courses=course_list_for_api(user=user), next_lesson=lesson_next(user=user)
    )


def lesson_position(*, user: AbstractBaseUser, lesson: LessonPage) -> LessonProgress | None:
    """The learner's last step and completion in a lesson (None if never opened)."""
    return (
        LessonProgress.objects.filter(user=user, lesson=lesson)
        .only("last_step", "completed_at")
        .first()
    )


def lesson_quiz_for_learner(*, user: AbstractBaseUser, lesson: LessonPage) -> LearnerQuiz:
    """The lesson's quiz as the learner sees it (see quizzes.selectors.quiz_for_learner).

    Raises QuizNotAvailable when the lesson has no published quiz.
    """
    if lesson.quiz_id is None:
        raise QuizNotAvailable(f"The lesson “{lesson.title}” has no quiz.")
    return quiz_for_learner(user=user, quiz=lesson.quiz, context_page=lesson)
