"""Learner progress on Wagtail's pages: one selector call per page, then cheap lookups.

Home:    {% courses_progress as progress %} ... {% course_progress_bar course progress %}
         {% continue_learning as next_lesson %}
         {% course_facts courses as facts %} ... {% course_meta course facts %}
Course:  {% lesson_states page as states %} ... {% lesson_state_badge lesson states %}
         {% course_progress page as course_progress %}
         {% course_main_action lessons states course_progress as action %}
Lesson:  {% lesson_quiz %}
         {% lesson_start_step step_total as start_step %}
"""

from __future__ import annotations

import re
from typing import Any

from django import template
from django.template.loader import render_to_string

from courses.models import CoursePage
from learn import selectors
from learn.presenters import percent, quiz_intro
from lessons import selectors as lesson_selectors
from lessons.steps import resume_step
from progress import selectors as progress_selectors
from quizzes.scoring import is_survey

register = template.Library()


def _learner(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def _read_only_launch(request) -> bool:
    """An LMS's Browse or Review launch (lms/middleware.py sets request.lms_launch): the
    learner may look, but nothing is recorded and nothing can be taken."""
    launch = getattr(request, "lms_launch", None)
    return launch is not None and launch.read_only


@register.simple_tag(takes_context=True)
def read_only_launch(context) -> bool:
    return _read_only_launch(context.get("request"))


def _is_preview(context) -> bool:
    """An editor's preview (perhaps of an unsaved page): no learner state to show."""
    page = context.get("page")
    return getattr(context.get("request"), "is_preview", False) or page is None or page.pk is None


@register.simple_tag(takes_context=True)
def courses_progress(context) -> dict[int, CoursePage]:
    """Every live course with the learner's progress, keyed by page id (one query)."""
    user = _learner(context)
    if user is None:
        return {}
    return {course.pk: course for course in progress_selectors.course_list_with_progress(user=user)}


@register.simple_tag(takes_context=True)
def course_progress(context, course) -> CoursePage | None:
    """One course with the learner's progress (lessons_completed, percent, completed_at)."""
    user = _learner(context)
    if user is None:
        return None
    return progress_selectors.course_list_with_progress(user=user).filter(pk=course.pk).first()


@register.inclusion_tag("learn/includes/progress_bar.html")
def course_progress_bar(course, progress: dict[int, Any]) -> dict[str, Any]:
    """The progress bar of one course, from a courses_progress (or course_progress) result."""
    annotated = progress.get(course.pk) if isinstance(progress, dict) else progress
    if annotated is None:
        return {"show": False}
    return {
        "show": True,
        "course": course,
        "done": annotated.lessons_completed,
        "total": annotated.lesson_total,
        "percent": annotated.percent,
        "completed_at": annotated.progress_completed_at,
        "started": annotated.progress_started_at is not None,
    }


@register.simple_tag(takes_context=True)
def lesson_states(context, course) -> dict[int, Any]:
    """Every live lesson of the course with the learner's state, keyed by page id (one query)."""
    user = _learner(context)
    if user is None:
        return {}
    lessons = progress_selectors.course_lessons_with_state(user=user, course=course)
    return {lesson.pk: lesson for lesson in lessons.select_related("quiz")}


def _is_survey(lesson) -> bool:
    """A lesson whose quiz is a survey (Likert statements only): completed, never scored."""
    quiz = lesson.quiz if lesson.quiz_id is not None else None
    return quiz is not None and is_survey(quiz.questions.raw_data)


@register.inclusion_tag("learn/includes/lesson_state.html")
def lesson_state_badge(lesson, states: dict[int, Any]) -> dict[str, Any]:
    annotated = states.get(lesson.pk)
    if annotated is None:
        return {"state": None}
    return {
        "state": annotated.state,
        "score": None if _is_survey(annotated) else percent(annotated.best_scaled_score),
        "lesson": lesson,
    }


@register.simple_tag
def course_main_action(lessons, states: dict[int, Any], progress):
    """The course page's main button: Start, Continue (the next lesson) or Review."""
    completed = {pk for pk, lesson in states.items()
                 if lesson.state == progress_selectors.COMPLETED}
    started = progress is not None and progress.progress_started_at is not None
    return progress_selectors.course_action(lessons=lessons, started=started,
                                            completed_ids=completed)


@register.simple_tag
def course_facts(courses) -> dict[int, lesson_selectors.CourseFacts]:
    """Lessons and minutes of each course (a list, or one course), keyed by course id."""
    return lesson_selectors.course_facts(courses if isinstance(courses, list) else [courses])


@register.inclusion_tag("courses/includes/course_meta.html")
def course_meta(course, facts: dict[int, lesson_selectors.CourseFacts]) -> dict[str, Any]:
    """ "About 43 min · 7 lessons", computed from the course's lessons."""
    return {"facts": facts.get(course.pk)}


@register.simple_tag(takes_context=True)
def continue_learning(context, course=None):
    """Continue where you left off: the learner's next incomplete lesson, with its course.

    `started` on it tells a learner who has opened a lesson before (continue) from
    one who has not (start).
    """
    user = _learner(context)
    if user is None:
        return None
    lesson = progress_selectors.lesson_next(user=user, course=course)
    if lesson is not None:
        lesson.course = course or CoursePage.objects.parent_of(lesson).first()
        lesson.started = progress_selectors.learner_has_started(user=user)
    return lesson


@register.simple_tag(takes_context=True)
def lesson_quiz(context) -> str:
    """The lesson page's knowledge check: start it, continue it, or the last result."""
    request, lesson = context.get("request"), context.get("page")
    preview = _is_preview(context)
    user = None if preview else _learner(context)
    state = selectors.lesson_quiz(user=user, lesson=lesson) if user else None
    quiz = state.learner_quiz if state else context.get("quiz")  # the live quiz, if known
    intro = None
    if quiz is not None:
        kinds = ([q["type"] for q in quiz.questions] if state
                 else [block.block_type for block in quiz.questions])
        intro = quiz_intro(kinds=kinds, pass_mark=quiz.pass_mark,
                           max_attempts=quiz.max_attempts, intro=quiz.intro)
    values = {"lesson": lesson, "preview": preview, "quiz_state": state, "intro": intro,
              "read_only": _read_only_launch(request)}
    return render_to_string("learn/includes/quiz.html", values, request=request)


@register.filter
def as_percent(scaled: float | None) -> int | None:
    """A 0..1 score as a whole percentage (rounded down: 79.99% never reads as 80%)."""
    return percent(scaled)


@register.simple_tag(takes_context=True)
def lesson_done(context) -> str:
    """Marks the lesson experienced: by the JS module on opening, or a button without JS."""
    request, lesson = context.get("request"), context.get("page")
    user = _learner(context)
    if user is None or _is_preview(context) or _read_only_launch(request):
        return ""
    values = {
        "lesson": lesson,
        "show_form": context.get("quiz") is None
        and not selectors.lesson_experienced(user=user, lesson=lesson),
    }
    return render_to_string("learn/includes/lesson_done.html", values, request=request)


@register.simple_tag(takes_context=True)
def lesson_start_step(context, total: int) -> int:
    """The step (0-based) the learner starts the lesson page at: where they left off."""
    user = None if _is_preview(context) else _learner(context)
    if user is None:
        return 0
    position = progress_selectors.lesson_position(user=user, lesson=context["page"])
    if position is None:
        return 0
    return resume_step(last_step=position.last_step, total=total,
                       completed=position.completed_at is not None)


_KNOWLEDGE_CHECK_PREFIX = re.compile(r"^\s*knowledge check\s*[:\-–—]?\s*", re.IGNORECASE)


@register.filter
def quiz_title(title: str) -> str:
    """A quiz title shown under the "Knowledge check" heading, without repeating those words."""
    return _KNOWLEDGE_CHECK_PREFIX.sub("", title or "")
