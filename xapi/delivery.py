"""Delivery: claim due outbox rows, send them to the LRS, record what happened.

A round claims batches until nothing is due or the LRS is unavailable. Each
batch goes through three short steps, and no transaction is held open while
the HTTP request runs:

1. Claim (one transaction): select due pending rows, oldest first, with
   `select_for_update(skip_locked=True, of=("self",))` on PostgreSQL so
   concurrent workers take disjoint rows; push their `next_attempt_at` one
   lease ahead and count the attempt (on PostgreSQL as one statement, `WITH
   due AS (SELECT ... FOR UPDATE SKIP LOCKED) UPDATE ... RETURNING`). Once
   that commits, no other worker sees the rows as due, so nothing is sent
   twice within a round.
2. Send the stored payloads unchanged (`backend.send`, which never raises for
   LRS or network trouble and has a timeout).
3. Mark: delivered; rejected (a statement the LRS refuses: 400/409/413/422,
   the batch bisected to isolate it); or deferred with backoff (network error,
   timeout, 408/429/5xx, honouring Retry-After; 401/403/404 and other
   configuration problems pause delivery with an error log, never reject).

A round is pipelined one batch deep, with one request in flight at a time:
while a batch is on the wire (sent by a sender thread that does nothing but
HTTP; every database access stays on the calling thread, Django connections
being per thread), the round claims the next batch, and once the LRS accepts
the batch, the next one goes out before the accepted one is marked. So the
LRS waits for neither the claim nor the mark. After any other answer the batch
is settled first (bisection, backoff); if the LRS stalls, the batch claimed
ahead is deferred with the same delay, and if the worker is told to stop, it
is released (due again at once), never left leased.

Crash safety: a worker killed between 1 and 3 (or holding a batch claimed
ahead) leaves its rows pending with `next_attempt_at` at the lease's end;
they are then claimed again and re-sent.
The statement ids make the re-send idempotent (the LRS answers 200/204 for an
identical statement it holds), so the LRS never stores a statement twice.

SQLite has no SELECT ... FOR UPDATE; our settings open every transaction with
BEGIN IMMEDIATE, which serializes claims, but run a single worker there.
Holding a transaction across the HTTP call would, with BEGIN IMMEDIATE, block
every learner's write for up to the LRS timeout: hence the lease.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string

from touchpoint.redaction import redact
from xapi.backends.base import Delivered, LRSBackend, Rejected, Retryable, SendResult
from xapi.models import OutboxStatement
from xapi.retry import next_delay, split_batch

__all__ = ["RoundReport", "claim_batch", "deliver_batch", "deliver_round", "get_backend"]

logger = logging.getLogger(__name__)

DEFAULT_BACKEND = "xapi.backends.tincan_lrs.TincanLRSBackend"
DEFAULT_CLAIM_SECONDS = 120.0
DEFAULT_MAX_SERVER_ERRORS = 10
CONFIGURATION_PAUSE = 60.0  # at least this long after a 401/403/404
TRANSIENT_SERVER_STATUSES = frozenset({502, 503, 504})  # a proxy or LRS that is (re)starting
PENDING = OutboxStatement.Status.PENDING


@dataclass
class RoundReport:
    """What one round (or one batch) did; `stalled`: the LRS is unavailable, try later."""

    batches: int = 0  # claimed and sent (one claimed ahead, then handed back unsent, is not)
    requests: int = 0  # HTTP requests (bisection sends more than one per batch)
    delivered: int = 0
    rejected: int = 0
    deferred: int = 0
    stalled: bool = False

    def add(self, other: RoundReport) -> None:
        for name in ("batches", "requests", "delivered", "rejected", "deferred"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.stalled = self.stalled or other.stalled

    def as_dict(self) -> dict[str, int | bool]:
        return asdict(self)


def get_backend() -> LRSBackend:
    """The LRS backend named by settings.XAPI_BACKEND (a dotted path), built from settings."""
    backend_class = import_string(getattr(settings, "XAPI_BACKEND", DEFAULT_BACKEND))
    return backend_class.from_settings()


def deliver_round(
    *,
    backend: LRSBackend | None = None,
    batch_size: int | None = None,
    max_batches: int | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> RoundReport:
    """Deliver due statements batch by batch until none is due, the LRS stalls, or told to stop.

    `should_stop` is checked before each batch is sent (a worker's SIGTERM):
    the batch in flight is always finished and marked, a batch claimed ahead
    is released. It is called on the sender thread too, so it must be
    thread-safe (threading.Event.is_set is). At most `max_batches` batches
    are claimed.
    """
    backend = backend or get_backend()
    size = batch_size or settings.XAPI_BATCH_SIZE
    if max_batches == 0 or (should_stop is not None and should_stop()):
        return RoundReport()
    wire = ThreadPoolExecutor(max_workers=1, thread_name_prefix="xapi-send")
    try:
        return _Pipeline(backend, wire, size=size, should_stop=should_stop).run(
            max_batches=max_batches
        )
    finally:
        wire.shutdown(cancel_futures=True)  # after an error: send nothing more


def deliver_batch(backend: LRSBackend, *, batch_size: int) -> RoundReport | None:
    """Claim, send and mark one batch (no pipelining); None when nothing is due."""
    batch = _claim(batch_size)
    if batch is None:
        return None
    return _Sender(backend, deadline=batch.deadline).run(batch.rows)


@dataclass
class _Batch:
    rows: list[OutboxStatement]
    deadline: float  # monotonic time after which no request for these rows may start


def _claim(size: int) -> _Batch | None:
    lease = _lease_seconds()
    deadline = time.monotonic() + lease / 2
    rows = claim_batch(size, lease=lease)
    return _Batch(rows, deadline) if rows else None


Sent = tuple[SendResult, float]  # the LRS's answer, and how long it took


class _Pipeline:
    """One round, one batch deep: claim the next batch while one is on the wire.

    `wire` (one thread) only sends. The batch claimed ahead is queued there
    behind the one in flight and goes out the moment the LRS accepts that one,
    without waiting for this thread, which meanwhile marks the accepted batch.
    Claiming, marking and every other database access stay on this thread.
    """

    def __init__(self, backend: LRSBackend, wire: ThreadPoolExecutor, *, size: int,
                 should_stop: Callable[[], bool] | None) -> None:
        self.backend = backend
        self.wire = wire
        self.size = size
        self.should_stop = should_stop or (lambda: False)
        self.report = RoundReport()

    def run(self, *, max_batches: int | None) -> RoundReport:
        batch = _claim(self.size)  # deliver_round checked should_stop just before
        in_flight = self.wire.submit(_timed_send, self.backend, _payloads(batch)) if batch else None
        while in_flight is not None:
            room = max_batches is None or self.report.batches + 1 < max_batches
            ahead = _claim(self.size) if room else None  # while `batch` is on the wire
            queued = self.wire.submit(self._send, ahead, after=in_flight) if ahead else None
            first = in_flight.result()
            if first is None:  # told to stop before `batch` went out
                _release(batch.rows + (ahead.rows if ahead else []))
                break
            held = ahead.rows if ahead and not isinstance(first[0], Delivered) else []
            if held:
                queued.result()  # None at once: `ahead` waits until `batch` is settled
            done = _Sender(self.backend, deadline=batch.deadline, behind=held).run(
                batch.rows, first=first
            )
            self.report.add(done)
            if held:
                queued = None if done.stalled else self.wire.submit(self._send, ahead, after=None)
            batch, in_flight = ahead, queued
        return self.report

    def _send(self, batch: _Batch, *, after: Future[Sent | None] | None) -> Sent | None:
        """On the sender thread: send `batch` unless told to stop (then None, not sent).

        With `after` (the batch before, sent on this thread, so already done):
        only if the LRS accepted that one.
        """
        if after is not None:
            previous = after.result()
            if previous is None or not isinstance(previous[0], Delivered):
                return None
        if self.should_stop():
            return None
        return _timed_send(self.backend, _payloads(batch))


def _payloads(batch: _Batch) -> list[str]:
    return [row.payload for row in batch.rows]


def _timed_send(backend: LRSBackend, payloads: list[str]) -> Sent:
    started = time.monotonic()
    result = backend.send(payloads)
    return result, time.monotonic() - started


def _release(rows: list[OutboxStatement]) -> None:
    """Hand back rows claimed but never sent: due again now, for this or another worker."""
    OutboxStatement.objects.filter(pk__in=_pks(rows), status=PENDING).update(
        next_attempt_at=timezone.now()
    )
    _log(rows, "released", None, 0.0)


def claim_batch(size: int, *, lease: float) -> list[OutboxStatement]:
    """Take up to `size` due pending rows for `lease` seconds (see the module docstring)."""
    now = timezone.now()
    until = now + timedelta(seconds=lease)
    if connection.vendor == "postgresql":
        return _claim_returning(size, now=now, until=until)
    with transaction.atomic():
        due = OutboxStatement.objects.filter(status=PENDING, next_attempt_at__lte=now)
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True, of=("self",))
        rows = list(
            due.order_by("next_attempt_at", "id").only(*_CLAIMED_FIELDS)[:size]
        )
        if rows:
            OutboxStatement.objects.filter(pk__in=[row.pk for row in rows]).update(
                attempts=F("attempts") + 1,
                last_attempt_at=now,
                next_attempt_at=until,
            )
    for row in rows:
        row.attempts += 1
    return rows


_CLAIMED_FIELDS = ("id", "statement_id", "payload", "attempts", "server_errors")


def _claim_returning(size: int, *, now, until) -> list[OutboxStatement]:
    """The claim as one statement (one round trip, no BEGIN/COMMIT): PostgreSQL.

    The same rows, locks and lease as the two-step claim: due pending rows,
    oldest first, `FOR UPDATE SKIP LOCKED`, leased and counted by the UPDATE,
    returned (with the count after it) in the order they were due.
    """
    table = connection.ops.quote_name(OutboxStatement._meta.db_table)
    sql = f"""
        WITH due AS (
            SELECT id, next_attempt_at FROM {table}
            WHERE status = %s AND next_attempt_at <= %s
            ORDER BY next_attempt_at, id
            LIMIT %s
            FOR UPDATE SKIP LOCKED
        )
        UPDATE {table} AS claimed
        SET attempts = claimed.attempts + 1, last_attempt_at = %s, next_attempt_at = %s
        FROM due
        WHERE claimed.id = due.id
        RETURNING due.next_attempt_at, {", ".join(f"claimed.{f}" for f in _CLAIMED_FIELDS)}
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [PENDING, now, size, now, until])
        found = cursor.fetchall()
    found.sort(key=lambda values: (values[0], values[1]))
    db = connection.alias
    return [OutboxStatement.from_db(db, _CLAIMED_FIELDS, values[1:]) for values in found]


