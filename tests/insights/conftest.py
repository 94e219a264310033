"""Fixtures for the Insights tests: a course with generated activity, designers, clients."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.test import Client

from insights.activity import generate_activity
from lessons.groups import learning_designers_group_setup
from tests.factories import UserFactory, build_course


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def course(db):
    """A published course: two lessons with a quiz of every question type, one without."""
    course, lessons = build_course(lessons=2)
    return course, lessons


@pytest.fixture
def activity(course):
    """60 synthetic learners' activity in the course (fixed seed)."""
    totals = generate_activity(learners=60, course=course[0], weeks=8, seed=7)
    return course, totals


@pytest.fixture
def designer(course):
    group, _ = learning_designers_group_setup(course_index=course[0].get_parent())
    user = UserFactory(username="designer")
    user.groups.add(group)
    return user


@pytest.fixture
def reporter(designer):
    """A designer who also holds "Learning reports" (named learners), through a group."""
    group = Group.objects.create(name="L&D reporting")
    group.permissions.add(Permission.objects.get(codename="view_learner_reports",
                                                 content_type__app_label="insights"))
    designer.groups.add(group)
    return designer


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()
