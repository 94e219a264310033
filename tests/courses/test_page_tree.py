import pytest
from wagtail.test.utils import WagtailTestUtils  # noqa: F401

from courses.models import CourseIndexPage, CoursePage
from lessons.models import LessonPage


def test_lesson_may_only_live_under_a_course():
    assert LessonPage.allowed_parent_page_models() == [CoursePage]
    assert not LessonPage.can_create_at(CourseIndexPage())


@pytest.mark.django_db
def test_course_tree_factory_builds_published_lessons_with_quizzes(course_tree):
    course, lessons = course_tree
    assert [lesson.get_parent().pk for lesson in lessons] == [course.pk] * 3
    assert all(lesson.quiz.live and lesson.quiz.live_revision_id for lesson in lessons)
