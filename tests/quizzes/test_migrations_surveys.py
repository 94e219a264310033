"""quizzes 0003: survey attempts stored before surveys were told apart lose their fake score."""

import importlib

import pytest
from django.apps import apps

from progress.models import LessonProgress
from progress.services import lesson_experience, lesson_quiz_start, lesson_quiz_submit
from quizzes.models import Attempt
from tests.factories import answers_for, build_course, likert, single_choice

pytestmark = pytest.mark.django_db

migration = importlib.import_module("quizzes.migrations.0003_surveys_unscored")


def taken(user, questions, index=None):
    course, [lesson] = build_course(lessons=1, questions=questions, index=index)
    lesson_experience(user=user, lesson=lesson)
    attempt, _ = lesson_quiz_start(user=user, lesson=lesson)
    return lesson_quiz_submit(user=user, lesson=lesson, attempt_id=attempt.pk,
                              answers=answers_for(attempt.questions)), course.get_parent()


def test_old_survey_attempts_become_unscored_surveys_and_scored_ones_stay(learner):
    survey, index = taken(learner, [likert(), likert("I have the tools.")])
    scored, _ = taken(learner, [single_choice()], index=index)
    # As stored before: a survey "passed" with 100%.
    Attempt.objects.filter(pk=survey.pk).update(
        survey=False, raw_score=0, scaled_score=1.0, passed=True,
        result={**survey.result, "raw": 0, "scaled": 1.0, "passed": True})
    LessonProgress.objects.filter(lesson=survey.context_page_id).update(best_scaled_score=1.0)

    migration.surveys_unscored(apps, None)

    survey.refresh_from_db()
    assert survey.survey and (survey.raw_score, survey.scaled_score, survey.passed) == (
        None, None, None)
    assert survey.result["passed"] is None and survey.result["questions"]
    assert LessonProgress.objects.get(lesson=survey.context_page_id).best_scaled_score is None
    scored_after = Attempt.objects.get(pk=scored.pk)
    assert not scored_after.survey and scored_after.passed is True
    assert scored_after.scaled_score == 1.0
