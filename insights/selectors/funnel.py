"""Course funnel: per lesson, learners who opened it, started its quiz, passed, completed;
course completions per week; median time from first open to completion.

A lesson's funnel is a cohort: the learners who first opened the lesson in the
period (all of them without a period), followed to today. "Opened" is the
progress row's opened_at, or, for rows written before opened_at existed (or by
a client that never reports it), experienced_at or any attempt at the lesson's
quiz. "Passed" is the lesson's bar met: a passing attempt of a scored quiz, a
submitted survey. Five queries, whatever the number of learners or lessons.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncWeek
from django.utils import timezone

from courses.models import CoursePage
from insights.filters import Scope
from insights.privacy import Suppressed, about, learner_count, min_group_size, too_small
from insights.sql import Median, SecondsBetween
from lessons.models import LessonPage
from progress.models import CourseProgress, LessonProgress
from quizzes.models import Attempt

STAGES = [
    ("opened", "Opened the lesson"),
    ("started", "Started its quiz"),
    ("passed", "Passed its quiz"),
    ("completed", "Completed the lesson"),
]


@dataclass
class LessonFunnel:
    lesson_id: int
    title: str
    has_quiz: bool
    learners: int  # the cohort (opened), before suppression
    stages: dict[str, int | Suppressed | None]  # None: the lesson has no quiz
    shares: dict[str, float | Suppressed | None]  # of those who opened
    median_hours_to_complete: float | Suppressed | None
    suppressed: bool


@dataclass
class WeekCount:
    week: dt.date
    completions: int | Suppressed


@dataclass
class CourseFunnel:
    course: CoursePage
    lessons: list[LessonFunnel]
    weeks: list[WeekCount]
    completions: int | Suppressed
    median_hours_to_complete: float | Suppressed | None
    stages: list[tuple[str, str]] = field(default_factory=lambda: list(STAGES))


def _attempts_at_lesson():
    return Attempt.objects.filter(user=OuterRef("user_id"), context_page=OuterRef("lesson_id"))


def _progress_rows(course: CoursePage, scope: Scope):
    rows = LessonProgress.objects.filter(course=course).filter(scope.in_group())
    rows = rows.alias(has_attempt=Exists(_attempts_at_lesson()))
    if scope.start or scope.end:
        first_attempt = _attempts_at_lesson().order_by("started_at").values("started_at")[:1]
        rows = rows.alias(
            first_open=Coalesce("opened_at", "experienced_at", Subquery(first_attempt))
        ).filter(scope.in_period("first_open"))
    return rows


def course_funnel(*, course: CoursePage, scope: Scope) -> CourseFunnel:
    lessons = list(
        LessonPage.objects.child_of(course).live().order_by("path").only("id", "title", "quiz_id")
    )
    # A submitted attempt always leaves best_scaled_score (scored quiz) or passed_attempt
    # (survey) on the row, so only rows without either need the EXISTS lookup.
    started = (Q(best_scaled_score__isnull=False) | Q(passed_attempt__isnull=False)
               | Q(has_attempt=True))
    opened = Q(opened_at__isnull=False) | Q(experienced_at__isnull=False) | started
    counts = {
        row["lesson_id"]: row
        for row in _progress_rows(course, scope).values("lesson_id").annotate(
            opened=Count("pk", filter=opened),
            started=Count("pk", filter=started),
            passed=Count("pk", filter=Q(passed_attempt__isnull=False)),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
        ).order_by()
    }
    medians = {
        row["lesson_id"]: row
        for row in _progress_rows(course, scope)
        .filter(completed_at__isnull=False)
        .exclude(opened_at__isnull=True, experienced_at__isnull=True)
        .values("lesson_id")
        .annotate(
            n=Count("pk"),
            median=Median(SecondsBetween("completed_at", Coalesce("opened_at", "experienced_at"))),
        ).order_by()
    }
    completions = CourseProgress.objects.filter(course=course, completed_at__isnull=False).filter(
        scope.in_group(), scope.in_period("completed_at")
    )
    weekly = list(
        completions.annotate(week=TruncWeek("completed_at")).values("week")
        .annotate(n=Count("pk")).order_by("week")
    )
    overall = completions.aggregate(
        n=Count("pk"), median=Median(SecondsBetween("completed_at", "started_at"))
    )
    return CourseFunnel(
        course=course,
        lessons=[_lesson_funnel(lesson, counts.get(lesson.pk), medians.get(lesson.pk))
                 for lesson in lessons],
        weeks=_weeks(weekly, scope),
        completions=learner_count(overall["n"]),
        median_hours_to_complete=_hours(overall["n"], overall["median"]),
    )


def _hours(learners: int, seconds: float | None) -> float | Suppressed | None:
    if not learners:
        return None
    return about(learners, seconds / 3600 if seconds is not None else None)


def _lesson_funnel(lesson: LessonPage, counts: dict | None, median: dict | None) -> LessonFunnel:
    counts = counts or {"opened": 0, "started": 0, "passed": 0, "completed": 0}
    has_quiz = lesson.quiz_id is not None
    learners = counts["opened"]
    suppressed = bool(learners) and too_small(learners)
    stages: dict = {}
    shares: dict = {}
    for key, _label in STAGES:
        if key in ("started", "passed") and not has_quiz:
            stages[key] = shares[key] = None
        elif suppressed:
            stages[key] = shares[key] = Suppressed(min_group_size())
        else:
            stages[key] = learner_count(counts[key])
            shares[key] = counts[key] / learners if learners else None
    return LessonFunnel(
        lesson_id=lesson.pk,
        title=lesson.title,
        has_quiz=has_quiz,
        learners=learners,
        stages=stages,
        shares=shares,
        median_hours_to_complete=_hours(median["n"], median["median"]) if median else None,
        suppressed=suppressed,
    )


def _weeks(rows: list[dict], scope: Scope) -> list[WeekCount]:
    """One entry per week (Monday) from the first to the last, empty weeks included."""
    by_week = {_as_date(row["week"]): row["n"] for row in rows}
    if scope.start or scope.end:
        first = _monday(timezone.localtime(scope.start).date()) if scope.start else min(
            by_week, default=None)
        last_day = (scope.end - dt.timedelta(microseconds=1)) if scope.end else timezone.now()
        last = _monday(timezone.localtime(last_day).date())
    else:
        first, last = min(by_week, default=None), max(by_week, default=None)
    if first is None or last is None:
        return []
    weeks = []
    week = first
    while week <= last and len(weeks) < 520:
        weeks.append(WeekCount(week=week, completions=learner_count(by_week.get(week, 0))))
        week += dt.timedelta(days=7)
    return weeks


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())
