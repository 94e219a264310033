"""The admin home panel: completions this week and quizzes flagged for review.

The flags need an item analysis of every live quiz (a scan of all first
attempts' answers), so the panel's figures are cached for SUMMARY_CACHE_SECONDS
(five minutes): the home page stays fast and the figures are at most that old.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone

from insights.privacy import Suppressed, learner_count
from insights.selectors.items import flagged_quizzes
from insights.sql import reporting_queries
from progress.models import CourseProgress, LessonProgress

SUMMARY_CACHE_SECONDS = 300
CACHE_KEY = "insights:home-summary:v1"


@dataclass
class Summary:
    week_start: dt.date
    lessons_completed: int | Suppressed
    courses_completed: int | Suppressed
    flagged: list[tuple[int, str, int]]  # (quiz id, title, questions flagged)
    computed_at: dt.datetime


def home_summary() -> Summary:
    summary = cache.get(CACHE_KEY)
    if summary is None:
        with reporting_queries():
            summary = _compute()
        cache.set(CACHE_KEY, summary, SUMMARY_CACHE_SECONDS)
    return summary


def _compute() -> Summary:
    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())
    since = timezone.make_aware(dt.datetime.combine(monday, dt.time.min))
    return Summary(
        week_start=monday,
        lessons_completed=learner_count(
            LessonProgress.objects.filter(completed_at__gte=since).count()),
        courses_completed=learner_count(
            CourseProgress.objects.filter(completed_at__gte=since).count()),
        flagged=[(analysis.quiz.pk, analysis.quiz.title, len(analysis.flagged))
                 for analysis in flagged_quizzes()],
        computed_at=timezone.now(),
    )
