"""Signal receivers: learning events in a launched lesson -> statements for its LMS.

The domain services send these inside their transactions; each receiver acts
only when the request belongs to a launch of that very lesson
(lms/context.py, set by lms/middleware.py) and records through
lms/recording.py, in the same transaction. Every other request pays one
context-variable lookup.
"""

from __future__ import annotations

from progress import events as progress_events
from quizzes import events as quiz_events

from . import context, recording

__all__ = ["connect"]


def connect() -> None:
    quiz_events.attempt_started.connect(attempt_started, dispatch_uid="lms.attempt_started")
    quiz_events.question_answered.connect(question_answered, dispatch_uid="lms.question_answered")
    quiz_events.attempt_submitted.connect(attempt_submitted, dispatch_uid="lms.attempt_submitted")
    progress_events.lesson_experienced.connect(
        lesson_experienced, dispatch_uid="lms.lesson_experienced"
    )
    progress_events.lesson_completed.connect(lesson_completed, dispatch_uid="lms.lesson_completed")


def _grant_for(lesson_id: int | None) -> context.Grant | None:
    grant = context.current()
    return grant if grant is not None and grant.lesson_id == lesson_id else None


def attempt_started(sender, *, attempt, **kwargs) -> None:
    if grant := _grant_for(attempt.context_page_id):
        recording.record_attempt_started(session_pk=grant.session_pk, attempt=attempt)


def question_answered(sender, *, attempt, question, answer, result, at, **kwargs) -> None:
    if grant := _grant_for(attempt.context_page_id):
        recording.record_question_answered(
            session_pk=grant.session_pk, attempt=attempt, question=question, answer=answer,
            result=result, at=at,
        )


def attempt_submitted(sender, *, attempt, **kwargs) -> None:
    if grant := _grant_for(attempt.context_page_id):
        recording.record_attempt_submitted(session_pk=grant.session_pk, attempt=attempt)


def lesson_experienced(sender, *, lesson, at, **kwargs) -> None:
    if grant := _grant_for(lesson.pk):
        recording.record_lesson_event(session_pk=grant.session_pk, event="lesson_experienced",
                                     lesson=lesson, at=at)


def lesson_completed(sender, *, lesson, at, **kwargs) -> None:
    if grant := _grant_for(lesson.pk):
        recording.record_lesson_event(session_pk=grant.session_pk, event="lesson_completed",
                                     lesson=lesson, at=at)
