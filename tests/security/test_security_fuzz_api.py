"""Hostile input to every API operation: never a 5xx, always the error shape, nothing written.

Property-based (hypothesis): for each operation of the OpenAPI schema (plus an
address that is not one), with every method, a request whose body is a valid
body with one position (a value, a key, or the whole document) replaced by a
generated hostile JSON value: lone surrogates, NUL and control characters,
huge numbers, deep nesting, wrong types. GETs get hostile query parameters
instead, and every request a hostile Idempotency-Key now and then.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from api.models import IdempotencyKey
from progress.models import CourseProgress, LessonProgress
from progress.services import lesson_quiz_start
from quizzes.models import Answer, Attempt
from tests.factories import answers_for, build_course
from xapi.models import OutboxStatement

pytestmark = pytest.mark.django_db

METHODS = ("get", "post", "put", "patch", "delete")
WRITTEN = (Attempt, Answer, LessonProgress, CourseProgress, OutboxStatement, IdempotencyKey,
           Token, get_user_model())

# Hostile leaves: text with lone surrogates (half of all strings), NUL and controls, odd planes;
# huge and odd numbers.
SURROGATES = st.sampled_from(["\udc80", "\ud800", "\udfff", "\udbff"])
plain_text = st.text(
    alphabet=st.one_of(st.sampled_from(["\x00", "\u202e", "\ufeff", "\U0010ffff", "\x1b"]),
                       st.characters(codec="utf-8")),
    max_size=10,
)
hostile_text = st.one_of(
    plain_text,
    st.builds(lambda a, s, b: a + s + b, plain_text, SURROGATES, plain_text),
)
hostile_number = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.sampled_from([0, -1, 2**63, -(2**63) - 1, 10**30]),
    st.floats(allow_nan=False, allow_infinity=False),
)
hostile_leaf = st.one_of(st.none(), st.booleans(), hostile_number, hostile_text)
hostile_json = st.recursive(
    hostile_leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(hostile_text, inner, max_size=4)
    ),
    max_leaves=12,
)


def deep(depth: int) -> object:
    value: object = "x"
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


hostile_value = st.one_of(hostile_json, st.integers(30, 40).map(deep))


def positions(value: object, path: tuple = ()) -> list[tuple]:
    """Every path into a JSON document, the root included."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += positions(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += positions(item, (*path, index))
    return found


def replaced(document: object, path: tuple, value: object, *, as_key: bool) -> object:
    """A copy of `document` with the node at `path` replaced by `value` (or given a hostile key)."""
    if not path:
        if as_key and isinstance(document, dict) and isinstance(value, str):
            return {**document, value: "x"}
        return value
    head, rest = path[0], path[1:]
    copy = json.loads(json.dumps(document))
    copy[head] = replaced(copy[head], rest, value, as_key=as_key)
    return copy


def node(document: object, path: tuple) -> object:
    for step in path:
        document = document[step]
    return document


@st.composite
def hostile_body(draw, templates: list) -> object:
    """One of the operation's valid bodies with one position made hostile: a value replaced,
    or (at an object) a hostile key added."""
    template = draw(st.sampled_from(templates))
    objects = [path for path in positions(template) if isinstance(node(template, path), dict)]
    as_key = draw(st.integers(0, 4)) < 2  # 40%: a hostile key in one of its objects
    path = draw(st.sampled_from(objects if as_key else positions(template)))
    value = draw(hostile_text) if as_key else draw(hostile_value)
    return replaced(template, path, value, as_key=as_key)


def header_text() -> st.SearchStrategy[str]:
    """What can arrive in an HTTP header: latin-1 characters, no line breaks."""
    return st.text(st.characters(max_codepoint=255, exclude_characters="\r\n"), max_size=300)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in WRITTEN}


def assert_error_shape(response) -> None:
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    body = json.loads(response.content)
    assert {"error", "detail", "fields"} <= set(body), body
    assert isinstance(body["error"], str) and isinstance(body["detail"], str)
    assert isinstance(body["fields"], dict)


