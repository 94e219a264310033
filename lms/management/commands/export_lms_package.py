"""Write a course's LMS package.

    manage.py export_lms_package <course> --format cmi5|cmi5-zip|tincan

<course> is the course page's id or slug. The file goes to --output (a file or
a folder; default: the current folder, named <slug>-cmi5.xml, -cmi5.zip or
-tincan.zip); `--output -` writes to standard output.
"""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from courses.models import CoursePage
from lms.package import FORMATS, EmptyCourse, course_package, package_file


class Command(BaseCommand):
    help = "Export a published course as a cmi5 or Tin Can package for an LMS."

    def add_arguments(self, parser):
        parser.add_argument("course", help="The course page's id or slug.")
        parser.add_argument("--format", choices=sorted(FORMATS), default="cmi5-zip")
        parser.add_argument("--output", default=".",
                            help="A file or folder to write to, or - for standard output.")
        parser.add_argument("--base-url", default=None,
                            help="Public address of this deployment (CMI5_LAUNCH_BASE_URL).")

    def handle(self, *args, course: str, format: str, output: str, base_url: str | None,
               **options):
        page = _course(course)
        try:
            package = course_package(page, base_url=base_url)
        except EmptyCourse as error:
            raise CommandError(str(error)) from error
        name, content, _mime = package_file(package, format)
        if output == "-":
            sys.stdout.buffer.write(content)
            return
        target = Path(output)
        if target.is_dir():
            target = target / name
        target.write_bytes(content)
        self.stdout.write(f"wrote {target} ({len(package.units)} lessons, {len(content)} bytes)")


def _course(value: str) -> CoursePage:
    pages = CoursePage.objects.all()
    found = pages.filter(pk=int(value)) if value.isdigit() else pages.filter(slug=value)
    courses = list(found[:2])
    if len(courses) != 1:
        known = ", ".join(f"{c.pk} ({c.slug})" for c in pages.order_by("path")[:20])
        why = "is ambiguous" if courses else "matches no course"
        raise CommandError(f"{value!r} {why}; courses: {known or 'none'}")
    return courses[0]
