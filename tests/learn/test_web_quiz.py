"""The no-JS knowledge check: plain form posts to the learn views, which call the services."""

import pytest
from django.urls import reverse

from progress.models import LessonProgress
from progress.services import lesson_quiz_start
from quizzes.models import Answer, Attempt
from tests.factories import PASSWORD, UserFactory, build_course, likert, single_choice

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(course_tree):
    return course_tree[1][0]


def start(client, lesson):
    return client.post(reverse("learn:quiz_start", args=[lesson.pk]))


def submit(client, lesson, data):
    return client.post(reverse("learn:quiz_submit", args=[lesson.pk]), data)


def only_attempt(user):
    return Attempt.objects.get(user=user)


def test_start_creates_attempt_and_shows_form_on_lesson_page(learner_client, learner, lesson):
    response = start(learner_client, lesson)

    assert response.status_code == 302
    assert response.url == lesson.url + "#knowledge-check"
    attempt = only_attempt(learner)
    page = learner_client.get(lesson.url).content.decode()
    assert f'name="attempt" value="{attempt.pk}"' in page
    for question in attempt.questions:
        assert f'data-question="{question["id"]}"' in page
    assert LessonProgress.objects.get(user=learner, lesson=lesson).experienced_at is not None


def test_form_never_ships_answer_keys(learner_client, learner, lesson):
    start(learner_client, lesson)
    page = learner_client.get(lesson.url).content.decode()

    for question in only_attempt(learner).questions:
        assert not question["explanation"] or question["explanation"] not in page
        for choice in question["choices"]:
            assert not choice["feedback"] or choice["feedback"] not in page


