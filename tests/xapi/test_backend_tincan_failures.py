"""TincanLRSBackend at the edge: what it sends, and LRS failures Ralph cannot produce."""

import base64
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from xapi.backends.base import Delivered, Rejected, Retryable
from xapi.backends.tincan_lrs import TincanLRSBackend

BATCH = [
    '{"actor":{"mbox":"mailto:a@example.com"},"id":"8d7e6f4a-0b1c-4d2e-9f30-415263748596",'
    '"object":{"id":"https://t.example.com/xapi/lesson/1"},"timestamp":"2026-11-22T10:00:00.000Z",'
    '"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"}}',
    '{"name":"Übung ✓"}',  # the backend must not parse or re-serialize anything
]


def _backend(endpoint, timeout=2.0):
    return TincanLRSBackend(endpoint=endpoint, username="lrs", password="sécret", timeout=timeout)


def test_send_posts_the_exact_bytes_with_xapi_headers(fake_lrs):
    fake_lrs.answer(200, '["8d7e6f4a-0b1c-4d2e-9f30-415263748596"]')
    result = _backend(fake_lrs.endpoint).send(BATCH)
    assert result == Delivered(status=200, ids=("8d7e6f4a-0b1c-4d2e-9f30-415263748596",))
    (request,) = fake_lrs.received
    assert (request.method, request.path) == ("POST", "/xAPI/statements")
    assert request.body == ("[" + ",".join(BATCH) + "]").encode("utf-8")
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-Experience-API-Version"] == "1.0.3"
    expected_auth = base64.b64encode("lrs:sécret".encode()).decode()
    assert request.headers["Authorization"] == f"Basic {expected_auth}"


def test_empty_204_answer_is_delivered(fake_lrs):
    fake_lrs.answer(204)
    assert _backend(fake_lrs.endpoint).send(BATCH) == Delivered(status=204, ids=())


def test_503_with_retry_after_seconds_is_retryable_after_that_delay(fake_lrs):
    fake_lrs.answer(503, "down for maintenance", {"Retry-After": "7"})
    result = _backend(fake_lrs.endpoint).send(BATCH)
    assert isinstance(result, Retryable)
    assert (result.status, result.retry_after) == (503, 7.0)
    assert "down for maintenance" in result.reason


def test_429_with_retry_after_http_date_is_retryable(fake_lrs):
    when = datetime.now(UTC) + timedelta(seconds=90)
    fake_lrs.answer(429, "", {"Retry-After": format_datetime(when, usegmt=True)})
    result = _backend(fake_lrs.endpoint).send(BATCH)
    assert isinstance(result, Retryable)
    assert result.status == 429
    assert 80 <= result.retry_after <= 91


def test_500_without_retry_after_is_retryable_without_delay_hint(fake_lrs):
    fake_lrs.answer(500, "Internal Server Error")
    assert _backend(fake_lrs.endpoint).send(BATCH) == Retryable(
        reason="HTTP 500: Internal Server Error", retry_after=None, status=500
    )


def test_hung_lrs_is_retryable_within_the_timeout(fake_lrs):
    fake_lrs.hang(30)
    started = time.monotonic()
    result = _backend(fake_lrs.endpoint, timeout=0.5).send(BATCH)
    elapsed = time.monotonic() - started
    assert isinstance(result, Retryable)
    assert "timed out" in result.reason
    assert result.status is None
    assert 0.4 <= elapsed < 2.0
    assert len(fake_lrs.received) == 1


def test_refused_connection_is_retryable(fake_lrs):
    result = _backend(fake_lrs.closed_endpoint()).send(BATCH)
    assert isinstance(result, Retryable)
    assert "ConnectionRefusedError" in result.reason
    assert result.status is None


@pytest.mark.parametrize(
    ("status", "splittable"),
    [(400, True), (401, False), (403, False), (404, False), (409, True), (413, True), (422, True)],
)
def test_client_errors_are_rejected_with_the_lrs_message(fake_lrs, status, splittable):
    fake_lrs.answer(status, '{"detail":"nope"}')
    result = _backend(fake_lrs.endpoint).send(BATCH)
    assert result == Rejected(status=status, message="nope")
    assert result.splittable is splittable


def test_send_refuses_an_empty_batch():
    with pytest.raises(ValueError):
        _backend("http://127.0.0.1:9/xAPI/").send([])


def test_timeout_must_be_positive():
    with pytest.raises(ValueError):
        _backend("http://127.0.0.1:9/xAPI/", timeout=0)


def test_from_settings_reads_the_xapi_settings(settings, fake_lrs):
    settings.XAPI_LRS_ENDPOINT = fake_lrs.endpoint
    settings.XAPI_LRS_USERNAME = "user"
    settings.XAPI_LRS_PASSWORD = "pw"
    settings.XAPI_LRS_TIMEOUT = 0.5
    backend = TincanLRSBackend.from_settings()
    assert backend.lrs.timeout == 0.5
    fake_lrs.answer(204)
    assert backend.send(BATCH).status == 204
    assert fake_lrs.received[0].headers["Authorization"] == "Basic dXNlcjpwdw=="


def test_from_settings_refuses_a_missing_endpoint(settings):
    settings.XAPI_LRS_ENDPOINT = ""
    with pytest.raises(ValueError, match="XAPI_LRS_ENDPOINT"):
        TincanLRSBackend.from_settings()