class _Sender:
    """Sends one claimed batch, bisecting rejected parts, and marks every row.

    `behind`: rows claimed ahead, not sent; deferred with the batch if the LRS stalls.
    """

    def __init__(
        self, backend: LRSBackend, *, deadline: float, behind: list[OutboxStatement] | None = None
    ) -> None:
        self.backend = backend
        self.deadline = deadline
        self.behind = behind or []
        self.timeout = float(getattr(settings, "XAPI_LRS_TIMEOUT", 10.0))
        self.max_server_errors = int(
            getattr(settings, "XAPI_MAX_SERVER_ERRORS", DEFAULT_MAX_SERVER_ERRORS)
        )
        self.report = RoundReport(batches=1)

    def run(
        self, rows: list[OutboxStatement], *, first: tuple[SendResult, float] | None = None
    ) -> RoundReport:
        """`first`: the answer to sending `rows` whole (and its time), if already sent."""
        parts: deque[list[OutboxStatement]] = deque([rows])
        while parts:
            part = parts.popleft()
            if first is not None:
                (result, elapsed), first = first, None
            elif time.monotonic() + self.timeout > self.deadline:
                # Bisection ran long: hand the rest back before the lease runs out.
                self._defer([part, *parts], delay=0.0, reason="", outcome="released")
                break
            else:
                result, elapsed = _timed_send(self.backend, [row.payload for row in part])
            self.report.requests += 1
            if isinstance(result, Delivered):
                self._delivered(part, result, elapsed)
            elif isinstance(result, Rejected) and result.splittable:
                if len(part) > 1:
                    _log(part, "split", result.status, elapsed, error=result.message)
                    parts.extendleft(reversed(split_batch(part)))
                else:
                    self._rejected(part[0], f"HTTP {result.status}: {result.message}", elapsed)
            elif isinstance(result, Rejected):
                self._pause(part, parts, result, elapsed)
                break
            elif self._counts_as_permanent(part, result):
                if len(part) > 1:
                    _log(part, "split", result.status, elapsed, error=result.reason)
                    parts.extendleft(reversed(split_batch(part)))
                else:
                    reason = f"gave up after {part[0].server_errors} server errors: {result.reason}"
                    self._rejected(part[0], reason, elapsed)
            else:
                self._retry_later(part, parts, result, elapsed)
                break
        return self.report

    # -- outcomes ------------------------------------------------------------

    def _delivered(self, part: list[OutboxStatement], result: Delivered, elapsed: float) -> None:
        OutboxStatement.objects.filter(pk__in=_pks(part), status=PENDING).update(
            status=OutboxStatement.Status.DELIVERED, delivered_at=timezone.now(), last_error=""
        )
        self.report.delivered += len(part)
        _log(part, "delivered", result.status, elapsed)

    def _rejected(self, row: OutboxStatement, message: str, elapsed: float) -> None:
        OutboxStatement.objects.filter(pk=row.pk, status=PENDING).update(
            status=OutboxStatement.Status.REJECTED, last_error=redact(message)
        )
        self.report.rejected += 1
        _log([row], "rejected", None, elapsed, error=message, level=logging.WARNING)

    def _retry_later(
        self, part: list[OutboxStatement], rest: deque, result: Retryable, elapsed: float
    ) -> None:
        attempt = max(row.attempts for row in part)
        delay = next_delay(attempt, retry_after=result.retry_after)
        self._defer([part, *rest, self.behind], delay=delay, reason=result.reason, outcome="retry")
        _log(part, "retry", result.status, elapsed, error=result.reason, retry_in=delay)

    def _pause(
        self, part: list[OutboxStatement], rest: deque, result: Rejected, elapsed: float
    ) -> None:
        """401/403/404...: every statement would fail alike. Keep them, alert, wait."""
        attempt = max(row.attempts for row in part)
        delay = max(CONFIGURATION_PAUSE, next_delay(attempt))
        reason = f"HTTP {result.status}: {result.message} (check XAPI_LRS_* settings)"
        self._defer([part, *rest, self.behind], delay=delay, reason=reason, outcome="paused")
        _log(part, "paused", result.status, elapsed, error=reason, retry_in=delay,
             level=logging.ERROR)

    def _defer(self, parts, *, delay: float, reason: str, outcome: str) -> None:
        rows = [row for part in parts for row in part]
        fields = {"next_attempt_at": timezone.now() + timedelta(seconds=delay)}
        if reason:
            fields["last_error"] = redact(reason)  # shown in the admin: no credentials
        OutboxStatement.objects.filter(pk__in=_pks(rows), status=PENDING).update(**fields)
        self.report.deferred += len(rows)
        self.report.stalled = outcome != "released"

    def _counts_as_permanent(self, part: list[OutboxStatement], result: Retryable) -> bool:
        """Count a plain 5xx against the rows; past the cap, treat it as a rejection."""
        status = result.status
        if status is None or status < 500 or status in TRANSIENT_SERVER_STATUSES:
            return False
        OutboxStatement.objects.filter(pk__in=_pks(part)).update(
            server_errors=F("server_errors") + 1
        )
        for row in part:
            row.server_errors += 1
        return min(row.server_errors for row in part) >= self.max_server_errors


