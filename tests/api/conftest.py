import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import answers_for, build_course


@pytest.fixture(autouse=True)
def empty_cache():
    """Throttle counters live in the cache: start every test from zero."""
    cache.clear()
    yield
    cache.clear()


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


@pytest.fixture
def api_for(db):
    """api_for(user): a fresh token-authenticated client (one per thread in concurrency tests)."""
    return token_client


@pytest.fixture
def api(learner):
    """An API client signed in as `learner` with a token, as a mobile app is."""
    return token_client(learner)


@pytest.fixture
def other_api(other_learner):
    return token_client(other_learner)


@pytest.fixture
def course(db):
    """A published course with two lessons, each with a quiz of every question type."""
    return build_course(lessons=2)


@pytest.fixture
def answer_sheet():
    """answer_sheet(attempt_or_questions, right=True): a full submission (the test knows keys)."""
    def sheet(source, *, right=True):
        questions = source if isinstance(source, list) else source.questions
        return answers_for(questions, right=right)
    return sheet


@pytest.fixture
def assert_error():
    """assert_error(response, status, code): the one error shape; returns the body."""
    def check(response, status, code):
        body = response.json()
        assert response.status_code == status, body
        assert {"error", "detail", "fields"} <= set(body), body
        assert body["error"] == code, body
        assert isinstance(body["detail"], str) and body["detail"]
        assert isinstance(body["fields"], dict)
        assert all(isinstance(m, list) for m in body["fields"].values()), body
        return body
    return check
