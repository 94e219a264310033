"""Funnel and Pulse figures against a plain Python count over the same rows."""

import datetime as dt
import statistics
from collections import Counter

import pytest
from django.utils import timezone

from insights.filters import Scope
from insights.selectors.funnel import course_funnel
from insights.selectors.pulse import pulse
from progress.models import CourseProgress, LessonProgress
from quizzes.models import Answer, Attempt


@pytest.fixture(autouse=True)
def _no_suppression(settings):
    """Compare raw figures here; suppression has its own tests."""
    settings.INSIGHTS_MIN_GROUP_SIZE = 1


def test_funnel_counts_match_the_progress_rows(activity):
    (course, lessons), _ = activity
    result = course_funnel(course=course, scope=Scope())
    assert [row.lesson_id for row in result.lessons] == [lesson.pk for lesson in lessons]
    for lesson, row in zip(lessons, result.lessons, strict=True):
        rows = list(LessonProgress.objects.filter(lesson=lesson))
        tried = set(Attempt.objects.filter(context_page=lesson).values_list("user_id", flat=True))
        opened = [r for r in rows if r.opened_at or r.experienced_at or r.user_id in tried]
        assert row.stages["opened"] == len(opened) > 5
        assert row.stages["started"] == sum(r.user_id in tried for r in rows)
        assert row.stages["passed"] == sum(r.passed_attempt_id is not None for r in rows)
        assert row.stages["completed"] == sum(r.completed_at is not None for r in rows)
        hours = [(r.completed_at - (r.opened_at or r.experienced_at)).total_seconds() / 3600
                 for r in rows if r.completed_at and (r.opened_at or r.experienced_at)]
        assert row.median_hours_to_complete == pytest.approx(statistics.median(hours))
    done = CourseProgress.objects.filter(completed_at__isnull=False)
    assert result.completions == done.count()
    assert sum(week.completions for week in result.weeks) == done.count()


def test_funnel_period_keeps_the_cohort_that_opened_in_it(activity):
    (course, lessons), _ = activity
    now = timezone.now()
    start = timezone.localtime(now - dt.timedelta(days=20)).date()
    scope = Scope(start=timezone.make_aware(dt.datetime.combine(start, dt.time.min)))
    result = course_funnel(course=course, scope=scope)
    rows = LessonProgress.objects.filter(lesson=lessons[0])
    expected = sum((r.opened_at or r.experienced_at or now) >= scope.start for r in rows
                   if r.opened_at or r.experienced_at)
    assert 0 < result.lessons[0].stages["opened"] >= expected
    assert result.lessons[0].stages["opened"] < course_funnel(
        course=course, scope=Scope()).lessons[0].stages["opened"]


def test_pulse_distribution_and_change_match_the_answers(activity):
    (course, lessons), _ = activity
    middle = timezone.now() - dt.timedelta(weeks=4)
    current, previous = Scope(start=middle), Scope(end=middle)
    result = pulse(current=current, previous=previous)
    assert len(result.statements) == 2  # one Likert statement in each lesson's quiz
    for statement in result.statements:
        answers = Answer.objects.filter(question_id=statement.question_id,
                                        attempt__status="submitted")
        now_points = Counter(a.response["choices"][0] for a in answers
                             if a.attempt.submitted_at >= middle)
        before_points = Counter(a.response["choices"][0] for a in answers
                                if a.attempt.submitted_at < middle)
        assert statement.current.counts == [now_points[f"likert_{n}"] for n in range(1, 6)]
        assert statement.previous.counts == [before_points[f"likert_{n}"] for n in range(1, 6)]
        agree_now = (now_points["likert_4"] + now_points["likert_5"]) / now_points.total()
        agree_before = ((before_points["likert_4"] + before_points["likert_5"])
                        / before_points.total())
        assert statement.current.agree == pytest.approx(agree_now)
        assert statement.change == pytest.approx(100 * (agree_now - agree_before))
        assert statement.labels[0] == "Strongly disagree"
