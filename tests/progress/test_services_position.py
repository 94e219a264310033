"""progress.services: a lesson's first opening (opened_at) and the learner's step in it."""

import pytest
from django.core.exceptions import ValidationError

from progress.models import CourseProgress, LessonProgress
from progress.services import lesson_open, lesson_position_save
from tests.factories import build_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson():
    """A lesson of three text blocks with a published quiz: four steps."""
    course, [lesson] = build_course(lessons=1)
    return lesson


def test_opening_a_lesson_records_the_first_time_only_and_starts_the_course(learner, lesson):
    lesson_open(user=learner, lesson=lesson)
    first = LessonProgress.objects.get(user=learner, lesson=lesson)
    lesson_open(user=learner, lesson=lesson)

    again = LessonProgress.objects.get(user=learner, lesson=lesson)
    assert again.opened_at == first.opened_at is not None
    assert again.experienced_at is None and again.completed_at is None
    assert CourseProgress.objects.get(user=learner, course=lesson.get_parent()).started_at


def test_opening_again_costs_one_query(learner, lesson, django_assert_num_queries):
    lesson_open(user=learner, lesson=lesson)
    with django_assert_num_queries(1):
        lesson_open(user=learner, lesson=lesson)


def test_the_position_is_saved_and_replaced(learner, lesson):
    assert lesson.step_total == 4
    lesson_position_save(user=learner, lesson=lesson, step=3)
    lesson_position_save(user=learner, lesson=lesson, step=1)
    assert LessonProgress.objects.get(user=learner, lesson=lesson).last_step == 1


def test_saving_a_position_in_a_lesson_never_opened_opens_it(learner, lesson):
    lesson_position_save(user=learner, lesson=lesson, step=2)
    progress = LessonProgress.objects.get(user=learner, lesson=lesson)
    assert (progress.last_step, progress.opened_at is not None) == (2, True)


def test_a_position_save_of_an_opened_lesson_is_one_update(learner, lesson,
                                                           django_assert_num_queries):
    lesson_open(user=learner, lesson=lesson)
    lesson = type(lesson).objects.select_related("quiz").get(pk=lesson.pk)
    with django_assert_num_queries(1):
        lesson_position_save(user=learner, lesson=lesson, step=2)


@pytest.mark.parametrize("step", [-1, 4, 99, "2", 2.0, True, None])
def test_a_step_the_lesson_does_not_have_is_refused_with_nothing_written(learner, lesson, step):
    with pytest.raises(ValidationError) as error:
        lesson_position_save(user=learner, lesson=lesson, step=step)
    assert "this lesson has 4 steps" in str(error.value).lower()
    assert not LessonProgress.objects.exists() and not CourseProgress.objects.exists()


def test_a_lesson_without_quiz_has_no_knowledge_check_step(learner):
    course, [lesson] = build_course(lessons=1, with_quiz=False)
    with pytest.raises(ValidationError):
        lesson_position_save(user=learner, lesson=lesson, step=3)
    lesson_position_save(user=learner, lesson=lesson, step=2)
