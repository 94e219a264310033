"""Load a course written as plain data (lessons/content/) into Wagtail, and keep it current.

The rules, in one place:

- Everything is looked up first: the course and its lessons by slug, a lesson's
  quiz through the lesson (else by title, if no lesson uses it), figures by title
  and file hash, users by username. What is missing is created and published.
- A course that already exists changes only when asked (``update=True``,
  ``seed_course --update``); without it the seed reports what differs from the
  shipped content and changes none of it.
- An update brings what exists up to date with the shipped content only while
  nobody has changed it in the admin: no revision and no log entry of it has a
  user. Then, if its content differs, a new revision of the same page or quiz is
  published (ids and IRIs stay; a page the seed unpublished comes back). Questions,
  choices and blocks whose content did not change keep their ids, so their xAPI
  activity ids and Insights history carry on. Attempts already taken keep the
  snapshot they were scored against. Anything a person has edited, published,
  moved or unpublished is left alone, and the report says so.
- An update unpublishes a live lesson the content no longer has (never deletes it:
  learners' progress points at it), unless a person has changed it, and adds new
  lessons in the content's order.
- Running it again with the same content changes nothing and adds no revisions.
"""

import copy
import io
import json
import xml.etree.ElementTree as ElementTree
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import models, transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.log_actions import registry as log_registry
from wagtail.models import Collection, Page, Site
from wagtail.utils.file import hash_filelike

from courses.models import CourseIndexPage, CoursePage
from lessons.content.builders import FIGURES_DIR
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
SVG_TITLE = "{http://www.w3.org/2000/svg}title"
QUIZ_FIELDS = ("title", "intro", "pass_mark", "max_attempts", "shuffle_questions",
               "shuffle_choices", "all_or_nothing")


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    first_name: str
    last_name: str
    designer: bool


# The learner's full name is what the certificate shows.
DEMO_USERS = [
    DemoUser("learner", "learner-demo-1", "Alex", "Morgan", designer=False),
    DemoUser("designer", "designer-demo-1", "Sam", "Rivera", designer=True),
]

CREATED, UPDATED, UNCHANGED, KEPT, UNPUBLISHED, OUT_OF_DATE = (
    "created", "updated", "unchanged", "kept as edited", "unpublished",
    "out of date (not changed)")


class SeedError(Exception):
    """The shipped content does not pass the admin's validation."""


class _FigureNotLoaded(Exception):
    """Without --update, a figure the library does not hold yet is not added."""


@dataclass
class SeedReport:
    counts: Counter = field(default_factory=Counter)  # (kind, outcome) -> how many
    notes: list[str] = field(default_factory=list)

    def count(self, kind: str, outcome: str) -> None:
        self.counts[(kind, outcome)] += 1

    @property
    def out_of_date(self) -> int:
        return sum(n for (_, outcome), n in self.counts.items() if outcome == OUT_OF_DATE)

    def lines(self) -> list[str]:
        kinds = dict.fromkeys(kind for kind, _ in self.counts)
        outcomes = (CREATED, UPDATED, UNCHANGED, KEPT, UNPUBLISHED, OUT_OF_DATE)
        lines = []
        for kind in kinds:
            parts = [f"{self.counts[(kind, o)]} {o}" for o in outcomes if self.counts[(kind, o)]]
            lines.append(f"  {kind}: {', '.join(parts)}")
        lines += [f"  {note}" for note in self.notes]
        if self.out_of_date:
            lines.append(
                "  Run `manage.py seed_course --update` to publish the shipped content as new "
                "revisions (what a person changed in the admin stays as it is)."
            )
        return lines


# Pure helpers -------------------------------------------------------------------------------


def changed_by_a_person(instance) -> bool:
    """True once anyone signed in has saved, published, moved or unpublished `instance`.

    The seed saves and publishes without a user, so its own revisions and log entries
    have none.
    """
    if instance.revisions.exclude(user=None).exists():
        return True
    return log_registry.get_logs_for_instance(instance).exclude(user=None).exists()


def _without_ids(data):
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


def _raw_stream(blocks: list[tuple[str, object]]) -> list[dict]:
    return [{"type": kind, "value": copy.deepcopy(value)} for kind, value in blocks]


