"""Writes for launches: starting a session and ending it.

A launch talks to the LMS first (fetch the token once, read LMS.LaunchData and
cmi5LearnerPreferences) with no transaction open, and writes nothing unless
all of that succeeded; then one transaction creates or finds the learner's
local account, the session and its `initialized` statement.

The session's statements are appended through lms/recording.py, which also
turns the learning events of a launched lesson into statements.
"""

from __future__ import annotations

import json
import logging
import uuid
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from lessons.models import LessonPage
from xapi import statements as st
from xapi.outbox import language_tag

from . import recording, rules, selectors
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
from .models import LaunchSession, LmsLearner

__all__ = ["cmi5_launch", "session_exit", "tincan_launch"]

logger = logging.getLogger(__name__)

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
        initialized = lms_st.initialized(recording.launched(session), now)
        recording.append(session, [(initialized, True)], now)
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
    launched = recording.launched(session)
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
        recording.append(session, built, at)


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
        terminated = lms_st.terminated(recording.launched(session), at, duration)
        recording.append(session, [(terminated, True)], at)
    session.status = LaunchSession.Status.TERMINATED
    session.terminated_at = now
    session.save(update_fields=["status", "terminated_at"])
    return session
