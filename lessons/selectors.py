"""Reads of lessons: one live lesson, and the facts a course list shows (lessons, minutes).

Each function runs a fixed number of queries, whatever the number of lessons.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from courses.models import CoursePage
from quizzes.models import Quiz

from .models import LessonPage
from .reading_time import course_minutes


def lesson_live_get(*, lesson_id: int) -> LessonPage:
    """A published lesson with its quiz; LessonPage.DoesNotExist otherwise."""
    return LessonPage.objects.live().public().select_related("quiz").get(pk=lesson_id)


@dataclass(frozen=True)
class CourseFacts:
    lesson_count: int
    minutes: int


def _question_count(quiz: Quiz | None) -> int:
    return len(quiz.questions.raw_data) if quiz is not None and quiz.live else 0


def course_facts(courses: list[CoursePage]) -> dict[int, CourseFacts]:
    """Each course's live lessons and duration, keyed by course id (two queries for all).

    The duration is computed, never typed in: the lessons' reading minutes plus
    an allowance per question of their published quizzes (lessons/reading_time.py).
    """
    if not courses:
        return {}
    under = Q()
    for course in courses:
        under |= Q(path__startswith=course.path, depth=course.depth + 1)
    lessons = (
        LessonPage.objects.live().public().filter(under)
        .select_related("quiz")
        .only("path", "body", "quiz", "quiz__live", "quiz__questions")
    )
    by_course: dict[int, list[LessonPage]] = {course.pk: [] for course in courses}
    course_by_path = {course.path: course.pk for course in courses}
    for lesson in lessons:
        by_course[course_by_path[lesson.path[: -LessonPage.steplen]]].append(lesson)
    return {
        pk: CourseFacts(
            lesson_count=len(found),
            minutes=course_minutes(
                lesson_minutes=[lesson.reading_minutes for lesson in found],
                questions=sum(_question_count(lesson.quiz) for lesson in found),
            ),
        )
        for pk, found in by_course.items()
    }