def _clean_stream(model: type[models.Model], field_name: str, raw: list[dict], label: str):
    """Validate a StreamField value as the admin form would; returns the cleaned value.

    The cleaned value gives every block and list item an id, as the admin saves it:
    question and choice ids must be stable (attempts, the API and xAPI refer to them).
    """
    stream_block = model._meta.get_field(field_name).stream_block
    try:
        return stream_block.clean(stream_block.to_python(raw))
    except ValidationError as error:
        raise SeedError(f"{label}: invalid {field_name}: {error}") from error


def _stream_content(model: type[models.Model], field_name: str, value) -> list:
    """A StreamField value as plain data without block ids: what to compare content by."""
    stream_block = model._meta.get_field(field_name).stream_block
    return _without_ids(stream_block.get_prep_value(value))


def _canonical(block: dict) -> str:
    return json.dumps(_without_ids(block), sort_keys=True, default=str)


def _keep_block_ids(model: type[models.Model], field_name: str, current, shipped):
    """`shipped` (a cleaned StreamField value), except that a top-level block whose content
    equals a block of `current` is that block, ids and all: an unchanged question keeps its
    question and choice ids (what attempts, Insights and xAPI activity ids refer to)."""
    stream_block = model._meta.get_field(field_name).stream_block
    existing = {}
    for block in stream_block.get_prep_value(current):
        existing.setdefault(_canonical(block), block)
    raw = [existing.pop(_canonical(block), block)
           for block in stream_block.get_prep_value(shipped)]
    return stream_block.to_python(raw)


def _differs(instance, fields: dict, streams: dict) -> bool:
    """Whether `instance` is unpublished or its content is not the shipped content."""
    model = type(instance)
    if not getattr(instance, "live", True):
        return True
    if any(getattr(instance, name) != value for name, value in fields.items()):
        return True
    return any(
        _stream_content(model, name, getattr(instance, name)) != _stream_content(model, name, value)
        for name, value in streams.items()
    )


def svg_title(data: bytes) -> str:
    title = ElementTree.fromstring(data).find(SVG_TITLE)
    if title is None or not (title.text or "").strip():
        raise SeedError("Every course figure needs a <title>.")
    return title.text.strip()


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


# The seed -----------------------------------------------------------------------------------


