"""Each learner page runs the same number of queries for a course of 2 lessons or of 10."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from progress.services import lesson_experience, lesson_quiz_start, lesson_quiz_submit
from tests.factories import (
    LessonPageFactory,
    QuizFactory,
    UserFactory,
    build_course,
    likert,
    single_choice,
)

pytestmark = pytest.mark.django_db

QUESTIONS = [single_choice(), likert()]


def queries(client, url) -> int:
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def take_quiz(user, lesson, *, submit=True):
    attempt, _ = lesson_quiz_start(user=user, lesson=lesson)
    if not submit:
        return attempt
    lesson_experience(user=user, lesson=lesson)
    answers = [{"question": q["id"], "choices": [next(c["id"] for c in q["choices"]
                                                      if c["correct"] or q["type"] == "likert")]}
               for q in attempt.questions]
    return lesson_quiz_submit(user=user, lesson=lesson, attempt_id=attempt.pk, answers=answers)


def test_learner_pages_query_count_is_independent_of_lesson_count(learner_client, learner):
    course, lessons = build_course(lessons=2, questions=QUESTIONS)
    done = take_quiz(learner, lessons[0])
    in_progress = take_quiz(learner, lessons[1], submit=False)
    urls = {
        "home": "/",
        "course": course.url,
        "lesson with result": lessons[0].url,
        "lesson with an attempt in progress": lessons[1].url,
        "question": reverse("learn:attempt_question", args=[in_progress.pk, 1]),
        "feedback": reverse("learn:attempt_question", args=[done.pk, 1]),
        "result": reverse("learn:attempt_result", args=[done.pk]),
    }
    with_two = {name: queries(learner_client, url) for name, url in urls.items()}

    for _ in range(8):
        extra = LessonPageFactory(parent=course, quiz=QuizFactory(questions=QUESTIONS))
        take_quiz(learner, extra)
    with_ten = {name: queries(learner_client, url) for name, url in urls.items()}

    assert with_ten == with_two


def test_completion_page_query_count_is_independent_of_lesson_count(client):
    counts, index = [], None
    for n in (2, 10):
        user = UserFactory()
        course, lessons = build_course(lessons=n, questions=QUESTIONS, index=index)
        index = course.get_parent().specific
        for lesson in lessons:
            take_quiz(user, lesson)
        client.force_login(user)
        counts.append(queries(client, reverse("learn:course_certificate", args=[course.pk])))

    assert counts[0] == counts[1]
