"""Writes for launches: starting a session, recording its statements, ending it.

A launch talks to the LMS first (fetch the token once, read LMS.LaunchData and
cmi5LearnerPreferences) with no transaction open, and writes nothing unless
all of that succeeded; then one transaction creates or finds the learner's
local account, the session and its `initialized` statement.

Statements are appended to the session's outbox under a lock on the session
row, so their sequence follows the order of events, each gets a timestamp no
earlier than the one before, and the cmi5 ordering rules (lms/rules.py) are
decided on what was already recorded. The receivers call these inside the
domain service's transaction: statement and learning event commit together.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from lessons.models import LessonPage
from quizzes.models import Attempt
from xapi import statements as st
from xapi import vocabulary as vocab
from xapi.outbox import language_tag

from . import rules, selectors
from . import statements as lms_st
from . import vocabulary as cmi5
from .client import LmsClient, LmsUnavailable, OriginNotAllowed, allowed_origins, basic_auth
from .launch import (
    LaunchData,
    LaunchError,
    LearnerPreferences,
    actor_identity,
    parse_cmi5_launch,
    parse_launch_data,
    parse_learner_preferences,
    parse_tincan_launch,
)
from .models import LaunchSession, LmsLearner, LmsStatement

__all__ = [
    "cmi5_launch",
    "record_attempt_started",
    "record_attempt_submitted",
    "record_lesson_event",
    "record_question_answered",
    "session_exit",
    "tincan_launch",
]

logger = logging.getLogger(__name__)

_SUCCESS_BY_OUTCOME = {"correct": True, "partially_correct": False, "wrong": False}


# ---------------------------------------------------------------------------
# Launching


def cmi5_launch(*, query: dict[str, list[str]], lesson_key: uuid.UUID) -> LaunchSession:
    """Check a cmi5 launch with the LMS and open its session; LaunchError if anything is wrong.

    Order: every parameter is validated (lms/launch.py) before any request;
    then POST fetch (once), GET LMS.LaunchData, GET cmi5LearnerPreferences.
    """
    params = parse_cmi5_launch(query, allowed_origins=allowed_origins())
    if selectors.lesson_for_launch(lesson_key) is None:
        raise _lesson_not_found(lesson_key)
    client = LmsClient(endpoint=params.endpoint)
    agent = json.dumps(params.actor, separators=(",", ":"))
    try:
        token = _fetch_token(client, params.fetch)
        client.lrs.auth = basic_auth(token)
        launch_data = _launch_data(client, {
            "stateId": cmi5.LAUNCH_DATA_STATE_ID, "activityId": params.activity_id,
            "agent": agent, "registration": params.registration,
        })
        preferences = _learner_preferences(client, {
            "profileId": cmi5.LEARNER_PREFERENCES_PROFILE_ID, "agent": agent,
        })
    except LmsUnavailable as error:
        raise LaunchError("lms_unavailable", "Your learning platform did not answer.",
                          status=502, detail=str(error)) from error
    except OriginNotAllowed as error:  # cannot happen after parse_cmi5_launch; kept as a guard
        raise LaunchError("origin_not_allowed", "This learning platform is not set up to open "
                          "Touchpoint lessons.", status=403, detail=str(error)) from error
    finally:
        client.close()
    lesson = selectors.lesson_for_launch(lesson_key, preferences.languages)
    if lesson is None:
        raise _lesson_not_found(lesson_key)
    return _open_session(
        kind=LaunchSession.Kind.CMI5, lesson=lesson, actor=params.actor,
        endpoint=params.endpoint, auth=basic_auth(token), registration=params.registration,
        activity_id=params.activity_id, launch_data=launch_data, preferences=preferences,
    )


def tincan_launch(*, query: dict[str, list[str]], lesson_key: uuid.UUID) -> LaunchSession:
    """Open a Tin Can launch session: the URL carries the endpoint and credentials itself."""
    params = parse_tincan_launch(query, allowed_origins=allowed_origins())
    lesson = selectors.lesson_for_launch(lesson_key)
    if lesson is None:
        raise _lesson_not_found(lesson_key)
    activity_id = params.activity_id or st.activity_iri(
        settings.XAPI_ACTIVITY_BASE, "lesson", lesson.translation_key)
    return _open_session(
        kind=LaunchSession.Kind.TINCAN, lesson=lesson, actor=params.actor,
        endpoint=params.endpoint, auth=params.auth, registration=params.registration,
        activity_id=activity_id, launch_data=None, preferences=LearnerPreferences(),
    )


def _fetch_token(client: LmsClient, fetch_url: str) -> str:
    answer = client.fetch_token(fetch_url)
    token = answer.get("auth-token")
    if not isinstance(token, str) or not token:
        code = answer.get("error-code", "?")
        raise LaunchError(
            "fetch_refused",
            "Your learning platform did not confirm this launch (the link may have been used "
            "already or have expired).",
            status=403, detail=f"fetch error-code {code}: {answer.get('error-text', '')}"[:300],
        )
    return token


def _launch_data(client: LmsClient, params: dict[str, str]) -> LaunchData:
    document = client.get_document("activities/state", params)
    if document.status == 404 or (document.status == 200 and document.body is None):
        raise LaunchError("no_launch_data", "Your learning platform sent no launch information.",
                          status=403, detail="LMS.LaunchData is missing")
    if document.status != 200:
        raise LaunchError(
            "launch_not_confirmed",
            "Your learning platform did not confirm this launch for you.",
            status=403, detail=f"LMS.LaunchData answered HTTP {document.status}",
        )
    return parse_launch_data(document.body)


def _learner_preferences(client: LmsClient, params: dict[str, str]) -> LearnerPreferences:
    """cmi5 11: read at startup; missing, 403 or anything unusable means no preferences."""
    document = client.get_document("agents/profile", params)
    return parse_learner_preferences(document.body if document.status == 200 else None)


def _lesson_not_found(key: uuid.UUID) -> LaunchError:
    return LaunchError("lesson_not_found", "This lesson is not available any more.", status=404,
                       detail=f"no live lesson with translation key {key}")


@transaction.atomic
def _open_session(
    *,
    kind: str,
    lesson: LessonPage,
    actor: dict[str, Any],
    endpoint: str,
    auth: str,
    registration: str | None,
    activity_id: str,
    launch_data: LaunchData | None,
    preferences: LearnerPreferences,
) -> LaunchSession:
    learner = _learner_for(actor)
    now = timezone.now()
    # One active session per learner and lesson: a relaunch replaces the one left open.
    LaunchSession.objects.filter(
        learner=learner, lesson=lesson, status=LaunchSession.Status.ACTIVE
    ).update(status=LaunchSession.Status.ABANDONED, terminated_at=now)
    session = LaunchSession.objects.create(
        learner=learner,
        lesson=lesson,
        kind=kind,
        mode=launch_data.launch_mode if launch_data else LaunchSession.Mode.NORMAL,
        endpoint=endpoint,
        auth=auth,
        actor=actor,
        registration=registration,
        activity_id=activity_id,
        title=lesson.title[:255],
        language=language_tag(lesson.locale.language_code),
        session_id=launch_data.session_id if launch_data else "",
        context_template=launch_data.context_template if launch_data else {},
        mastery_score=launch_data.mastery_score if launch_data else None,
        move_on=launch_data.move_on if launch_data else "",
        return_url=launch_data.return_url if launch_data else "",
        launch_parameters=launch_data.launch_parameters if launch_data else "",
        languages=",".join(preferences.languages)[:255],
        started_at=now,
    )
    session.lesson = lesson
    if kind == LaunchSession.Kind.CMI5:
        _append(session, [(lms_st.initialized(_launched(session), now), True)], now)
    if session.records_results:
        _catch_up(session, lesson, now)
    logger.info(
        "lms.launch kind=%s mode=%s session=%s lesson=%s", kind, session.mode,
        session.public_id, lesson.pk,
        extra={"event": "lms.launch", "lms_session": str(session.public_id)},
    )
    return session


def _learner_for(actor: dict[str, Any]) -> LmsLearner:
    """The local account linked to this LMS actor; created on first launch, no usable password."""
    identity = actor_identity(actor)
    learner = LmsLearner.objects.select_related("user").filter(identity=identity).first()
    if learner is not None:
        if learner.actor != actor:
            learner.actor = actor
            learner.save(update_fields=["actor"])
        return learner
    user_model = get_user_model()
    user = user_model(username=f"lms-{uuid.uuid4().hex[:20]}",
                      first_name=(actor.get("name") or "")[:150])
    user.set_unusable_password()
    user.save()
    return LmsLearner.objects.create(user=user, identity=identity, actor=actor)


def _catch_up(session: LaunchSession, lesson: LessonPage, at: datetime) -> None:
    """Credit, right after initialized, what the learner met before this registration."""
    state = selectors.local_state(user=session.learner.user, lesson=lesson)
    _, registration = selectors.sent_verbs(session)
    owed = rules.catch_up(
        selectors.kind_of_lesson(lesson),
        experienced=state.experienced, completed=state.completed,
        passing_scaled=state.passing_scaled, mastery=session.mastery_score,
        registration=registration,
    )
    launched = _launched(session)
    built = []
    for verb in owed:
        if verb == rules.COMPLETED:
            built.append((lms_st.completed(launched, at, timedelta(0)), True))
        else:
            built.append((lms_st.judged(
                launched, rules.PASSED,
                score=rules.lms_score(state.passing_scaled) if session.kind == "cmi5" else None,
                duration=timedelta(0), mastery=session.mastery_score, at=at,
            ), True))
    if built:
        _append(session, built, at)


# ---------------------------------------------------------------------------
# Ending


@transaction.atomic
def session_exit(*, session_pk: int, user) -> LaunchSession:
    """The learner leaves through Exit: `terminated` last (cmi5), and the session is over.

    Idempotent: a session already over is returned unchanged.
    """
    session = (
        LaunchSession.objects.select_for_update()
        .select_related("learner").get(pk=session_pk, learner__user=user)
    )
    if not session.is_active:
        return session
    now = timezone.now()
    if session.kind == LaunchSession.Kind.CMI5:
        at = max(now, session.last_statement_at or now)
        duration = at - session.started_at
        _append(session, [(lms_st.terminated(_launched(session), at, duration), True)], at)
    session.status = LaunchSession.Status.TERMINATED
    session.terminated_at = now
    session.save(update_fields=["status", "terminated_at"])
    return session


# ---------------------------------------------------------------------------
# Learning events (called by lms/receivers.py inside the domain transaction)


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
    _append(session, [(lms_st.completed(_launched(session), at, duration), True)], at)


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
        _launched(session), interaction, st.response_from_answer(snapshot, answer),
        _SUCCESS_BY_OUTCOME.get(_get(result, "outcome")),
        (float(_get(result, "score")), 0, points) if points else None, quiz, at,
    )
    _append(session, [(statement, False)], at)


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
        _launched(session), verb, score=score, mastery=mastery,
        duration=attempt.submitted_at - attempt.started_at, at=at,
    )
    _append(session, [(statement, True)], at)


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


def _append(session: LaunchSession, items: Iterable[tuple[st.Statement, bool]],
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


def _launched(session: LaunchSession) -> lms_st.Launched:
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
