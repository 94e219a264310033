"""progress.selectors: course and lesson states for a learner, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from progress.selectors import (
    course_lessons_with_state,
    course_list_with_progress,
    lesson_next,
)
from progress.services import lesson_experience, lesson_quiz_start, lesson_quiz_submit
from tests.factories import build_course, build_site_root, single_choice

pytestmark = pytest.mark.django_db




def pass_quiz(user, lesson):
    attempt, _ = lesson_quiz_start(user=user, lesson=lesson)
    question = attempt.questions[0]
    picked = next(c["id"] for c in question["choices"] if c["correct"])
    return lesson_quiz_submit(user=user, lesson=lesson, attempt_id=attempt.pk,
                              answers=[{"question": question["id"], "choices": [picked]}])


def complete(user, lesson):
    lesson_experience(user=user, lesson=lesson)
    pass_quiz(user, lesson)


@pytest.fixture
def two_courses():
    index = build_site_root()
    quiz = {"questions": [single_choice()]}
    return [build_course(lessons=n, index=index, **quiz) for n in (3, 2)]


def test_course_list_counts_the_learners_completed_lessons(learner, other_learner, two_courses):
    (first, lessons), (second, _) = two_courses
    complete(learner, lessons[0])
    complete(other_learner, lessons[1])
    rows = {c.pk: c for c in course_list_with_progress(user=learner)}
    assert (rows[first.pk].lesson_total, rows[first.pk].lessons_completed) == (3, 1)
    assert rows[first.pk].percent == 33 and rows[first.pk].progress_started_at is not None
    assert (rows[second.pk].lessons_completed, rows[second.pk].percent) == (0, 0)
    assert rows[second.pk].progress_started_at is None


def test_lesson_states_follow_the_learner(learner, two_courses):
    (course, lessons), _ = two_courses
    complete(learner, lessons[0])
    lesson_experience(user=learner, lesson=lessons[1])
    rows = list(course_lessons_with_state(user=learner, course=course))
    assert [row.state for row in rows] == ["completed", "in_progress", "not_started"]
    assert [row.best_scaled_score for row in rows] == [1.0, None, None]
    assert {row.course_pk for row in rows} == {course.pk}


def test_next_lesson_continues_the_course_the_learner_was_in(learner, two_courses):
    (first, first_lessons), (second, second_lessons) = two_courses
    assert lesson_next(user=learner).pk == first_lessons[0].pk
    complete(learner, second_lessons[0])
    assert lesson_next(user=learner).pk == second_lessons[1].pk
    complete(learner, second_lessons[1])
    assert lesson_next(user=learner).pk == first_lessons[0].pk
    assert lesson_next(user=learner, course=first).pk == first_lessons[0].pk


def _queries(read):
    with CaptureQueriesContext(connection) as queries:
        read()
    return len(queries)


def test_reads_take_the_same_queries_however_many_lessons_and_courses(learner):
    index = build_site_root()
    small, [lesson] = build_course(lessons=1, index=index, questions=[single_choice()])
    complete(learner, lesson)

    def reads(course):
        return [
            _queries(lambda: list(course_list_with_progress(user=learner))),
            _queries(lambda: list(course_lessons_with_state(user=learner, course=course))),
            _queries(lambda: lesson_next(user=learner)),
        ]

    few = reads(small)
    big, lessons = build_course(lessons=4, index=index, questions=[single_choice()])
    complete(learner, lessons[0])
    assert reads(big) == few
    assert len(list(course_list_with_progress(user=learner))) == 2
