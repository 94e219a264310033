"""Named learners of a course (only for holders of "Learning reports", see views.py).

One row per learner with progress in the course: lessons opened and completed,
the mean of their best lesson scores, when they completed the course, and their
last activity. Grouped in one query; a page of it costs two (count and slice).
"""

from __future__ import annotations

from django.db.models import Avg, Count, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from courses.models import CoursePage
from insights.filters import Scope
from progress.models import CourseProgress, LessonProgress

COLUMNS = [
    ("user_id", "Learner id"),
    ("user__username", "Username"),
    ("user__first_name", "First name"),
    ("user__last_name", "Last name"),
    ("opened", "Lessons opened"),
    ("completed", "Lessons completed"),
    ("mean_best_score", "Mean best score"),
    ("course_completed_at", "Course completed"),
    ("last_activity", "Last activity"),
]


def _lesson_rows(course: CoursePage, scope: Scope):
    rows = LessonProgress.objects.filter(course=course).filter(scope.in_group())
    if scope.start or scope.end:
        rows = rows.alias(first_open=Coalesce("opened_at", "experienced_at", "completed_at"))
        rows = rows.filter(scope.in_period("first_open"))
    return rows


PER_LEARNER = {
    "opened": Count("pk", filter=Q(opened_at__isnull=False) | Q(experienced_at__isnull=False)
                    | Q(completed_at__isnull=False)),
    "completed": Count("pk", filter=Q(completed_at__isnull=False)),
    "mean_best_score": Avg("best_scaled_score"),
    # A row's latest event: completion comes after experiencing, which comes after opening.
    "last_activity": Max(Coalesce("completed_at", "experienced_at", "opened_at")),
}


def course_learners(*, course: CoursePage, scope: Scope):
    """The learners as dicts (COLUMNS' keys), by name: for a page of them."""
    course_done = CourseProgress.objects.filter(
        user=OuterRef("user_id"), course=course).values("completed_at")[:1]
    return (
        _lesson_rows(course, scope)
        .values("user_id", "user__username", "user__first_name", "user__last_name")
        .annotate(**PER_LEARNER, course_completed_at=Subquery(course_done))
        .order_by("user__last_name", "user__first_name", "user_id")
    )


def course_learner_rows(*, course: CoursePage, scope: Scope):
    """Every learner as a row of COLUMNS, by id: for the CSV of all of them.

    Two plain queries (figures grouped by learner id alone, then names and course
    completion) merged here: sorting and grouping 200,000 progress rows by name, with a
    lookup per row, takes three times as long.
    """
    figures = (_lesson_rows(course, scope).values("user_id").annotate(**PER_LEARNER)
               .order_by("user_id"))
    people = {
        user_id: rest for user_id, *rest in
        CourseProgress.objects.filter(course=course).filter(scope.in_group())
        .values_list("user_id", "user__username", "user__first_name", "user__last_name",
                     "completed_at")
    }
    for row in figures:
        username, first, last, done = people.get(row["user_id"], ("", "", "", None))
        yield [row["user_id"], username, first, last, row["opened"], row["completed"],
               row["mean_best_score"], done, row["last_activity"]]

