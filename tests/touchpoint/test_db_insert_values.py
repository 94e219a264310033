"""touchpoint.db.insert_values: one INSERT of the named columns; the others get their defaults."""

import uuid

import pytest
from django.db import connection

from touchpoint.db import insert_values
from xapi.models import OutboxStatement

pytestmark = pytest.mark.django_db


def test_named_columns_are_stored_and_the_others_get_their_database_defaults():
    ids = [uuid.uuid4() for _ in range(2)]
    prepared = OutboxStatement._meta.get_field("statement_id").get_db_prep_save  # as the ORM

    pks = insert_values(OutboxStatement, ("statement_id", "payload", "verb"), [
        (prepared(sid, connection), f'{{"n": {n}}}', "answered") for n, sid in enumerate(ids)])

    stored = list(OutboxStatement.objects.order_by("pk"))
    assert [row.pk for row in stored] == pks
    assert [(row.statement_id, row.payload, row.status, row.attempts, row.last_error)
            for row in stored] == [(sid, f'{{"n": {n}}}', "pending", 0, "")
                                   for n, sid in enumerate(ids)]
    assert all(row.created_at and row.next_attempt_at for row in stored)


def test_nothing_to_insert_runs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert insert_values(OutboxStatement, ("payload",), []) == []
