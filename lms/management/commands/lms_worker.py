"""Deliver launched sessions' statements to their LMSs (`make run` and `make serve` start one).

    manage.py lms_worker            # deliver, wait --poll seconds when idle, repeat
    manage.py lms_worker --once     # deliver everything due now, then exit

Separate from `xapi_worker`: it needs no corporate LRS, and each session goes
to its own LMS with its own token (lms/delivery.py). SIGTERM or SIGINT stops
it after the session in flight; a harder stop loses nothing (leases run out,
rows are re-sent with the same ids). Several may run on PostgreSQL.
"""

from __future__ import annotations

import logging
import signal
import threading
import time

from django.core.management.base import BaseCommand
from django.db import connections

from lms.delivery import RoundReport, deliver_round, expire_sessions

logger = logging.getLogger("lms.worker")

EXPIRE_EVERY_SECONDS = 3600.0


class Command(BaseCommand):
    help = "Deliver statements to the LMSs that launched lessons (until stopped, or --once)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true",
                            help="Deliver every statement due now, then exit.")
        parser.add_argument("--poll", type=float, default=1.0,
                            help="Seconds to wait when nothing is due.")

    def handle(self, *args, once: bool, poll: float, **options):
        stop = threading.Event()
        previous = _on_stop_signals(stop)
        total = RoundReport()
        logger.info("lms.worker started once=%s poll=%s", once, poll)
        next_expiry = time.monotonic()
        try:
            while not stop.is_set():
                _refresh_connections()
                if time.monotonic() >= next_expiry:
                    _expire()
                    next_expiry = time.monotonic() + EXPIRE_EVERY_SECONDS
                try:
                    report = deliver_round(should_stop=stop.is_set)
                except Exception:
                    if once:
                        raise
                    logger.exception("lms.worker round failed; retrying in %s s", poll)
                    stop.wait(poll)
                    continue
                total.add(report)
                if once:
                    break
                if report.sessions == 0:
                    stop.wait(poll)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            _refresh_connections()
        summary = " ".join(f"{key}={value}" for key, value in total.as_dict().items())
        logger.info("lms.worker stopped %s", summary)
        self.stdout.write(f"lms_worker: {summary}")


def _expire() -> None:
    """Sessions left open for a day are closed and their tokens forgotten; never fatal."""
    try:
        closed = expire_sessions()
    except Exception:
        logger.exception("lms.expire failed; delivery goes on")
        return
    if closed:
        logger.info("lms.expire closed=%s", closed, extra={"event": "lms.expire"})


def _on_stop_signals(stop: threading.Event) -> dict:
    if threading.current_thread() is not threading.main_thread():
        return {}

    def handler(signum, frame):
        logger.info("lms.worker got %s: finishing the current session",
                    signal.Signals(signum).name)
        stop.set()

    return {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}


def _refresh_connections() -> None:
    """Drop broken or expired DB connections between rounds (never inside a transaction)."""
    for conn in connections.all(initialized_only=True):
        if not conn.in_atomic_block:
            conn.close_if_unusable_or_obsolete()
