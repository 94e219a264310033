"""The lesson page in steps: markup for static/js/steps.js, the resume step, opened_at."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from progress.models import CourseProgress, LessonProgress
from progress.services import lesson_position_save
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return WagtailTestUtils.get_soup(response.content)


@pytest.fixture
def lesson(course_tree):
    return course_tree[1][0]


def test_each_block_is_a_step_and_the_knowledge_check_the_last(client, lesson):
    page = soup(client.get(lesson.url))
    steps = page.select("[data-step]")
    assert [step.get("id") for step in steps] == ["step-1", "step-2", "step-3", "knowledge-check"]
    assert page.select_one("[data-step-label]").text == "Step 1 of 4"
    # Without JavaScript everything is one page: the step controls start hidden.
    assert page.select_one("[data-step-nav]").has_attr("hidden")
    assert page.select_one("[data-step-progress]").has_attr("hidden")
    assert not any(step.has_attr("hidden") for step in steps)


def test_a_step_break_groups_blocks_into_one_step(client, lesson):
    lesson.body = [{"type": "text", "value": "<p>One</p>"}, {"type": "text", "value": "<p>Two</p>"},
                   {"type": "step_break", "value": None}, {"type": "text", "value": "<p>Three</p>"}]
    lesson.save_revision().publish()
    steps = soup(client.get(lesson.url)).select(".lesson__body [data-step]")
    assert [step.get_text(" ", strip=True) for step in steps] == ["One Two", "Three"]


def test_opening_the_page_records_opened_at_for_a_signed_in_learner(learner_client, learner,
                                                                      lesson):
    Client().get(lesson.url)  # anonymous: nothing to record
    assert not LessonProgress.objects.exists()

    learner_client.get(lesson.url)
    progress = LessonProgress.objects.get(user=learner, lesson=lesson)
    assert progress.opened_at is not None and progress.experienced_at is None
    assert CourseProgress.objects.filter(user=learner).exists()


def test_the_page_opens_at_the_saved_step_and_after_completion_at_the_top(
    learner_client, learner, lesson
):
    lesson_position_save(user=learner, lesson=lesson, step=2)
    page = soup(learner_client.get(lesson.url))
    article = page.select_one("[data-steps]")
    assert article["data-start-step"] == "2"
    assert article["data-api-position"] == reverse("api:lesson-position", args=[lesson.pk])

    LessonProgress.objects.filter(user=learner).update(completed_at="2026-01-01T00:00Z")
    assert soup(learner_client.get(lesson.url)).select_one("[data-steps]")["data-start-step"] == "0"


def test_an_anonymous_visitor_gets_no_position_to_save(client, lesson):
    article = soup(client.get(lesson.url)).select_one("[data-steps]")
    assert article["data-start-step"] == "0" and not article.has_attr("data-api-position")


def test_a_preview_records_nothing_and_shows_the_quiz_with_its_answers(client, lesson):
    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk])
    data = nested_form_data({
        "title": lesson.title, "slug": lesson.slug, "summary": "",
        "body": streamfield([("text", rich_text("<p>Previewed.</p>"))]),
        "quiz": lesson.quiz_id, "comments": inline_formset([]),
    })
    assert client.post(url, data).json()["is_valid"]

    section = soup(client.get(url)).select_one("#knowledge-check")
    assert "Author preview" in section.text
    assert len(section.select(".question")) == len(lesson.quiz.questions)
    assert section.select(".choice--correct")  # the answers show, for authors
    assert not LessonProgress.objects.exists()
