"""The no-JS knowledge check: one question per page, posting to the answer view, which calls
the same service as the API; then a feedback page for that answer with Continue."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from progress.models import LessonProgress
from progress.services import lesson_quiz_answer, lesson_quiz_start
from quizzes.models import Answer, Attempt
from tests.factories import (
    UserFactory,
    answers_for,
    build_course,
    every_question_type,
    likert,
    single_choice,
)
from xapi.models import OutboxStatement

pytestmark = pytest.mark.django_db


def distinct_texts(questions):
    """Every question with its own explanation and feedback, to tell them apart in a page."""
    for n, question in enumerate(questions, start=1):
        value = question["value"]
        if value.get("explanation"):
            value["explanation"] = f"Why {n}."
        for key in ("feedback_true", "feedback_false"):
            if key in value:
                value[key] = f"Note {n} {key}."
        for i, choice in enumerate(value.get("choices", [])):
            choice["feedback"] = f"Note {n}.{i}."
    return questions


@pytest.fixture
def lesson(db):
    _course, (first, _second) = build_course(lessons=2,
                                             questions=distinct_texts(every_question_type()))
    return first


def start(client, lesson):
    return client.post(reverse("learn:quiz_start", args=[lesson.pk]))


def question_url(attempt, number):
    return reverse("learn:attempt_question", args=[attempt.pk, number])


def post_answer(client, attempt, number, data):
    return client.post(question_url(attempt, number), data)


def keys_of(question):
    """The texts only an answered question may show: its explanation and feedback."""
    return [text for text in [question["explanation"],
                              *(choice["feedback"] for choice in question["choices"])] if text]


def started(client, learner, lesson):
    start(client, lesson)
    return Attempt.objects.get(user=learner)


def test_start_opens_the_first_question_on_a_page_of_its_own(learner_client, learner, lesson):
    response = start(learner_client, lesson)

    attempt = Attempt.objects.get(user=learner)
    assert response.status_code == 302 and response.url == question_url(attempt, 1)
    page = learner_client.get(response.url).content.decode()
    first = attempt.questions[0]
    assert first["prompt"] in page and "Question 1 of 6" in page
    assert f'action="{question_url(attempt, 1)}"' in page
    assert LessonProgress.objects.get(user=learner, lesson=lesson).experienced_at is not None


def test_no_answer_key_reaches_a_page_before_its_question_is_answered(
    learner_client, learner, lesson, answer_post
):
    attempt = started(learner_client, learner, lesson)
    questions = attempt.questions
    before = learner_client.get(question_url(attempt, 1)).content.decode()
    assert 'data-quiz-upcoming' in before  # later questions are in the page, keys are not
    assert [text for q in questions for text in keys_of(q) if text in before] == []

    post_answer(learner_client, attempt, 1, answer_post(questions[0]))
    feedback = learner_client.get(question_url(attempt, 1)).content.decode()
    lesson_page = learner_client.get(lesson.url).content.decode()
    second = learner_client.get(question_url(attempt, 2)).content.decode()

    assert "Why 1." in feedback
    for question in questions[1:]:
        for page in (feedback, lesson_page, second):
            assert [text for text in keys_of(question) if text in page] == []


def test_a_right_answer_shows_its_feedback_then_continue_to_the_next_question(
    learner_client, learner, lesson, answer_post
):
    attempt = started(learner_client, learner, lesson)
    first = attempt.questions[0]

    response = post_answer(learner_client, attempt, 1, answer_post(first))

    assert response.status_code == 302 and response.url == question_url(attempt, 1)
    page = learner_client.get(response.url).content.decode()
    assert "Correct" in page and "Why 1." in page
    assert "Note 1.0." in page  # the feedback of the choice the learner picked
    assert f'href="{question_url(attempt, 2)}" data-continue' in page
    assert "data-feedback-right hidden" in page  # no "right answer" after a right answer
    [stored] = Answer.objects.filter(attempt=attempt)
    assert stored.question_id == first["id"] and stored.outcome == "correct"


def test_a_wrong_answer_shows_not_quite_and_the_right_answer_marked(
    learner_client, learner, lesson, answer_post
):
    attempt = started(learner_client, learner, lesson)
    first = attempt.questions[0]
    right = next(c for c in first["choices"] if c["correct"])

    post_answer(learner_client, attempt, 1, answer_post(first, correct=False))
    page = learner_client.get(question_url(attempt, 1)).content.decode()

    assert "Not quite" in page
    missed = page.split(f'data-option="{right["id"]}"')[0].rsplit("<label", 1)[1]
    assert 'class="option is-missed"' in missed
    assert "is-wrong" in page and "✗" not in missed and "Right answer" in page


@pytest.mark.parametrize("number, spoil, message", [
    (1, lambda q, data: {}, "Choose an answer."),
    (2, lambda q, data: {}, "Choose at least one answer."),
    (3, lambda q, data: {"choice": "not-a-choice"}, "Select a valid choice"),
    (4, lambda q, data: {key: "1" for key in data}, "Give each item a different position"),
    (5, lambda q, data: dict(list(data.items())[1:]), "Choose a match for"),
])
def test_bad_input_is_a_clear_400_and_writes_nothing(
    learner_client, learner, lesson, answer_post, number, spoil, message
):
    attempt = started(learner_client, learner, lesson)
    for n in range(1, number):  # answer the questions before it
        post_answer(learner_client, attempt, n, answer_post(attempt.questions[n - 1]))
    question = attempt.questions[number - 1]
    statements = OutboxStatement.objects.count()

    response = post_answer(learner_client, attempt, number,
                           spoil(question, answer_post(question)))

    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and message in page
    assert Answer.objects.filter(attempt=attempt).count() == number - 1
    assert OutboxStatement.objects.count() == statements
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS


def test_a_second_different_answer_to_a_question_is_refused(
    learner_client, learner, lesson, answer_post
):
    attempt = started(learner_client, learner, lesson)
    first = attempt.questions[0]
    post_answer(learner_client, attempt, 1, answer_post(first, correct=False))

    again = post_answer(learner_client, attempt, 1, answer_post(first))

    assert again.status_code == 409
    assert "You have answered this question already" in again.content.decode()
    [stored] = Answer.objects.filter(attempt=attempt)
    assert stored.outcome == "wrong"


def test_the_same_answer_posted_twice_shows_its_feedback(
    learner_client, learner, lesson, answer_post
):
    attempt = started(learner_client, learner, lesson)
    data = answer_post(attempt.questions[0])
    post_answer(learner_client, attempt, 1, data)

    again = post_answer(learner_client, attempt, 1, data)  # a double click

    assert again.status_code == 302 and again.url == question_url(attempt, 1)
    assert Answer.objects.filter(attempt=attempt).count() == 1


def test_questions_come_in_order_and_resuming_lands_on_the_first_unanswered(
    learner_client, learner, lesson, answer_post
):
    attempt = started(learner_client, learner, lesson)
    post_answer(learner_client, attempt, 1, answer_post(attempt.questions[0]))

    ahead = learner_client.get(question_url(attempt, 4))
    resumed = start(learner_client, lesson)
    attempt_page = learner_client.get(reverse("learn:attempt_result", args=[attempt.pk]))
    card = learner_client.get(lesson.url).content.decode()

    assert ahead.status_code == 302 and ahead.url == question_url(attempt, 2)
    assert resumed.url == question_url(attempt, 2)
    assert attempt_page.status_code == 302 and attempt_page.url == question_url(attempt, 2)
    assert "You have answered 1 of 6 questions." in card
    assert Attempt.objects.filter(user=learner).count() == 1


def test_a_likert_answer_without_feedback_goes_straight_on_and_the_last_answer_finishes(
    learner_client, learner, lesson, answer_post
):
    attempt = started(learner_client, learner, lesson)
    *scored, last = attempt.questions
    assert last["type"] == "likert"
    for number, question in enumerate(scored, start=1):
        post_answer(learner_client, attempt, number, answer_post(question))

    response = post_answer(learner_client, attempt, 6, answer_post(last))

    assert response.url == reverse("learn:attempt_result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.passed
    assert LessonProgress.objects.get(user=learner, lesson=lesson).completed_at is not None


def test_the_answer_that_finishes_leads_to_the_result(learner_client, learner, answer_post):
    _course, (lesson,) = build_course(lessons=1, questions=[likert(), single_choice()])
    attempt = started(learner_client, learner, lesson)
    post_answer(learner_client, attempt, 1, answer_post(attempt.questions[0]))

    post_answer(learner_client, attempt, 2, answer_post(attempt.questions[1]))
    page = learner_client.get(question_url(attempt, 2)).content.decode()

    result_url = reverse("learn:attempt_result", args=[attempt.pk])
    assert f'href="{result_url}" data-continue' in page and "See your result" in page


def test_another_learners_question_is_404_and_nothing_is_written(
    client, learner, lesson, answer_post
):
    attempt, _ = lesson_quiz_start(user=UserFactory(), lesson=lesson)
    client.force_login(learner)

    assert client.get(question_url(attempt, 1)).status_code == 404
    assert post_answer(client, attempt, 1, answer_post(attempt.questions[0])).status_code == 404
    assert not Answer.objects.exists()


def test_a_question_number_out_of_range_is_404(learner_client, learner, lesson):
    attempt = started(learner_client, learner, lesson)

    assert learner_client.get(question_url(attempt, 7)).status_code == 404
    assert learner_client.post(question_url(attempt, 0), {}).status_code == 404


def test_a_question_answered_through_the_api_shows_its_feedback_here(
    learner_client, learner, lesson
):
    attempt = started(learner_client, learner, lesson)
    first = answers_for(attempt.questions)[0]
    lesson_quiz_answer(user=learner, lesson=lesson, attempt_id=attempt.pk, answer=first)

    page = learner_client.get(question_url(attempt, 1)).content.decode()

    assert "Correct" in page and "Why 1." in page
    assert learner_client.get(question_url(attempt, 2)).status_code == 200


def test_answers_are_throttled_like_the_api_with_a_clear_page(
    learner_client, learner, lesson, answer_post, settings
):
    cache.clear()
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "answer": "2/min"}}
    attempt = started(learner_client, learner, lesson)
    assert post_answer(learner_client, attempt, 1, {}).status_code == 400
    assert post_answer(learner_client, attempt, 1, {}).status_code == 400

    response = learner_client.post(question_url(attempt, 1), answer_post(attempt.questions[0]),
                                   HTTP_REFERER=question_url(attempt, 1))

    page = response.content.decode()
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "Too many answers at once" in page and f'href="{question_url(attempt, 1)}"' in page
    assert not Answer.objects.exists()
    cache.clear()


def test_views_need_sign_in_and_refuse_get_for_writes(client, learner, lesson):
    response = client.post(reverse("learn:quiz_start", args=[lesson.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(learner)
    assert client.get(reverse("learn:quiz_start", args=[lesson.pk])).status_code == 405
    assert not Attempt.objects.exists()


def test_attempt_limit_shows_a_message(learner_client, learner, answer_post):
    _, (lesson,) = build_course(lessons=1, max_attempts=1, questions=[single_choice()])
    attempt = started(learner_client, learner, lesson)
    post_answer(learner_client, attempt, 1, answer_post(attempt.questions[0], correct=False))

    refused = start(learner_client, lesson)

    assert refused.status_code == 403
    assert "This knowledge check allows 1 attempt" in refused.content.decode()
    assert Attempt.objects.filter(user=learner).count() == 1
