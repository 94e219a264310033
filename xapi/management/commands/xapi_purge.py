"""Delete delivered xAPI outbox rows past their retention: `xapi_worker` does it hourly.

    manage.py xapi_purge              # delivered more than XAPI_RETENTION_DAYS ago
    manage.py xapi_purge --days 7     # delivered more than 7 days ago

For a deployment that delivers with `manage.py db_worker` (XAPI_DELIVERY_TASKS=1)
instead of xapi_worker: run it daily from cron. Pending and rejected rows are
never deleted (xapi/outbox.py purge_delivered).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from xapi.outbox import purge_delivered


class Command(BaseCommand):
    help = "Delete outbox rows delivered more than --days (XAPI_RETENTION_DAYS) days ago."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None,
            help="Days to keep delivered rows (default: XAPI_RETENTION_DAYS).",
        )

    def handle(self, *args, days: int | None, **options):
        days = settings.XAPI_RETENTION_DAYS if days is None else days
        if days <= 0:
            raise CommandError(
                "Nothing to purge: XAPI_RETENTION_DAYS is 0 (keep delivered rows for ever); "
                "pass --days N to purge rows delivered more than N days ago."
            )
        purged = purge_delivered(before=timezone.now() - timedelta(days=days))
        self.stdout.write(f"xapi_purge: deleted {purged} statement(s) delivered more than "
                          f"{days} day(s) ago")
