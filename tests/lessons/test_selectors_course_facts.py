"""A course's length and lesson count are computed from its live lessons, never typed in."""

import pytest

from lessons.reading_time import SECONDS_PER_QUESTION, course_minutes
from lessons.selectors import course_facts
from tests.factories import LessonPageFactory, QuizFactory, build_course, single_choice

pytestmark = pytest.mark.django_db


def test_course_minutes_add_the_lessons_and_an_allowance_per_question():
    assert SECONDS_PER_QUESTION == 30
    assert course_minutes(lesson_minutes=[3, 4, 2], questions=0) == 9
    assert course_minutes(lesson_minutes=[3, 4, 2], questions=5) == 9 + 3  # 150 s -> 3 min


def test_course_facts_follow_the_live_lessons_and_their_published_quizzes():
    course, lessons = build_course(lessons=2, questions=[single_choice(), single_choice()])
    LessonPageFactory(parent=course, live=False)  # a draft lesson does not count
    other, _ = build_course(lessons=1, with_quiz=False, index=course.get_parent().specific)

    facts = course_facts([course, other])

    assert (facts[course.pk].lesson_count, facts[course.pk].minutes) == (2, 2 + 2)
    assert (facts[other.pk].lesson_count, facts[other.pk].minutes) == (1, 1)


def test_adding_a_lesson_lengthens_the_course():
    course, _ = build_course(lessons=1, with_quiz=False)
    before = course_facts([course])[course.pk]
    LessonPageFactory(parent=course, quiz=QuizFactory(questions=[single_choice()] * 4))
    after = course_facts([course])[course.pk]
    assert (after.lesson_count, after.minutes) == (before.lesson_count + 1, before.minutes + 1 + 2)


def test_a_draft_quiz_adds_no_time():
    course, [lesson] = build_course(lessons=1, with_quiz=False)
    lesson.quiz = QuizFactory(publish=False, live=False)
    lesson.save()
    assert course_facts([course])[course.pk].minutes == 1


def test_course_facts_take_the_same_queries_for_any_number_of_lessons(django_assert_num_queries):
    course, _ = build_course(lessons=3)
    other, _ = build_course(lessons=9, index=course.get_parent().specific)
    with django_assert_num_queries(2):  # view restrictions, then every lesson with its quiz
        course_facts([course, other])