def test_submit_right_answers_passes_and_completes_lesson(
    learner_client, learner, lesson, answers_post
):
    start(learner_client, lesson)
    attempt = only_attempt(learner)

    response = submit(learner_client, lesson, answers_post(attempt))

    assert response.status_code == 302
    assert response.url == reverse("learn:attempt_result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.passed and attempt.scaled_score == 1
    assert LessonProgress.objects.get(user=learner, lesson=lesson).completed_at is not None
    result = learner_client.get(response.url).content.decode()
    assert "Passed" in result and "You scored 100%" in result
    assert "Next lesson" in result


def test_result_shows_feedback_and_likert_answer_unscored(
    learner_client, learner, lesson, answers_post
):
    start(learner_client, lesson)
    attempt = only_attempt(learner)
    submit(learner_client, lesson, answers_post(attempt, correct=False))

    html = learner_client.get(reverse("learn:attempt_result", args=[attempt.pk])).content.decode()

    assert "Not passed yet" in html and "You scored 0%" in html
    assert "Your answer is recorded; it is not scored" in html
    assert "Agree" in html  # the learner's own Likert answer, shown back
    assert "Feedback 2" in html or "Feedback 1" in html  # a choice's feedback
    assert "Explained." in html
    assert "Correct answer" in html
    assert "Try again" in html


@pytest.mark.parametrize(
    "spoil, message",
    [
        ("drop_radio", "Choose an answer."),
        ("same_positions", "Give each item a different position"),
        ("foreign_choice", "Select a valid choice"),
        ("unmatched", "Choose a match for this item."),
    ],
)
def test_bad_form_input_is_400_with_message_and_writes_nothing(
    learner_client, learner, lesson, answers_post, spoil, message
):
    start(learner_client, lesson)
    attempt = only_attempt(learner)
    data = answers_post(attempt)
    kinds = {q["type"]: q for q in attempt.questions}
    if spoil == "drop_radio":
        del data[f"q-{kinds['single_choice']['id']}"]
    elif spoil == "same_positions":
        for key in data:
            if "-pos-" in key:
                data[key] = "1"
    elif spoil == "foreign_choice":
        data[f"q-{kinds['true_false']['id']}"] = kinds["single_choice"]["choices"][0]["id"]
    else:
        key = next(key for key in data if "-match-" in key)
        data[key] = ""

    response = submit(learner_client, lesson, data)

    assert response.status_code == 400
    html = response.content.decode()
    assert "Your answers were not submitted" in html and message in html
    attempt.refresh_from_db()
    assert not attempt.is_submitted
    assert not Answer.objects.exists()
    assert LessonProgress.objects.get(user=learner, lesson=lesson).completed_at is None


def test_unknown_or_foreign_attempt_is_400(learner_client, learner, lesson, answers_post):
    other = UserFactory()
    stranger_attempt, _ = lesson_quiz_start(user=other, lesson=lesson)
    data = answers_post(stranger_attempt)

    assert submit(learner_client, lesson, data).status_code == 400
    assert submit(learner_client, lesson, {"attempt": "abc"}).status_code == 400
    stranger_attempt.refresh_from_db()
    assert not stranger_attempt.is_submitted


def test_resubmitting_a_submitted_attempt_shows_its_result(
    learner_client, learner, lesson, answers_post
):
    start(learner_client, lesson)
    attempt = only_attempt(learner)
    data = answers_post(attempt)
    submit(learner_client, lesson, data)

    again = submit(learner_client, lesson, answers_post(attempt, correct=False))

    assert again.status_code == 302
    assert again.url == reverse("learn:attempt_result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.passed
    assert Answer.objects.filter(attempt=attempt).count() == len(attempt.questions)


def test_retry_after_failing_starts_attempt_two(learner_client, learner, lesson, answers_post):
    start(learner_client, lesson)
    first = only_attempt(learner)
    submit(learner_client, lesson, answers_post(first, correct=False))

    start(learner_client, lesson)
    second = Attempt.objects.get(user=learner, number=2)
    response = submit(learner_client, lesson, answers_post(second))

    assert response.url == reverse("learn:attempt_result", args=[second.pk])
    assert LessonProgress.objects.get(user=learner, lesson=lesson).completed_at is not None


def test_attempt_limit_shows_message_and_no_retry(learner_client, learner, answers_post):
    _, (lesson,) = build_course(lessons=1, max_attempts=1, questions=[single_choice(), likert()])
    start(learner_client, lesson)
    attempt = only_attempt(learner)
    submit(learner_client, lesson, answers_post(attempt, correct=False))

    result = learner_client.get(reverse("learn:attempt_result", args=[attempt.pk]))
    refused = start(learner_client, lesson)

    assert "You have used all 1 attempt at this knowledge check." in result.content.decode()
    assert "Try again" not in result.content.decode()
    assert refused.status_code == 403
    assert "This knowledge check allows 1 attempt" in refused.content.decode()
    assert Attempt.objects.filter(user=learner).count() == 1


def test_result_of_another_learner_is_404(client, learner, lesson, answers_post):
    attempt, _ = lesson_quiz_start(user=learner, lesson=lesson)
    other = UserFactory()
    client.login(username=other.username, password=PASSWORD)

    assert client.get(reverse("learn:attempt_result", args=[attempt.pk])).status_code == 404


def test_learn_views_need_sign_in(client, lesson):
    response = client.post(reverse("learn:quiz_start", args=[lesson.pk]))

    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not Attempt.objects.exists()


def test_views_refuse_get_for_writes(learner_client, lesson):
    assert learner_client.get(reverse("learn:quiz_start", args=[lesson.pk])).status_code == 405
    assert learner_client.get(reverse("learn:quiz_submit", args=[lesson.pk])).status_code == 405


def test_no_js_submit_is_throttled_like_the_api_with_a_clear_page(
    learner_client, learner, lesson, answers_post, settings
):
    from django.core.cache import cache

    cache.clear()
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
        **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "submit": "2/min"}}
    start(learner_client, lesson)
    attempt = only_attempt(learner)
    assert submit(learner_client, lesson, {"attempt": str(attempt.pk)}).status_code == 400
    assert submit(learner_client, lesson, {"attempt": str(attempt.pk)}).status_code == 400
    response = learner_client.post(reverse("learn:quiz_submit", args=[lesson.pk]),
                                   answers_post(attempt), HTTP_REFERER=lesson.url)
    page = response.content.decode()
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "Too many answers at once" in page and f'href="{lesson.url}"' in page
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS and not Answer.objects.exists()
    cache.clear()
