"""Build xAPI 1.0.3 statements from plain values.

Builders take frozen dataclasses and plain values (no models, no settings) and
return a `Statement`: its canonical JSON text (compact, sorted keys, UTF-8:
what `serialize()` gives for the same dict), which the outbox stores and
delivery re-sends byte for byte, with its id and verb; it reads as a mapping
too (the parsed JSON), for tests and for people.

Statements are assembled with tincan's models (they check types, UUIDs and
interaction types and use xAPI's camelCase keys), then four things tincan 1.0.0
gets wrong are fixed on the dict it produces:

- `version`: tincan adds "1.0.3" by default; a Learning Record Provider
  should not send it (xAPI Data 2.4.10). We pass `version=None`, so it is
  omitted.
- `timestamp`: tincan writes `isoformat()` (microseconds, "+00:00", no zone at
  all for naive datetimes). We write UTC with millisecond precision and "Z".
  Ralph compares the timestamp string when an id is re-sent, so it must be
  exactly reproducible.
- `result.duration`: tincan writes "PT01M03.256S" with up to 6 decimals. We
  round to 0.01 s (xAPI Data 4.6) and write "PT1M3.26S".
- `result.score`: tincan turns every number into a float (raw 3 -> 3.0). We
  write the caller's numbers, so integer scores stay integers (cmi5 wants raw
  to be an integer).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from numbers import Real
from typing import Any

import tincan

from xapi import vocabulary as vocab

__all__ = [
    "Activity",
    "Actor",
    "Component",
    "InteractionQuestion",
    "Score",
    "Statement",
    "StatementContext",
    "activity_iri",
    "actor_for",
    "answered",
    "attempted",
    "completed",
    "experienced",
    "failed",
    "format_duration",
    "format_timestamp",
    "initialized",
    "passed",
    "question_from_snapshot",
    "response_from_answer",
    "serialize",
    "terminated",
]

# Language tag of names and descriptions when the context has no language:
# RFC 5646 "undetermined" rather than a guess.
UNDETERMINED_LANGUAGE = "und"

_KEY_RE = re.compile(r"^[A-Za-z0-9._~-]+$")
_INTERACTION_TYPES = frozenset(vocab.QUESTION_TYPE_TO_INTERACTION.values())
_DELIMITERS = (vocab.RESPONSE_ITEM_DELIMITER, vocab.RESPONSE_PAIR_DELIMITER)
_CACHE_SIZE = 4096  # entries per cache of built parts (functools.lru_cache)


# ---------------------------------------------------------------------------
# Plain values


@dataclass(frozen=True)
class Actor:
    """An xAPI Agent identified by exactly one IFI (use `actor_for`)."""

    account_homepage: str | None = None
    account_name: str | None = None
    mbox: str | None = None
    mbox_sha1sum: str | None = None
    name: str | None = None

    def __post_init__(self) -> None:
        if (self.account_homepage is None) != (self.account_name is None):
            raise ValueError("an account needs both homePage and name")
        ifis = [self.account_name, self.mbox, self.mbox_sha1sum]
        if sum(ifi is not None for ifi in ifis) != 1:
            raise ValueError("an actor needs exactly one identifier")
        if self.mbox is not None and not self.mbox.startswith("mailto:"):
            raise ValueError("mbox must be a mailto: IRI")
        if self.mbox_sha1sum is not None and not re.fullmatch(r"[0-9a-f]{40}", self.mbox_sha1sum):
            raise ValueError("mbox_sha1sum must be 40 lowercase hex digits")


@dataclass(frozen=True)
class Activity:
    """An activity (course, lesson, quiz) by stable IRI, with a display name."""

    iri: str
    name: str
    type: str
    description: str | None = None


@dataclass(frozen=True)
class Component:
    """An interaction component: a choice, a matching source/target, a scale point."""

    id: str
    description: str


@dataclass(frozen=True)
class InteractionQuestion:
    """A quiz question as a `cmi.interaction` activity (xAPI Data 2.4.4.1)."""

    iri: str
    name: str
    interaction_type: str
    choices: tuple[Component, ...] = ()
    source: tuple[Component, ...] = ()
    target: tuple[Component, ...] = ()
    scale: tuple[Component, ...] = ()
    # None: omitted (any answer is right, e.g. likert); () would mean "no answer is right".
    correct_responses_pattern: tuple[str, ...] | None = None
    description: str | None = None

    def __post_init__(self) -> None:
        if self.interaction_type not in _INTERACTION_TYPES:
            raise ValueError(f"unsupported interactionType {self.interaction_type!r}")
        for components in (self.choices, self.source, self.target, self.scale):
            ids = [c.id for c in components]
            for component_id in ids:
                _check_component_id(component_id)
            if len(set(ids)) != len(ids):
                raise ValueError(f"duplicate component ids in {ids}")
        object.__setattr__(self, "_json_by_lang", {})  # _interaction_json's, not a field


@dataclass(frozen=True)
class Score:
    """A score; `scaled` defaults to (raw - min) / (max - min).

    Accepts ints, floats and Fractions (quizzes.scoring); stores JSON-ready
    numbers: integral values as int, others rounded to 4 decimals.
    """

    raw: float
    min: float
    max: float
    scaled: float | None = None

    def __post_init__(self) -> None:
        raw, low, high = self.raw, self.min, self.max
        if not low < high:
            raise ValueError(f"score min {low} must be below max {high}")
        if not low <= raw <= high:
            raise ValueError(f"score raw {raw} outside {low}..{high}")
        if self.scaled is None:
            object.__setattr__(self, "scaled", (raw - low) / (high - low))
        elif not -1 <= self.scaled <= 1:
            raise ValueError(f"score scaled {self.scaled} outside -1..1")
        for name in ("raw", "min", "max", "scaled"):  # e.g. Fractions from quizzes.scoring
            object.__setattr__(self, name, _number(getattr(self, name)))

    def as_dict(self) -> dict[str, float]:
        return {"raw": self.raw, "min": self.min, "max": self.max, "scaled": self.scaled}


@dataclass(frozen=True)
class StatementContext:
    """Context shared by a learner's statements (a single Activity or a sequence)."""

    registration: uuid.UUID | str | None = None
    parent: Activity | Sequence[Activity] = ()
    grouping: Activity | Sequence[Activity] = ()
    category: Activity | Sequence[Activity] = ()
    platform: str | None = None
    language: str | None = None

    def __post_init__(self) -> None:
        for name in ("parent", "grouping", "category"):
            value = getattr(self, name)
            value = (value,) if isinstance(value, Activity) else tuple(value)
            object.__setattr__(self, name, value)
        if self.registration is not None:
            object.__setattr__(self, "registration", str(uuid.UUID(str(self.registration))))

    @property
    def lang(self) -> str:
        return self.language or UNDETERMINED_LANGUAGE


