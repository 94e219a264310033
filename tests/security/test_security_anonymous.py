"""Anonymous visitors: 401/403 (never 500) on every API operation, the sign-in page elsewhere."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from quizzes.models import Attempt
from tests.factories import build_course

pytestmark = pytest.mark.django_db

PUBLIC_OPERATIONS = {"auth_token_create"}


@pytest.fixture
def seeded(learner):
    """A course, and an attempt in progress that belongs to someone."""
    from progress.services import lesson_quiz_start

    course, lessons = build_course(lessons=1)
    attempt, _ = lesson_quiz_start(user=learner, lesson=lessons[0])
    return course, lessons[0], attempt


def operations():
    schema = APIClient().get("/api/schema/?format=json").json()
    return [(method.upper(), path, op["operationId"])
            for path, item in schema["paths"].items() for method, op in item.items()]


@pytest.mark.parametrize("credentials", [
    {},
    {"HTTP_AUTHORIZATION": "Token 0000000000000000000000000000000000000000"},
    {"HTTP_AUTHORIZATION": "Basic bGVhOnNlY3JldA=="},
    {"HTTP_AUTHORIZATION": "Token"},
], ids=["none", "unknown-token", "basic", "malformed"])
def test_every_api_operation_refuses_anonymous_callers(seeded, credentials, assert_error):
    course, lesson, attempt = seeded
    ids = {"course_id": course.pk, "lesson_id": lesson.pk, "attempt_id": attempt.pk}
    client = APIClient(**credentials)
    checked = 0
    for method, path, operation_id in operations():
        if operation_id in PUBLIC_OPERATIONS:
            continue
        response = client.generic(method, path.format(**ids), data="{}",
                                  content_type="application/json")
        body = assert_error(response, 401, response.json().get("error"))
        assert body["error"] in {"not_authenticated", "authentication_failed"}, (method, path)
        checked += 1
    assert checked == 12
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS


def test_the_token_endpoint_answers_anonymous_callers_without_a_server_error(db, assert_error):
    client = APIClient()
    assert_error(client.post("/api/v1/auth/token/", {}, format="json"), 400, "invalid")
    assert_error(client.post("/api/v1/auth/token/", {"username": "nobody", "password": "x"},
                             format="json"), 400, "invalid_credentials")


def test_unknown_api_addresses_are_404_for_anonymous_callers(db, assert_error):
    assert_error(APIClient().get("/api/v1/nothing-here/"), 404, "not_found")


def test_learner_pages_send_anonymous_visitors_to_sign_in(seeded):
    course, lesson, attempt = seeded
    client = APIClient(enforce_csrf_checks=False)
    pages = [
        ("post", reverse("learn:lesson_experienced", args=[lesson.pk])),
        ("post", reverse("learn:quiz_start", args=[lesson.pk])),
        ("get", reverse("learn:attempt_question", args=[attempt.pk, 1])),
        ("post", reverse("learn:attempt_question", args=[attempt.pk, 1])),
        ("get", reverse("learn:attempt_result", args=[attempt.pk])),
        ("get", reverse("learn:course_certificate", args=[course.pk])),
    ]
    for method, url in pages:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(f"{reverse('login')}?next="), url


def test_public_pages_render_for_anonymous_visitors(seeded):
    course, lesson, _attempt = seeded
    client = APIClient()
    for url in ["/", course.url, lesson.url, reverse("login"), "/healthz", "/api/docs/"]:
        assert client.get(url).status_code == 200, url
    assert client.get("/admin/").status_code == 302
