"""What recording costs a learner's request: delivery scheduled once, shared statement parts."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from progress.services import lesson_experience, lesson_quiz_start, lesson_quiz_submit
from tests.factories import build_course
from tests.xapi.conftest import correct_answers
from touchpoint import unit_of_work
from xapi import outbox
from xapi import statements as st
from xapi.models import OutboxStatement
from xapi.tasks import schedule_delivery

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("xapi_settings", "delivery_tasks")]

BASE = "https://touchpoint.example.com/xapi"


@pytest.fixture
def delivery_tasks(settings):
    settings.XAPI_DELIVERY_TASKS = True


def scheduled(callbacks) -> int:
    return sum(callback is schedule_delivery for callback in callbacks)


def test_submit_completing_lesson_and_course_schedules_delivery_once(
    learner, django_capture_on_commit_callbacks
):
    _, [lesson] = build_course(lessons=1)
    lesson_experience(user=learner, lesson=lesson)
    attempt, _ = lesson_quiz_start(user=learner, lesson=lesson)
    before = OutboxStatement.objects.count()
    with django_capture_on_commit_callbacks() as callbacks:
        lesson_quiz_submit(user=learner, lesson=lesson, attempt_id=attempt.pk,
                           answers=correct_answers(attempt))
    verbs = set(OutboxStatement.objects.order_by("-id").values_list("verb", flat=True)[:3])
    assert OutboxStatement.objects.count() - before > 3 and verbs >= {"completed"}
    assert scheduled(callbacks) == 1


def statement(n: int) -> dict:
    actor = st.actor_for(user_id=str(n), email="", name="", mode="account",
                         homepage="https://touchpoint.example.com")
    lesson = st.Activity(st.activity_iri(BASE, "lesson", "l-1"), "Lesson", "http://x/lesson")
    return st.experienced(actor, lesson, st.StatementContext(language="en"), timezone.now())


def test_delivery_stays_scheduled_when_an_earlier_savepoint_rolls_back(
    django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        with transaction.atomic():
            with pytest.raises(RuntimeError), transaction.atomic():
                outbox.record([statement(1)])
                raise RuntimeError("roll the savepoint back")
            outbox.record([statement(2)])
            outbox.record([statement(3)])
    assert OutboxStatement.objects.count() == 2
    assert scheduled(callbacks) == 1


def test_shared_statement_parts_are_copies():
    """Parts built once and reused (actor, activities, context) never leak edits between calls."""
    first = statement(1)
    first["actor"]["account"]["name"] = "edited"
    first["object"]["definition"]["name"]["en"] = "edited"
    first["context"]["language"] = "edited"
    second = statement(1)
    assert second["actor"]["account"]["name"] == "1"
    assert second["object"]["definition"]["name"] == {"en": "Lesson"}
    assert second["context"] == {"language": "en"}
    assert second["id"] != first["id"]


def test_recorded_rows_get_every_other_column_from_the_database_defaults():
    # outbox.record INSERTs statement_id, payload and verb only.
    written = {"id", "statement_id", "payload", "verb"}
    for field in OutboxStatement._meta.concrete_fields:
        if field.attname not in written:
            assert field.null or field.has_db_default(), field.attname
    outbox.record([statement(4)])
    row = OutboxStatement.objects.get()
    assert (row.status, row.attempts, row.server_errors, row.last_error) == ("pending", 0, 0, "")
    assert row.created_at == row.next_attempt_at <= timezone.now()
    assert row.delivered_at is None and row.last_attempt_at is None


def test_a_submit_that_completes_lesson_and_course_writes_its_statements_in_one_insert(learner):
    _, [lesson] = build_course(lessons=1)
    lesson_experience(user=learner, lesson=lesson)
    attempt, _ = lesson_quiz_start(user=learner, lesson=lesson)
    before = OutboxStatement.objects.count()
    with CaptureQueriesContext(connection) as queries:
        lesson_quiz_submit(user=learner, lesson=lesson, attempt_id=attempt.pk,
                           answers=correct_answers(attempt))
    inserts = [q["sql"] for q in queries if q["sql"].startswith('INSERT INTO "xapi_outbox')]
    verbs = list(OutboxStatement.objects.order_by("id").values_list("verb", flat=True)[before:])
    assert len(inserts) == 1
    assert verbs[-3:] == ["passed", "completed", "completed"] and "answered" in verbs


def test_statements_of_a_unit_that_fails_are_not_written():
    with pytest.raises(RuntimeError), transaction.atomic(), unit_of_work.unit():
        outbox.record([statement(5)])
        raise RuntimeError("the service failed after its event")
    assert not OutboxStatement.objects.exists()
