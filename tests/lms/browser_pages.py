"""Every interaction the LMS browser tests have with Touchpoint's learner pages, in one place.

The learner UI changes (lessons in steps, one question at a time): when it does,
only this module needs updating; tests/lms/test_browser_launch.py says what
must happen, not which buttons make it happen.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.db import OperationalError

from quizzes.models import Attempt


def wait_for(condition: Callable[[], object], *, seconds: float = 10.0) -> bool:
    """Poll a database read while the live server works (in-memory SQLite shares locks)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OperationalError as error:
            if "locked" not in str(error):
                raise
        time.sleep(0.1)
    return False


def launch_from_lms(page, catalogue_url: str, title: str) -> None:
    """In the LMS's catalogue, click Launch for a lesson; the LMS redirects to Touchpoint."""
    page.goto(catalogue_url)
    with page.expect_navigation():
        page.get_by_role("link", name=f"Launch {title}", exact=True).click()
    page.wait_for_load_state()


def has_exit(page) -> bool:
    return page.locator("[data-lms-exit]").count() == 1


def to_last_step(page) -> None:
    """With JS a lesson shows one step at a time: move on to its last (the knowledge check)."""
    for _ in range(40):
        if not page.locator("[data-step-next]").is_visible():
            return
        page.keyboard.press("ArrowRight")
    raise AssertionError("the lesson's last step never showed")


def read_lesson(page, lesson, *, javascript: bool) -> None:
    """Take in the lesson's content: with JS the learner moves through its steps to the
    last (static/js/steps.js marks it on the last content step); without JS the lesson
    is one page, and starting the knowledge check (or the 'read' button of a lesson
    without one) marks it."""
    from progress.models import LessonProgress

    if javascript:
        to_last_step(page)
        assert wait_for(lambda: LessonProgress.objects.filter(
            lesson=lesson, experienced_at__isnull=False).exists())
    elif page.locator("[data-experienced-form] button").count():
        with page.expect_navigation():
            page.click("[data-experienced-form] button")


def press_start(page) -> None:
    """The knowledge check's Start button on the lesson page."""
    page.click("[data-quiz-card] form button")


def start_quiz(page) -> None:
    with page.expect_navigation():
        press_start(page)
    page.wait_for_selector("form.question")


def current_attempt(lesson) -> Attempt:
    found: list[Attempt] = []
    assert wait_for(lambda: found.append(
        Attempt.objects.filter(context_page_id=lesson.pk).order_by("-pk").first()
    ) or found[-1] is not None)
    return found[-1]


def answer_quiz(page, attempt: Attempt, *, javascript: bool, wrong: set[str] = frozenset()
                ) -> None:
    """Answer each question in turn, right except the question types in `wrong`, then go on
    to the result: one question per page without JS, one per screen with it."""
    questions = {question["id"]: question for question in attempt.questions}
    for number in range(1, len(questions) + 1):
        form = page.locator("form.question").first
        assert form.get_attribute("data-number") == str(number)
        question = questions[form.get_attribute("data-question")]
        _answer(page, question, javascript=javascript, right=question["type"] not in wrong)
        last = number == len(questions)
        if not _has_feedback(question):  # an unscored answer with nothing to say moves on
            if last or not javascript:
                with page.expect_navigation():
                    page.click("form.question [data-check]")
            else:
                page.click("form.question [data-check]")
                page.wait_for_selector(f'form.question[data-number="{number + 1}"]')
            continue
        if javascript:
            page.click("form.question [data-check]")
            page.wait_for_selector("form.question [data-feedback]:not([hidden])")
        else:
            with page.expect_navigation():
                page.click("form.question [data-check]")
        if last or not javascript:
            with page.expect_navigation():
                page.click("form.question [data-continue]")
        else:
            page.click("form.question [data-continue]")
            page.wait_for_selector(f'form.question[data-number="{number + 1}"]')
    page.wait_for_selector("[data-quiz-result]")


def _has_feedback(question: dict) -> bool:
    texts = [question["explanation"], *(choice["feedback"] for choice in question["choices"])]
    return question["type"] != "likert" or any(texts)


def _answer(page, question: dict, *, javascript: bool, right: bool) -> None:
    kind, choices = question["type"], question["choices"]
    if kind in ("single_choice", "true_false"):
        pick = next(c for c in choices if c["correct"] == right)
        page.check(f'input[name="choice"][value="{pick["id"]}"]')
    elif kind == "multiple_response":
        for choice in choices:
            if choice["correct"] == right:
                page.check(f'input[name="choice"][value="{choice["id"]}"]')
    elif kind == "likert":
        page.check(f'input[name="choice"][value="{choices[0]["id"]}"]')
    elif kind == "matching":
        targets = [t["id"] for t in question["targets"]]
        for choice in choices:  # with JS on a phone, each item opens after the one before
            target = choice["target"] if right else next(
                t for t in targets if t != choice["target"])
            page.click(f'[data-match="{choice["id"]}"] [data-option="{target}"]')
    elif kind == "sequencing":
        _order(page, question, javascript=javascript, right=right)


def _order(page, question: dict, *, javascript: bool, right: bool) -> None:
    qid = question["id"]
    wanted = [c["id"] for c in sorted(question["choices"], key=lambda c: c["position"])]
    if not right:
        wanted.reverse()
    if not javascript:
        for position, choice_id in enumerate(wanted, start=1):
            page.select_option(f'select[name="position-{choice_id}"]', str(position))
        return
    shown = f'[data-question="{qid}"] [data-choice]'
    for position, choice_id in enumerate(wanted):
        order = page.eval_on_selector_all(shown, "items => items.map(i => i.dataset.choice)")
        for _ in range(order.index(choice_id) - position):
            page.click(f'[data-question="{qid}"] [data-choice="{choice_id}"] [data-move=up]')


def result_text(page) -> str:
    return page.inner_text("[data-quiz-result]")


def exit_to_lms(page) -> None:
    with page.expect_navigation():
        page.click("[data-lms-exit]")
    page.wait_for_load_state()


def review_verdict(page) -> str:
    return page.inner_text("[data-review-verdict]")


def download_package(page, base_url: str, course, fmt: str, designer: tuple[str, str]) -> bytes:
    """As a learning designer: sign in to the Wagtail admin and download the course's package."""
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", designer[0])
    page.fill("#id_password", designer[1])
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.goto(f"{base_url}/admin/pages/{course.pk}/edit/")
    page.click('#w-slim-header-buttons button[aria-label="Actions"]')
    with page.expect_navigation():
        page.get_by_role("link", name="Download for an LMS").click()
    label = {"cmi5-zip": "cmi5 package (zip)", "cmi5": "cmi5.xml",
             "tincan": "Tin Can package (zip)"}[fmt]
    with page.expect_download() as download:
        page.click(f"text={label}")
    return open(download.value.path(), "rb").read()
