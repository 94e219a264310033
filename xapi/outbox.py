"""Recording: turn learning events into serialized statements in the outbox.

Called by xapi/receivers.py inside the domain service's transaction, so the rows
commit (or roll back) together with the attempt or progress they report. Each
statement gets its uuid4 and timestamp here and is serialized once
(`statements.serialize`); delivery re-sends exactly that text. Nothing here
talks to the LRS: `manage.py xapi_worker` polls the outbox, or, with
settings.XAPI_DELIVERY_TASKS, a delivery task is enqueued after the commit
(xapi/tasks.py) for `manage.py db_worker`.

Context decisions (see also ../shared/lrs/README.md section B):
- Quiz statements (attempted, answered, passed/failed) carry the attempt's
  `registration`. Lesson and course statements (experienced, completed) carry
  none: Touchpoint has no enrolment record a registration could stand for, and
  inventing one per course would give one learning experience two unrelated
  registrations.
- contextActivities: question -> parent quiz, grouping lesson + course;
  quiz -> parent lesson, grouping course; lesson -> parent course.
- Activity IRIs use stable keys: pages by `translation_key` (same across
  renames, moves and translations), quizzes by pk, questions by block id.
- Language: the lesson's (or course's) Wagtail locale; a quiz taken outside a
  lesson uses settings.LANGUAGE_CODE.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from courses.models import CoursePage
from touchpoint import unit_of_work
from touchpoint.db import delete_in_batches, insert_values
from xapi import statements as st
from xapi import vocabulary as vocab
from xapi.models import OutboxStatement

__all__ = [
    "is_suppressed",
    "language_tag",
    "purge_delivered",
    "record",
    "record_attempt_finished",
    "record_attempt_started",
    "record_course_completed",
    "record_lesson_completed",
    "record_lesson_experienced",
    "record_question_answered",
    "requeue_rejected",
    "suppressed",
]

logger = logging.getLogger(__name__)

_SUCCESS_BY_OUTCOME = {"correct": True, "partially_correct": False, "wrong": False}
_suppressed: ContextVar[bool] = ContextVar("xapi_outbox_suppressed", default=False)


@contextmanager
def suppressed() -> Iterator[None]:
    """Record nothing for events inside this block (in this thread or task).

    For a caller that reports these events elsewhere and must keep them out of
    the corporate LRS: a lesson launched from an LMS (lms/middleware.py), when
    settings.CMI5_COPY_TO_LRS is off.
    """
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


def is_suppressed() -> bool:
    return _suppressed.get()


# ---------------------------------------------------------------------------
# Events -> statements


def record_lesson_experienced(*, user, lesson: Page, course: Page, at: datetime) -> int:
    actor = _actor(user)
    if actor is None:
        return 0
    ctx = _context(language=_language(lesson), parent=[_course(course)])
    return record([st.experienced(actor, _lesson(lesson), ctx, at)])


def record_lesson_completed(*, user, lesson: Page, course: Page, at: datetime) -> int:
    actor = _actor(user)
    if actor is None:
        return 0
    ctx = _context(language=_language(lesson), parent=[_course(course)])
    return record([st.completed(actor, _lesson(lesson), ctx, at)])


def record_course_completed(*, user, course: Page, at: datetime) -> int:
    actor = _actor(user)
    if actor is None:
        return 0
    ctx = _context(language=_language(course))
    return record([st.completed(actor, _course(course), ctx, at)])


def record_attempt_started(attempt) -> int:
    actor = _actor(attempt.user)
    if actor is None:
        return 0
    lesson, course, language = _attempt_pages(attempt)
    ctx = _context(
        registration=attempt.registration, language=language,
        parent=[lesson] if lesson else [], grouping=[course] if course else [],
    )
    return record([st.attempted(actor, _quiz(attempt), ctx, attempt.started_at)])


def record_question_answered(
    attempt, question: Mapping[str, Any], answer: Mapping[str, Any], result, *,
    at: datetime, parent: Page | None = None,
) -> int:
    """`answered` for one question (result: a quizzes.scoring.QuestionResult).

    `parent`: the parent page of `attempt.context_page` if the caller has it (else looked up).
    """
    actor = _actor(attempt.user)
    if actor is None:
        return 0
    lesson, course, language = _attempt_pages(attempt, parent=parent)
    ctx = _context(
        registration=attempt.registration, language=language,
        parent=[_quiz(attempt)], grouping=[a for a in (lesson, course) if a],
    )
    activity = st.question_from_snapshot(question, iri=_iri("question", question["id"]))
    return record([st.answered(
        actor,
        activity,
        st.response_from_answer(question, answer),
        _SUCCESS_BY_OUTCOME.get(result.outcome),  # "recorded" (likert): None
        (result.score, 0, result.points) if result.points > 0 else None,
        ctx,
        at,
    )])


def record_attempt_finished(attempt, *, parent: Page | None = None) -> int:
    """`passed` or `failed` with the score; for a survey `completed`, with no score or success.

    (Each answer's `answered` was recorded when it was given: record_question_answered.)
    `parent`: the parent page of `attempt.context_page` if the caller has it (else looked up).
    """
    actor = _actor(attempt.user)
    if actor is None:
        return 0
    lesson, course, language = _attempt_pages(attempt, parent=parent)
    quiz = _quiz(attempt)
    at = attempt.submitted_at
    ctx = _context(
        registration=attempt.registration, language=language,
        parent=[lesson] if lesson else [], grouping=[course] if course else [],
    )
    duration = at - attempt.started_at
    if attempt.survey:
        return record([st.completed(actor, quiz, ctx, at, duration=duration)])
    score = st.Score(raw=attempt.raw_score, min=0, max=attempt.max_score,
                     scaled=attempt.scaled_score)
    judged = st.passed if attempt.passed else st.failed
    return record([judged(actor, quiz, score, duration, ctx, at)])


# ---------------------------------------------------------------------------
# Rows


def record(statements: Iterable[st.Statement]) -> int:
    """Insert built statements as pending outbox rows, due now; schedule delivery after commit.

    Inside a domain service's unit of work (touchpoint/unit_of_work.py) the rows
    are collected and inserted once, at the end of the service, still in its
    transaction: a quiz submit's 13 statements in one INSERT, not three.
    Returns how many rows were recorded.
    """
    rows = [
        (statement.id, statement.json, statement.verb.rsplit("/", 1)[-1][:32])
        for statement in statements
    ]
    if not rows:
        return 0
    pending = unit_of_work.buffer("xapi.outbox", _insert_pending)
    if pending is None:
        _insert_pending(rows)
    else:
        pending.extend(rows)
    if settings.XAPI_DELIVERY_TASKS:
        _schedule_delivery_on_commit()
    return len(rows)


def _insert_pending(rows: list[tuple[str, str, str]]) -> None:
    """One INSERT of (statement id, payload, verb) rows (touchpoint/db.py).

    Every other column takes its database default (pending, due now, no
    attempts; see the model's db_default): three values a row keep a submit's
    INSERT under the 50 parameters up to which psycopg reuses a parsed query.
    """
    statement_id = OutboxStatement._meta.get_field("statement_id")
    insert_values(OutboxStatement, ("statement_id", "payload", "verb"), [
        (statement_id.get_db_prep_save(uuid.UUID(sid), connection), payload, verb)
        for sid, payload, verb in rows
    ], returning=False)


def _schedule_delivery_on_commit() -> None:
    """Register `schedule_delivery` after the commit, once per transaction.

    A submit records several events (quiz, lesson, course) in one transaction;
    one delivery round after its commit is enough. A registration made in a
    savepoint that is no longer open (released, so a rollback of the block
    around it could drop it while these rows commit) does not count. (None
    marks an atomic block without a savepoint: it never rolls back alone.)
    """
    from xapi.tasks import schedule_delivery  # not at import time: it builds the task backend

    connection = transaction.get_connection()
    if connection.in_atomic_block:
        open_savepoints = set(connection.savepoint_ids)
        for savepoint_ids, func, _robust in connection.run_on_commit:
            if func is schedule_delivery and savepoint_ids - {None} <= open_savepoints:
                return
    transaction.on_commit(schedule_delivery)


@transaction.atomic
def requeue_rejected(*, ids: Iterable[int] | None = None) -> int:
    """Move rejected rows (all, or those with these pks) back to pending, due now.

    The payload is unchanged: requeue after fixing what made the LRS refuse it
    (its configuration, or a bug in the LRS). `last_error` is kept until the
    row is delivered. Returns how many rows were requeued.
    """
    rows = OutboxStatement.objects.filter(status=OutboxStatement.Status.REJECTED)
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    count = rows.update(
        status=OutboxStatement.Status.PENDING,
        attempts=0,
        server_errors=0,
        next_attempt_at=timezone.now(),
    )
    if count and settings.XAPI_DELIVERY_TASKS:
        from xapi.tasks import schedule_delivery

        transaction.on_commit(schedule_delivery)
    return count


def purge_delivered(*, before: datetime, batch_size: int = 1000) -> int:
    """Delete rows delivered before `before`, oldest first, in short batches; return the count.

    Only delivered rows: a pending or rejected statement has not reached the
    LRS, so it stays however old it is. The LRS holds what was delivered; the
    outbox is a queue, not the record (retention: settings.XAPI_RETENTION_DAYS,
    applied by `manage.py xapi_worker` every hour and by `manage.py xapi_purge`).
    """
    delivered = OutboxStatement.objects.filter(
        status=OutboxStatement.Status.DELIVERED, delivered_at__lt=before
    )
    # Oldest first along the (status, created_at) index, which these rows lead.
    return delete_in_batches(delivered, oldest_first="created_at", batch_size=batch_size)


# ---------------------------------------------------------------------------
# Domain objects -> plain values


def _actor(user) -> st.Actor | None:
    try:
        return st.actor_for(
            user_id=str(user.pk),
            email=user.email or "",
            name=user.get_full_name() if hasattr(user, "get_full_name") else "",
            mode=settings.XAPI_ACTOR_MODE,
            homepage=settings.XAPI_ACCOUNT_HOMEPAGE,
        )
    except ValueError:
        # mbox modes need an email address; never fail the learner's request for it.
        logger.error(
            "xapi.skipped user=%s mode=%s: no usable identifier", user.pk,
            settings.XAPI_ACTOR_MODE, extra={"event": "xapi.skipped", "user_id": user.pk},
        )
        return None


def _iri(kind: str, key: object) -> str:
    return st.activity_iri(settings.XAPI_ACTIVITY_BASE, kind, key)


def _course(page: Page) -> st.Activity:
    return st.Activity(_iri("course", page.translation_key), page.title, vocab.ACTIVITY_TYPE_COURSE)


def _lesson(page: Page) -> st.Activity:
    return st.Activity(_iri("lesson", page.translation_key), page.title, vocab.ACTIVITY_TYPE_LESSON)


def _quiz(attempt) -> st.Activity:
    return st.Activity(_iri("quiz", attempt.quiz_id), attempt.title, vocab.ACTIVITY_TYPE_ASSESSMENT)


def _attempt_pages(
    attempt, *, parent: Page | None = None
) -> tuple[st.Activity | None, st.Activity | None, str]:
    """(lesson, course, language) for the page the attempt was taken in.

    `parent`: that page's parent, when the caller has it (spares a query).
    """
    page = attempt.context_page
    if page is None:
        return None, None, language_tag(settings.LANGUAGE_CODE)
    if parent is None:
        parent = page.get_parent()
    course = _course(parent) if parent is not None and parent.specific_class is CoursePage else None
    return _lesson(page), course, _language(page)


def _context(**kwargs: Any) -> st.StatementContext:
    return st.StatementContext(platform=settings.XAPI_PLATFORM or None, **kwargs)


def _language(page: Page) -> str:
    """RFC 5646 tag of the page's Wagtail locale."""
    return language_tag(page.locale.language_code)


def language_tag(code: str) -> str:
    """Language code -> RFC 5646 casing: "en-us" -> "en-US", "zh-hans" -> "zh-Hans"."""
    parts = code.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2:
            out.append(part.upper())
        elif len(part) == 4:
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)
