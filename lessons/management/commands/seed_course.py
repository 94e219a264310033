"""Load the "Everybody Has a Customer" course into the Wagtail page tree.

Idempotent: everything is looked up first (pages by slug, quizzes and the hero
image by title, users by username) and only what is missing is created, so a
second run changes nothing and adds no revisions. ``--demo`` (DEBUG only) also
creates a demo learner and a demo learning designer.
"""

import copy
import io
from collections import Counter

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site
from wagtail.utils.file import hash_filelike

from courses.models import CourseIndexPage, CoursePage
from lessons.content.everybody_has_a_customer import COURSE
from lessons.groups import learning_designers_group_setup
from lessons.models import LessonPage
from quizzes.models import Quiz

INDEX_TITLE = "Courses"
INDEX_SLUG = "courses"
INDEX_INTRO = "<p>Short courses you can finish on a phone, a few minutes at a time.</p>"
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"
IMAGE_COLLECTION = "Course images"
HERO_SIZE = (1200, 400)
NAVY, TEAL, AMBER = (18, 50, 74), (0, 150, 136), (255, 179, 0)
# username, password, learning designer?
DEMO_USERS = [("learner", "learner-demo-1", False), ("designer", "designer-demo-1", True)]


def _raw_stream(blocks: list[tuple[str, object]]) -> list[dict]:
    return [{"type": kind, "value": copy.deepcopy(value)} for kind, value in blocks]


def _check_stream(instance: models.Model, field_name: str, label: str) -> None:
    """Run the StreamField's block validation, as the admin form would.

    The cleaned value replaces the raw one so that every block and list item is
    saved with an id, as the admin form saves it: question and choice ids must be
    stable (attempts, the API and xAPI activity ids refer to them).
    """
    field = instance._meta.get_field(field_name)
    try:
        setattr(instance, field_name, field.stream_block.clean(getattr(instance, field_name)))
    except ValidationError as error:
        raise CommandError(f"{label}: invalid {field_name}: {error}") from error


def _publish(instance) -> None:
    instance.save_revision().publish()


def hero_banner_png(size: tuple[int, int] = HERO_SIZE) -> bytes:
    """An abstract banner: overlapping teal and amber circles on dark navy."""
    width, height = size
    canvas = PILImage.new("RGBA", size, NAVY + (255,))
    circles = [
        (TEAL, 0.18, 0.55, 0.55),
        (AMBER, 0.38, 0.35, 0.40),
        (TEAL, 0.62, 0.70, 0.45),
        (AMBER, 0.84, 0.40, 0.60),
    ]
    for colour, cx, cy, radius in circles:
        layer = PILImage.new("RGBA", size, (0, 0, 0, 0))
        x, y, r = cx * width, cy * height, radius * height
        ImageDraw.Draw(layer).ellipse((x - r, y - r, x + r, y + r), fill=colour + (170,))
        canvas = PILImage.alpha_composite(canvas, layer)
    buffer = io.BytesIO()
    canvas.convert("RGB").save(buffer, format="PNG")
    return buffer.getvalue()


