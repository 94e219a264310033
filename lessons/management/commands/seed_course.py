"""Load the "Everybody Has a Customer" course into the Wagtail page tree, or update it.

Idempotent. On a database that already has the course it changes nothing and
lists what differs from the shipped content; ``--update`` publishes that as new
revisions of the same pages and quizzes, leaving what a person changed in the
admin alone and listing it (the rules: lessons/seed.py). ``--demo`` (DEBUG only)
also creates a demo learner and a demo learning designer.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lessons.content.everybody_has_a_customer import COURSE
from lessons.seed import CourseSeed, SeedError


class Command(BaseCommand):
    help = ("Create the 'Everybody Has a Customer' course (--update: publish the shipped "
            "content to an existing one; --demo: and demo users).")

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Publish the shipped content as new revisions of an existing course's "
                 "lessons and quizzes (what a person edited in the admin is left alone).",
        )
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Also create demo users 'learner' and 'designer' (only when DEBUG is on).",
        )

    def handle(self, *args, demo: bool = False, update: bool = False, **options):
        if demo and not settings.DEBUG:
            raise CommandError(
                "--demo creates users with published passwords, so it only runs when DEBUG "
                "is on (DJANGO_DEBUG=1). Run seed_course without --demo in production."
            )
        try:
            report = CourseSeed(COURSE, demo=demo, update=update).run()
        except SeedError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Seeded course {COURSE['title']!r}:")
        for line in report.lines():
            self.stdout.write(line)