EMPTY_CONTEXT = StatementContext()


class Statement(Mapping[str, Any]):
    """A built statement: its canonical JSON text, id and verb IRI; read-only.

    `json` is what the outbox stores and delivery re-sends. Reading it as a
    mapping (`statement["result"]`, `dict(statement)`) parses a private copy
    of that text on first use, so edits to what it returns change neither
    the statement nor any other.
    """

    __slots__ = ("id", "verb", "json", "_parsed")

    def __init__(self, *, id: str, verb: str, json: str) -> None:  # noqa: A002 (xAPI's name)
        self.id = id
        self.verb = verb
        self.json = json
        self._parsed: dict[str, Any] | None = None

    def _dict(self) -> dict[str, Any]:
        if self._parsed is None:
            self._parsed = json.loads(self.json)
        return self._parsed

    def __getitem__(self, key: str) -> Any:
        return self._dict()[key]

    def __iter__(self):
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._dict())

    def __or__(self, other: Mapping[str, Any]) -> dict[str, Any]:
        """A plain dict of this statement with `other`'s keys replacing its own (for tests)."""
        return {**self._dict(), **other}

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Statement):
            return self.json == other.json
        return NotImplemented if not isinstance(other, Mapping) else self._dict() == other

    __hash__ = None  # type: ignore[assignment]  # equal to dicts, which are unhashable

    def __repr__(self) -> str:
        return f"<Statement {self.id} {self.verb.rsplit('/', 1)[-1]}>"

ScoreLike = Score | tuple[float, float, float]


# ---------------------------------------------------------------------------
# Identifiers


