"""Deliver the xAPI outbox to the LRS: a long-running worker (`make run` starts one).

    manage.py xapi_worker            # deliver, sleep --poll seconds when idle, repeat
    manage.py xapi_worker --once     # deliver everything due now, then exit

SIGTERM or SIGINT stops the worker after the batch in flight is sent and
marked; the batch it claimed ahead meanwhile is released unsent (due again at
once, see xapi/delivery.py). A worker killed harder (SIGKILL, power loss) loses nothing: its claimed
rows are sent again once their lease runs out (see xapi/delivery.py). Several
workers may run at once on PostgreSQL; on SQLite run one.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone

from xapi.delivery import RoundReport, deliver_round, get_backend
from xapi.outbox import purge_delivered

logger = logging.getLogger("xapi.worker")

PURGE_EVERY_SECONDS = 3600.0


class Command(BaseCommand):
    help = "Deliver pending xAPI statements to the LRS (until stopped, or --once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Deliver every statement due now, then exit."
        )
        parser.add_argument(
            "--poll", type=float, default=2.0, help="Seconds to wait when nothing is due."
        )
        parser.add_argument(
            "--batch-size", type=int, default=None, help="Statements per request (XAPI_BATCH_SIZE)."
        )

    def handle(self, *args, once: bool, poll: float, batch_size: int | None, **options):
        try:
            backend = get_backend()
        except (ImportError, ValueError) as exc:
            raise CommandError(f"xAPI delivery is not configured: {exc}") from exc
        stop = threading.Event()
        previous = _on_stop_signals(stop)
        total = RoundReport()
        logger.info("xapi.worker started once=%s poll=%s", once, poll)
        next_purge = time.monotonic()
        try:
            while not stop.is_set():
                _refresh_connections()
                if time.monotonic() >= next_purge:
                    _purge_expired()
                    next_purge = time.monotonic() + PURGE_EVERY_SECONDS
                try:
                    report = deliver_round(
                        backend=backend, batch_size=batch_size, should_stop=stop.is_set
                    )
                except Exception:
                    if once:
                        raise
                    logger.exception("xapi.worker round failed; retrying in %s s", poll)
                    stop.wait(poll)
                    continue
                total.add(report)
                if once:
                    break
                if report.batches == 0 or report.stalled:
                    stop.wait(poll)
        finally:
            _restore(previous)
            _refresh_connections()
        summary = " ".join(f"{key}={value}" for key, value in total.as_dict().items())
        logger.info("xapi.worker stopped %s", summary)
        self.stdout.write(f"xapi_worker: {summary}")


def _purge_expired() -> None:
    """Delete delivered rows past XAPI_RETENTION_DAYS; a failure is logged, never fatal."""
    days = settings.XAPI_RETENTION_DAYS
    if days <= 0:
        return
    try:
        purged = purge_delivered(before=timezone.now() - timedelta(days=days))
    except Exception:
        logger.exception("xapi.purge failed; delivery goes on")
        return
    logger.info("xapi.purge deleted=%s retention_days=%s", purged, days,
                extra={"event": "xapi.purge", "deleted": purged})


def _on_stop_signals(stop: threading.Event) -> dict:
    """Set `stop` on SIGTERM/SIGINT; returns the handlers to restore (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        return {}

    def handler(signum, frame):
        logger.info("xapi.worker got %s: finishing the current batch", signal.Signals(signum).name)
        stop.set()

    return {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}


def _refresh_connections() -> None:
    """Drop broken or expired DB connections between rounds (Django does it per request).

    Like django.db.close_old_connections, but never inside a transaction: a
    caller's atomic block (call_command in a test) keeps its connection.
    """
    for conn in connections.all(initialized_only=True):
        if not conn.in_atomic_block:
            conn.close_if_unusable_or_obsolete()


def _restore(previous: dict) -> None:
    for sig, handler in previous.items():
        signal.signal(sig, handler)