@pytest.fixture
def world(learner, settings):
    """A learner with a token, a course, an attempt in progress; throttles out of the way."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        name: "100000/min" for name in settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]}}
    course, [lesson] = build_course(lessons=1)
    attempt, _ = lesson_quiz_start(user=learner, lesson=lesson)
    token = Token.objects.create(user=learner)
    answers = answers_for(attempt.questions)
    ids = {"course_id": course.pk, "lesson_id": lesson.pk, "attempt_id": attempt.pk}
    bodies = {  # valid bodies of each operation that takes one
        "auth_token_create": [{"username": learner.username, "password": "not-it"}],
        "attempts_submit_create": [{"answers": answers}],
        "attempts_answers_create": answers,  # one per question type
        "lessons_position_update": [{"step": 1}],
    }
    return {"token": token.key, "ids": ids, "bodies": bodies}


def operations() -> list[tuple[str, str, str]]:
    """(path template, operationId, method) of every documented API operation, every method
    on each of their paths, and an address that is not an endpoint."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = []
    for path, item in schema["paths"].items():
        for method in METHODS:
            operation = item.get(method, {}).get("operationId", f"{method}-not-allowed")
            found.append((path, operation, method))
    found += [("/api/v1/not-an-endpoint/{lesson_id}/", "unknown", method) for method in METHODS]
    return sorted(found)


OPERATIONS = operations()
DOCUMENTED = {op for _, op, _ in OPERATIONS if "-not-allowed" not in op and op != "unknown"}


def test_every_operation_is_fuzzed():
    assert len(DOCUMENTED) == 13


BODY_OPERATIONS = [op for op in OPERATIONS if op[1] in (
    "auth_token_create", "attempts_submit_create", "attempts_answers_create",
    "lessons_position_update")]
OTHER_OPERATIONS = [op for op in OPERATIONS if op not in BODY_OPERATIONS]
FUZZ = {"deadline": None, "derandomize": True,
        "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]}


def ids(operations):
    return [f"{method}-{path}" for path, _, method in operations]


@pytest.mark.parametrize("path, operation, method", BODY_OPERATIONS, ids=ids(BODY_OPERATIONS))
@settings(max_examples=100, **FUZZ)
@given(data=st.data())
def test_hostile_bodies_never_error_and_refusals_write_nothing(world, path, operation, method,
                                                               data):
    check_request(world, path, operation, method, data)


@pytest.mark.parametrize("path, operation, method", OTHER_OPERATIONS, ids=ids(OTHER_OPERATIONS))
@settings(max_examples=5, **FUZZ)
@given(data=st.data())
def test_hostile_requests_never_error_and_refusals_write_nothing(world, path, operation, method,
                                                                 data):
    check_request(world, path, operation, method, data)


def check_request(world, path, operation, method, data) -> None:
    url = path.format(**world["ids"])
    client = APIClient(enforce_csrf_checks=True)
    if data.draw(st.integers(0, 9), label="signed in") > 0:
        client.credentials(HTTP_AUTHORIZATION=f"Token {world['token']}")
    headers = {}
    if data.draw(st.integers(0, 4), label="with key") == 0:
        headers["Idempotency-Key"] = data.draw(header_text(), label="key")
    if method == "get":
        query = data.draw(st.dictionaries(hostile_text, hostile_text, max_size=3), label="query")
        pairs = "&".join(f"{quote(k, errors='surrogatepass')}={quote(v, errors='surrogatepass')}"
                         for k, v in query.items())
        url = f"{url}?{pairs}" if pairs else url
        body = None
    else:
        templates = world["bodies"].get(operation, [{}])
        body = data.draw(hostile_body(templates), label="body")
    before = counts()
    raw = "" if body is None else json.dumps(body, ensure_ascii=True)
    response = client.generic(method.upper(), url, raw, content_type="application/json",
                              headers=headers)
    assert response.status_code < 500, response.content[:300]
    if response.status_code >= 400:
        assert_error_shape(response)
        assert counts() == before
    elif operation in ("attempts_submit_create", "attempts_answers_create"):
        reopen(world["ids"]["attempt_id"])  # keep the next examples reaching the scoring code


def reopen(attempt_id: int) -> None:
    """Put the world's attempt back in progress with no answers (test setup, not a service)."""
    Answer.objects.filter(attempt_id=attempt_id).delete()
    Attempt.objects.filter(pk=attempt_id).update(
        status=Attempt.Status.IN_PROGRESS, submitted_at=None, result=None, raw_score=None,
        max_score=None, scaled_score=None, passed=None)
    IdempotencyKey.objects.all().delete()
