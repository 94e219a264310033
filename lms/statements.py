"""Statements for the LMS that launched a lesson, built from plain values.

The verb, actor, object and result come from xapi/statements.py (tincan-built,
canonical JSON); the context is the launch's `contextTemplate` (cmi5 10.2.1)
with our additions merged in, never overwriting what the template says:

- every statement: the template (session id extension, publisher id
  grouping, whatever else the LMS put there) and the registration;
- cmi5-defined statements (initialized, completed, passed, failed,
  terminated): object = the launch's activityId, the cmi5 category, and the
  moveon category when the result has success or completion (cmi5 9.6.2);
- passed/failed: score, success, duration and the masteryscore extension
  (cmi5 9.5, 9.6.3.2), no `completion` (9.5.3);
- answered (cmi5-allowed): the question as a cmi.interaction with its parent
  quiz, without the cmi5 category (7.1.3).

Tin Can launches get the same verbs as the corporate LRS today (completed,
passed/failed with completion), about the launched activity.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from xapi import statements as st
from xapi import vocabulary as vocab

from . import vocabulary as cmi5

__all__ = ["Launched", "answered", "completed", "initialized", "judged", "terminated"]


@dataclass(frozen=True)
class Launched:
    """What every statement of one launch session shares."""

    actor: dict[str, Any]  # as the LMS sent it (validated, lms/launch.py)
    activity_id: str
    title: str
    language: str
    registration: str | None
    context_template: dict[str, Any]
    cmi5: bool = True

    @property
    def st_actor(self) -> st.Actor:
        account = self.actor.get("account")
        if account:
            return st.Actor(account_homepage=account["homePage"], account_name=account["name"],
                            name=self.actor.get("name"))
        return st.Actor(mbox=self.actor["mbox"], name=self.actor.get("name"))

    @property
    def activity(self) -> st.Activity:
        return st.Activity(self.activity_id, self.title, vocab.ACTIVITY_TYPE_LESSON)


def initialized(launch: Launched, at: datetime) -> st.Statement:
    built = st.initialized(launch.st_actor, launch.activity, _base(launch), at)
    return _with_context(built, launch, defined=True)


def completed(launch: Launched, at: datetime, duration: timedelta) -> st.Statement:
    built = st.completed(launch.st_actor, launch.activity, _base(launch), at, duration=duration)
    return _with_context(built, launch, defined=True, moveon=True)


def judged(
    launch: Launched,
    verb: str,
    *,
    score: dict[str, float | int] | None,
    duration: timedelta,
    mastery: Decimal | None,
    at: datetime,
) -> st.Statement:
    """`passed` or `failed`; the masteryscore extension when the verdict was judged against one."""
    builder = st.passed if verb == "passed" else st.failed
    built = builder(
        launch.st_actor, launch.activity, st.Score(**score) if score else None, duration,
        _base(launch), at, completion=not launch.cmi5,
    )
    extensions = {cmi5.EXTENSION_MASTERY_SCORE: float(mastery)} if mastery is not None else {}
    return _with_context(built, launch, defined=True, moveon=True, extensions=extensions)


def terminated(launch: Launched, at: datetime, duration: timedelta) -> st.Statement:
    built = st.terminated(launch.st_actor, launch.activity, duration, _base(launch), at)
    return _with_context(built, launch, defined=True)


def answered(
    launch: Launched,
    question: st.InteractionQuestion,
    response: str,
    success: bool | None,
    score: tuple[float, float, float] | None,
    quiz: st.Activity,
    at: datetime,
) -> st.Statement:
    built = st.answered(launch.st_actor, question, response, success, score, _base(launch), at)
    return _with_context(built, launch, defined=False, parent=[quiz])


# ---------------------------------------------------------------------------
# Internals


def _base(launch: Launched) -> st.StatementContext:
    """What the xapi builders put in context (language only); the rest is merged after."""
    return st.StatementContext(language=launch.language)


def _activity_ref(iri: str) -> dict[str, str]:
    return {"id": iri, "objectType": "Activity"}


def _with_context(
    built: st.Statement,
    launch: Launched,
    *,
    defined: bool,
    moveon: bool = False,
    extensions: dict[str, Any] | None = None,
    parent: list[st.Activity] | None = None,
) -> st.Statement:
    data = dict(built)
    context = copy.deepcopy(launch.context_template)
    context.setdefault("language", launch.language)
    if launch.registration is not None:
        context.setdefault("registration", launch.registration)
    categories = []
    if defined and launch.cmi5:
        categories.append(_activity_ref(cmi5.CATEGORY_CMI5))
        if moveon:
            categories.append(_activity_ref(cmi5.CATEGORY_MOVEON))
    parents = [_activity_ref(a.iri) | _definition(a, launch.language) for a in parent or ()]
    activities = context.get("contextActivities") or {}
    for key, extra in (("category", categories), ("parent", parents)):
        if extra:
            activities[key] = _merged(activities.get(key), extra)
    if activities:
        context["contextActivities"] = activities
    if extensions:
        context["extensions"] = {**extensions, **(context.get("extensions") or {})}
    data["context"] = context
    return st.Statement(id=built.id, verb=built.verb, json=st.serialize(data))


def _definition(activity: st.Activity, language: str) -> dict[str, Any]:
    return {"definition": {"name": {language: activity.name}, "type": activity.type}}


def _merged(existing: Any, extra: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The template's activities (a list, or one object) followed by ours it lacks, by id."""
    current = [existing] if isinstance(existing, dict) else list(existing or [])
    ids = {activity.get("id") for activity in current if isinstance(activity, dict)}
    return current + [activity for activity in extra if activity["id"] not in ids]