def actor_for(*, user_id: str, email: str, name: str, mode: str, homepage: str) -> Actor:
    """The actor for a user in the configured XAPI_ACTOR_MODE.

    `account` (default, no personal data): homePage + our opaque user id.
    `mbox`: mailto IRI of the lowercased email, with the name.
    `mbox_sha1sum`: SHA-1 hex of that mailto IRI; no name (it would defeat the hash).
    """
    if mode == "account":
        if not str(user_id):
            raise ValueError("account mode needs a user id")
        return Actor(account_homepage=homepage, account_name=str(user_id))
    mbox = _mailto(email)
    if mode == "mbox":
        return Actor(mbox=mbox, name=name or None)
    if mode == "mbox_sha1sum":
        return Actor(mbox_sha1sum=hashlib.sha1(mbox.encode()).hexdigest())
    raise ValueError(f"unknown actor mode {mode!r} (account, mbox or mbox_sha1sum)")


def activity_iri(base: str, kind: str, key: object) -> str:
    """`{base}/{kind}/{key}`: key is a stable id, never a slug or title."""
    if not base.startswith(("https://", "http://")):
        raise ValueError(f"activity base must be an http(s) URL, got {base!r}")
    if kind not in vocab.ACTIVITY_KINDS:
        raise ValueError(f"unknown activity kind {kind!r}")
    key = str(key)
    if not _KEY_RE.fullmatch(key):
        raise ValueError(f"activity key {key!r} must be a plain id (letters, digits, ._~-)")
    return f"{base.rstrip('/')}/{kind}/{key}"


# ---------------------------------------------------------------------------
# Formatting


