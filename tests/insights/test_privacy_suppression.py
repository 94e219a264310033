"""No figure about fewer than INSIGHTS_MIN_GROUP_SIZE learners, tested at the edge (4 and 5)."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from insights.filters import Scope
from insights.privacy import Suppressed, about, learner_count
from insights.selectors.funnel import course_funnel
from insights.selectors.items import item_analysis
from insights.selectors.pulse import pulse
from progress.models import LessonProgress
from quizzes.models import Attempt


@pytest.fixture(autouse=True)
def _minimum_of_five(settings):
    settings.INSIGHTS_MIN_GROUP_SIZE = 5


def test_counts_and_statistics_at_the_edge():
    assert learner_count(0) == 0
    assert learner_count(4) == Suppressed(5)
    assert learner_count(5) == 5
    assert about(4, 0.5) == Suppressed(5)
    assert about(5, 0.5) == 0.5
    assert str(Suppressed(5)) == "fewer than 5"


def test_min_group_size_comes_from_settings(settings):
    settings.INSIGHTS_MIN_GROUP_SIZE = 10
    assert learner_count(9) == Suppressed(10)


def group_of(user_ids) -> Scope:
    group = Group.objects.create(name=f"Team of {len(user_ids)}")
    group.user_set.add(*user_ids)
    return Scope(group_id=group.pk)


def test_item_analysis_is_hidden_for_four_learners_and_shown_for_five(activity):
    (course, lessons), _ = activity
    quiz = lessons[0].quiz
    takers = list(Attempt.objects.filter(quiz=quiz, number=1, status="submitted")
                  .values_list("user_id", flat=True)[:5])
    four = item_analysis(quiz=quiz, revision=quiz.live_revision, mode="first",
                         scope=group_of(takers[:4]))
    assert four.suppressed and four.questions == [] and four.mean_percent is None
    five = item_analysis(quiz=quiz, revision=quiz.live_revision, mode="first",
                         scope=group_of(takers))
    assert not five.suppressed and five.learners == 5 and len(five.questions) == 5
    # Five attempts are too few for statistics (MIN_SAMPLE), so they say so instead.
    assert five.questions[0].discrimination is None
    assert "not enough data" in five.questions[0].note
    # Each choice's learner count is itself a cell: 1 to 4 learners is withheld.
    counts = [choice.overall for q in five.questions for choice in q.choices]
    assert all(c == 0 or c == 5 or isinstance(c, Suppressed) for c in counts)


def test_funnel_lesson_is_hidden_for_four_learners_and_shown_for_five(activity):
    (course, lessons), _ = activity
    openers = list(LessonProgress.objects.filter(lesson=lessons[0])
                   .values_list("user_id", flat=True)[:5])
    four = course_funnel(course=course, scope=group_of(openers[:4]))
    first = four.lessons[0]
    assert first.suppressed
    assert all(isinstance(value, Suppressed) for value in first.stages.values())
    assert all(isinstance(value, Suppressed) for value in first.shares.values())
    five = course_funnel(course=course, scope=group_of(openers)).lessons[0]
    assert not five.suppressed and five.stages["opened"] == 5
    assert all(v in (0, 5) or isinstance(v, Suppressed) for v in five.stages.values())


def test_pulse_statement_is_hidden_for_four_respondents_and_shown_for_five(activity):
    (course, lessons), _ = activity
    respondents = list(Attempt.objects.filter(quiz=lessons[0].quiz, status="submitted").values_list(
        "user_id", flat=True).distinct().order_by("user_id")[:5])
    long_ago = Scope(start=dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
                     end=dt.datetime(2000, 1, 2, tzinfo=dt.UTC))
    four = pulse(current=group_of(respondents[:4]), previous=long_ago)
    assert four.statements
    assert all(s.current.suppressed and isinstance(s.current.agree, Suppressed)
               and s.current.shares is None for s in four.statements)
    five = pulse(current=group_of(respondents), previous=long_ago)
    assert any(not s.current.suppressed and isinstance(s.current.agree, float)
               for s in five.statements)
