"""PUT /api/v1/lessons/{id}/position/: the learner's step in a lesson, for resuming there."""

import pytest
from rest_framework.test import APIClient

from progress.models import CourseProgress, LessonProgress

pytestmark = pytest.mark.django_db


def url(lesson) -> str:
    return f"/api/v1/lessons/{lesson.pk}/position/"


def test_the_position_is_saved_and_read_back_by_the_lesson_page(api, learner, course, client):
    course_page, [lesson, _] = course
    response = api.put(url(lesson), {"step": 2}, format="json")

    assert response.status_code == 200
    assert response.json() == {"step": 2, "step_total": 4}  # 3 text blocks + the quiz
    assert LessonProgress.objects.get(user=learner, lesson=lesson).last_step == 2
    client.force_login(learner)
    assert b'data-start-step="2"' in client.get(lesson.url).content


def test_saving_the_same_position_again_is_harmless(api, learner, course):
    course_page, [lesson, _] = course
    for _ in range(2):
        assert api.put(url(lesson), {"step": 1}, format="json").status_code == 200
    assert LessonProgress.objects.filter(user=learner).count() == 1


@pytest.mark.parametrize("body", [
    {"step": 4}, {"step": -1}, {"step": "two"}, {"step": 1.5}, {"step": None}, {}, {"stop": 1},
    {"step": [1]},
])
def test_bad_input_is_refused_with_nothing_written(api, course, assert_error, body):
    course_page, [lesson, _] = course
    error = assert_error(api.put(url(lesson), body, format="json"), 400, "invalid")
    assert list(error["fields"]) == ["step"]
    assert not LessonProgress.objects.exists() and not CourseProgress.objects.exists()


def test_malformed_json_is_refused(api, course, assert_error):
    course_page, [lesson, _] = course
    response = api.generic("PUT", url(lesson), "{step: 1", content_type="application/json")
    assert_error(response, 400, "malformed_json")
    assert not LessonProgress.objects.exists()


def test_an_unknown_or_unpublished_lesson_is_not_found(api, course, assert_error):
    course_page, [lesson, _] = course
    assert_error(api.put("/api/v1/lessons/999999/position/", {"step": 0}, format="json"),
                 404, "not_found")
    lesson.unpublish()
    assert_error(api.put(url(lesson), {"step": 0}, format="json"), 404, "not_found")
    assert not LessonProgress.objects.exists()


def test_only_a_signed_in_learner_has_a_position(course, assert_error):
    course_page, [lesson, _] = course
    assert_error(APIClient().put(url(lesson), {"step": 0}, format="json"), 401,
                 "not_authenticated")


def test_position_saves_are_throttled(api, course, assert_error, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
                                   "position": "2/min"},
    }
    course_page, [lesson, _] = course
    for step in (0, 1):
        assert api.put(url(lesson), {"step": step}, format="json").status_code == 200
    assert_error(api.put(url(lesson), {"step": 2}, format="json"), 429, "throttled")
    assert LessonProgress.objects.get(lesson=lesson).last_step == 1


def test_a_lesson_lists_its_steps_and_the_learners_position(api, course):
    course_page, [lesson, _] = course
    api.put(url(lesson), {"step": 3}, format="json")

    body = api.get(f"/api/v1/lessons/{lesson.pk}/").json()

    assert body["steps"] == [[block["id"]] for block in body["body"]]  # a block a step
    assert body["step_total"] == len(body["steps"]) + 1  # and the knowledge check
    assert body["last_step"] == 3 and body["opened_at"]
