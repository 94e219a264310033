from datetime import UTC, datetime

import pytest

from xapi.backends.base import Delivered, Rejected, Retryable, classify_response, parse_retry_after

NOW = datetime(2026, 11, 22, 10, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (200, '["a","b"]', Delivered(200, ("a", "b"))),
        (204, "", Delivered(204, ())),
        (200, "not json", Delivered(200, ())),
        (408, "", Retryable("HTTP 408: (empty body)", None, 408)),
        (
            502,
            "<html>bad gateway</html>",
            Retryable("HTTP 502: <html>bad gateway</html>", None, 502),
        ),
        (400, '{"detail":"Invalid JSON body"}', Rejected(400, "Invalid JSON body")),
        (302, "", Rejected(302, "(empty body)")),
    ],
)
def test_classify_response_by_status(status, body, expected):
    assert classify_response(status, {}, body.encode()) == expected


def test_classify_response_reads_retry_after_case_insensitively():
    result = classify_response(503, {"retry-after": "12"}, b"")
    assert result.retry_after == 12.0


def test_classify_response_keeps_structured_detail_as_compact_json():
    body = b'{"detail":[{"type":"missing","loc":["body",0,"actor"]}]}'
    assert classify_response(422, {}, body) == Rejected(
        422, '[{"type":"missing","loc":["body",0,"actor"]}]'
    )


def test_classify_response_truncates_long_messages():
    assert len(classify_response(400, {}, b"x" * 10_000).message) == 2000


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("7", 7.0),
        (" 120 ", 120.0),
        ("Sun, 22 Nov 2026 10:01:30 GMT", 90.0),
        ("Sun, 22 Nov 2026 09:00:00 GMT", 0.0),  # in the past: retry now
        ("soon", None),
        ("-5", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_retry_after_accepts_seconds_and_http_dates(value, seconds):
    assert parse_retry_after(value, now=NOW) == seconds