def format_timestamp(value: datetime) -> str:
    """Aware datetime -> "YYYY-MM-DDTHH:MM:SS.sssZ" (UTC, milliseconds truncated)."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("timestamp must be timezone-aware")
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def format_duration(value: timedelta) -> str:
    """timedelta -> ISO 8601 duration rounded to 0.01 s: "PT1H2M3.25S", "PT0S"."""
    if value < timedelta(0):
        raise ValueError("duration must not be negative")
    centis = (value // timedelta(microseconds=1) + 5_000) // 10_000
    hours, centis = divmod(centis, 360_000)
    minutes, centis = divmod(centis, 6_000)
    seconds, centis = divmod(centis, 100)
    out = "PT"
    if hours:
        out += f"{hours}H"
    if minutes:
        out += f"{minutes}M"
    if centis:
        out += f"{seconds}.{centis:02d}".rstrip("0") + "S"
    elif seconds or out == "PT":
        out += f"{seconds}S"
    return out


def serialize(statement: Mapping[str, Any]) -> str:
    """Canonical JSON: sorted keys, compact, UTF-8 text. Store and re-send these bytes.

    A built `Statement` is its own text already (the same canonical form).
    """
    if isinstance(statement, Statement):
        return statement.json
    return _dumps(statement)


def _dumps(value: Any) -> str:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


# ---------------------------------------------------------------------------
# Our question snapshots -> xAPI interactions


def question_from_snapshot(snapshot: Mapping[str, Any], *, iri: str) -> InteractionQuestion:
    """Map a question snapshot (quizzes app shape) to a cmi.interaction.

    Correct responses (consistent with quizzes.scoring): single_choice -> one
    pattern per correct choice (any matches); multiple_response -> all correct
    ids in one pattern (omitted when none is correct); true_false ->
    the id ("true"/"false") of the correct choice; sequencing -> choice ids
    ordered by `position`; matching -> "source[.]target" for every choice with
    a `target`; likert -> no pattern (every answer is acceptable).

    Only the fields named here are read, into a tuple that keys a cache: every
    attempt at a quiz revision (in the same order) shares one InteractionQuestion.
    """
    key = (
        snapshot["type"],
        str(snapshot["id"]),
        snapshot.get("prompt"),
        tuple(
            (str(c["id"]), c.get("text"), bool(c.get("correct")), c.get("position"),
             c.get("target"))
            for c in snapshot.get("choices") or ()
        ),
        tuple((str(t["id"]), t.get("text")) for t in snapshot.get("targets") or ()),
    )
    return _question(key, iri)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _question(key: tuple, iri: str) -> InteractionQuestion:
    qtype, question_id, prompt, choices, targets = key
    try:
        interaction_type = vocab.QUESTION_TYPE_TO_INTERACTION[qtype]
    except KeyError:
        raise ValueError(f"unknown question type {qtype!r}") from None
    components = tuple(Component(cid, text or cid) for cid, text, *_ in choices)
    correct = [cid for cid, _text, is_correct, *_ in choices if is_correct]
    common = {"iri": iri, "name": prompt or question_id, "interaction_type": interaction_type}

    if qtype == "single_choice":
        pattern = tuple(correct)  # one entry per acceptable choice; () = none is right
        return InteractionQuestion(**common, choices=components, correct_responses_pattern=pattern)
    if qtype == "multiple_response":
        # With no correct choice, picking nothing is right. xAPI would say [""],
        # which Ralph's strict model rejects (empty string): omit the pattern;
        # result.success still tells whether the learner was right.
        pattern = (vocab.RESPONSE_ITEM_DELIMITER.join(correct),) if correct else None
        return InteractionQuestion(**common, choices=components, correct_responses_pattern=pattern)
    if qtype == "true_false":
        if len(correct) != 1 or correct[0] not in ("true", "false"):
            raise ValueError("true_false needs exactly one correct choice, 'true' or 'false'")
        return InteractionQuestion(**common, correct_responses_pattern=(correct[0],))
    if qtype == "sequencing":
        # Same order as quizzes.scoring: by `position` (1-based), then list order.
        ordered = sorted(
            enumerate(choices),
            key=lambda ic: (ic[1][3] is None, ic[1][3] or 0, ic[0]),
        )
        pattern = (vocab.RESPONSE_ITEM_DELIMITER.join(c[0] for _, c in ordered),)
        return InteractionQuestion(**common, choices=components, correct_responses_pattern=pattern)
    if qtype == "matching":
        target_components = tuple(Component(tid, text or tid) for tid, text in targets)
        pairs = [(cid, str(target)) for cid, _t, _c, _p, target in choices if target]
        if not pairs:
            raise ValueError(f"matching question {question_id} has no source[.]target pair")
        pattern = (_pairs(pairs),)
        return InteractionQuestion(
            **common, source=components, target=target_components,
            correct_responses_pattern=pattern,
        )
    return InteractionQuestion(**common, scale=components)  # likert


def response_from_answer(snapshot: Mapping[str, Any], answer: Mapping[str, Any]) -> str:
    """Our normalized answer -> xAPI response syntax for the question's interaction.

    `{"choices": [ids]}` (choice, true-false, likert), `{"order": [ids]}`
    (sequencing), `{"matches": {choice_id: target_id}}` (matching). Choice and
    matching responses are written in the question's choice order, so equal
    answers give equal strings. Unknown ids raise ValueError.
    """
    qtype = snapshot["type"]
    choice_ids = [str(c["id"]) for c in snapshot.get("choices") or ()]
    known = set(choice_ids)
    if qtype in ("single_choice", "true_false", "likert", "multiple_response"):
        picked = [str(i) for i in answer.get("choices") or ()]
        _check_known(picked, known)
        if qtype != "multiple_response" and len(picked) != 1:
            raise ValueError(f"{qtype} answer needs exactly one choice, got {picked}")
        picked_set = set(picked)
        return vocab.RESPONSE_ITEM_DELIMITER.join(i for i in choice_ids if i in picked_set)
    if qtype == "sequencing":
        order = [str(i) for i in answer.get("order") or ()]
        _check_known(order, known)
        return vocab.RESPONSE_ITEM_DELIMITER.join(order)
    if qtype == "matching":
        matches = {str(k): str(v) for k, v in (answer.get("matches") or {}).items()}
        _check_known(list(matches), known)
        targets = {str(t["id"]) for t in snapshot.get("targets") or ()}
        _check_known(sorted(set(matches.values())), targets)  # a target may be used twice
        return _pairs([(i, matches[i]) for i in choice_ids if i in matches])
    raise ValueError(f"unknown question type {qtype!r}")


# ---------------------------------------------------------------------------
# Builders


def experienced(
    actor: Actor,
    lesson: Activity,
    ctx: StatementContext,
    timestamp: datetime,
    id: uuid.UUID | str | None = None,
) -> Statement:
    """The learner opened/read a lesson."""
    return _statement(
        actor,
        vocab.VERB_EXPERIENCED_ID,
        vocab.VERB_EXPERIENCED_DISPLAY,
        _activity_json(lesson, ctx.lang),
        ctx,
        timestamp,
        id,
    )


def attempted(
    actor: Actor,
    quiz: Activity,
    ctx: StatementContext,
    timestamp: datetime,
    id: uuid.UUID | str | None = None,
) -> Statement:
    """The learner started an attempt at a quiz (an assessment)."""
    return _statement(
        actor,
        vocab.VERB_ATTEMPTED_ID,
        vocab.VERB_ATTEMPTED_DISPLAY,
        _activity_json(quiz, ctx.lang),
        ctx,
        timestamp,
        id,
    )


def answered(
    actor: Actor,
    question: InteractionQuestion,
    response: str,
    success: bool | None,
    score: ScoreLike | None,
    ctx: StatementContext,
    timestamp: datetime,
    id: uuid.UUID | str | None = None,
    *,
    duration: timedelta | None = None,
) -> Statement:
    """The learner answered one question; `response` from `response_from_answer`.

    `success` None (e.g. likert) and an empty response are omitted; pass
    `score=None` for unscored questions (a score needs min < max).
    """
    result = _result(
        response=response or None,
        success=success,
        score=_as_score(score),
        duration=duration,
    )
    return _statement(
        actor,
        vocab.VERB_ANSWERED_ID,
        vocab.VERB_ANSWERED_DISPLAY,
        _interaction_json(question, ctx.lang),
        ctx,
        timestamp,
        id,
        result,
    )


def passed(
    actor: Actor,
    quiz: Activity,
    score: ScoreLike | None,
    duration: timedelta,
    ctx: StatementContext,
    timestamp: datetime,
    id: uuid.UUID | str | None = None,
    *,
    completion: bool = True,
) -> Statement:
    """The learner passed a quiz attempt: success, completion, score, duration.

    `score=None` for a quiz with nothing to score (max 0, e.g. a survey).
    `completion=False` leaves `result.completion` out (cmi5 9.5.3 allows it
    only on completed).
    """
    return _judged(True, actor, quiz, score, duration, ctx, timestamp, id, completion)


def failed(
    actor: Actor,
    quiz: Activity,
    score: ScoreLike | None,
    duration: timedelta,
    ctx: StatementContext,
    timestamp: datetime,
    id: uuid.UUID | str | None = None,
    *,
    completion: bool = True,
) -> Statement:
    """The learner failed a quiz attempt: success false, completion, score, duration."""
    return _judged(False, actor, quiz, score, duration, ctx, timestamp, id, completion)


def completed(
    actor: Actor,
    activity: Activity,
    ctx: StatementContext,
    timestamp: datetime,
    id: uuid.UUID | str | None = None,
    *,
    duration: timedelta | None = None,
) -> Statement:
    """The learner completed a lesson or a course."""
    return _statement(
        actor,
        vocab.VERB_COMPLETED_ID,
        vocab.VERB_COMPLETED_DISPLAY,
        _activity_json(activity, ctx.lang),
        ctx,
        timestamp,
        id,
        _result(completion=True, duration=duration),
    )


def initialized(
    actor: Actor,
    activity: Activity,
    ctx: StatementContext,
    timestamp: datetime,
    id: uuid.UUID | str | None = None,
) -> Statement:
    """A launched session is ready for the learner (cmi5 9.3.2): no result."""
    return _statement(
        actor,
        vocab.VERB_INITIALIZED_ID,
        vocab.VERB_INITIALIZED_DISPLAY,
        _activity_json(activity, ctx.lang),
        ctx,
        timestamp,
        id,
    )


def terminated(
    actor: Actor,
    activity: Activity,
    duration: timedelta,
    ctx: StatementContext,
    timestamp: datetime,
    id: uuid.UUID | str | None = None,
) -> Statement:
    """A launched session ended (cmi5 9.3.8): `duration` is the session's time."""
    return _statement(
        actor,
        vocab.VERB_TERMINATED_ID,
        vocab.VERB_TERMINATED_DISPLAY,
        _activity_json(activity, ctx.lang),
        ctx,
        timestamp,
        id,
        _result(duration=duration),
    )


