"""Oversized or deeply nested JSON: 413 / 400 in the API's error shape, nothing written."""

import pytest
from rest_framework.test import APIClient

from api.parsers import nesting_exceeds
from progress.services import lesson_quiz_start
from quizzes.models import Attempt
from tests.factories import build_course

pytestmark = pytest.mark.django_db


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.fixture
def attempt(learner):
    _course, lessons = build_course(lessons=1)
    attempt, _ = lesson_quiz_start(user=learner, lesson=lessons[0])
    return attempt


def post_raw(client, url, body: str | bytes, **extra):
    return client.generic("POST", url, body, content_type="application/json", **extra)


def test_an_oversized_body_is_413_and_nothing_is_written(api, attempt, settings, assert_error):
    settings.TOUCHPOINT_API_MAX_BODY_BYTES = 10_000
    big = '{"answers": [' + ",".join(['{"question": "q", "choices": ["x"]}'] * 400) + "]}"
    assert len(big) > 10_000

    response = post_raw(api, f"/api/v1/attempts/{attempt.pk}/submit/", big)

    body = assert_error(response, 413, "request_too_large")
    assert "10000 bytes" in body["detail"]
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS


def test_the_default_limit_refuses_a_megabyte_before_authentication(db, assert_error):
    """The token endpoint is open to anyone: a large body is refused there too."""
    response = post_raw(APIClient(), "/api/v1/auth/token/",
                        '{"username": "' + "a" * 1_048_576 + '", "password": "x"}')
    assert_error(response, 413, "request_too_large")


def test_a_declared_length_over_the_limit_is_refused_before_reading(db, assert_error):
    response = post_raw(APIClient(), "/api/v1/auth/token/", b'{"username": "a"}',
                        CONTENT_LENGTH="10000000000")
    assert_error(response, 413, "request_too_large")


@pytest.mark.parametrize("depth", [33, 1_000, 100_000])
def test_deeply_nested_json_is_400_and_nothing_is_written(api, attempt, depth, assert_error):
    response = post_raw(api, f"/api/v1/attempts/{attempt.pk}/submit/",
                        '{"answers": ' + nested(depth - 1) + "}")
    body = assert_error(response, 400, "too_deeply_nested")
    assert "32 levels" in body["detail"]
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS


def test_deep_objects_are_refused_on_the_open_token_endpoint(db, assert_error):
    body = '{"a":' * 5_000 + "1" + "}" * 5_000
    assert_error(post_raw(APIClient(), "/api/v1/auth/token/", body), 400, "too_deeply_nested")


def test_nesting_up_to_the_limit_reaches_ordinary_validation(api, attempt, assert_error):
    response = post_raw(api, f"/api/v1/attempts/{attempt.pk}/submit/",
                        '{"answers": ' + nested(31) + "}")
    assert_error(response, 400, "invalid")


def test_brackets_inside_strings_do_not_count_as_nesting():
    text = '{"prompt": "' + "[{" * 100 + '\\"' + "]}" * 100 + '"}'
    assert not nesting_exceeds(text, 32)
    assert nesting_exceeds('{"a": ' + nested(32) + "}", 32)
    assert not nesting_exceeds(nested(32), 32)


def test_malformed_json_is_still_reported_as_malformed(api, attempt, assert_error):
    response = post_raw(api, f"/api/v1/attempts/{attempt.pk}/submit/", '{"answers": [[[')
    assert_error(response, 400, "malformed_json")


def test_a_body_over_djangos_upload_limit_is_413_not_a_server_error(api, attempt, assert_error):
    """Over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) DRF's own JSONParser path raised a 500."""
    response = post_raw(api, f"/api/v1/attempts/{attempt.pk}/submit/",
                        '{"answers": "' + "x" * 3_000_000 + '"}')
    assert_error(response, 413, "request_too_large")


def test_a_compressing_charset_is_refused(api, attempt, assert_error):
    response = api.generic("POST", f"/api/v1/attempts/{attempt.pk}/submit/", b"x",
                           content_type="application/json; charset=bz2_codec")
    assert_error(response, 400, "malformed_json")


def test_ids_too_large_for_the_database_are_404_or_400_not_a_server_error(api, assert_error):
    huge = "1" * 25
    for url in [f"/api/v1/courses/{huge}/", f"/api/v1/lessons/{huge}/quiz/",
                f"/api/v1/attempts/{huge}/"]:
        assert_error(api.get(url), 404, "not_found")
    body = assert_error(api.get(f"/api/v1/attempts/?quiz={huge}&lesson=-{huge}"), 400, "invalid")
    assert set(body["fields"]) == {"quiz", "lesson"}


@pytest.mark.parametrize("body", [
    '{"answers": [{"question": "q", "matches": {"\\udc80": "t"}}]}',  # a key
    '{"answers": [{"question": "\\ud800", "choices": ["x"]}]}',  # a value
    '{"answers": [], "\\udfff": 1}',  # an unknown key
])
def test_a_lone_surrogate_anywhere_is_400_and_nothing_is_written(api, attempt, body,
                                                                  assert_error):
    body_json = assert_error(post_raw(api, f"/api/v1/attempts/{attempt.pk}/submit/", body), 400,
                             "invalid_unicode")
    assert "surrogate" in body_json["detail"]
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS and not attempt.answers.exists()


def test_a_lone_surrogate_on_the_open_token_endpoint_is_400(db, assert_error):
    response = post_raw(APIClient(), "/api/v1/auth/token/",
                        '{"username": "\\udc80", "password": "x"}')
    assert_error(response, 400, "invalid_unicode")


def test_a_paired_surrogate_escape_is_ordinary_text(api, attempt, assert_error):
    """"\\ud83d\\ude00" is an emoji: it reaches validation (an unknown question), not a 400."""
    body = '{"answers": [{"question": "\\ud83d\\ude00", "choices": ["x"]}]}'
    assert_error(post_raw(api, f"/api/v1/attempts/{attempt.pk}/submit/", body), 400,
                 "unknown_question")
