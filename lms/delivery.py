"""Delivery to LMSs: each launch session's statements, in sequence order, each once.

A round repeatedly claims one session whose first pending statement is due
and sends that session's pending statements, oldest first, as one array (an
LMS applies them in array order). Per session, nothing goes out before every
earlier statement is delivered (or refused for good), so `initialized` always
precedes and `terminated` always ends what the LMS receives.

1. Claim (one transaction): lock the session row (`SKIP LOCKED` on
   PostgreSQL, so workers take different sessions), lease its pending rows
   (`next_attempt_at` one lease ahead) and count the attempt.
2. Send, with no transaction open (lms/client.py: timeouts, no redirects,
   only allowed origins).
3. Mark: delivered; on a network error, timeout, 408/429/5xx every pending
   row of the session waits (backoff from xapi/retry.py, honouring
   Retry-After); on a 4xx the batch is sent again one statement at a time and
   a statement the LMS still refuses is marked rejected (an LMS refuses
   statements of a session it has closed: retrying cannot help).

A worker killed between 1 and 3 leaves the rows leased; they are claimed
again when the lease ends and re-sent with the same ids, which an LRS
accepts as already stored. Rows live in the database, so nothing is lost
when a web process or the worker restarts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from xapi.backends.base import Delivered, Rejected, SendResult
from xapi.retry import next_delay

from .client import LmsClient, OriginNotAllowed
from .models import LaunchSession, LmsStatement

__all__ = ["SESSION_MAX_AGE", "RoundReport", "deliver_round", "expire_sessions"]

logger = logging.getLogger(__name__)

BATCH_SIZE = 50
# A session left open this long (the learner closed the window without Exit) is over:
# the LMS abandons it at the next launch anyway; its token is forgotten.
SESSION_MAX_AGE = timedelta(hours=24)
PENDING = LmsStatement.Status.PENDING


@dataclass
class RoundReport:
    sessions: int = 0
    requests: int = 0
    delivered: int = 0
    rejected: int = 0
    deferred: int = 0

    def add(self, other: RoundReport) -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def deliver_round(*, should_stop: Callable[[], bool] | None = None,
                  max_sessions: int | None = None) -> RoundReport:
    """Deliver every session with a due statement, one session at a time, until none is due."""
    report = RoundReport()
    skipped: set[int] = set()
    while not (should_stop and should_stop()):
        if max_sessions is not None and report.sessions >= max_sessions:
            break
        claimed = _claim(skipped)
        if claimed is None:
            break
        session, rows = claimed
        report.sessions += 1
        report.add(_Sender(session).run(rows))
        skipped.add(session.pk)  # once per round: a session that keeps failing waits
        _forget_token_when_done(session)
    return report


def _lease_seconds() -> float:
    return max(60.0, 3 * float(settings.CMI5_LMS_TIMEOUT))


def _claim(skipped: set[int]) -> tuple[LaunchSession, list[LmsStatement]] | None:
    now = timezone.now()
    due = (
        LmsStatement.objects.filter(status=PENDING, next_attempt_at__lte=now)
        .exclude(session_id__in=skipped)
        .order_by("next_attempt_at", "id").values_list("session_id", flat=True)
    )
    for session_pk in dict.fromkeys(due[:20]):
        with transaction.atomic():
            sessions = LaunchSession.objects.filter(pk=session_pk)
            if connection.features.has_select_for_update_skip_locked:
                sessions = sessions.select_for_update(skip_locked=True, of=("self",))
            session = sessions.first()
            if session is None:
                continue  # another worker has it
            rows = list(
                LmsStatement.objects.filter(session=session, status=PENDING)
                .order_by("sequence")[:BATCH_SIZE]
            )
            if not rows or rows[0].next_attempt_at > now:
                skipped.add(session_pk)  # its first statement is leased or waiting: keep order
                continue
            LmsStatement.objects.filter(pk__in=[row.pk for row in rows]).update(
                attempts=F("attempts") + 1,
                next_attempt_at=now + timedelta(seconds=_lease_seconds()),
            )
            for row in rows:
                row.attempts += 1
            return session, rows
    return None


class _Sender:
    def __init__(self, session: LaunchSession) -> None:
        self.session = session
        self.report = RoundReport()

    def run(self, rows: list[LmsStatement]) -> RoundReport:
        try:
            client = LmsClient(endpoint=self.session.endpoint, auth=self.session.auth or None)
        except OriginNotAllowed as error:  # the allowlist changed since the launch
            self._defer(rows, delay=3600.0, reason=str(error))
            return self.report
        try:
            result = self._send(client, rows)
            if isinstance(result, Delivered):
                self._delivered(rows)
            elif isinstance(result, Rejected) and len(rows) > 1:
                self._one_by_one(client, rows)
            elif isinstance(result, Rejected):
                self._rejected(rows[0], result)
            else:
                self._defer(rows, delay=next_delay(rows[0].attempts,
                                                   retry_after=result.retry_after),
                            reason=result.reason)
        finally:
            client.close()
        return self.report

    def _send(self, client: LmsClient, rows: list[LmsStatement]) -> SendResult:
        self.report.requests += 1
        return client.send_statements([row.payload for row in rows])

    def _one_by_one(self, client: LmsClient, rows: list[LmsStatement]) -> None:
        """Isolate what the LMS refuses, keeping the order: stop at the first outage."""
        for index, row in enumerate(rows):
            result = self._send(client, [row])
            if isinstance(result, Delivered):
                self._delivered([row])
            elif isinstance(result, Rejected):
                self._rejected(row, result)
            else:
                self._defer(rows[index:], delay=next_delay(row.attempts,
                                                           retry_after=result.retry_after),
                            reason=result.reason)
                return

    def _delivered(self, rows: list[LmsStatement]) -> None:
        LmsStatement.objects.filter(pk__in=[row.pk for row in rows], status=PENDING).update(
            status=LmsStatement.Status.DELIVERED, delivered_at=timezone.now(), last_error=""
        )
        self.report.delivered += len(rows)
        _log(self.session, rows, "delivered")

    def _rejected(self, row: LmsStatement, result: Rejected) -> None:
        message = f"HTTP {result.status}: {result.message}"
        LmsStatement.objects.filter(pk=row.pk, status=PENDING).update(
            status=LmsStatement.Status.REJECTED, last_error=message
        )
        self.report.rejected += 1
        _log(self.session, [row], "rejected", error=message, level=logging.WARNING)

    def _defer(self, rows: list[LmsStatement], *, delay: float, reason: str) -> None:
        """Every pending row of the session waits alike, so none overtakes an earlier one."""
        LmsStatement.objects.filter(session=self.session, status=PENDING).update(
            next_attempt_at=timezone.now() + timedelta(seconds=delay), last_error=reason[:2000]
        )
        self.report.deferred += len(rows)
        _log(self.session, rows, "retry", error=reason, retry_in=delay)


def expire_sessions(*, now=None) -> int:
    """Close sessions open past SESSION_MAX_AGE with nothing left to send; return how many."""
    cutoff = (now or timezone.now()) - SESSION_MAX_AGE
    stale = (
        LaunchSession.objects.filter(status=LaunchSession.Status.ACTIVE, started_at__lt=cutoff)
        .exclude(statements__status=PENDING)
    )
    return stale.update(status=LaunchSession.Status.ABANDONED, auth="")


def _forget_token_when_done(session: LaunchSession) -> None:
    """A closed session with nothing left to send needs its LMS token no more."""
    LaunchSession.objects.filter(pk=session.pk).exclude(
        status=LaunchSession.Status.ACTIVE
    ).exclude(statements__status=PENDING).exclude(auth="").update(auth="")


def _log(session: LaunchSession, rows: list[LmsStatement], outcome: str, *, error: str = "",
         retry_in: float | None = None, level: int = logging.INFO) -> None:
    fields = {
        "outcome": outcome,
        "session": str(session.public_id),
        "size": len(rows),
        "first_sequence": rows[0].sequence,
        "attempt": rows[0].attempts,
    }
    if retry_in is not None:
        fields["retry_in_s"] = round(retry_in, 1)
    if error:
        fields["error"] = error[:300]
    text = " ".join(f"{key}={value}" for key, value in fields.items())
    logger.log(level, "lms.batch %s", text, extra={"event": "lms.batch", "lms": fields})
