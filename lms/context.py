"""Which launch a request belongs to: the browser session's grants, and the current one.

A launch logs the browser in as the LMS learner and grants it one lesson
(`grant_add`); a second launch of another lesson in the same browser adds a
second grant. lms/middleware.py finds the grant a request falls under and
makes it `current()` while the view runs, so the receivers (lms/receivers.py)
record a learning event for that launch only, and cost nothing for every
other request.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass

__all__ = ["SESSION_KEY", "Grant", "current", "grant_add", "grant_remove", "grants", "within"]

SESSION_KEY = "lms_launches"


@dataclass(frozen=True)
class Grant:
    session_pk: int
    public_id: str
    lesson_id: int
    kind: str  # cmi5 | tincan
    mode: str  # Normal | Browse | Review
    path: str  # the lesson page's path when launched
    title: str

    @property
    def read_only(self) -> bool:
        return self.mode != "Normal"


_current: ContextVar[Grant | None] = ContextVar("lms_current_grant", default=None)


def current() -> Grant | None:
    return _current.get()


@contextmanager
def within(grant: Grant | None) -> Iterator[None]:
    token = _current.set(grant)
    try:
        yield
    finally:
        _current.reset(token)


def grants(session) -> list[Grant] | None:
    """The browser session's grants; None for a browser no LMS launched."""
    stored = session.get(SESSION_KEY)
    if stored is None:
        return None
    return [Grant(**values) for values in stored.values()]


def grant_add(session, grant: Grant) -> None:
    """Grant a lesson (replacing an earlier launch of the same lesson)."""
    stored = dict(session.get(SESSION_KEY) or {})
    stored[str(grant.lesson_id)] = asdict(grant)
    session[SESSION_KEY] = stored


def grant_remove(session, public_id: str) -> list[Grant]:
    """Withdraw a launch's grant; returns the grants left."""
    stored = {key: values for key, values in (session.get(SESSION_KEY) or {}).items()
              if values["public_id"] != public_id}
    session[SESSION_KEY] = stored
    return [Grant(**values) for values in stored.values()]
