"""Every API error, DRF's own included, has the one shape."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_a_wrong_method_is_not_allowed(api, assert_error):
    response = api.get("/api/v1/attempts/1/submit/")
    assert_error(response, 405, "method_not_allowed")


def test_a_form_body_is_an_unsupported_media_type(api, course, assert_error):
    _, [lesson, _] = course
    attempt_id = api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/").json()["id"]
    response = api.post(f"/api/v1/attempts/{attempt_id}/submit/", {"answers": "x"})
    assert_error(response, 415, "unsupported_media_type")


@pytest.mark.parametrize("path", ["/api/v1/nothing-here/", "/api/v2/courses/", "/api/"])
def test_an_unknown_api_address_is_a_json_not_found(path, assert_error):
    assert_error(APIClient().get(path), 404, "not_found")


def test_an_unknown_attempt_is_not_found(api, assert_error):
    assert_error(api.get("/api/v1/attempts/424242/"), 404, "not_found")
    assert_error(api.post("/api/v1/attempts/424242/submit/", {"answers": []}, format="json"),
                 404, "not_found")


def test_a_bad_idempotency_key_is_rejected(api, assert_error):
    response = api.post("/api/v1/attempts/1/submit/", {"answers": []}, format="json",
                        headers={"Idempotency-Key": "x" * 300})
    assert_error(response, 400, "invalid_idempotency_key")