# ---------------------------------------------------------------------------
# Internals


@dataclass(frozen=True)
class _Result:
    """What goes into result, kept as plain values for post-processing."""

    response: str | None = None
    success: bool | None = None
    completion: bool | None = None
    score: Score | None = None
    duration: timedelta | None = None


def _result(**values: Any) -> _Result | None:
    result = _Result(**values)
    return None if all(v is None for v in vars(result).values()) else result


def _judged(
    success: bool,
    actor: Actor,
    quiz: Activity,
    score: ScoreLike | None,
    duration: timedelta,
    ctx: StatementContext,
    timestamp: datetime,
    id: uuid.UUID | str | None,
    completion: bool = True,
) -> Statement:
    verb = vocab.VERB_PASSED_ID if success else vocab.VERB_FAILED_ID
    display = vocab.VERB_PASSED_DISPLAY if success else vocab.VERB_FAILED_DISPLAY
    result = _result(success=success, completion=True if completion else None,
                     score=_as_score(score), duration=duration)
    obj = _activity_json(quiz, ctx.lang)
    return _statement(actor, verb, display, obj, ctx, timestamp, id, result)


def _statement(
    actor: Actor,
    verb_id: str,
    verb_display: Mapping[str, str],
    obj: str,
    ctx: StatementContext,
    timestamp: datetime,
    statement_id: uuid.UUID | str | None,
    result: _Result | None = None,
) -> Statement:
    """Assemble a statement's canonical text from its parts' canonical texts.

    Every part (actor, verb, object, result, context) is built through
    tincan's models, `as_version()` with the fixes listed at the top, and
    serialized once per process and value (cached below); a statement is
    those texts under its sorted keys, plus its id and timestamp. The text is
    exactly `serialize()` of the dict `tincan.Statement(...).as_version()`
    would give for these parts, without rebuilding the same tincan objects
    and re-encoding the same JSON a dozen times per quiz submit.
    """
    stamp = format_timestamp(timestamp)  # validates awareness
    if statement_id is None:
        sid = str(uuid.uuid4())
    else:
        sid = str(uuid.UUID(str(statement_id)))
        if not tincan.Statement._UUID_REGEX.match(sid):
            raise ValueError("Invalid UUID string")  # what tincan.Statement(id=...) raises
    parts = [
        ("actor", _agent_json(actor)),
        ("id", f'"{sid}"'),  # hex digits and dashes: no escaping
        ("object", obj),
        ("timestamp", f'"{stamp}"'),  # digits, "-", ":", ".", "T", "Z"
        ("verb", _verb_json(verb_id, tuple(verb_display.items()))),
    ]
    if result is not None:
        parts.append(("result", _result_json(result)))
    context = _context_json(ctx)
    if context is not None:
        parts.append(("context", context))
    return Statement(id=sid, verb=verb_id, json=_object_json(parts))


