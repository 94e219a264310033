"""A learner never sees another learner's attempts or progress, in the API or on the pages."""

import pytest
from django.urls import reverse

from progress.services import lesson_experience, lesson_quiz_start, lesson_quiz_submit
from quizzes.models import Attempt
from tests.factories import PASSWORD, answers_for

pytestmark = pytest.mark.django_db


def finish_lesson(user, lesson) -> Attempt:
    """The user passes the lesson's quiz and so completes it."""
    attempt, _ = lesson_quiz_start(user=user, lesson=lesson)
    lesson_experience(user=user, lesson=lesson)
    return lesson_quiz_submit(user=user, lesson=lesson, attempt_id=attempt.pk,
                              answers=answers_for(attempt.questions))


@pytest.fixture
def others_work(other_learner, course):
    """The other learner completed the whole course and has an attempt in progress elsewhere."""
    _course, lessons = course
    submitted = [finish_lesson(other_learner, lesson) for lesson in lessons]
    retry, _ = lesson_quiz_start(user=other_learner, lesson=lessons[0])
    return submitted, retry


def test_api_refuses_another_learners_attempts_as_not_found(api, others_work, assert_error):
    submitted, in_progress = others_work
    for attempt in [*submitted, in_progress]:
        response = api.get(f"/api/v1/attempts/{attempt.pk}/")
        assert_error(response, 404, "not_found")


def test_api_cannot_submit_another_learners_attempt(api, others_work, assert_error):
    _submitted, in_progress = others_work
    answers = answers_for(in_progress.questions)

    response = api.post(f"/api/v1/attempts/{in_progress.pk}/submit/", {"answers": answers},
                        format="json")

    assert_error(response, 404, "not_found")
    in_progress.refresh_from_db()
    assert in_progress.status == Attempt.Status.IN_PROGRESS


def test_api_attempt_list_holds_only_the_learners_own(api, learner, others_work, course):
    _course, lessons = course
    mine, _ = lesson_quiz_start(user=learner, lesson=lessons[1])
    quiz_id = lessons[0].quiz_id

    listed = [a["id"] for a in api.get("/api/v1/attempts/").json()]
    filtered = api.get(f"/api/v1/attempts/?quiz={quiz_id}&lesson={lessons[0].pk}").json()

    assert listed == [mine.pk]
    assert filtered == []


def test_api_progress_and_course_state_show_only_the_learners_own(api, others_work, course):
    course_page, lessons = course

    progress = api.get("/api/v1/progress/").json()
    detail = api.get(f"/api/v1/courses/{course_page.pk}/").json()
    lesson = api.get(f"/api/v1/lessons/{lessons[0].pk}/").json()
    quiz = api.get(f"/api/v1/lessons/{lessons[0].pk}/quiz/").json()

    assert progress["lessons_completed"] == 0 and progress["courses_completed"] == 0
    assert progress["courses"][0]["progress"]["lessons_completed"] == 0
    assert {item["state"] for item in detail["lessons"]} == {"not_started"}
    assert lesson["state"] == "not_started" and lesson["best_scaled_score"] is None
    assert quiz["attempt"] is None and quiz["attempts_used"] == 0


def test_web_result_page_of_another_learners_attempt_is_404(client, learner, others_work):
    client.login(username=learner.username, password=PASSWORD)
    submitted, _ = others_work

    response = client.get(reverse("learn:attempt_result", args=[submitted[0].pk]))

    assert response.status_code == 404


def test_web_certificate_of_another_learners_course_is_404(client, learner, others_work, course):
    client.login(username=learner.username, password=PASSWORD)
    course_page, _ = course

    response = client.get(reverse("learn:course_certificate", args=[course_page.pk]))

    assert response.status_code == 404


def test_web_quiz_form_cannot_answer_another_learners_attempt(
    client, learner, others_work, course
):
    client.login(username=learner.username, password=PASSWORD)
    _submitted, in_progress = others_work
    first = in_progress.questions[0]

    response = client.post(reverse("learn:attempt_question", args=[in_progress.pk, 1]),
                           {"choice": first["choices"][0]["id"]})

    assert response.status_code == 404
    assert not in_progress.answers.exists()
    in_progress.refresh_from_db()
    assert in_progress.status == Attempt.Status.IN_PROGRESS


def test_web_pages_show_only_the_learners_own_progress(client, learner, others_work, course):
    client.login(username=learner.username, password=PASSWORD)
    course_page, lessons = course

    course_html = client.get(course_page.url).content.decode()
    home_html = client.get("/").content.decode()

    assert "Completed" not in course_html and "best score" not in course_html
    assert course_html.count("Not started") >= 2
    assert reverse("learn:course_certificate", args=[course_page.pk]) not in course_html
    assert 'value="100"' not in home_html and "Completed" not in home_html
