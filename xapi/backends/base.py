"""The contract every LRS backend fulfils, and the HTTP outcome classification.

`send()` takes already-serialized statements (the exact strings stored in the
outbox) and returns what happened as a value; it does not raise for anything
the LRS or the network does.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

__all__ = [
    "Delivered",
    "LRSBackend",
    "Rejected",
    "Retryable",
    "SendResult",
    "classify_response",
    "parse_retry_after",
]

RETRYABLE_STATUSES = frozenset({408, 429})  # plus every 5xx
# Rejections caused by the statements themselves: splitting the batch isolates
# the culprit (400/422 invalid, 409 conflicting id, 413 too large). Anything
# else (401/403/404, 3xx, ...) is about the endpoint or credentials: every
# statement would fail the same way.
STATEMENT_STATUSES = frozenset({400, 409, 413, 422})
_MESSAGE_LIMIT = 2000


@dataclass(frozen=True)
class Delivered:
    """The LRS holds every statement of the batch (200, or 204 when all were known)."""

    status: int
    ids: tuple[str, ...] = ()  # ids the LRS reported as newly stored


@dataclass(frozen=True)
class Retryable:
    """Nothing was stored for sure; send the same bytes again later."""

    reason: str
    retry_after: float | None = None  # seconds, from a Retry-After header
    status: int | None = None  # None: network error or timeout


@dataclass(frozen=True)
class Rejected:
    """The LRS refused the batch; re-sending it unchanged will fail again."""

    status: int
    message: str

    @property
    def splittable(self) -> bool:
        """True when a statement is at fault (bisect the batch), False for config problems."""
        return self.status in STATEMENT_STATUSES


SendResult = Delivered | Retryable | Rejected


class LRSBackend(ABC):
    """Sends batches of serialized statements to a Learning Record Store."""

    @classmethod
    def from_settings(cls) -> LRSBackend:
        """Build the backend from Django settings (read when called, never at import)."""
        return cls()

    @abstractmethod
    def send(self, batch: list[str]) -> SendResult:
        """POST `batch` (serialized statement JSON strings) as one JSON array."""


def classify_response(status: int, headers: Mapping[str, str], body: bytes | str) -> SendResult:
    """Turn an LRS HTTP answer to a statements POST into a SendResult."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    if 200 <= status < 300:
        return Delivered(status=status, ids=_ids(text))
    if status in RETRYABLE_STATUSES or 500 <= status < 600:
        return Retryable(
            reason=f"HTTP {status}: {_message(text)}",
            retry_after=parse_retry_after(_header(headers, "Retry-After")),
            status=status,
        )
    return Rejected(status=status, message=_message(text))


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP-date (RFC 9110 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _header(headers: Mapping[str, str], name: str) -> str | None:
    getter = getattr(headers, "get", None)
    value = getter(name) if getter else None
    if value is None:
        value = next((v for k, v in headers.items() if k.lower() == name.lower()), None)
    return value


def _ids(text: str) -> tuple[str, ...]:
    try:
        data = json.loads(text) if text.strip() else []
    except ValueError:
        return ()
    return tuple(str(i) for i in data) if isinstance(data, list) else ()


def _message(text: str) -> str:
    """The LRS's error message: `detail` of a FastAPI/Ralph error body, else the text."""
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict) and "detail" in data:
        detail = data["detail"]
        text = detail if isinstance(detail, str) else json.dumps(detail, separators=(",", ":"))
    text = text.strip() or "(empty body)"
    return text[:_MESSAGE_LIMIT]