class CourseSeed:
    """Seeds one course; ``run()`` does it all in one transaction and returns the report."""

    def __init__(self, course: dict, *, demo: bool = False, update: bool = False) -> None:
        self.course = course
        self.demo = demo
        self.update = update
        self.new_course = False
        self.report = SeedReport()
        self._figures: dict[str, object] = {}

    @property
    def may_change(self) -> bool:
        """Whether content that exists may change: asked for, or the course is new."""
        return self.update or self.new_course

    @transaction.atomic
    def run(self) -> SeedReport:
        index = self._course_index()
        self._default_site(index)
        course = self._course_page(index)
        self._lessons(course)
        group, created = learning_designers_group_setup(course_index=index)
        self.report.count("groups", CREATED if created else UNCHANGED)
        if self.demo:
            self._demo_users(group)
        return self.report

    # Publishing rules

    def _sync(self, kind: str, label: str, instance, fields: dict, streams: dict) -> None:
        """Bring an existing page or quiz up to date, unless a person has changed it."""
        model = type(instance)
        cleaned = {name: _keep_block_ids(model, name, getattr(instance, name),
                                         _clean_stream(model, name, raw, label))
                   for name, raw in streams.items()}
        if not _differs(instance, fields, cleaned):
            self.report.count(kind, UNCHANGED)
            return
        if changed_by_a_person(instance):
            self.report.count(kind, KEPT)
            self.report.notes.append(
                f"Left alone: {label!r} was changed in the admin since it was seeded."
            )
            return
        if not self.may_change:
            self.report.count(kind, OUT_OF_DATE)
            self.report.notes.append(f"Out of date: {label!r} differs from the shipped content.")
            return
        for name, value in {**fields, **cleaned}.items():
            setattr(instance, name, value)
        revision = instance.save_revision()
        revision.publish()
        self.report.count(kind, UPDATED)
        self.report.notes.append(f"Published {label!r} as revision {revision.pk}.")

    def _create_page(self, parent: Page, page: Page, streams: dict, label: str) -> Page:
        for name, raw in streams.items():
            setattr(page, name, _clean_stream(type(page), name, raw, label))
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.report.count("pages", CREATED)
        return page

    # Page tree

    def _course_index(self) -> CourseIndexPage:
        index = CourseIndexPage.objects.first()
        if index is not None:
            self.report.count("pages", UNCHANGED)
            return index
        index = CourseIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG, intro=INDEX_INTRO)
        return self._create_page(Page.get_first_root_node(), index, {}, INDEX_TITLE)

    def _default_site(self, index: CourseIndexPage) -> None:
        """Serve the course index from the default site, and give the site a name."""
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", port=80, root_page=index,
                                is_default_site=True, site_name=settings.WAGTAIL_SITE_NAME)
            self.report.count("sites", CREATED)
            return
        changed = []
        if not site.site_name:
            site.site_name = settings.WAGTAIL_SITE_NAME
            changed.append("site_name")
        old_root = site.root_page if site.root_page_id != index.pk else None
        if old_root is not None:
            site.root_page = index
            changed.append("root_page")
        if changed:
            site.save(update_fields=changed)
        self.report.count("sites", UPDATED if changed else UNCHANGED)
        if old_root is not None:
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
            self.report.notes.append(f"Removed Wagtail's default page {WAGTAIL_WELCOME_TITLE!r}.")

    def _course_page(self, index: CourseIndexPage) -> CoursePage:
        data = self.course
        fields = {"title": data["title"], "summary": data["summary"],
                  "hero_image_alt": data["hero_alt"]}
        streams = {"learning_objectives": [
            {"type": "objective", "value": objective} for objective in data["learning_objectives"]
        ]}
        course = CoursePage.objects.child_of(index).filter(slug=data["slug"]).first()
        if course is None:
            self.new_course = True
            page = CoursePage(slug=data["slug"], hero_image=self._hero_image(), **fields)
            return self._create_page(index, page, streams, data["title"])
        if course.hero_image_id:
            self.report.count("images", UNCHANGED)
        self._sync("pages", f"course {data['title']}", course, fields, streams)
        return course

    def _lessons(self, course: CoursePage) -> None:
        # Pages are read fresh each time: creating and moving a lesson renumbers the tree
        # paths of its siblings, so a page loaded earlier would be out of date.
        lessons = LessonPage.objects.child_of(course)
        shipped = [data["slug"] for data in self.course["lessons"]]
        for position, data in enumerate(self.course["lessons"]):
            lesson = lessons.filter(slug=data["slug"]).first()
            label = f"lesson {data['title']}"
            if lesson is not None and changed_by_a_person(lesson):
                if lesson.quiz_id:  # its quiz may still be as seeded
                    self._quiz(data["quiz"], existing=lesson.quiz)
                self.report.count("pages", KEPT)
                self.report.notes.append(
                    f"Left alone: {label!r} was changed in the admin since it was seeded."
                )
                continue
            if lesson is None and not self.may_change:
                self.report.count("pages", OUT_OF_DATE)
                self.report.notes.append(f"Out of date: {label!r} is new in the shipped "
                                         "content.")
                continue
            quiz = self._quiz(data["quiz"], existing=lesson.quiz if lesson else None)
            fields = {"title": data["title"], "summary": data["summary"], "quiz": quiz}
            try:
                streams = {"body": self._body(data["body"])}
            except _FigureNotLoaded:
                self.report.count("pages", OUT_OF_DATE)
                self.report.notes.append(f"Out of date: {label!r} has a new figure.")
                continue
            if lesson is not None:
                self._sync("pages", label, lesson, fields, streams)
                continue
            lesson = self._create_page(course, LessonPage(slug=data["slug"], **fields),
                                       streams, label)
            if not self.new_course:
                self.report.notes.append(f"Added {label!r} as lesson {position + 1}.")
            # In the content's order: before the next shipped lesson already there.
            for later in shipped[position + 1:]:
                following = lessons.filter(slug=later).first()
                if following is not None:
                    lesson.move(following, pos="left")
                    break
        for lesson in lessons.live().exclude(slug__in=shipped):
            self._retire(lesson)

    def _retire(self, lesson: LessonPage) -> None:
        """A live lesson the content no longer has: unpublished, unless a person changed it."""
        if changed_by_a_person(lesson):
            self.report.count("pages", KEPT)
            self.report.notes.append(
                f"Left alone: lesson {lesson.title!r} is no longer in the course content, "
                "but was changed in the admin, so it stays published."
            )
            return
        if not self.may_change:
            self.report.count("pages", OUT_OF_DATE)
            self.report.notes.append(
                f"Out of date: lesson {lesson.title!r} is no longer in the shipped content."
            )
            return
        lesson.unpublish()
        self.report.count("pages", UNPUBLISHED)
        self.report.notes.append(
            f"Unpublished lesson {lesson.title!r}: it is no longer in the course content."
        )

    def _body(self, blocks: list[tuple[str, object]]) -> list[dict]:
        """The lesson body as raw StreamField data, each figure replaced by its image."""
        resolved = []
        for kind, value in blocks:
            if kind == "image" and "figure" in value:
                value = {"image": self._figure(value["figure"]).pk,
                         "alt_text": value["alt_text"], "caption": value["caption"]}
            resolved.append((kind, value))
        return _raw_stream(resolved)

    # Snippets and media

    def _quiz(self, data: dict, *, existing: Quiz | None) -> Quiz:
        # Else a quiz of this title that no lesson uses (one a person or a lost page left).
        quiz = existing or Quiz.objects.filter(title=data["title"], lessons=None).first()
        fields = {name: data[name] for name in QUIZ_FIELDS}
        streams = {"questions": _raw_stream(data["questions"])}
        if quiz is not None:
            self._sync("quizzes", f"quiz {data['title']}", quiz, fields, streams)
            return quiz
        quiz = Quiz(**fields)
        quiz.questions = _clean_stream(Quiz, "questions", streams["questions"], data["title"])
        quiz.save()
        quiz.save_revision().publish()
        self.report.count("quizzes", CREATED)
        return quiz

    def _collection(self) -> Collection:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=IMAGE_COLLECTION).first()
        return collection or root.add_child(name=IMAGE_COLLECTION)

    def _image(self, *, title: str, data: bytes, filename: str, same_file: bool):
        """The image with this title (and, if `same_file`, these bytes), else a new one."""
        image_model = get_image_model()
        file_hash = hash_filelike(io.BytesIO(data))
        found = image_model.objects.filter(title=title)
        if same_file:
            found = found.filter(file_hash=file_hash)
        image = found.first()
        if image is not None:
            self.report.count("images", UNCHANGED)
            return image
        if not self.may_change:
            raise _FigureNotLoaded(filename)
        image = image_model(
            title=title,
            collection=self._collection(),
            file=ImageFile(io.BytesIO(data), name=filename),
            file_size=len(data),
            file_hash=file_hash,
        )
        image.save()
        self.report.count("images", CREATED)
        return image

    def _figure(self, filename: str):
        """A figure from lessons/content/figures/, titled by its SVG <title>."""
        if filename not in self._figures:
            data = (FIGURES_DIR / filename).read_bytes()
            # A changed drawing is a new image: lessons still as seeded then show it.
            self._figures[filename] = self._image(
                title=svg_title(data), data=data, filename=filename, same_file=True
            )
        return self._figures[filename]

    def _hero_image(self):
        return self._image(title=f"{self.course['title']}: hero banner", data=hero_banner_png(),
                           filename=f"{self.course['slug']}-hero.png", same_file=False)

    # Demo users

    def _demo_users(self, designers) -> None:
        user_model = get_user_model()
        for demo in DEMO_USERS:
            user, created = user_model.objects.get_or_create(username=demo.username)
            named = bool(user.first_name or user.last_name)
            if created:
                user.set_password(demo.password)
            if not named:
                user.first_name, user.last_name = demo.first_name, demo.last_name
            if created or not named:
                user.save()
            if demo.designer:
                user.groups.add(designers)
            self.report.count("demo users", CREATED if created else
                              UPDATED if not named else UNCHANGED)
