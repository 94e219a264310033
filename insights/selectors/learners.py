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


def course_learners(*, course: CoursePage, scope: Scope):
    rows = LessonProgress.objects.filter(course=course).filter(scope.in_group())
    if scope.start or scope.end:
        rows = rows.alias(first_open=Coalesce("opened_at", "experienced_at", "completed_at"))
        rows = rows.filter(scope.in_period("first_open"))
    course_done = CourseProgress.objects.filter(
        user=OuterRef("user_id"), course=course).values("completed_at")[:1]
    return (
        rows.values("user_id", "user__username", "user__first_name", "user__last_name")
        .annotate(
            opened=Count("pk", filter=Q(opened_at__isnull=False) | Q(experienced_at__isnull=False)
                         | Q(completed_at__isnull=False)),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
            mean_best_score=Avg("best_scaled_score"),
            course_completed_at=Subquery(course_done),
            # A row's latest event: completion comes after experiencing, which comes after opening.
            last_activity=Max(Coalesce("completed_at", "experienced_at", "opened_at")),
        )
        .order_by("user__last_name", "user__first_name", "user_id")
    )

