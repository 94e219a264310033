"""Recording a launch session's statements: learning events -> the session's LMS outbox.

Called by lms/receivers.py inside the domain service's transaction (statement
and learning event commit together) and by lms/services.py for a session's
own verbs. Statements are appended under a lock on the session row, so their
sequence follows the order of events, each gets a timestamp no earlier than
the one before, and the cmi5 ordering rules (lms/rules.py) are decided on
what was already recorded.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings

from lessons.models import LessonPage
from quizzes.models import Attempt
from xapi import statements as st
from xapi import vocabulary as vocab

from . import rules, selectors
from . import statements as lms_st
from .models import LaunchSession, LmsStatement

__all__ = [
    "append",
    "launched",
    "record_attempt_started",
    "record_attempt_submitted",
    "record_lesson_event",
    "record_question_answered",
]

_SUCCESS_BY_OUTCOME = {"correct": True, "partially_correct": False, "wrong": False}


def record_lesson_event(*, session_pk: int, event: str, lesson: LessonPage, at: datetime) -> None:
    """`lesson_experienced` or `lesson_completed` -> `completed` when this lesson counts it.

    cmi5 "completed" means all relevant material was experienced: the content
    (reaching its end) for a lesson without a quiz or with a scored quiz; the
    content and the survey (the lesson's local completion) for a survey lesson.
    Tin Can keeps today's meaning: the lesson's completion.
    """
    session = _locked(session_pk)
    if session is None or not session.records_results:
        return
    if session.kind == LaunchSession.Kind.TINCAN:
        wanted = "lesson_completed"
    else:
        wanted = "lesson_completed" if selectors.kind_of_lesson(lesson) == "survey" \
            else "lesson_experienced"
    if event != wanted:
        return
    at = _not_before(session, at)
    if session.kind == LaunchSession.Kind.CMI5:
        in_session, in_registration = selectors.sent_verbs(session)
        if not rules.may_send(rules.COMPLETED, session=in_session, registration=in_registration):
            return
    duration = max(at - session.started_at, timedelta(0))
    append(session, [(lms_st.completed(launched(session), at, duration), True)], at)


def record_attempt_started(*, session_pk: int, attempt: Attempt) -> None:
    """A masteryScore from LaunchData becomes the new attempt's pass mark (Normal cmi5 launches).

    So the learner's result page, their progress and the LMS judge alike.
    """
    session = LaunchSession.objects.filter(pk=session_pk, status="active", kind="cmi5").first()
    if session is None or session.mastery_score is None or not session.records_results:
        return
    pass_mark = rules.pass_mark_for(session.mastery_score)
    if attempt.pass_mark != pass_mark:
        attempt.pass_mark = pass_mark
        Attempt.objects.filter(pk=attempt.pk).update(pass_mark=pass_mark)


def record_question_answered(
    *, session_pk: int, attempt: Attempt, question: dict, answer: dict, result: Any, at: datetime
) -> None:
    """One `answered` (cmi5-allowed), its choices in the order the author wrote them."""
    session = _locked(session_pk)
    if session is None or not session.records_results or session.kind != "cmi5":
        return
    at = _not_before(session, at)
    snapshot = _canonical(question, selectors.authored_choice_order(attempt))
    interaction = st.question_from_snapshot(
        snapshot, iri=st.activity_iri(settings.XAPI_ACTIVITY_BASE, "question", snapshot["id"]))
    quiz = st.Activity(st.activity_iri(settings.XAPI_ACTIVITY_BASE, "quiz", attempt.quiz_id),
                       attempt.title, vocab.ACTIVITY_TYPE_ASSESSMENT)
    points = _get(result, "points")
    statement = lms_st.answered(
        launched(session), interaction, st.response_from_answer(snapshot, answer),
        _SUCCESS_BY_OUTCOME.get(_get(result, "outcome")),
        (float(_get(result, "score")), 0, points) if points else None, quiz, at,
    )
    append(session, [(statement, False)], at)


def record_attempt_submitted(*, session_pk: int, attempt: Attempt) -> None:
    """`passed` or `failed`, judged against LaunchData's masteryScore (none for a survey)."""
    session = _locked(session_pk)
    if session is None or not session.records_results:
        return
    verb = rules.judged_verb(
        passed=None if attempt.survey else attempt.passed,
        scaled=attempt.scaled_score, pass_mark=attempt.pass_mark, mastery=session.mastery_score,
    )
    if verb is None:
        return
    at = _not_before(session, attempt.submitted_at)
    if session.kind == LaunchSession.Kind.CMI5:
        in_session, in_registration = selectors.sent_verbs(session)
        if not rules.may_send(verb, session=in_session, registration=in_registration):
            return
        score = rules.lms_score(attempt.scaled_score)
        mastery = session.mastery_score
    else:  # Tin Can: as the corporate LRS gets it today
        score = {"raw": attempt.raw_score, "min": 0, "max": attempt.max_score,
                 "scaled": attempt.scaled_score}
        mastery = None
    statement = lms_st.judged(
        launched(session), verb, score=score, mastery=mastery,
        duration=attempt.submitted_at - attempt.started_at, at=at,
    )
    append(session, [(statement, True)], at)


# ---------------------------------------------------------------------------
# Internals


def _locked(session_pk: int) -> LaunchSession | None:
    return (
        LaunchSession.objects.select_for_update()
        .filter(pk=session_pk, status=LaunchSession.Status.ACTIVE).first()
    )


def _not_before(session: LaunchSession, at: datetime) -> datetime:
    """Statements are ordered by timestamp (cmi5 9.3): never before the session's last one."""
    last = session.last_statement_at
    return at if last is None or at >= last else last


def append(session: LaunchSession, items: Iterable[tuple[st.Statement, bool]],
            at: datetime) -> None:
    """Add statements to the session's outbox in order (the caller holds the session's lock)."""
    rows = []
    sequence = session.next_sequence
    for statement, defined in items:
        rows.append(LmsStatement(
            session=session, sequence=sequence, statement_id=uuid.UUID(statement.id),
            verb=statement.verb.rsplit("/", 1)[-1][:32], defined=defined,
            payload=statement.json,
        ))
        sequence += 1
    LmsStatement.objects.bulk_create(rows)
    LaunchSession.objects.filter(pk=session.pk).update(next_sequence=sequence,
                                                        last_statement_at=at)
    session.next_sequence, session.last_statement_at = sequence, at


def launched(session: LaunchSession) -> lms_st.Launched:
    return lms_st.Launched(
        actor=session.actor,
        activity_id=session.activity_id,
        title=session.title,
        language=session.language,
        registration=str(session.registration) if session.registration else None,
        context_template=session.context_template,
        cmi5=session.kind == LaunchSession.Kind.CMI5,
    )


def _canonical(question: dict, order: dict[str, list[str]]) -> dict:
    """The question snapshot with its choices in authored order (ids the order lacks go last)."""
    authored = order.get(question["id"])
    if not authored:
        return question
    rank = {choice_id: n for n, choice_id in enumerate(authored)}
    choices = sorted(question.get("choices") or [],
                     key=lambda c: (rank.get(c["id"], len(rank)), c["id"]))
    return {**question, "choices": choices}


def _get(result: Any, name: str) -> Any:
    """A scoring.QuestionResult attribute, or the key of its as_dict() form."""
    return result[name] if isinstance(result, dict) else getattr(result, name)
