"""Session-authenticated writes on the learner pages need the CSRF token (the API's are in
tests/api/test_api_auth.py)."""

import pytest
from django.test import Client
from django.urls import reverse

from progress.models import LessonProgress
from progress.services import lesson_quiz_start
from tests.factories import build_course

pytestmark = pytest.mark.django_db


def test_learner_forms_refuse_a_post_without_the_csrf_token(learner):
    _course, (lesson,) = build_course(lessons=1)
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    for name in ("learn:lesson_experienced", "learn:quiz_start"):
        assert client.post(reverse(name, args=[lesson.pk])).status_code == 403, name
    attempt, _ = lesson_quiz_start(user=learner, lesson=lesson)
    answer = client.post(reverse("learn:attempt_question", args=[attempt.pk, 1]), {"choice": "x"})
    assert answer.status_code == 403
    assert not LessonProgress.objects.filter(user=learner, experienced_at__isnull=False).exists()

    client.get(lesson.url)  # the page sets the csrftoken cookie
    token = client.cookies["csrftoken"].value
    response = client.post(reverse("learn:lesson_experienced", args=[lesson.pk]),
                           {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert LessonProgress.objects.filter(user=learner, experienced_at__isnull=False).exists()


def test_the_sign_in_form_needs_the_csrf_token(learner):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": learner.username, "password": "x"})
    assert response.status_code == 403
