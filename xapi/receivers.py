"""Signal receivers: the domain services' learning events -> outbox rows.

The domain apps send these signals inside their service transactions and never
import xapi; `XapiConfig.ready()` connects the receivers. Each receiver only
builds and inserts rows (xapi/outbox.py), so a learner's request never waits
for the LRS. settings.XAPI_ENABLED is read on every event, so it can be turned
off (and tests can override it) without reconnecting anything; inside
`outbox.suppressed()` (a lesson launched from an LMS that must not be copied
to the corporate LRS) nothing is recorded either.
"""

from __future__ import annotations

from django.conf import settings

from progress import events as progress_events
from quizzes import events as quiz_events
from xapi import outbox

__all__ = ["connect"]


def connect() -> None:
    quiz_events.attempt_started.connect(attempt_started, dispatch_uid="xapi.attempt_started")
    quiz_events.question_answered.connect(
        question_answered, dispatch_uid="xapi.question_answered"
    )
    quiz_events.attempt_submitted.connect(
        attempt_submitted, dispatch_uid="xapi.attempt_submitted"
    )
    progress_events.lesson_experienced.connect(
        lesson_experienced, dispatch_uid="xapi.lesson_experienced"
    )
    progress_events.lesson_completed.connect(
        lesson_completed, dispatch_uid="xapi.lesson_completed"
    )
    progress_events.course_completed.connect(
        course_completed, dispatch_uid="xapi.course_completed"
    )


def _recording() -> bool:
    return settings.XAPI_ENABLED and not outbox.is_suppressed()


def attempt_started(sender, *, attempt, **kwargs) -> None:
    if _recording():
        outbox.record_attempt_started(attempt)


def question_answered(
    sender, *, attempt, question, answer, result, at, context_parent=None, **kwargs
) -> None:
    if _recording():
        outbox.record_question_answered(
            attempt, question, answer, result, at=at, parent=context_parent
        )


def attempt_submitted(sender, *, attempt, context_parent=None, **kwargs) -> None:
    if _recording():
        outbox.record_attempt_finished(attempt, parent=context_parent)


def lesson_experienced(sender, *, user, lesson, course, at, **kwargs) -> None:
    if _recording():
        outbox.record_lesson_experienced(user=user, lesson=lesson, course=course, at=at)


def lesson_completed(sender, *, user, lesson, course, at, **kwargs) -> None:
    if _recording():
        outbox.record_lesson_completed(user=user, lesson=lesson, course=course, at=at)


def course_completed(sender, *, user, course, at, **kwargs) -> None:
    if _recording():
        outbox.record_course_completed(user=user, course=course, at=at)
