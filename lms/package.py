"""Course packages an LMS imports: cmi5 (cmi5.xml alone or in a zip) and Tin Can (tincan.xml).

`course_package` reads a published course into plain values; the writers turn
those into files. Identifiers never change when a title does: the course and
every lesson (an Assignable Unit) are `{XAPI_ACTIVITY_BASE}/course|lesson/
{translation_key}`, the same IRIs the corporate LRS statements use
(xapi/outbox.py). Launch URLs are fully qualified on this deployment
(settings.CMI5_LAUNCH_BASE_URL): the AUs are served here, never inside the
zip (cmi5 14.1, 14.2).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from xml.etree import ElementTree as ET

from django.conf import settings
from django.urls import reverse

from courses.models import CoursePage
from lessons.models import LessonPage
from quizzes.selectors import QuizNotAvailable, live_quiz
from xapi import statements as st
from xapi import vocabulary as vocab
from xapi.outbox import language_tag

from . import rules
from . import vocabulary as cmi5
from .selectors import kind_of_lesson

__all__ = [
    "FORMATS",
    "AssignableUnit",
    "CoursePackage",
    "EmptyCourse",
    "cmi5_xml",
    "cmi5_zip",
    "course_package",
    "package_file",
    "tincan_zip",
]

# --format of `manage.py export_lms_package` and the admin download: (file suffix, MIME type)
FORMATS = {
    "cmi5": ("cmi5.xml", "application/xml"),
    "cmi5-zip": ("cmi5.zip", "application/zip"),
    "tincan": ("tincan.zip", "application/zip"),
}


class EmptyCourse(ValueError):
    """The course is not published or has no published lesson: nothing to launch."""


@dataclass(frozen=True)
class AssignableUnit:
    iri: str
    title: str
    description: str
    cmi5_url: str
    tincan_url: str
    move_on: str
    mastery_score: Decimal | None


@dataclass(frozen=True)
class CoursePackage:
    iri: str
    slug: str
    title: str
    description: str
    language: str
    units: tuple[AssignableUnit, ...]


def course_package(course: CoursePage, *, base_url: str | None = None) -> CoursePackage:
    """The published course and its published lessons, in page order."""
    if not course.live:
        raise EmptyCourse(f"“{course.title}” is not published.")
    base = (base_url or settings.CMI5_LAUNCH_BASE_URL).rstrip("/")
    lessons = (
        LessonPage.objects.child_of(course).live().public()
        .select_related("quiz").order_by("path")
    )
    units = tuple(_unit(lesson, base) for lesson in lessons)
    if not units:
        raise EmptyCourse(f"“{course.title}” has no published lesson.")
    return CoursePackage(
        iri=_iri("course", course.translation_key),
        slug=course.slug,
        title=course.title,
        description=course.summary or course.title,
        language=language_tag(course.locale.language_code),
        units=units,
    )


def _unit(lesson: LessonPage, base: str) -> AssignableUnit:
    kind = kind_of_lesson(lesson)
    mastery = None
    if kind == "scored":
        try:
            mastery = rules.mastery_score(live_quiz(lesson.quiz).pass_mark)
        except QuizNotAvailable:  # pragma: no cover - kind_of_lesson said it is live
            mastery = None
    key = {"lesson_key": lesson.translation_key}
    return AssignableUnit(
        iri=_iri("lesson", lesson.translation_key),
        title=lesson.title,
        description=lesson.summary or lesson.title,
        cmi5_url=base + reverse("lms:cmi5_launch", kwargs=key),
        tincan_url=base + reverse("lms:tincan_launch", kwargs=key),
        move_on=rules.move_on(kind),
        mastery_score=mastery,
    )


def _iri(kind: str, key: object) -> str:
    return st.activity_iri(settings.XAPI_ACTIVITY_BASE, kind, key)


# ---------------------------------------------------------------------------
# Writers (pure)


def cmi5_xml(package: CoursePackage) -> bytes:
    """cmi5.xml (cmi5 13): the course, then one AU per lesson; valid against CourseStructure.xsd."""
    ns = f"{{{cmi5.COURSE_STRUCTURE_NS}}}"
    root = ET.Element(f"{ns}courseStructure")
    course = ET.SubElement(root, f"{ns}course", id=package.iri)
    _langstrings(course, ns, package.language, package.title, package.description)
    for unit in package.units:
        attributes = {"id": unit.iri, "moveOn": unit.move_on, "launchMethod": cmi5.LAUNCH_METHOD,
                      "activityType": vocab.ACTIVITY_TYPE_LESSON}
        if unit.mastery_score is not None:
            attributes["masteryScore"] = str(unit.mastery_score)
        au = ET.SubElement(root, f"{ns}au", attributes)
        _langstrings(au, ns, package.language, unit.title, unit.description)
        ET.SubElement(au, f"{ns}url").text = unit.cmi5_url
    return _serialize(root, cmi5.COURSE_STRUCTURE_NS)


def cmi5_zip(package: CoursePackage) -> bytes:
    """A zip with cmi5.xml at its root (cmi5 14.1); the AUs are on this server, not inside."""
    return _zip({"cmi5.xml": cmi5_xml(package)})


def tincan_xml(package: CoursePackage) -> bytes:
    """tincan.xml: the course activity, then one launchable activity per lesson."""
    ns = f"{{{cmi5.TINCAN_NS}}}"
    root = ET.Element(f"{ns}tincan")
    activities = ET.SubElement(root, f"{ns}activities")
    course = ET.SubElement(activities, f"{ns}activity", id=package.iri,
                           type=vocab.ACTIVITY_TYPE_COURSE)
    ET.SubElement(course, f"{ns}name").text = package.title
    ET.SubElement(course, f"{ns}description", lang=package.language).text = package.description
    for unit in package.units:
        activity = ET.SubElement(activities, f"{ns}activity", id=unit.iri,
                                 type=vocab.ACTIVITY_TYPE_LESSON)
        ET.SubElement(activity, f"{ns}name").text = unit.title
        ET.SubElement(activity, f"{ns}description", lang=package.language).text = unit.description
        ET.SubElement(activity, f"{ns}launch", lang=package.language).text = unit.tincan_url
    return _serialize(root, cmi5.TINCAN_NS)


def tincan_zip(package: CoursePackage) -> bytes:
    """A zip with tincan.xml at its root, as LMSs import Tin Can packages."""
    return _zip({"tincan.xml": tincan_xml(package)})


def package_file(package: CoursePackage, format: str) -> tuple[str, bytes, str]:  # noqa: A002
    """(file name, content, MIME type) of the package in one of FORMATS."""
    suffix, mime = FORMATS[format]
    writer = {"cmi5": cmi5_xml, "cmi5-zip": cmi5_zip, "tincan": tincan_zip}[format]
    return f"{package.slug}-{suffix}", writer(package), mime


def _langstrings(parent: ET.Element, ns: str, language: str, title: str, description: str
                 ) -> None:
    for tag, text in (("title", title), ("description", description)):
        ET.SubElement(ET.SubElement(parent, f"{ns}{tag}"), f"{ns}langstring",
                      lang=language).text = text


def _serialize(root: ET.Element, namespace: str) -> bytes:
    ET.register_namespace("", namespace)
    ET.indent(root)
    buffer = io.BytesIO()
    ET.ElementTree(root).write(buffer, encoding="utf-8", xml_declaration=True)
    return buffer.getvalue() + b"\n"


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))  # same bytes every time
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()
