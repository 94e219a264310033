"""The seeded "Learning designers" account edits, previews and publishes without a developer."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from lessons.models import LessonPage
from quizzes.models import Quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def designer_client(settings, client):
    settings.DEBUG = True  # --demo is refused otherwise
    call_command("seed_course", "--demo", stdout=io.StringIO())
    assert client.login(username="designer", password="designer-demo-1")
    return client


def _lesson_form(lesson, *, title, text, action=None):
    data = {
        "title": title,
        "slug": lesson.slug,
        "summary": lesson.summary,
        "body": streamfield([("text", rich_text(f"<p>{text}</p>"))]),
        "quiz": lesson.quiz_id,
        "comments": inline_formset([]),
    }
    if action:
        data[action] = action.removeprefix("action-")
    return nested_form_data(data)


def test_designer_previews_a_lesson_edit_without_changing_the_live_page(designer_client):
    lesson = LessonPage.objects.live().order_by("path").first()
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk])

    data = _lesson_form(lesson, title="Previewed title", text="Previewed paragraph.")
    assert designer_client.post(url, data).json()["is_valid"]
    preview = designer_client.get(url).content.decode()

    assert "Previewed paragraph." in preview
    assert LessonPage.objects.get(pk=lesson.pk).title != "Previewed title"


def test_designer_publishes_a_lesson_edit(designer_client):
    lesson = LessonPage.objects.live().order_by("path").first()
    url = reverse("wagtailadmin_pages:edit", args=[lesson.pk])

    data = _lesson_form(lesson, title="Every touchpoint counts", text="A new opening.",
                        action="action-publish")
    response = designer_client.post(url, data)

    assert response.status_code == 302, response.content[:500]
    live = LessonPage.objects.get(pk=lesson.pk)
    assert live.title == "Every touchpoint counts"
    assert "A new opening." in designer_client.get(live.url).content.decode()


def test_designer_saves_a_quiz_draft_then_publishes_it(designer_client):
    quiz = Quiz.objects.order_by("pk").first()
    url = reverse(quiz.snippet_viewset.get_url_name("edit"), args=[quiz.pk])
    data = nested_form_data({
        "title": "Renamed check",
        "intro": "",
        "pass_mark": 70,
        "max_attempts": "",
        "shuffle_questions": "",
        "shuffle_choices": "",
        "all_or_nothing": "",
        "questions": streamfield([("true_false", {
            "prompt": "Every job serves a customer, directly or not.", "explanation": "",
            "points": 1, "answer_is_true": "on", "feedback_true": "Yes.",
            "feedback_false": "Think of internal customers."})]),
    })

    assert designer_client.post(url, data).status_code == 302
    assert Quiz.objects.get(pk=quiz.pk).title != "Renamed check"  # a draft: live unchanged

    assert designer_client.post(url, {**data, "action-publish": "publish"}).status_code == 302
    live = Quiz.objects.get(pk=quiz.pk)
    assert (live.title, live.pass_mark, live.live) == ("Renamed check", 70, True)
