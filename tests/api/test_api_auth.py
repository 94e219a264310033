"""Auth: tokens for mobile clients, the session with CSRF for the web, 401 otherwise."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_mobile_client_exchanges_its_password_for_a_token_and_uses_it(learner, course):
    client = APIClient()
    response = client.post("/api/v1/auth/token/",
                           {"username": learner.username, "password": PASSWORD}, format="json")
    assert response.status_code == 200
    token = response.json()["token"]
    assert token == Token.objects.get(user=learner).key
    again = client.post("/api/v1/auth/token/",
                        {"username": learner.username, "password": PASSWORD}, format="json")
    assert again.json()["token"] == token
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/courses/").status_code == 200


def test_a_wrong_password_gets_no_token(learner, assert_error):
    response = APIClient().post("/api/v1/auth/token/",
                                {"username": learner.username, "password": "nope"}, format="json")
    assert_error(response, 400, "invalid_credentials")
    assert not Token.objects.exists()


def test_a_token_request_missing_fields_names_them(assert_error):
    body = assert_error(APIClient().post("/api/v1/auth/token/", {}, format="json"), 400, "invalid")
    assert set(body["fields"]) == {"username", "password"}


def test_token_requests_are_throttled(learner, settings, assert_error):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {"submit": "30/min", "token": "2/min"}}
    client = APIClient()
    for _ in range(2):
        client.post("/api/v1/auth/token/", {"username": learner.username, "password": "x"},
                    format="json")
    response = client.post("/api/v1/auth/token/",
                           {"username": learner.username, "password": PASSWORD}, format="json")
    assert_error(response, 429, "throttled")
    assert "Retry-After" in response.headers


def test_anonymous_requests_are_unauthorized(course, assert_error):
    response = APIClient().get("/api/v1/courses/")
    assert_error(response, 401, "not_authenticated")
    assert response.headers["WWW-Authenticate"] == "Token"


def test_a_bad_token_is_unauthorized(assert_error):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert_error(client.get("/api/v1/courses/"), 401, "authentication_failed")


def test_the_web_session_works_and_needs_csrf_to_write(learner, course, assert_error):
    _, [lesson, _] = course
    client = APIClient(enforce_csrf_checks=True)
    client.login(username=learner.username, password=PASSWORD)
    assert client.get("/api/v1/courses/").status_code == 200
    path = f"/api/v1/lessons/{lesson.pk}/experienced/"
    assert_error(client.post(path), 403, "csrf_failed")
    client.get("/admin/login/")  # any page with a form sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    assert client.post(path, headers={"X-CSRFToken": token}).status_code == 200
