"""Reading a launch: the URL's parameters and the LMS's documents, validated before use.

Pure functions. Every check that needs no network runs before any request
leaves (lms/services.py calls these first): a launch that names an LMS origin
outside settings.CMI5_ALLOWED_LMS_ORIGINS, lacks a parameter, or carries a
malformed actor, registration or URL is refused here.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

from . import vocabulary as cmi5

__all__ = [
    "Cmi5Launch",
    "LaunchData",
    "LaunchError",
    "LearnerPreferences",
    "TincanLaunch",
    "actor_identity",
    "normalize_origin",
    "parse_cmi5_launch",
    "parse_launch_data",
    "parse_learner_preferences",
    "parse_tincan_launch",
]

MAX_PARAMETER_LENGTH = 4096


class LaunchError(Exception):
    """A launch refused; `status` for the page, `reason` for the learner, `detail` for the log."""

    def __init__(self, code: str, reason: str, *, status: int = 400, detail: str = "") -> None:
        super().__init__(f"{code}: {detail or reason}")
        self.code = code
        self.reason = reason
        self.status = status
        self.detail = detail or reason


@dataclass(frozen=True)
class Cmi5Launch:
    endpoint: str  # ends with "/"
    fetch: str
    actor: dict[str, Any]  # {"objectType": "Agent", "account": {...}, "name"?}
    registration: str  # canonical UUID text
    activity_id: str


@dataclass(frozen=True)
class TincanLaunch:
    endpoint: str
    auth: str  # the Authorization header value the LMS gave
    actor: dict[str, Any]
    registration: str | None
    activity_id: str | None


@dataclass(frozen=True)
class LaunchData:
    """LMS.LaunchData (cmi5 10.2)."""

    context_template: dict[str, Any]
    launch_mode: str
    session_id: str
    move_on: str = ""
    mastery_score: Decimal | None = None
    return_url: str = ""
    launch_parameters: str = ""
    entitlement_key: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LearnerPreferences:
    """cmi5LearnerPreferences (cmi5 11): languages in order of preference, audio on/off."""

    languages: tuple[str, ...] = ()
    audio: str = ""


# ---------------------------------------------------------------------------
# Launch URLs


def parse_cmi5_launch(query: Mapping[str, list[str]], *, allowed_origins: Iterable[str]
                      ) -> Cmi5Launch:
    """The five cmi5 launch parameters (cmi5 8.1), each present once and well formed.

    `query` maps names to every value given (Django's QueryDict.lists()).
    """
    values = _single_values(query, ("endpoint", "fetch", "actor", "registration", "activityId"))
    allowed = {normalize_origin(o) for o in allowed_origins} - {None}
    endpoint = _lms_url(values["endpoint"], "endpoint", allowed)
    fetch = _lms_url(values["fetch"], "fetch", allowed)
    actor = _actor(values["actor"], require_account=True)
    return Cmi5Launch(
        endpoint=endpoint if endpoint.endswith("/") else endpoint + "/",
        fetch=fetch,
        actor=actor,
        registration=_registration(values["registration"]),
        activity_id=_iri(values["activityId"], "activityId"),
    )


def parse_tincan_launch(query: Mapping[str, list[str]], *, allowed_origins: Iterable[str]
                        ) -> TincanLaunch:
    """The Tin Can launch parameters: endpoint, auth and actor required; registration and
    activity_id optional (the LMS may leave them out)."""
    values = _single_values(query, ("endpoint", "auth", "actor"),
                            optional=("registration", "activity_id"))
    allowed = {normalize_origin(o) for o in allowed_origins} - {None}
    endpoint = _lms_url(values["endpoint"], "endpoint", allowed)
    auth = values["auth"].strip()
    if not auth or any(ch in auth for ch in "\r\n"):
        raise LaunchError("invalid_auth", "The launch did not carry valid credentials.")
    registration = values.get("registration")
    activity_id = values.get("activity_id")
    return TincanLaunch(
        endpoint=endpoint if endpoint.endswith("/") else endpoint + "/",
        auth=auth,
        actor=_actor(values["actor"], require_account=False),
        registration=_registration(registration) if registration else None,
        activity_id=_iri(activity_id, "activity_id") if activity_id else None,
    )


def normalize_origin(url: str) -> str | None:
    """`scheme://host[:port]` in lower case, default ports dropped; None if not http(s)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if port is None or (parts.scheme, port) in (("http", 80), ("https", 443)):
        return f"{parts.scheme}://{parts.hostname}"
    return f"{parts.scheme}://{parts.hostname}:{port}"


def actor_identity(actor: Mapping[str, Any]) -> str:
    """The actor's inverse functional identifier as one stable string (links a local account)."""
    account = actor.get("account")
    if account:
        return f"account {account['homePage']} {account['name']}"
    return f"mbox {actor['mbox']}"


# ---------------------------------------------------------------------------
# LMS documents


def parse_launch_data(document: Any) -> LaunchData:
    """LMS.LaunchData as the LMS stored it; refused if a required part is missing or wrong."""
    if not isinstance(document, dict):
        raise _bad_launch_data("the document is not a JSON object")
    template = document.get("contextTemplate")
    if not isinstance(template, dict):
        raise _bad_launch_data("contextTemplate is missing")
    extensions = template.get("extensions")
    session_id = extensions.get(cmi5.EXTENSION_SESSION_ID) if isinstance(extensions, dict) else None
    if not isinstance(session_id, str) or not session_id.strip():
        raise _bad_launch_data("contextTemplate has no session id extension")
    mode = document.get("launchMode")
    if mode not in cmi5.LAUNCH_MODES:
        raise _bad_launch_data(f"launchMode {mode!r} is not Normal, Browse or Review")
    move_on = document.get("moveOn") or ""
    if move_on and move_on not in cmi5.MOVE_ON_VALUES:
        raise _bad_launch_data(f"moveOn {move_on!r} is not a cmi5 value")
    return_url = document.get("returnURL") or ""
    if return_url and (not isinstance(return_url, str) or normalize_origin(return_url) is None):
        raise _bad_launch_data("returnURL is not an http(s) URL")
    parameters = document.get("launchParameters") or ""
    entitlement = document.get("entitlementKey") or {}
    if not isinstance(parameters, str) or not isinstance(entitlement, dict):
        raise _bad_launch_data("launchParameters or entitlementKey has the wrong type")
    return LaunchData(
        context_template=template,
        launch_mode=mode,
        session_id=session_id,
        move_on=move_on,
        mastery_score=_mastery_score(document.get("masteryScore")),
        return_url=return_url,
        launch_parameters=parameters,
        entitlement_key=entitlement,
    )


def parse_learner_preferences(document: Any) -> LearnerPreferences:
    """cmi5LearnerPreferences; anything unusable in it is ignored (it only tunes the display)."""
    if not isinstance(document, dict):
        return LearnerPreferences()
    languages = document.get("languagePreference")
    audio = document.get("audioPreference")
    return LearnerPreferences(
        languages=tuple(
            tag.strip() for tag in languages.split(",") if tag.strip()
        ) if isinstance(languages, str) else (),
        audio=audio if audio in ("on", "off") else "",
    )


def load_json(body: bytes) -> Any:
    """JSON with decimals kept exact (a masteryScore of 0.8 stays 0.8)."""
    return json.loads(body, parse_float=Decimal)


# ---------------------------------------------------------------------------
# Internals


def _single_values(query: Mapping[str, list[str]], required: tuple[str, ...],
                   optional: tuple[str, ...] = ()) -> dict[str, str]:
    values: dict[str, str] = {}
    for name in (*required, *optional):
        given = query.get(name) or []
        if len(given) > 1:
            raise LaunchError("repeated_parameter", "The launch link is not valid.",
                              detail=f"{name} is given {len(given)} times")
        if not given or not given[0].strip():
            if name in required:
                raise LaunchError("missing_parameter", "The launch link is incomplete.",
                                  detail=f"{name} is missing")
            continue
        if len(given[0]) > MAX_PARAMETER_LENGTH:
            raise LaunchError("invalid_parameter", "The launch link is not valid.",
                              detail=f"{name} is longer than {MAX_PARAMETER_LENGTH} characters")
        values[name] = given[0]
    return values


def _lms_url(value: str, name: str, allowed: set[str]) -> str:
    value = value.strip()
    parts = urlsplit(value)
    origin = normalize_origin(value)
    if origin is None or parts.username is not None or parts.password is not None:
        raise LaunchError("invalid_parameter", "The launch link is not valid.",
                          detail=f"{name} is not an http(s) URL")
    if origin not in allowed:
        raise LaunchError(
            "origin_not_allowed",
            "This learning platform is not set up to open Touchpoint lessons.",
            status=403,
            detail=f"{name} origin {origin} is not in CMI5_ALLOWED_LMS_ORIGINS",
        )
    return value


def _actor(value: str, *, require_account: bool) -> dict[str, Any]:
    invalid = LaunchError("invalid_actor", "The launch link does not say who you are.")
    try:
        actor = json.loads(value)
    except ValueError:
        raise invalid from None
    if not isinstance(actor, dict) or actor.get("objectType", "Agent") != "Agent":
        raise invalid
    if not require_account:  # Tin Can launches may send 0.95-style arrays: take the first
        actor = {key: (val[0] if isinstance(val, list) and val else val)
                 for key, val in actor.items()}
    name = actor.get("name")
    if name is not None and not isinstance(name, str):
        raise invalid
    account, mbox = actor.get("account"), actor.get("mbox")
    if sum(key in actor for key in ("account", "mbox", "mbox_sha1sum", "openid")) != 1:
        raise invalid  # exactly one identifier (xAPI Data 2.4.2.1)
    normalized: dict[str, Any] = {"objectType": "Agent"}
    if account is not None:
        if not isinstance(account, dict):
            raise invalid
        home_page, account_name = account.get("homePage"), account.get("name")
        if (
            not isinstance(home_page, str) or normalize_origin(home_page) is None
            or not isinstance(account_name, str) or not account_name.strip()
        ):
            raise invalid
        normalized["account"] = {"homePage": home_page, "name": account_name}
    elif require_account:
        raise invalid  # cmi5 9.2: the actor has an account
    elif isinstance(mbox, str) and mbox.startswith("mailto:") and "@" in mbox:
        normalized["mbox"] = mbox
    else:
        raise invalid
    if name:
        normalized["name"] = name
    return normalized


def _registration(value: str) -> str:
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError:
        raise LaunchError("invalid_registration", "The launch link is not valid.",
                          detail="registration is not a UUID") from None


def _iri(value: str, name: str) -> str:
    value = value.strip()
    scheme, sep, rest = value.partition(":")
    if (
        not sep or not rest or not scheme.isascii() or not scheme[:1].isalpha()
        or any(ch.isspace() for ch in value)
    ):
        raise LaunchError("invalid_parameter", "The launch link is not valid.",
                          detail=f"{name} is not an IRI")
    return value


def _mastery_score(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float | str):
        raise _bad_launch_data("masteryScore is not a number")
    try:
        score = Decimal(str(value))
    except InvalidOperation:
        raise _bad_launch_data("masteryScore is not a number") from None
    if not Decimal(0) <= score <= Decimal(1):
        raise _bad_launch_data("masteryScore is outside 0..1")
    return score


def _bad_launch_data(detail: str) -> LaunchError:
    return LaunchError("invalid_launch_data", "Your learning platform sent incomplete launch "
                       "information.", status=403, detail=f"LMS.LaunchData: {detail}")
