"""Load or update the "Everybody Has a Customer" course in the Wagtail page tree.

Idempotent, and safe on a database seeded by an older version: what nobody has
changed in the admin is brought up to date with the shipped content, what a
person has changed is left alone and listed (the rules: lessons/seed.py).
``--demo`` (DEBUG only) also creates a demo learner and a demo learning designer.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lessons.content.everybody_has_a_customer import COURSE
from lessons.seed import CourseSeed, SeedError


class Command(BaseCommand):
    help = "Create or update the 'Everybody Has a Customer' course (--demo: and demo users)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Also create demo users 'learner' and 'designer' (only when DEBUG is on).",
        )

    def handle(self, *args, demo: bool = False, **options):
        if demo and not settings.DEBUG:
            raise CommandError(
                "--demo creates users with published passwords, so it only runs when DEBUG "
                "is on (DJANGO_DEBUG=1). Run seed_course without --demo in production."
            )
        try:
            report = CourseSeed(COURSE, demo=demo).run()
        except SeedError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Seeded course {COURSE['title']!r}:")
        for line in report.lines():
            self.stdout.write(line)
