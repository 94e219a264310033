"""Courses, lessons, progress and attempt lists: the learner's own view, in fixed queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from progress.models import LessonProgress
from quizzes.models import Attempt
from tests.factories import build_course, build_site_root

pytestmark = pytest.mark.django_db


def complete(api, lesson, answer_sheet):
    api.post(f"/api/v1/lessons/{lesson.pk}/experienced/")
    attempt_id = api.post(f"/api/v1/lessons/{lesson.pk}/quiz/attempts/").json()["id"]
    attempt = Attempt.objects.get(pk=attempt_id)
    response = api.post(f"/api/v1/attempts/{attempt_id}/submit/",
                        {"answers": answer_sheet(attempt)}, format="json")
    assert response.status_code == 200
    return response.json()


def test_courses_list_the_learners_progress(api, other_api, course, answer_sheet):
    course_page, [lesson, _] = course
    complete(other_api, lesson, answer_sheet)
    assert api.get("/api/v1/courses/").json()[0]["progress"]["lessons_completed"] == 0
    complete(api, lesson, answer_sheet)
    [listed] = api.get("/api/v1/courses/").json()
    assert listed["id"] == course_page.pk and listed["title"] == course_page.title
    progress = listed["progress"]
    assert (progress["lesson_total"], progress["lessons_completed"], progress["percent"]) == (
        2, 1, 50)
    assert progress["started_at"] and progress["completed_at"] is None


def test_a_course_shows_each_lessons_state_and_the_next_lesson(api, course, answer_sheet):
    course_page, [first, second] = course
    complete(api, first, answer_sheet)
    body = api.get(f"/api/v1/courses/{course_page.pk}/").json()
    assert body["course"]["id"] == course_page.pk
    assert [(lesson["id"], lesson["state"]) for lesson in body["lessons"]] == [
        (first.pk, "completed"), (second.pk, "not_started")]
    assert body["lessons"][0]["best_scaled_score"] == 1.0
    assert body["next_lesson"]["id"] == second.pk
    complete(api, second, answer_sheet)
    body = api.get(f"/api/v1/courses/{course_page.pk}/").json()
    assert body["next_lesson"] is None and body["course"]["progress"]["completed_at"]


def test_an_unknown_course_is_not_found(api, assert_error):
    assert_error(api.get("/api/v1/courses/999999/"), 404, "not_found")


def test_a_lesson_returns_its_content_and_state(api, course):
    course_page, [lesson, _] = course
    body = api.get(f"/api/v1/lessons/{lesson.pk}/").json()
    assert body["id"] == lesson.pk and body["course"] == course_page.pk
    assert body["quiz"] == lesson.quiz_id and body["state"] == "not_started"
    assert body["reading_minutes"] >= 1
    assert [block["type"] for block in body["body"]] == ["text"] * 3
    assert body["body"][0]["value"] == "<p>Paragraph 0 with several words in it.</p>"
    markdown = api.get(f"/api/v1/lessons/{lesson.pk}/?rich_text_format=markdown").json()
    assert markdown["body"][0]["value"].strip() == "Paragraph 0 with several words in it."


def test_a_lesson_rejects_an_unknown_rich_text_format(api, course, assert_error):
    _, [lesson, _] = course
    body = assert_error(api.get(f"/api/v1/lessons/{lesson.pk}/?rich_text_format=pdf"), 400,
                        "invalid")
    assert list(body["fields"]) == ["rich_text_format"]


def test_marking_a_lesson_experienced_is_idempotent(api, course):
    _, [lesson, _] = course
    first = api.post(f"/api/v1/lessons/{lesson.pk}/experienced/")
    again = api.post(f"/api/v1/lessons/{lesson.pk}/experienced/")
    assert first.status_code == again.status_code == 200
    assert first.json()["state"] == "in_progress"
    assert first.json()["experienced_at"] == again.json()["experienced_at"]
    assert LessonProgress.objects.count() == 1


def test_progress_summarises_and_says_where_to_continue(api, course, answer_sheet):
    _, [first, second] = course
    assert api.get("/api/v1/progress/").json()["next_lesson"]["id"] == first.pk
    complete(api, first, answer_sheet)
    body = api.get("/api/v1/progress/").json()
    assert (body["lessons_completed"], body["courses_completed"]) == (1, 0)
    assert body["next_lesson"]["id"] == second.pk and len(body["courses"]) == 1


def test_attempts_list_only_the_learners_own(api, other_api, course, answer_sheet):
    _, [first, second] = course
    complete(api, first, answer_sheet)
    api.post(f"/api/v1/lessons/{second.pk}/quiz/attempts/")
    other_api.post(f"/api/v1/lessons/{first.pk}/quiz/attempts/")
    mine = api.get("/api/v1/attempts/").json()
    assert {a["lesson"] for a in mine} == {first.pk, second.pk} and len(mine) == 2
    assert [a["status"] for a in mine] == ["in_progress", "submitted"]
    assert "questions" not in mine[0] and "result" not in mine[0]
    [only] = api.get(f"/api/v1/attempts/?lesson={first.pk}").json()
    assert only["passed"] is True and only["scaled_score"] == 1.0
    assert len(api.get(f"/api/v1/attempts/?quiz={second.quiz_id}").json()) == 1


def test_attempts_list_rejects_a_bad_filter(api, assert_error):
    body = assert_error(api.get("/api/v1/attempts/?quiz=abc"), 400, "invalid")
    assert list(body["fields"]) == ["quiz"]


def _queries(api, path):
    with CaptureQueriesContext(connection) as queries:
        assert api.get(path).status_code == 200
    return len(queries)


def test_course_and_progress_reads_do_not_grow_with_lessons_or_courses(api, answer_sheet):
    index = build_site_root()
    small, [lesson] = build_course(lessons=1, index=index, with_quiz=False)
    complete_paths = ["/api/v1/courses/", f"/api/v1/courses/{small.pk}/", "/api/v1/progress/"]
    api.post(f"/api/v1/lessons/{lesson.pk}/experienced/")
    few = [_queries(api, path) for path in complete_paths]
    big, lessons = build_course(lessons=5, index=index, with_quiz=False)
    build_course(lessons=2, index=index, with_quiz=False)
    api.post(f"/api/v1/lessons/{lessons[0].pk}/experienced/")
    paths = ["/api/v1/courses/", f"/api/v1/courses/{big.pk}/", "/api/v1/progress/"]
    assert [_queries(api, path) for path in paths] == few