def _object_json(parts: list[tuple[str, str]]) -> str:
    """A JSON object from (key, canonical JSON text) pairs, as `serialize` writes it.

    Keys are plain ASCII names (no escaping); sorted as json.dumps(sort_keys=True) sorts.
    """
    parts.sort()
    return "{" + ",".join(f'"{key}":{text}' for key, text in parts) + "}"


# Caches of tincan-built parts as canonical JSON text, keyed by value (frozen
# dataclasses and strings), so a hit is the same output by construction.


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _result_json(result: _Result) -> str:
    score = result.score
    out = tincan.Result(
        response=result.response,
        success=result.success,
        completion=result.completion,
        duration=result.duration,
        score=tincan.Score(raw=score.raw, min=score.min, max=score.max, scaled=score.scaled)
        if score is not None
        else None,
    ).as_version()
    if result.duration is not None:
        out["duration"] = format_duration(result.duration)
    if score is not None:
        out["score"] = score.as_dict()
    return _dumps(out)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _agent_json(actor: Actor) -> str:
    if actor.account_name is not None:
        account = tincan.AgentAccount(home_page=actor.account_homepage, name=actor.account_name)
        return _dumps(tincan.Agent(account=account, name=actor.name).as_version())
    # Only set what is there: tincan's mbox setter crashes on None.
    ifi = {"mbox": actor.mbox} if actor.mbox else {"mbox_sha1sum": actor.mbox_sha1sum}
    return _dumps(tincan.Agent(**ifi, name=actor.name).as_version())


@functools.lru_cache(maxsize=64)
def _verb_json(verb_id: str, display: tuple[tuple[str, str], ...]) -> str:
    return _dumps(
        tincan.Verb(id=verb_id, display=tincan.LanguageMap(dict(display))).as_version()
    )


def _lang_map(text: str | None, lang: str) -> tincan.LanguageMap | None:
    return tincan.LanguageMap({lang: text}) if text else None


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _activity_json(activity: Activity, lang: str) -> str:
    return _dumps(_tincan_activity(activity, lang).as_version())


