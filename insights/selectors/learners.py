"""Named learners of a course (only for holders of "Learning reports", see views.py).

One row per learner with progress in the course: lessons opened and completed,
the mean of their best lesson scores, when they completed the course, and their
last activity. The per-learner figures are grouped by learner id alone (cheap),
then joined to the names and the course completion in the same statement; a page
costs two queries (count and rows), the CSV of everyone one.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Avg, Count, Max, Q
from django.db.models.functions import Coalesce
from django.utils.dateparse import parse_datetime

from courses.models import CoursePage
from insights.filters import Scope
from insights.sql import reporting_queries
from progress.models import CourseProgress, LessonProgress

COLUMNS = [
    ("user_id", "Learner id"),
    ("username", "Username"),
    ("first_name", "First name"),
    ("last_name", "Last name"),
    ("opened", "Lessons opened"),
    ("completed", "Lessons completed"),
    ("mean_best_score", "Mean best score"),
    ("course_completed_at", "Course completed"),
    ("last_activity", "Last activity"),
]
DATETIME_COLUMNS = (7, 8)

PER_LEARNER = {
    "opened": Count("pk", filter=Q(opened_at__isnull=False) | Q(experienced_at__isnull=False)
                    | Q(completed_at__isnull=False)),
    "completed": Count("pk", filter=Q(completed_at__isnull=False)),
    "mean_best_score": Avg("best_scaled_score"),
    # A row's latest event: completion comes after experiencing, which comes after opening.
    "last_activity": Max(Coalesce("completed_at", "experienced_at", "opened_at")),
}


def _lesson_rows(course: CoursePage, scope: Scope):
    rows = LessonProgress.objects.filter(course=course).filter(scope.in_group())
    if scope.start or scope.end:
        rows = rows.alias(first_open=Coalesce("opened_at", "experienced_at", "completed_at"))
        rows = rows.filter(scope.in_period("first_open"))
    return rows


class CourseLearners:
    """The learners of a course in scope, by name; sliceable and countable for Paginator."""

    def __init__(self, *, course: CoursePage, scope: Scope):
        self.course, self.scope = course, scope

    def count(self) -> int:
        return _lesson_rows(self.course, self.scope).values("user_id").distinct().count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[dict]:
        limit = window.stop - (window.start or 0)
        rows = self.rows(order="u.last_name, u.first_name, f.user_id",
                         limit=limit, offset=window.start or 0)
        return [dict(zip([key for key, _ in COLUMNS], row, strict=True)) for row in rows]

    def rows(self, *, order: str = "f.user_id", limit: int | None = None, offset: int = 0):
        """Rows in COLUMNS order."""
        figures = _lesson_rows(self.course, self.scope).values("user_id").annotate(
            **PER_LEARNER).order_by()
        inner, params = figures.query.sql_with_params()
        qn = connection.ops.quote_name
        users, courses = qn(get_user_model()._meta.db_table), qn(CourseProgress._meta.db_table)
        sql = (
            "SELECT f.user_id, u.username, u.first_name, u.last_name, f.opened, f.completed, "
            "f.mean_best_score, cp.completed_at, f.last_activity "
            f"FROM ({inner}) f JOIN {users} u ON u.id = f.user_id "
            f"LEFT JOIN {courses} cp ON cp.user_id = f.user_id AND cp.course_id = %s "
            f"ORDER BY {order}"
        )
        params = (*params, self.course.pk)
        if limit is not None:
            sql += " LIMIT %s OFFSET %s"
            params = (*params, limit, offset)
        with reporting_queries(), connection.cursor() as cursor:  # also when streaming a CSV
            cursor.execute(sql, params)
            result = cursor.fetchall()
        if connection.vendor == "sqlite":  # raw SQLite rows carry naive UTC datetimes or text
            result = [_with_datetimes(row) for row in result]
        return result


def _with_datetimes(row) -> list:
    row = list(row)
    for index in DATETIME_COLUMNS:
        value = row[index]
        if isinstance(value, str):
            value = parse_datetime(value)
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            row[index] = value.replace(tzinfo=dt.UTC)
    return row


def course_learners(*, course: CoursePage, scope: Scope) -> CourseLearners:
    return CourseLearners(course=course, scope=scope)
