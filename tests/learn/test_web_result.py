"""The result at a glance: verdict and score first, the next step as the main button, course
progress, each question folded away, a celebration on passing, "Try again" only when it can
raise the score, and a survey recorded, never scored."""

import re

import pytest
from django.urls import reverse

from progress.services import lesson_experience, lesson_quiz_start, lesson_quiz_submit
from tests.factories import answers_for, build_course, likert, single_choice

pytestmark = pytest.mark.django_db


def take(user, lesson, *, right=True, wrong=0):
    """Finish an attempt at the lesson's quiz: every answer right (or wrong), or `wrong` of
    them wrong."""
    attempt, _ = lesson_quiz_start(user=user, lesson=lesson)
    lesson_experience(user=user, lesson=lesson)
    answers = answers_for(attempt.questions, right=right)
    if wrong:
        answers = answers_for(attempt.questions[:wrong], right=False) + answers[wrong:]
    return lesson_quiz_submit(user=user, lesson=lesson, attempt_id=attempt.pk, answers=answers)


def result_page(client, attempt) -> str:
    response = client.get(reverse("learn:attempt_result", args=[attempt.pk]))
    assert response.status_code == 200
    return response.content.decode()


def main_button(html: str) -> str:
    """The text of the first primary button after the verdict."""
    after = html.split('class="result__next"', 1)[1]
    match = re.search(r'class="button button--primary[^"]*"[^>]*>(.*?)</(?:a|button)>', after, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", match.group(1)).strip()


def test_a_pass_reads_at_a_glance_with_the_next_lesson_first(learner_client, learner):
    course, (first, second, _third) = build_course(lessons=3, questions=[single_choice()] * 2)
    attempt = take(learner, first)

    html = result_page(learner_client, attempt)

    verdict, rest = html.split('class="result__next"', 1)
    assert "Passed" in verdict and "100%" in verdict and "2 of 2 correct" in verdict
    assert 'class="confetti"' in verdict  # the short celebration
    assert main_button(html).startswith("Next lesson") and second.title in main_button(html)
    assert "1 of 3 lessons done" in rest
    assert rest.index("1 of 3 lessons done") < rest.index("Question by question")
    assert html.count('<details class="answer__details">') == 2 and html.count("✓") >= 2
    assert "Try again" not in html  # 100%: another attempt cannot raise the score


def test_a_pass_below_100_offers_a_second_try_and_a_fail_makes_it_the_main_button(
    learner_client, learner
):
    _course, (lesson, _next) = build_course(lessons=2, pass_mark=50,
                                            questions=[single_choice()] * 2)
    passed = take(learner, lesson, wrong=1)
    passed_html = result_page(learner_client, passed)
    _course, (other, _next) = build_course(lessons=2, questions=[single_choice()] * 2,
                                           index=lesson.get_parent().get_parent().specific)
    failed = take(learner, other, right=False)
    failed_html = result_page(learner_client, failed)

    assert "Passed" in passed_html and "50%" in passed_html
    assert main_button(passed_html).startswith("Next lesson")
    assert "Try again to raise your score" in passed_html
    assert "Not passed yet" in failed_html and "0%" in failed_html
    assert main_button(failed_html).startswith("Try again")
    assert "Skip to the next lesson" in failed_html
    assert 'class="confetti"' not in failed_html
    assert "✗" in failed_html and "The right answer" in failed_html


def test_no_try_again_once_the_attempts_are_used(learner_client, learner):
    _course, (lesson,) = build_course(lessons=1, max_attempts=1, questions=[single_choice()])
    attempt = take(learner, lesson, right=False)

    html = result_page(learner_client, attempt)

    assert "Try again" not in html
    assert "You have used all 1 attempt at this knowledge check." in html
    assert "Try again" not in learner_client.get(lesson.url).content.decode()


def test_a_survey_is_recorded_never_scored(learner_client, learner):
    course, (lesson, _next) = build_course(lessons=2, questions=[likert(), likert("Second?")])
    attempt = take(learner, lesson)

    html = result_page(learner_client, attempt)
    card = learner_client.get(lesson.url).content.decode()
    course_page = learner_client.get(course.url).content.decode()

    assert "Thank you" in html and "Your answers are recorded." in html
    assert "%" not in html.split('class="result__next"', 1)[0].split("verdict__score")[1]
    assert "Passed" not in html and "Try again" not in html and "correct" not in html
    assert "Your answer: <strong>Strongly disagree</strong>" in html
    assert main_button(html).startswith("Next lesson")
    assert "Done: your answers are recorded." in card and "Try again" not in card
    assert "best score" not in course_page and "✓</span> Completed" in course_page


def test_completing_the_course_celebrates_and_leads_to_the_certificate(learner_client, learner):
    course, (first, last) = build_course(lessons=2, questions=[single_choice()])
    take(learner, first)
    attempt = take(learner, last)

    html = result_page(learner_client, attempt)

    verdict = html.split('class="result__next"', 1)[0]
    assert "Course complete!" in verdict and 'class="confetti"' in verdict
    assert f"Passed. You have finished every lesson of {course.title}." in verdict
    assert main_button(html) == "Get your certificate →"
    assert reverse("learn:course_certificate", args=[course.pk]) in html
    assert "Completed" in html.split('class="result__next"', 1)[1]  # the progress bar


def test_the_lesson_card_sums_up_the_last_result(learner_client, learner):
    _course, (lesson, _next) = build_course(lessons=2, questions=[single_choice()] * 2)
    take(learner, lesson, right=False)

    card = learner_client.get(lesson.url).content.decode()

    assert "Not passed yet: 0%." in card and "See your result" in card
    assert "Try again" in card
