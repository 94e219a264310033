"""Reads for launching and reporting: lessons by stable key, what a lesson is to an LMS,
the learner's local state, and what was already sent in a registration."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from wagtail.models import Revision

from lessons.models import LessonPage
from progress.models import LessonProgress
from quizzes.models import Attempt
from quizzes.selectors import QuizNotAvailable, live_quiz
from quizzes.snapshot import quiz_questions

from .models import LaunchSession, LmsStatement
from .rules import LessonKind, lesson_kind

__all__ = [
    "LocalState",
    "authored_choice_order",
    "kind_of_lesson",
    "last_submitted_attempt",
    "lesson_for_launch",
    "local_state",
    "sent_verbs",
]


def lesson_for_launch(key: uuid.UUID, languages: Sequence[str] = ()) -> LessonPage | None:
    """The live lesson with this translation key, in the first preferred language it exists in.

    `languages`: RFC 5646 tags from cmi5LearnerPreferences, in order of preference;
    "fr-CA" also matches a lesson in "fr". Otherwise the lesson in its original locale.
    """
    lessons = list(
        LessonPage.objects.live().public().filter(translation_key=key)
        .select_related("locale", "quiz").order_by("pk")
    )
    if not lessons:
        return None
    by_language = {lesson.locale.language_code.lower(): lesson for lesson in lessons}
    for tag in languages:
        tag = tag.lower()
        for candidate in (tag, tag.split("-")[0]):
            if candidate in by_language:
                return by_language[candidate]
    originals = [lesson for lesson in lessons if lesson.alias_of_id is None]
    return (originals or lessons)[0]


def kind_of_lesson(lesson: LessonPage) -> LessonKind:
    """What the lesson's published quiz makes it: `scored`, `survey`, or `content` (no quiz)."""
    if lesson.quiz_id is None:
        return "content"
    try:
        return lesson_kind(quiz_questions(live_quiz(lesson.quiz)))
    except QuizNotAvailable:
        return "content"


@dataclass(frozen=True)
class LocalState:
    experienced: bool
    completed: bool
    passing_scaled: float | None  # the passing attempt's score, for a scored quiz


def local_state(*, user: AbstractBaseUser, lesson: LessonPage) -> LocalState:
    progress = (
        LessonProgress.objects.filter(user=user, lesson=lesson)
        .select_related("passed_attempt").first()
    )
    if progress is None:
        return LocalState(experienced=False, completed=False, passing_scaled=None)
    passing = progress.passed_attempt
    return LocalState(
        experienced=progress.experienced_at is not None,
        completed=progress.completed_at is not None,
        passing_scaled=passing.scaled_score if passing is not None and passing.passed else None,
    )


def sent_verbs(session: LaunchSession) -> tuple[set[str], set[str]]:
    """cmi5-defined verbs recorded for (this session, its registration and AU), not rejected."""
    rows = LmsStatement.objects.filter(
        session__registration=session.registration,
        session__activity_id=session.activity_id,
        defined=True,
    ).exclude(status=LmsStatement.Status.REJECTED).values_list("session_id", "verb")
    in_session, in_registration = set(), set()
    for session_pk, verb in rows:
        in_registration.add(verb)
        if session_pk == session.pk:
            in_session.add(verb)
    return in_session, in_registration


def last_submitted_attempt(*, user: AbstractBaseUser, lesson_id: int) -> Attempt | None:
    return (
        Attempt.objects.filter(user=user, context_page_id=lesson_id,
                               status=Attempt.Status.SUBMITTED)
        .select_related("quiz").order_by("-number").first()
    )


def authored_choice_order(attempt: Attempt) -> dict[str, list[str]]:
    """Each question's choice ids in the order the author wrote them, for the attempt's revision.

    Attempts store their (maybe shuffled) presentation order; statements to an
    LMS list choices in one canonical order. Empty when the revision is gone.
    Read once per attempt object (a whole submit answers every question).
    """
    cached = getattr(attempt, "_authored_choice_order", None)
    if cached is not None:
        return cached
    order: dict[str, list[str]] = {}
    if attempt.quiz_revision_id is not None:
        revision = Revision.objects.filter(pk=attempt.quiz_revision_id).first()
        if revision is not None:
            order = {
                question["id"]: [choice["id"] for choice in question["choices"]]
                for question in quiz_questions(revision.as_object())
            }
    attempt._authored_choice_order = order
    return order
