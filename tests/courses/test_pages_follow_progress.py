"""The course and home pages follow the learner: Start, Continue (named) or Review; surveys."""

import pytest
from django.test import Client
from wagtail.test.utils import WagtailTestUtils

from progress.models import LessonProgress
from progress.selectors import CONTINUE, REVIEW, START, course_action
from progress.services import lesson_open
from tests.factories import LessonPageFactory, build_course, likert, single_choice

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return WagtailTestUtils.get_soup(response.content)


def main_button(client, course) -> tuple[str, str]:
    link = soup(client.get(course.url)).select_one(".course__action a")
    return link.get_text(" ", strip=True), link["href"]


def complete(learner, lesson):
    LessonProgress.objects.update_or_create(
        user=learner, lesson=lesson,
        defaults={"course": lesson.get_parent().specific, "completed_at": "2026-01-02T00:00Z"})


@pytest.fixture
def course(db):
    return build_course(lessons=3, with_quiz=False)


def test_the_action_rule():
    lessons = [LessonPageFactory.build(pk=pk) for pk in (1, 2, 3)]
    action = course_action(lessons=lessons, started=False, completed_ids=set())
    assert (action.kind, action.lesson.pk) == (START, 1)
    action = course_action(lessons=lessons, started=True, completed_ids={1})
    assert (action.kind, action.lesson.pk) == (CONTINUE, 2)
    action = course_action(lessons=lessons, started=True, completed_ids={1, 3})
    assert (action.kind, action.lesson.pk) == (CONTINUE, 2)  # the first one not done
    action = course_action(lessons=lessons, started=True, completed_ids={1, 2, 3})
    assert (action.kind, action.lesson.pk) == (REVIEW, 1)
    assert course_action(lessons=[], started=True, completed_ids=set()) is None


def test_course_button_starts_continues_with_the_next_lesson_named_then_reviews(
    learner_client, learner, course
):
    course_page, (first, second, third) = course
    assert main_button(Client(), course_page) == ("Start the course , with lesson 1: "
                                                  f"{first.title}", first.url)
    assert main_button(learner_client, course_page)[1] == first.url

    lesson_open(user=learner, lesson=first)
    assert main_button(learner_client, course_page) == (f"Continue: {first.title}", first.url)

    complete(learner, first)
    assert main_button(learner_client, course_page) == (f"Continue: {second.title}", second.url)

    for lesson in (second, third):
        complete(learner, lesson)
    text, href = main_button(learner_client, course_page)
    assert text.startswith("Review the course") and href == first.url


def test_course_length_is_computed_from_its_lessons(client, course):
    course_page, lessons = course
    meta = soup(client.get(course_page.url)).select_one(".course__header .meta")
    assert meta.get_text(" ", strip=True) == "About 3 min · 3 lessons"

    LessonPageFactory(parent=course_page)
    meta = soup(client.get(course_page.url)).select_one(".course__header .meta")
    assert meta.get_text(" ", strip=True) == "About 4 min · 4 lessons"


def test_a_completed_survey_shows_as_completed_not_scored(learner_client, learner):
    course_page, (survey, quiz) = build_course(lessons=2, questions=[likert(), likert()])
    quiz.quiz.questions = [("single_choice", single_choice()["value"])]
    quiz.quiz.save()
    for lesson in (survey, quiz):
        complete(learner, lesson)
    LessonProgress.objects.update(best_scaled_score=1.0)  # as surveys were once stored

    states = soup(learner_client.get(course_page.url)).select(".lesson-list .state")
    assert [state.get_text(" ", strip=True) for state in states] == [
        "✓ Completed", "✓ Completed, best score 100%"]


def test_home_invites_a_newcomer_to_start_and_a_returning_learner_to_continue(
    learner_client, learner, course
):
    course_page, (first, second, _) = course
    box = soup(learner_client.get("/")).select_one(".continue")
    assert "Continue where you left off" not in box.text
    assert box.h2.text == "Start learning" and box.a["href"] == first.url

    lesson_open(user=learner, lesson=first)
    complete(learner, first)
    box = soup(learner_client.get("/")).select_one(".continue")
    assert box.h2.text == "Continue where you left off"
    assert (box.a.get_text(strip=True), box.a["href"]) == (second.title, second.url)
