"""insights 0002: a Learning designers group made before Insights gets its permission."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("insights.migrations.0002_learning_designers_view_insights")


def test_an_existing_designers_group_gets_insights_but_not_named_learners():
    group = Group.objects.create(name="Learning designers")
    designer = UserFactory()
    designer.groups.add(group)
    migration.grant(apps, None)
    designer = type(designer).objects.get(pk=designer.pk)
    assert designer.has_perm("insights.view_insights")
    assert not designer.has_perm("insights.view_learner_reports")


def test_no_group_is_created_where_there_was_none():
    migration.grant(apps, None)
    assert not Group.objects.filter(name="Learning designers").exists()
    assert Permission.objects.filter(codename="view_insights").exists()
