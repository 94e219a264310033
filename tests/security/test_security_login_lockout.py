"""Failed sign-ins lock the username (and a guessing address) out: 429 with a clear message."""

import time

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")


@pytest.fixture(autouse=True)
def limits(settings):
    settings.TOUCHPOINT_LOGIN_MAX_FAILURES = 3
    settings.TOUCHPOINT_LOGIN_MAX_FAILURES_PER_IP = 6
    settings.TOUCHPOINT_LOGIN_LOCKOUT_SECONDS = 900
    return settings


def sign_in(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def test_the_nth_failed_sign_in_answers_429_with_a_lockout_message(client, learner):
    for _ in range(2):
        response = sign_in(client, learner.username, "wrong")
        assert response.status_code == 200
        assert "correct username and password" in response.content.decode()

    locked = sign_in(client, learner.username, "wrong")

    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Too many failed sign-in attempts. Wait 15 minutes" in html
    assert 'role="alert"' in html


def test_a_locked_out_username_is_refused_even_with_the_right_password(client, learner):
    for _ in range(3):
        sign_in(client, learner.username, "wrong")

    response = sign_in(client, learner.username.upper(), PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_api_token_endpoint_shares_the_lockout(client, learner):
    for _ in range(3):
        sign_in(client, learner.username, "wrong")

    response = APIClient().post("/api/v1/auth/token/",
                                {"username": learner.username, "password": PASSWORD},
                                format="json")

    assert response.status_code == 429
    assert response.json()["error"] == "locked_out"
    assert "token" not in response.json()


def test_failures_through_the_api_lock_the_sign_in_page(settings, learner):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "token": "100/min"}}
    api = APIClient()
    for _ in range(3):
        api.post("/api/v1/auth/token/", {"username": learner.username, "password": "x"},
                 format="json")

    assert sign_in(Client(), learner.username, PASSWORD).status_code == 429


def test_the_wagtail_admin_sign_in_is_locked_too(client):
    designer = UserFactory(is_staff=True, is_superuser=True)
    for _ in range(3):
        client.post("/admin/login/", {"username": designer.username, "password": "wrong"})

    response = client.post("/admin/login/",
                           {"username": designer.username, "password": PASSWORD})

    assert response.status_code == 200  # the admin's own form, with its error
    assert "_auth_user_id" not in client.session


def test_other_usernames_are_not_locked_by_someone_elses_failures(client, learner, other_learner):
    for _ in range(3):
        sign_in(client, learner.username, "wrong")

    response = sign_in(client, other_learner.username, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other_learner.pk)


def test_one_address_guessing_many_usernames_is_locked_out(client, learner):
    for n in range(6):
        sign_in(client, f"guess{n}", "wrong")

    assert sign_in(client, learner.username, PASSWORD).status_code == 429
    elsewhere = sign_in(Client(REMOTE_ADDR="10.0.0.9"), learner.username, PASSWORD)
    assert elsewhere.status_code == 302


def test_a_forged_x_forwarded_for_does_not_give_a_fresh_address(client, learner):
    for n in range(6):
        sign_in(client, f"guess{n}", "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")

    response = sign_in(client, learner.username, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert response.status_code == 429


def test_a_successful_sign_in_clears_the_usernames_failures(client, learner):
    for _ in range(2):
        sign_in(client, learner.username, "wrong")
    assert sign_in(client, learner.username, PASSWORD).status_code == 302
    client.logout()

    for _ in range(2):
        assert sign_in(client, learner.username, "wrong").status_code == 200


def test_the_lockout_ends_after_its_window(client, learner, limits):
    limits.TOUCHPOINT_LOGIN_LOCKOUT_SECONDS = 1
    for _ in range(3):
        sign_in(client, learner.username, "wrong")
    assert sign_in(client, learner.username, PASSWORD).status_code == 429

    time.sleep(1.1)

    assert sign_in(client, learner.username, PASSWORD).status_code == 302