def _tincan_activity(activity: Activity, lang: str) -> tincan.Activity:
    definition = tincan.ActivityDefinition(
        name=_lang_map(activity.name, lang),
        description=_lang_map(activity.description, lang),
        type=activity.type,
    )
    return tincan.Activity(id=activity.iri, definition=definition)


def _components(components: tuple[Component, ...], lang: str) -> list | None:
    if not components:
        return None
    return [
        tincan.InteractionComponent(id=c.id, description=_lang_map(c.description, lang))
        for c in components
    ]


def _interaction_json(question: InteractionQuestion, lang: str) -> str:
    """The question's text in `lang`, kept on the (immutable, shared: `_question`) instance."""
    texts = question._json_by_lang
    if lang not in texts:
        texts[lang] = _build_interaction_json(question, lang)
    return texts[lang]


def _build_interaction_json(question: InteractionQuestion, lang: str) -> str:
    pattern = question.correct_responses_pattern
    definition = tincan.ActivityDefinition(
        name=_lang_map(question.name, lang),
        description=_lang_map(question.description, lang),
        type=vocab.ACTIVITY_TYPE_INTERACTION,
        interaction_type=question.interaction_type,
        correct_responses_pattern=list(pattern) if pattern is not None else None,
        choices=_components(question.choices, lang),
        source=_components(question.source, lang),
        target=_components(question.target, lang),
        scale=_components(question.scale, lang),
    )
    return _dumps(tincan.Activity(id=question.iri, definition=definition).as_version())


def _context_json(ctx: StatementContext) -> str | None:
    """The context's text: its parts are cached without the registration, which is per attempt."""
    parts = _context_parts(ctx.parent, ctx.grouping, ctx.category, ctx.platform, ctx.language)
    if ctx.registration is None:
        return None if parts is None else _object_json(list(parts))
    # what tincan writes: the UUID's str (hex digits and dashes)
    return _object_json([*(parts or ()), ("registration", f'"{ctx.registration}"')])


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _context_parts(
    parent: tuple[Activity, ...],
    grouping: tuple[Activity, ...],
    category: tuple[Activity, ...],
    platform: str | None,
    language: str | None,
) -> tuple[tuple[str, str], ...] | None:
    """(key, canonical JSON text) of each part tincan writes for this context but registration."""
    lang = language or UNDETERMINED_LANGUAGE
    groups = {
        name: [_tincan_activity(a, lang) for a in activities]
        for name, activities in (("parent", parent), ("grouping", grouping),
                                 ("category", category))
        if activities
    }
    context_activities = tincan.ContextActivities(**groups) if groups else None
    if context_activities is None and not (platform or language):
        return None
    context = tincan.Context(
        context_activities=context_activities,
        platform=platform or None,
        language=language or None,
    ).as_version()
    return tuple((key, _dumps(value)) for key, value in context.items())


def _as_score(score: ScoreLike | None) -> Score | None:
    if score is None or isinstance(score, Score):
        return score
    raw, low, high = score
    return Score(raw=raw, min=low, max=high)


def _number(value: Real | None) -> float | int | None:
    """A JSON number: integral values as int (3, not 3.0), others as float, 4 decimals."""
    if value is None:
        return None
    if type(value) is int:  # the common case, without the ABC check below
        return value
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"not a number: {value!r}")
    if value == int(value):
        return int(value)
    return round(float(value), 4)


def _mailto(email: str) -> str:
    email = email.strip().lower()
    if email.count("@") != 1 or any(ch.isspace() for ch in email):
        raise ValueError(f"not an email address: {email!r}")
    return f"mailto:{email}"


def _pairs(pairs: Sequence[tuple[str, str]]) -> str:
    return vocab.RESPONSE_ITEM_DELIMITER.join(
        f"{source}{vocab.RESPONSE_PAIR_DELIMITER}{target}" for source, target in pairs
    )


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _check_component_id(component_id: str) -> None:
    if not component_id or any(ch.isspace() for ch in component_id):
        raise ValueError(f"component id {component_id!r} must be non-empty without whitespace")
    if any(d in component_id for d in _DELIMITERS):
        raise ValueError(f"component id {component_id!r} contains a response delimiter")


def _check_known(ids: Sequence[str], known: set[str]) -> None:
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ValueError(f"unknown ids in answer: {unknown}")
    if len(set(ids)) != len(ids):
        raise ValueError(f"repeated ids in answer: {list(ids)}")
