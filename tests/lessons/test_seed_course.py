import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from courses.models import CourseIndexPage, CoursePage
from lessons.models import LessonPage
from lessons.reading_time import count_words
from quizzes.models import Quiz

pytestmark = pytest.mark.django_db

ALL_QUESTION_TYPES = {
    "single_choice",
    "multiple_response",
    "true_false",
    "sequencing",
    "matching",
    "likert",
}




@pytest.fixture
def seeded():
    call_command("seed_course")
    return list(LessonPage.objects.order_by("path"))


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("seed_course", "--demo")


def _counts():
    return {
        "pages": Page.objects.count(),
        "quizzes": Quiz.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
    }


def _live_questions(lesson):
    """The questions of the lesson's quiz as published (its live revision)."""
    quiz = lesson.quiz.live_revision.as_object()
    return [(block.block_type, block.value) for block in quiz.questions]


def test_seed_course_twice_creates_nothing_new(settings):
    settings.DEBUG = True
    call_command("seed_course", "--demo")
    first = _counts()
    call_command("seed_course", "--demo")
    assert _counts() == first
    assert first["quizzes"] == 6
    assert first["images"] == 1


def test_seed_course_makes_course_index_the_default_site_root(seeded):
    index = CourseIndexPage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == index.pk
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    course = CoursePage.objects.child_of(index).get(slug="everybody-has-a-customer")
    assert course.live and course.hero_image and course.hero_image_alt
    assert (course.hero_image.width, course.hero_image.height) == (1200, 400)


def test_seed_course_publishes_six_lessons_each_with_a_live_quiz(seeded):
    assert len(seeded) == 6
    for lesson in seeded:
        assert lesson.live and lesson.live_revision_id
        assert lesson.quiz.live and lesson.quiz.live_revision_id


def test_seed_course_uses_every_question_type(seeded):
    used = {kind for lesson in seeded for kind, _ in _live_questions(lesson)}
    assert used == ALL_QUESTION_TYPES


def test_seed_course_lesson_four_quiz_has_a_sequencing_question(seeded):
    assert "sequencing" in {kind for kind, _ in _live_questions(seeded[3])}


def test_seed_course_lesson_five_quiz_is_a_likert_self_assessment(seeded):
    kinds = [kind for kind, _ in _live_questions(seeded[4])]
    assert len(kinds) >= 5
    assert set(kinds) == {"likert"}


def test_seed_course_every_choice_carries_feedback(seeded):
    for lesson in seeded:
        for kind, value in _live_questions(lesson):
            if kind == "true_false":
                assert value["feedback_true"].strip() and value["feedback_false"].strip()
            for choice in value.get("choices", []):
                assert choice["feedback"].strip(), (lesson.title, value["prompt"])


def test_seed_course_lessons_take_three_to_five_minutes_to_read(seeded):
    for lesson in seeded:
        words = 0
        for block in lesson.body.raw_data:
            value = block["value"]
            texts = [value] if isinstance(value, str) else value.values()
            words += sum(count_words(text) for text in texts if isinstance(text, str))
        assert 350 <= words <= 900, (lesson.title, words)


def test_seed_course_demo_is_refused_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_course", "--demo")
    assert not get_user_model().objects.filter(username__in=["learner", "designer"]).exists()


def test_seed_course_demo_learner_logs_in_without_admin_access(demo, client):
    assert client.login(username="learner", password="learner-demo-1")
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "login" in response["Location"]


def test_seed_course_demo_designer_can_edit_lessons_in_admin(demo, client):
    assert client.login(username="designer", password="designer-demo-1")
    assert client.get("/admin/").status_code == 200
    lesson = LessonPage.objects.order_by("path").first()
    assert client.get(f"/admin/pages/{lesson.pk}/edit/").status_code == 200
