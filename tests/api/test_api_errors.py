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


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "get"])
@pytest.mark.parametrize("path", [
    "/api/v1/no-such-endpoint/",
    "/api/v1/attempts/999999999999999999999999999999/submit/",
    "/api/v1/attempts/1/answers/extra/",
])
def test_every_method_to_an_unknown_address_is_a_json_not_found(learner, method, path,
                                                                 assert_error):
    """CSRF checks on (as in production): a token and a JSON body never meet the CSRF page."""
    from rest_framework.authtoken.models import Token

    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=learner).key}")
    response = getattr(client, method)(path, {"answers": []}, format="json")
    assert_error(response, 404, "not_found")


def test_a_csrf_failure_under_the_api_is_in_the_error_shape(rf, assert_error):
    from api.errors import csrf_failure

    response = csrf_failure(rf.post("/api/v1/whatever/"), reason="CSRF cookie not set.")
    response.json = lambda: __import__("json").loads(response.content)
    assert_error(response, 403, "csrf_failed")
    assert b"<html" in csrf_failure(rf.post("/learn/lessons/1/quiz/"), reason="x").content.lower()


def test_an_unknown_format_parameter_is_a_json_not_found(api, assert_error):
    """DRF answers ?format=<no renderer> with Http404: still the one shape, never a 500."""
    assert_error(api.get("/api/v1/courses/?format=0"), 404, "not_found")
