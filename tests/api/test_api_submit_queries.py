"""POST /api/v1/attempts/<id>/submit/: the heaviest submit runs a fixed, small number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from progress.models import CourseProgress
from quizzes.models import Attempt
from tests.factories import build_course

pytestmark = pytest.mark.django_db

# Completing the quiz, the lesson and the course in one request (inside the test's
# transaction): token, lesson (with locale and quiz), SAVEPOINT, course (with
# locale), attempt lock, answers, attempt update, 2 progress locks, 2 lesson
# progress updates, the course's conditional update, RELEASE. (Before: 18.)
MAX_QUERIES_XAPI_OFF = 13
# ... plus one outbox INSERT per event (quiz, lesson, course); no page, locale or
# task-queue reads. (Before: 24.)
MAX_QUERIES_XAPI_ON = MAX_QUERIES_XAPI_OFF + 3


def submit_queries(api, answer_sheet) -> int:
    _, [lesson] = build_course(lessons=1)
    assert api.post(f"/api/v1/lessons/{lesson.pk}/experienced/").status_code == 200
    started = api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/")
    attempt = Attempt.objects.get(pk=started.json()["id"])
    with CaptureQueriesContext(connection) as captured:
        response = api.post(f"/api/v1/attempts/{attempt.pk}/submit/",
                            {"answers": answer_sheet(attempt)}, format="json")
    assert response.status_code == 200, response.json()
    assert CourseProgress.objects.get(course__pk=lesson.get_parent().pk).completed_at is not None
    return len(captured.captured_queries)


def test_submit_completing_lesson_and_course_runs_few_queries_with_xapi_off(
    api, answer_sheet, settings
):
    settings.XAPI_ENABLED = False
    assert submit_queries(api, answer_sheet) <= MAX_QUERIES_XAPI_OFF


def test_submit_completing_lesson_and_course_adds_one_insert_per_event_with_xapi_on(
    api, answer_sheet, settings
):
    settings.XAPI_ENABLED = True
    assert submit_queries(api, answer_sheet) <= MAX_QUERIES_XAPI_ON