def _lease_seconds() -> float:
    timeout = float(getattr(settings, "XAPI_LRS_TIMEOUT", 10.0))
    return max(float(getattr(settings, "XAPI_CLAIM_SECONDS", DEFAULT_CLAIM_SECONDS)), 3 * timeout)


def _pks(rows: list[OutboxStatement]) -> list[int]:
    return [row.pk for row in rows]


def _log(
    rows: list[OutboxStatement],
    outcome: str,
    status: int | None,
    elapsed: float,
    *,
    error: str = "",
    retry_in: float | None = None,
    level: int = logging.INFO,
) -> None:
    """One structured line per LRS request: key=value text plus the same fields in `extra`."""
    fields = {
        "outcome": outcome,
        "size": len(rows),
        "status": status if status is not None else "-",
        "elapsed_ms": round(elapsed * 1000),
        "attempt": max(row.attempts for row in rows),
        "first_id": str(rows[0].statement_id),
    }
    if retry_in is not None:
        fields["retry_in_s"] = round(retry_in, 1)
    if error:
        fields["error"] = error[:300]
    text = " ".join(
        f"{key}={value!r}" if key == "error" else f"{key}={value}" for key, value in fields.items()
    )
    logger.log(level, "xapi.batch %s", text, extra={"event": "xapi.batch", "xapi": fields})
