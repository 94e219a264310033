"""Credentials never reach the logs: API and sign-in traffic, careless log lines, an LRS that
echoes our credentials back during a delivery round."""

import base64
import logging

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import PASSWORD
from tests.xapi.conftest import add_pending, fake_lrs, lrs_settings  # noqa: F401 (fixtures)
from xapi.delivery import deliver_round
from xapi.models import OutboxStatement

pytestmark = pytest.mark.django_db

LRS_USER, LRS_PASSWORD = "touchpoint-lrs", "lrs-S3cret-Xq7v"
BASIC = base64.b64encode(f"{LRS_USER}:{LRS_PASSWORD}".encode()).decode()


@pytest.fixture
def logs(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


def assert_clean(caplog, *secrets):
    text = caplog.text + "\n".join(record.getMessage() for record in caplog.records)
    leaked = [secret for secret in secrets if secret in text]
    assert not leaked, leaked


def test_sign_in_and_api_traffic_logs_no_password_or_token(logs, client, learner):
    token = Token.objects.create(user=learner).key
    api = APIClient()
    api.post("/api/v1/auth/token/", {"username": learner.username, "password": PASSWORD},
             format="json")
    api.post("/api/v1/auth/token/", {"username": learner.username, "password": PASSWORD + "x"},
             format="json")
    APIClient(HTTP_AUTHORIZATION=f"Token {token}").get("/api/v1/courses/")
    APIClient(HTTP_AUTHORIZATION=f"Token {token[::-1]}").get("/api/v1/courses/")
    APIClient(HTTP_AUTHORIZATION=f"Basic {BASIC}").get("/api/v1/progress/")
    client.post(reverse("login"), {"username": learner.username, "password": PASSWORD + "y"})

    assert any(r.name == "django.request" for r in logs.records)  # the 400s and 401s logged
    assert_clean(logs, PASSWORD, token, token[::-1], BASIC, LRS_PASSWORD)


def test_a_careless_log_line_with_headers_and_form_data_is_redacted(logs, rf, settings):
    settings.XAPI_LRS_USERNAME, settings.XAPI_LRS_PASSWORD = LRS_USER, LRS_PASSWORD
    request = rf.post("/accounts/login/", {"username": "lea", "password": PASSWORD},
                      HTTP_AUTHORIZATION="Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b")
    log = logging.getLogger("touchpoint.careless")

    log.warning("request META %s", {k: v for k, v in request.META.items()
                                    if k.startswith("HTTP_")})
    log.warning("form %s", request.POST)
    log.info("connecting to http://%s:%s@lrs.example.com/xAPI/", LRS_USER, LRS_PASSWORD)
    try:
        raise RuntimeError(f"LRS said no to Authorization: Basic {BASIC}")
    except RuntimeError:
        log.exception("delivery crashed")

    assert_clean(logs, PASSWORD, "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b", LRS_PASSWORD, BASIC)
    assert logs.text.count("[redacted]") >= 5
    assert "'username': ['lea']" in logs.text  # only the secrets go


@pytest.mark.parametrize("status", [400, 401])
def test_a_delivery_round_against_an_lrs_echoing_credentials_logs_none(
    logs, fake_lrs, lrs_settings, status  # noqa: F811
):
    lrs_settings(fake_lrs.endpoint, LRS_USER, LRS_PASSWORD)
    fake_lrs.answer(status, f'{{"detail": "bad credentials {LRS_USER}:{LRS_PASSWORD}", '
                            f'"echo": "Authorization: Basic {BASIC}"}}')
    add_pending(2)

    report = deliver_round()

    assert fake_lrs.received[0].headers["Authorization"] == f"Basic {BASIC}"  # it was sent
    assert report.requests >= 1
    batch_lines = [r for r in logs.records if r.getMessage().startswith("xapi.batch")]
    assert batch_lines and all("[redacted]" in r.getMessage() for r in batch_lines)
    assert all("[redacted]" in r.xapi["error"] for r in batch_lines)  # the structured extra too
    assert_clean(logs, LRS_PASSWORD, BASIC)
    assert LRS_PASSWORD not in str([r.xapi for r in batch_lines])
    assert OutboxStatement.objects.filter(status="delivered").count() == 0
