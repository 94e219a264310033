"""A learner takes lesson 4 of the seeded course in real Chromium: keyboard only, on a phone,
and with JavaScript off; axe-core checks each page on the way."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth import get_user_model
from django.db import OperationalError

from lessons.models import LessonPage
from progress.models import LessonProgress
from quizzes.models import Attempt

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True,
                                                         serialized_rollback=True)]

DEMO_LEARNER = ("learner", "learner-demo-1")  # seed_course --demo
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
LESSON_4 = "the-priority-order"
SERIOUS = ("serious", "critical")
# Controls shorter than 44px. Links inside running text are exempt (WCAG 2.5.8 "inline");
# a radio or checkbox counts by its label, which is what a finger hits.
SMALL_TARGETS_JS = """() => {
    const controls = 'a, button, select, input, [data-handle]';
    const inline = 'p, .breadcrumbs__item, .rich-text, .lesson__body, .feedback';
    return [...document.querySelectorAll(controls)].filter((el) => {
        if (el.tagName === 'A' && !el.classList.contains('button') && el.closest(inline)) {
            return false;
        }
        if (el.type === 'hidden') return false;
        const target = el.matches('input[type=radio], input[type=checkbox]')
            ? el.closest('label') : el;
        const box = target.getBoundingClientRect();
        if (!box.width || getComputedStyle(el).visibility === 'hidden') return false;
        return box.height < 44;
    }).map((el) => `${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 30)}"`);
}"""


# Helpers -------------------------------------------------------------------------------


def tab_to(page, selector: str, *, limit: int = 120) -> None:
    """Press Tab until the focused element matches `selector` (keyboard only, no clicks)."""
    for _ in range(limit):
        if page.evaluate("s => !!document.activeElement?.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def walk_steps_to_knowledge_check(page) -> None:
    """A lesson shows one step at a time (static/js/steps.js): ArrowRight to its last one."""
    for _ in range(30):
        if page.locator("#knowledge-check").is_visible():
            return
        page.keyboard.press("ArrowRight")
    raise AssertionError("the knowledge check step never showed")


def sign_in_by_keyboard(page, base_url: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    tab_to(page, "#id_username")
    page.keyboard.type(DEMO_LEARNER[0])
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_LEARNER[1])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.rstrip("/") == base_url


def sign_in(page, base_url: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", DEMO_LEARNER[0])
    page.fill("#id_password", DEMO_LEARNER[1])
    with page.expect_navigation():
        page.click("button[type=submit]")


def axe_violations(page, axe_path) -> list[dict]:
    page.add_script_tag(path=str(axe_path))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in violations if v["impact"] in SERIOUS
    ]


def assert_accessible(page, axe_path) -> None:
    assert axe_violations(page, axe_path) == [], page.url


def assert_fits_phone(page) -> None:
    """No horizontal scrolling, and every control a finger can hit is at least 44px tall."""
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url
    too_small = page.evaluate(SMALL_TARGETS_JS)
    assert too_small == [], page.url


def lesson_4() -> LessonPage:
    return LessonPage.objects.get(slug=LESSON_4)


def current_attempt() -> Attempt:
    learner = get_user_model().objects.get(username=DEMO_LEARNER[0])
    return Attempt.objects.filter(user=learner).order_by("-number").first()


def answer_by_keyboard(page, attempt: Attempt) -> None:
    """Answer every question right using Tab, Space, Enter and the arrow keys only."""
    for question in attempt.questions:
        qid, kind, choices = question["id"], question["type"], question["choices"]
        if kind in ("single_choice", "true_false"):
            tab_to(page, f'input[name="q-{qid}"]')
            start = page.evaluate("() => document.activeElement.value")
            ids = [choice["id"] for choice in choices]
            target = next(c["id"] for c in choices if c["correct"])
            steps = (ids.index(target) - ids.index(start)) % len(ids)
            for _ in range(steps):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Space")
            assert page.is_checked(f'input[name="q-{qid}"][value="{target}"]')
        elif kind == "multiple_response":
            for choice in choices:
                if choice["correct"]:
                    tab_to(page, f'input[name="q-{qid}"][value="{choice["id"]}"]')
                    page.keyboard.press("Space")
        elif kind == "sequencing":
            order_by_keyboard(page, question)


def order_by_keyboard(page, question: dict) -> None:
    """Selection sort with the Move up buttons: Enter for the first step, ArrowUp after."""
    qid = question["id"]
    wanted = [c["id"] for c in sorted(question["choices"], key=lambda c: c["position"])]
    shown = f'[data-question="{qid}"] [data-choice]'
    for position, choice_id in enumerate(wanted):
        order = page.eval_on_selector_all(shown, "items => items.map(i => i.dataset.choice)")
        steps = order.index(choice_id) - position
        if steps == 0:
            continue
        tab_to(page, f'[data-question="{qid}"] [data-choice="{choice_id}"] [data-move=up]')
        page.keyboard.press("Enter")
        for _ in range(steps - 1):
            page.keyboard.press("ArrowUp")
    order = page.eval_on_selector_all(shown, "items => items.map(i => i.dataset.choice)")
    assert order == wanted


def course_progress_label(page) -> str:
    return page.inner_text(".course-status .progress__label").strip()


# The journey ---------------------------------------------------------------------------


def keyboard_journey(browser, seeded, axe_path, screenshots, viewport, size_name):
    base = seeded.url
    context = browser.new_context(viewport=viewport, has_touch=size_name == "phone")
    page = context.new_page()
    try:
        sign_in_by_keyboard(page, base)
        assert page.locator(".continue").count() == 1  # continue where you left off
        assert_accessible(page, axe_path)
        if size_name == "phone":
            assert_fits_phone(page)

        lesson = lesson_4()
        course_url = base + lesson.get_parent().url
        page.goto(course_url)
        assert "Not started" in page.inner_text(".course-status")
        assert_accessible(page, axe_path)

        page.goto(base + lesson.url)
        assert_accessible(page, axe_path)
        walk_steps_to_knowledge_check(page)
        tab_to(page, ".quiz__start button")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_selector("[data-quiz-form]")
        assert page.evaluate("document.documentElement.classList.contains('js')")
        answer_by_keyboard(page, current_attempt())
        page.screenshot(path=screenshots / f"lesson-{size_name}.png", full_page=True)
        assert_accessible(page, axe_path)
        if size_name == "phone":
            assert_fits_phone(page)

        tab_to(page, ".quiz-form__submit")
        page.keyboard.press("Enter")
        result = page.wait_for_selector("[data-quiz-live] [data-quiz-result]")
        assert page.url.endswith(lesson.url + "#knowledge-check")  # no reload: still the lesson
        text = result.inner_text()
        assert "Passed" in text and "You scored 100%" in text
        assert "First. Paying customers keep the company going" in text  # sequencing feedback
        assert page.evaluate("document.activeElement.matches('[data-quiz-result-heading]')")
        attempt = current_attempt()
        assert attempt.passed and attempt.is_submitted
        assert LessonProgress.objects.get(lesson=lesson, user=attempt.user).completed_at

        page.goto(f"{base}/learn/attempts/{attempt.pk}/")
        page.screenshot(path=screenshots / f"result-{size_name}.png", full_page=True)
        assert_accessible(page, axe_path)
        if size_name == "phone":
            assert_fits_phone(page)

        page.goto(course_url)
        assert course_progress_label(page).startswith("1 of 6 lessons done")
        state = page.locator(".lesson-list__item", has_text=lesson.title).locator(".state")
        assert "Completed, best score 100%" in state.inner_text()
        if size_name == "phone":
            assert_fits_phone(page)
    finally:
        context.close()


def test_keyboard_only_learner_passes_lesson_4_on_desktop(browser, seeded, axe_path, screenshots):
    keyboard_journey(browser, seeded, axe_path, screenshots, DESKTOP, "desktop")


def test_keyboard_only_learner_passes_lesson_4_on_a_phone(browser, seeded, axe_path, screenshots):
    keyboard_journey(browser, seeded, axe_path, screenshots, PHONE, "phone")


def test_quiz_works_with_javascript_disabled(browser, seeded):
    base = seeded.url
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    page = context.new_page()
    try:
        sign_in(page, base)
        lesson = lesson_4()
        page.goto(base + lesson.url)
        with page.expect_navigation():
            page.click(".quiz__start button")
        attempt = current_attempt()
        assert page.locator("[data-move]").first.is_hidden()  # the no-JS form: position pickers
        for question in attempt.questions:
            qid, choices = question["id"], question["choices"]
            if question["type"] == "sequencing":
                for choice in choices:
                    page.select_option(f'select[name="q-{qid}-pos-{choice["id"]}"]',
                                       str(choice["position"]))
            else:
                for choice in choices:
                    if choice["correct"]:
                        page.check(f'input[name="q-{qid}"][value="{choice["id"]}"]')
        with page.expect_navigation():
            page.click(".quiz-form__submit")

        assert page.url.endswith(f"/learn/attempts/{attempt.pk}/")
        assert "Passed" in page.inner_text("[data-quiz-result]")
        page.goto(base + lesson.get_parent().url)
        assert course_progress_label(page).startswith("1 of 6 lessons done")
    finally:
        context.close()


def wait_for(condition, *, seconds: float = 5.0) -> bool:
    """Poll `condition` (a database read) while the live server handles the browser's requests.

    With the in-memory SQLite test database the server's thread and this one
    share a cache with table locks: a read that meets the server's open write
    transaction fails with "database table is locked" and is simply tried again.
    """
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


def test_js_marks_lesson_read_drags_items_and_flags_missing_answers(browser, seeded):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        sign_in(page, seeded.url)
        lesson = lesson_4()
        page.goto(seeded.url + lesson.url)
        walk_steps_to_knowledge_check(page)
        assert wait_for(lambda: LessonProgress.objects.filter(
            lesson=lesson, experienced_at__isnull=False).exists())  # POSTed by steps.js
        with page.expect_navigation():
            page.click(".quiz__start button")
        items = "[data-sequence] > [data-choice]"
        before = page.eval_on_selector_all(items, "els => els.map(e => e.dataset.choice)")

        handle = page.locator(f"{items}:last-child [data-handle]").bounding_box()
        first = page.locator(f"{items}:first-child").bounding_box()
        page.mouse.move(handle["x"] + 10, handle["y"] + 10)
        page.mouse.down()
        page.mouse.move(handle["x"] + 10, first["y"] + 5, steps=12)
        page.mouse.up()

        after = page.eval_on_selector_all(items, "els => els.map(e => e.dataset.choice)")
        assert after == [before[-1], *before[:-1]]
        positions = page.eval_on_selector_all(f"{items} select", "els => els.map(e => e.value)")
        assert positions == ["1", "2", "3"]  # the no-JS fields follow the new order
        assert page.inner_text("[data-sequence-status]").endswith("position 1 of 3.")

        page.click(".quiz-form__submit")  # nothing chosen yet
        errors = page.wait_for_selector("[data-quiz-errors]:not([hidden])")
        assert "Question 2: choose an answer." in errors.inner_text()
        assert page.evaluate("document.activeElement.matches('[data-quiz-errors]')")
        assert not current_attempt().is_submitted
    finally:
        context.close()
