"""The lesson page ships under 100 KB of CSS and JavaScript (no framework, no build step)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from progress.services import lesson_quiz_start

pytestmark = pytest.mark.django_db

BUDGET = 100 * 1024


def test_lesson_page_css_and_js_stay_under_100_kb(learner_client, learner, course_tree):
    lesson = course_tree[1][0]
    lesson_quiz_start(user=learner, lesson=lesson)  # the heaviest state: the quiz form
    html = learner_client.get(lesson.url).content.decode()

    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assets += re.findall(r'<script[^>]* src="([^"]+)"', html)
    inline = sum(len(s) for s in re.findall(r"<(?:script|style)>(.*?)</", html, re.S))
    sizes = {url: Path(finders.find(url.removeprefix(settings.STATIC_URL))).stat().st_size
             for url in assets}

    assert {"/static/css/touchpoint.css", "/static/css/learn.css",
            "/static/js/touchpoint.js"} <= set(sizes)
    assert sum(sizes.values()) + inline < BUDGET, sizes
