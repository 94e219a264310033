"""touchpoint.db.insert_rows: one INSERT that stores what bulk_create would."""

import uuid

import pytest
from django.utils import timezone

from quizzes.models import Answer
from quizzes.services import attempt_start
from tests.factories import QuizFactory, UserFactory
from touchpoint.db import insert_rows
from xapi.models import OutboxStatement

pytestmark = pytest.mark.django_db


def test_inserted_rows_get_their_pks_and_read_back_as_written():
    attempt, _ = attempt_start(user=UserFactory(), quiz=QuizFactory())
    answers = [
        Answer(attempt=attempt, question_id=f"q{i}", question_type="matching",
               response={"matches": {"a": "t1"}}, outcome="correct", score=0.5, points=2)
        for i in range(3)
    ]
    insert_rows(answers)
    assert all(answer.pk and not answer._state.adding for answer in answers)
    stored = list(Answer.objects.filter(attempt=attempt).order_by("pk"))
    assert [a.pk for a in stored] == [a.pk for a in answers]
    assert [(a.question_id, a.response, a.score, a.points) for a in stored] == [
        (f"q{i}", {"matches": {"a": "t1"}}, 0.5, 2) for i in range(3)
    ]


def test_given_values_and_model_defaults_are_stored_for_every_row():
    now = timezone.now()
    rows = [OutboxStatement(statement_id=uuid.uuid4(), payload=f"{{\"n\": {i}}}",
                            created_at=now, next_attempt_at=now) for i in range(2)]
    insert_rows(rows)
    stored = OutboxStatement.objects.order_by("pk")
    assert [(r.payload, r.status, r.attempts, r.created_at) for r in stored] == [
        ('{"n": 0}', "pending", 0, now), ('{"n": 1}', "pending", 0, now)
    ]


def test_nothing_to_insert_runs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        insert_rows([])
