"""Schema fuzzing: schemathesis drives every operation in /api/schema/ through the WSGI app.

Authenticated as a learner with a token, against a seeded course with an
attempt in progress; path ids are the seeded ones half the time so the
handlers run, not only their 404s. Valid inputs (positive) and invalid ones
(negative), 25 examples per operation each, derandomized, no shrinking.
Checks: no 5xx, and every response matches the schema (documented status,
valid body). (schemathesis' lazy pytest loader, `from_fixture`, does not run
on pytest 9.2, so the test drives each operation's strategy itself.)
"""

import random

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from progress.services import lesson_quiz_start
from tests.factories import build_course

pytestmark = pytest.mark.django_db

EXAMPLES = 25
# No parameters and no body: no invalid request exists for these.
NO_INPUT = {"GET /api/v1/courses/", "GET /api/v1/progress/"}
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))


@pytest.fixture
def seeded(learner):
    course, lessons = build_course(lessons=2)
    attempt, _ = lesson_quiz_start(user=learner, lesson=lessons[0])
    return {"course_id": course.pk, "lesson_id": lessons[1].pk, "attempt_id": attempt.pk}


@pytest.fixture
def auth_headers(learner):
    return {"Authorization": f"Token {Token.objects.get_or_create(user=learner)[0].key}"}


def in_test_transaction(application):
    """The WSGI app as Django's test client runs it: the request signals must not close the
    test's database connection (on PostgreSQL it sits in the test transaction)."""

    def app(environ, start_response):
        signals = (request_started, request_finished)
        for signal in signals:
            signal.disconnect(close_old_connections)
        try:
            response = application(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                response.close()  # sends request_finished while it is disconnected
        finally:
            for signal in signals:
                signal.connect(close_old_connections)

    return app


@pytest.fixture
def api_schema(auth_headers):
    from touchpoint.wsgi import application

    return schemathesis.openapi.from_wsgi("/api/schema/?format=json",
                                          in_test_transaction(application), headers=auth_headers)


def fuzz(operation, mode, seeded, auth_headers) -> int:
    calls = 0

    @FUZZ
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        nonlocal calls
        if case.path_parameters and random.Random(repr(case.path_parameters)).random() < 0.5:
            case.path_parameters = {**case.path_parameters, **{
                name: value for name, value in seeded.items() if name in case.path_parameters}}
        case.call_and_validate(headers=auth_headers,
                               checks=[not_a_server_error, response_schema_conformance])
        calls += 1

    run()
    return calls


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
                         ids=["valid-input", "invalid-input"])
def test_the_api_never_errors_and_always_matches_its_schema(api_schema, seeded, auth_headers,
                                                            mode):
    failures, calls, no_input = {}, {}, set()
    for result in api_schema.get_all_operations():
        operation = result.ok()
        try:
            calls[operation.label] = fuzz(operation, mode, seeded, auth_headers)
        except Unsatisfiable:
            no_input.add(operation.label)
        except Exception as error:  # report every failing operation, not just the first
            failures[operation.label] = f"{type(error).__name__}: {error}"[:3000]
    assert not failures, "\n\n".join(f"{label}\n{error}" for label, error in failures.items())
    assert no_input == (NO_INPUT if mode == GenerationMode.NEGATIVE else set())
    assert len(calls) + len(no_input) == 13
    assert min(calls.values()) >= 5  # really fuzzed, not filtered away
