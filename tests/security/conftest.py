"""Fixtures for the security tests: token clients, a seeded course, an empty cache."""

import pytest
from django.core.cache import cache

from tests.api.conftest import assert_error, token_client  # noqa: F401 (a fixture)
from tests.factories import build_course


@pytest.fixture(autouse=True)
def empty_cache():
    """Throttle and sign-in failure counters live in the cache: start every test from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def course(db):
    """A published course with two lessons, each with a quiz of every question type."""
    return build_course(lessons=2)


@pytest.fixture
def api(learner):
    return token_client(learner)


@pytest.fixture
def other_api(other_learner):
    return token_client(other_learner)
