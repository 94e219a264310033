"""manage.py generate_activity --learners N: synthetic activity (see insights/activity.py)."""

import time

from django.core.management.base import BaseCommand, CommandError

from courses.models import CoursePage
from insights.activity import generate_activity


class Command(BaseCommand):
    help = ("Create N synthetic learners (varied ability, motivation and attitude) with lesson "
            "progress, quiz attempts and answers in a course, for demos and benchmarks.")

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, required=True)
        parser.add_argument("--course", help="the course's slug (default: the first course)")
        parser.add_argument("--weeks", type=int, default=26, help="how far back activity starts")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, learners: int, course: str | None, weeks: int, seed: int, **options):
        verbosity = options.get("verbosity", 1)
        if learners < 1:
            raise CommandError("--learners must be at least 1.")
        if weeks < 1:
            raise CommandError("--weeks must be at least 1.")
        courses = CoursePage.objects.order_by("path")
        found = courses.filter(slug=course).first() if course else courses.first()
        if found is None:
            raise CommandError("No such course: run `manage.py seed_course` first."
                               if not course else f"No course with slug {course!r}.")
        began = time.monotonic()

        def report(done, totals):
            if verbosity >= 2:
                self.stdout.write(f"  {done} learners, {totals.answers} answers")

        totals = generate_activity(learners=learners, course=found, weeks=weeks, seed=seed,
                                   progress=report)
        self.stdout.write(
            f"Generated {totals.learners} learners in {found.title!r}: {totals.attempts} attempts, "
            f"{totals.answers} answers, {totals.lesson_rows} lesson and {totals.course_rows} "
            f"course progress rows in {time.monotonic() - began:.1f} s."
        )
