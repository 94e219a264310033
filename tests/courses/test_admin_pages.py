"""Page tree rules and CoursePage validation, through the Wagtail admin's page forms."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses.models import CourseIndexPage, CoursePage
from lessons.models import LessonPage
from tests.factories import UserFactory, build_course, build_site_root, create_image

pytestmark = pytest.mark.django_db




@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def add_url(model, parent) -> str:
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def assert_refused(client, response):
    """Wagtail turns a refused add view into a redirect to the dashboard with a message."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    messages = [str(m) for m in client.get(response["Location"]).context["messages"]]
    assert any("do not have permission" in m for m in messages)


def lesson_form(title="Lesson from the admin", **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": "lesson-from-the-admin",
            "summary": "Made by an author.",
            "body": streamfield([("text", rich_text("<p>Hello, customer.</p>"))]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
            **extra,
        }
    )


def course_form(title="Course from the admin", **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": "course-from-the-admin",
            "summary": "Made by an author.",
            "learning_objectives": streamfield([("objective", "Name your customers")]),
            "hero_image": "",
            "hero_image_alt": "",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
            **extra,
        }
    )


def test_page_models_declare_the_tree():
    assert LessonPage.allowed_parent_page_models() == [CoursePage]
    assert CoursePage.allowed_parent_page_models() == [CourseIndexPage]
    assert CoursePage.allowed_subpage_models() == [LessonPage]
    assert LessonPage.allowed_subpage_models() == []


def test_lesson_can_be_created_under_a_course(admin_client):
    course, _ = build_course(lessons=0, with_quiz=False)

    response = admin_client.post(add_url(LessonPage, course), lesson_form())

    assert response.status_code == 302
    lesson = LessonPage.objects.get(title="Lesson from the admin")
    assert lesson.get_parent().pk == course.pk and lesson.live


@pytest.mark.parametrize("parent_kind", ["course index", "root", "lesson"])
def test_lesson_cannot_be_created_outside_a_course(admin_client, parent_kind):
    course, (lesson,) = build_course(lessons=1, with_quiz=False)
    parent = {
        "course index": course.get_parent(),
        "root": Page.get_first_root_node(),
        "lesson": lesson,
    }[parent_kind]

    assert not LessonPage.can_create_at(parent.specific)
    assert_refused(admin_client, admin_client.get(add_url(LessonPage, parent)))
    assert_refused(admin_client, admin_client.post(add_url(LessonPage, parent), lesson_form()))
    assert not LessonPage.objects.filter(title="Lesson from the admin").exists()


def test_course_can_be_created_under_the_course_index(admin_client):
    index = build_site_root()

    response = admin_client.post(add_url(CoursePage, index), course_form())

    assert response.status_code == 302
    assert CoursePage.objects.child_of(index).get().title == "Course from the admin"


@pytest.mark.parametrize("parent_kind", ["root", "course"])
def test_course_cannot_be_created_outside_the_course_index(admin_client, parent_kind):
    course, _ = build_course(lessons=0, with_quiz=False)
    parent = course if parent_kind == "course" else Page.get_first_root_node()

    assert not CoursePage.can_create_at(parent.specific)
    response = admin_client.post(add_url(CoursePage, parent), course_form())

    assert_refused(admin_client, response)
    assert not CoursePage.objects.filter(title="Course from the admin").exists()


@pytest.mark.parametrize("action", ["action-publish", None])
def test_course_with_hero_image_and_no_alt_text_is_refused(admin_client, action):
    index = build_site_root()
    image = create_image()
    data = course_form(hero_image=str(image.pk), hero_image_alt="   ")
    if action is None:
        del data["action-publish"]  # save draft

    response = admin_client.post(add_url(CoursePage, index), data)

    assert response.status_code == 200
    assert not CoursePage.objects.filter(title="Course from the admin").exists()
    soup = WagtailTestUtils.get_soup(response.content)
    assert "Add alt text describing the hero image, for screen readers." in soup.get_text()
    assert response.context["form"].errors["hero_image_alt"]


def test_course_with_hero_image_and_alt_text_is_saved(admin_client):
    index = build_site_root()
    image = create_image()

    response = admin_client.post(
        add_url(CoursePage, index),
        course_form(hero_image=str(image.pk), hero_image_alt="A smiling support agent"),
    )

    assert response.status_code == 302
    course = CoursePage.objects.get(title="Course from the admin")
    assert course.hero_image_id == image.pk
    assert course.hero_image_alt == "A smiling support agent"
