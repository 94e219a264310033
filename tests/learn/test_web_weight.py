"""The lesson page and a question of its knowledge check ship under 100 KB of CSS and
JavaScript each (no framework, no build step)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from progress.services import lesson_quiz_start

pytestmark = pytest.mark.django_db

BUDGET = 100 * 1024


def weight(client, url) -> tuple[int, dict[str, int]]:
    html = client.get(url).content.decode()
    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assets += re.findall(r'<script[^>]* src="([^"]+)"', html)
    inline = sum(len(s) for s in re.findall(r"<(?:script|style)>(.*?)</", html, re.S))
    sizes = {url: Path(finders.find(url.removeprefix(settings.STATIC_URL))).stat().st_size
             for url in assets}
    return sum(sizes.values()) + inline, sizes


def test_lesson_and_question_pages_css_and_js_stay_under_100_kb(
    learner_client, learner, course_tree
):
    lesson = course_tree[1][0]
    attempt, _ = lesson_quiz_start(user=learner, lesson=lesson)

    lesson_total, lesson_assets = weight(learner_client, lesson.url)
    question_total, question_assets = weight(
        learner_client, reverse("learn:attempt_question", args=[attempt.pk, 1]))

    assert {"/static/css/touchpoint.css", "/static/css/learn.css",
            "/static/js/touchpoint.js"} <= set(lesson_assets)
    assert "/static/js/quiz.js" in question_assets
    assert lesson_total < BUDGET, lesson_assets
    assert question_total < BUDGET, question_assets