class Command(BaseCommand):
    help = "Create the 'Everybody Has a Customer' course (and, with --demo, demo users)."

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
        self.tally: Counter = Counter()
        with transaction.atomic():
            index = self._course_index()
            self._point_default_site_at(index)
            course = self._course_page(index)
            for lesson_data in COURSE["lessons"]:
                quiz = self._quiz(lesson_data["quiz"])
                self._lesson_page(course, lesson_data, quiz)
            group, created = learning_designers_group_setup(course_index=index)
            self._count("groups", created)
            if demo:
                self._demo_users(group)
        self._report()

    # Bookkeeping

    def _count(self, kind: str, created: bool) -> None:
        self.tally[(kind, created)] += 1

    def _report(self) -> None:
        kinds = dict.fromkeys(kind for kind, _ in self.tally)
        self.stdout.write(f"Seeded course {COURSE['title']!r}:")
        for kind in kinds:
            created, present = self.tally[(kind, True)], self.tally[(kind, False)]
            self.stdout.write(f"  {kind}: {created} created, {present} already present")

    # Page tree

    def _course_index(self) -> CourseIndexPage:
        index = CourseIndexPage.objects.first()
        if index is not None:
            self._count("pages", False)
            return index
        index = CourseIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG, intro=INDEX_INTRO)
        Page.get_first_root_node().add_child(instance=index)
        _publish(index)
        self._count("pages", True)
        return index

    def _point_default_site_at(self, index: CourseIndexPage) -> None:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=index,
                is_default_site=True,
                site_name=settings.WAGTAIL_SITE_NAME,
            )
        elif site.root_page_id != index.pk:
            old_root = site.root_page
            site.root_page = index
            site.save(update_fields=["root_page"])
            self._delete_if_untouched_welcome_page(old_root)

    def _delete_if_untouched_welcome_page(self, page: Page) -> None:
        untouched = (
            page.depth == 2
            and page.slug == "home"
            and page.title == WAGTAIL_WELCOME_TITLE
            and page.content_type_id == ContentType.objects.get_for_model(Page).pk
            and page.numchild == 0
            and page.latest_revision_id is None
            and not Site.objects.filter(root_page=page).exists()
        )
        if untouched:
            page.delete()
            self.stdout.write(f"Removed Wagtail's default page {WAGTAIL_WELCOME_TITLE!r}.")

    def _course_page(self, index: CourseIndexPage) -> CoursePage:
        course = CoursePage.objects.child_of(index).filter(slug=COURSE["slug"]).first()
        if course is not None:
            self._count("pages", False)
            if course.hero_image_id:
                self._count("images", False)
            return course
        course = CoursePage(
            title=COURSE["title"],
            slug=COURSE["slug"],
            summary=COURSE["summary"],
            estimated_minutes=COURSE["estimated_minutes"],
            learning_objectives=[
                {"type": "objective", "value": objective}
                for objective in COURSE["learning_objectives"]
            ],
            hero_image=self._hero_image(),
            hero_image_alt=COURSE["hero_alt"],
        )
        _check_stream(course, "learning_objectives", COURSE["title"])
        index.add_child(instance=course)
        _publish(course)
        self._count("pages", True)
        return course

    def _lesson_page(self, course: CoursePage, data: dict, quiz: Quiz) -> LessonPage:
        lesson = LessonPage.objects.child_of(course).filter(slug=data["slug"]).first()
        if lesson is not None:
            self._count("pages", False)
            return lesson
        lesson = LessonPage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            body=_raw_stream(data["body"]),
            quiz=quiz,
        )
        _check_stream(lesson, "body", data["title"])
        course.add_child(instance=lesson)
        _publish(lesson)
        self._count("pages", True)
        return lesson

    # Snippets and media

    def _quiz(self, data: dict) -> Quiz:
        quiz = Quiz.objects.filter(title=data["title"]).first()
        if quiz is not None:
            self._count("quizzes", False)
            return quiz
        fields = {key: value for key, value in data.items() if key != "questions"}
        quiz = Quiz(**fields, questions=_raw_stream(data["questions"]))
        _check_stream(quiz, "questions", data["title"])
        quiz.save()
        _publish(quiz)
        self._count("quizzes", True)
        return quiz

    def _hero_image(self):
        image_model = get_image_model()
        title = f"{COURSE['title']}: hero banner"
        image = image_model.objects.filter(title=title).first()
        if image is not None:
            self._count("images", False)
            return image
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=IMAGE_COLLECTION).first()
        if collection is None:
            collection = root.add_child(name=IMAGE_COLLECTION)
        data = hero_banner_png()
        image = image_model(
            title=title,
            collection=collection,
            file=ImageFile(io.BytesIO(data), name=f"{COURSE['slug']}-hero.png"),
            file_size=len(data),
            file_hash=hash_filelike(io.BytesIO(data)),
        )
        image.save()
        self._count("images", True)
        return image

    # Demo users

    def _demo_users(self, designers) -> None:
        user_model = get_user_model()
        for username, password, is_designer in DEMO_USERS:
            user, created = user_model.objects.get_or_create(username=username)
            if created:
                user.set_password(password)
                user.save(update_fields=["password"])
            if is_designer:
                user.groups.add(designers)
            self._count("demo users", created)
