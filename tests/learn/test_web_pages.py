"""The learner's pages: home progress, course lesson states, completion page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from progress.services import lesson_experience, lesson_quiz_start, lesson_quiz_submit
from tests.factories import UserFactory, build_course, likert, single_choice

pytestmark = pytest.mark.django_db


def pass_quiz(user, lesson, *, right=True):
    attempt, _ = lesson_quiz_start(user=user, lesson=lesson)
    answers = []
    for question in attempt.questions:
        if question["type"] == "likert":
            picks = [question["choices"][0]["id"]]
        else:
            picks = [c["id"] for c in question["choices"] if c["correct"] == right][:1]
        answers.append({"question": question["id"], "choices": picks})
    lesson_experience(user=user, lesson=lesson)
    return lesson_quiz_submit(user=user, lesson=lesson, attempt_id=attempt.pk, answers=answers)


@pytest.fixture
def small_course(db):
    return build_course(lessons=3, questions=[single_choice(), likert()])


def test_course_page_shows_each_lesson_state_and_best_score(learner_client, learner, small_course):
    course, (first, second, third) = small_course
    pass_quiz(learner, first)
    pass_quiz(learner, second, right=False)

    html = learner_client.get(course.url).content.decode()

    assert "Completed, best score 100%" in html
    assert "In progress, best score 0%" in html
    assert "Not started" in html
    assert "1 of 3 lessons done" in html
    assert reverse("learn:course_certificate", args=[course.pk]) not in html


def test_home_shows_progress_bar_and_continue_where_you_left_off(
    learner_client, learner, small_course
):
    course, (first, second, _third) = small_course
    pass_quiz(learner, first)

    html = learner_client.get("/").content.decode()

    assert '<progress class="progress__bar"' in html and 'value="33"' in html
    assert "Continue where you left off" in html
    assert f'href="{second.url}"' in html


def test_certificate_is_404_until_the_course_is_completed(learner_client, learner, small_course):
    course, lessons = small_course
    url = reverse("learn:course_certificate", args=[course.pk])
    for lesson in lessons[:-1]:
        pass_quiz(learner, lesson)

    assert learner_client.get(url).status_code == 404

    pass_quiz(learner, lessons[-1])
    response = learner_client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert learner.get_full_name() in html and course.title in html
    assert timezone.now().strftime("%-d %B %Y") in html
    assert url in learner_client.get(course.url).content.decode()  # linked from the course page


def test_certificate_of_another_learner_is_not_shown(client, learner, small_course):
    course, lessons = small_course
    for lesson in lessons:
        pass_quiz(learner, lesson)
    client.force_login(UserFactory())

    assert client.get(reverse("learn:course_certificate", args=[course.pk])).status_code == 404


def test_lesson_without_quiz_is_marked_read_without_js(learner_client, learner):
    course, (lesson,) = build_course(lessons=1, with_quiz=False)
    assert "Mark this lesson as read" in learner_client.get(lesson.url).content.decode()

    response = learner_client.post(reverse("learn:lesson_experienced", args=[lesson.pk]))

    assert response.status_code == 302
    html = learner_client.get(course.url).content.decode()
    assert "✓</span> Completed" in html and "You completed this course on" in html
    assert "Mark this lesson as read" not in learner_client.get(lesson.url).content.decode()


def test_anonymous_visitor_is_invited_to_sign_in(client, small_course):
    _course, (lesson, *_rest) = small_course

    html = client.get(lesson.url).content.decode()

    assert "to take the knowledge check" in html and reverse("login") in html
