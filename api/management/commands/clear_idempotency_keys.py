"""Delete the responses stored for Idempotency-Key replays once they are old enough.

    manage.py clear_idempotency_keys             # older than TOUCHPOINT_IDEMPOTENCY_KEY_HOURS
    manage.py clear_idempotency_keys --hours 24

Run it daily from cron, like Django's `manage.py clearsessions` (README, Deployment).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from api.idempotency import idempotency_keys_purge


class Command(BaseCommand):
    help = "Delete stored Idempotency-Key responses older than --hours."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours", type=int, default=None,
            help="Hours to keep them (default: TOUCHPOINT_IDEMPOTENCY_KEY_HOURS).",
        )

    def handle(self, *args, hours: int | None, **options):
        hours = settings.TOUCHPOINT_IDEMPOTENCY_KEY_HOURS if hours is None else hours
        if hours <= 0:
            raise CommandError("--hours must be at least 1: a client may still be retrying.")
        purged = idempotency_keys_purge(before=timezone.now() - timedelta(hours=hours))
        self.stdout.write(f"clear_idempotency_keys: deleted {purged} key(s) older than "
                          f"{hours} hour(s)")
