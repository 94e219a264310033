"""Lessons in steps in real Chromium: touch on a phone, keyboard only on a desktop, JavaScript
off, the position restored after a reload; every step of every shipped lesson fits two phone
screens, passes axe-core (and Wagtail's checker rules) and is screenshotted at both sizes."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from lessons.models import LessonPage
from progress.models import LessonProgress
from tests.browser.test_learner_journey import (
    DEMO_LEARNER,
    PHONE,
    SMALL_TARGETS_JS,
    axe_violations,
    sign_in,
    wait_for,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True,
                                                         serialized_rollback=True)]

DESKTOP = {"width": 1366, "height": 900}
LESSON_4 = "the-priority-order"
# Wagtail's userbar accessibility checker (wagtail.admin.userbar.AccessibilityItem.axe_run_only)
# without its two custom rules (image alt text quality, empty meta description), which
# only its own bundled axe knows.
WAGTAIL_CHECKER_RULES = ["button-name", "empty-heading", "empty-table-header", "frame-title",
                         "heading-order", "input-button-name", "link-name", "p-as-heading"]
SETTLED_JS = "() => !document.querySelector('.is-entering-forward, .is-entering-back')"
STEP_STATE_JS = """() => {
    const steps = [...document.querySelectorAll('[data-step]')];
    const shown = steps.filter((step) => !step.hidden);
    return {
        shown: shown.map((step) => steps.indexOf(step)),
        label: document.querySelector('[data-step-label]').textContent.trim(),
        height: shown.length ? shown[0].getBoundingClientRect().height : 0,
        focused: document.activeElement.matches('[data-step]')
            ? steps.indexOf(document.activeElement) : null,
        status: document.querySelector('[data-step-status]').textContent,
    };
}"""


def lessons() -> list[LessonPage]:
    return list(LessonPage.objects.live().order_by("path"))


def state(page) -> dict:
    return page.evaluate(STEP_STATE_JS)


def step_count(page) -> int:
    return page.locator("[data-step]").count()


def position(lesson) -> int | None:
    learner = get_user_model().objects.get(username=DEMO_LEARNER[0])
    row = LessonProgress.objects.filter(user=learner, lesson=lesson).first()
    return None if row is None else row.last_step


def swipe(page, cdp, *, left: bool) -> None:
    """A finger swipe across the middle of the screen, as real touch events."""
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    start, end = (width * 0.85, width * 0.15) if left else (width * 0.15, width * 0.85)
    y = height * 0.45
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart",
                                          "touchPoints": [{"x": start, "y": y}]})
    for i in range(1, 6):
        x = start + (end - start) * i / 5
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove",
                                              "touchPoints": [{"x": x, "y": y + i}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def close(context) -> None:
    """Close the browser once its last position save has gone out and been answered.

    steps.js saves a pause after the last move, or when the page is hidden: closing
    first would send that save while the test database is being flushed.
    """
    for page in context.pages:
        page.wait_for_timeout(1000)
        page.wait_for_load_state("networkidle")
    context.close()


def checker_violations(page, axe_path) -> list:
    """Wagtail's checker rules on the whole lesson (every step shown, as without JS)."""
    page.evaluate("() => document.querySelectorAll('[data-step]').forEach(s => s.hidden = false)")
    page.add_script_tag(path=str(axe_path))
    return page.evaluate(
        "async (rules) => (await axe.run(document, {runOnly: {type: 'rule', values: rules}}))"
        ".violations.map((v) => [v.id, v.nodes.map((n) => n.target.join(' '))])",
        WAGTAIL_CHECKER_RULES,
    )


# Touch on a phone -------------------------------------------------------------------------


def test_a_phone_learner_taps_and_swipes_through_the_steps_and_resumes_after_a_reload(
    browser, seeded, axe_path, screenshots
):
    base, lesson = seeded.url, LessonPage.objects.get(slug=LESSON_4)
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    try:
        sign_in(page, base)
        page.goto(base + lesson.url)
        total = step_count(page)
        assert total >= 4 and page.locator("#knowledge-check[data-step]").count() == 1
        assert state(page)["shown"] == [0] and state(page)["label"] == f"Step 1 of {total}"
        assert page.locator("[data-step-back]").is_hidden()
        bar = page.locator("[data-step-nav]").bounding_box()
        assert bar["y"] + bar["height"] == pytest.approx(PHONE["height"], abs=1)  # at the bottom
        assert page.locator(".breadcrumbs li:visible").all_inner_texts() == [
            lesson.get_parent().title]  # just the parent, as a back link

        page.tap("[data-step-next]")
        assert state(page)["shown"] == [1]
        assert state(page)["status"].startswith(f"Step 2 of {total}")
        page.tap("[data-step-next]")
        assert state(page)["shown"] == [2]
        swipe(page, cdp, left=False)  # back
        assert state(page)["shown"] == [1]
        swipe(page, cdp, left=True)  # on
        assert state(page)["shown"] == [2]
        assert page.url.endswith(lesson.url)  # the swipe was not taken for "back"
        assert wait_for(lambda: position(lesson) == 2)  # saved once the learner pauses

        page.reload()
        assert state(page)["shown"] == [2]  # where they left off
        assert state(page)["label"] == f"Step 3 of {total}"

        while page.locator("[data-step-next]").is_visible():
            page.tap("[data-step-next]")
        assert state(page)["shown"] == [total - 1]
        assert page.locator("#knowledge-check").is_visible()
        assert page.locator("[data-quiz-card] form button").is_visible()
        assert wait_for(lambda: LessonProgress.objects.filter(
            lesson=lesson, experienced_at__isnull=False).exists())  # the end was reached
        page.wait_for_function(SETTLED_JS)
        assert axe_violations(page, axe_path) == []
    finally:
        close(context)


# Keyboard only on a desktop -----------------------------------------------------------------


def test_a_keyboard_learner_moves_with_the_arrow_keys_and_continue(browser, seeded):
    base, lesson = seeded.url, LessonPage.objects.get(slug=LESSON_4)
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        sign_in(page, base)
        page.goto(base + lesson.url)
        total = step_count(page)

        page.keyboard.press("ArrowRight")
        now = state(page)
        assert now["shown"] == [1] and now["focused"] == 1  # focus moves to the new step
        assert now["status"].startswith(f"Step 2 of {total}")  # and it is announced
        page.keyboard.press("ArrowLeft")
        assert state(page)["shown"] == [0]

        for _ in range(40):  # Tab to Continue, then Enter, as a keyboard user does
            page.keyboard.press("Tab")

            if page.evaluate("document.activeElement.matches('[data-step-next]')"):
                break
        page.keyboard.press("Enter")
        assert state(page)["shown"] == [1] and state(page)["focused"] == 1

        for _ in range(total):
            page.keyboard.press("ArrowRight")
        assert state(page)["shown"] == [total - 1]  # the knowledge check, and no further
        assert page.locator("[data-step-next]").is_hidden()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('#knowledge-check') !== null")
    finally:
        close(context)


def test_a_link_to_the_knowledge_check_opens_its_step(browser, seeded):
    lesson = LessonPage.objects.get(slug=LESSON_4)
    page = browser.new_page(viewport=DESKTOP)
    try:
        page.goto(f"{seeded.url}{lesson.url}#knowledge-check")
        assert state(page)["shown"] == [step_count(page) - 1]
    finally:
        page.close()


# JavaScript off ------------------------------------------------------------------------------


def test_without_javascript_the_lesson_is_one_page(browser, seeded):
    lesson = LessonPage.objects.get(slug=LESSON_4)
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, seeded.url)
        page.goto(seeded.url + lesson.url)
        steps = page.locator("[data-step]")
        assert all(steps.nth(i).is_visible() for i in range(steps.count()))
        assert page.locator("[data-step-nav]").is_hidden()
        assert page.locator("[data-step-progress]").is_hidden()
        assert page.locator("[data-quiz-card] form button").is_visible()
    finally:
        close(context)


# Every step of every shipped lesson ---------------------------------------------------------------


def walk_every_step(page, url, lesson, size_name, screenshots, *, check) -> list[str]:
    """Screenshot every step of the lesson; `check(page, step)` for each; problems found."""
    page.goto(url + lesson.url)
    problems = []
    for index in range(step_count(page)):
        page.wait_for_function(SETTLED_JS)  # the step has finished sliding in
        now = state(page)
        assert now["shown"] == [index], (lesson.slug, now)
        page.screenshot(path=screenshots / f"steps-{size_name}-{lesson.slug}-{index + 1}.png")
        problems += [f"{lesson.slug} step {index + 1}: {p}" for p in check(page, now)]
        if page.locator("[data-step-next]").is_visible():
            page.click("[data-step-next]")
    return problems


def test_every_step_of_the_shipped_course_fits_a_phone_and_passes_axe(
    browser, seeded, axe_path, screenshots
):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()

    def check(page, now):
        problems = []
        if now["height"] > 2 * PHONE["height"]:
            problems.append(f"{now['height']:.0f}px tall, over two screens")
        if page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]:
            problems.append("scrolls sideways")
        problems += [f"small target {t}" for t in page.evaluate(SMALL_TARGETS_JS)]
        problems += [f"axe {v}" for v in axe_violations(page, axe_path)]
        return problems

    try:
        sign_in(page, seeded.url)
        problems = []
        for lesson in lessons():
            problems += walk_every_step(page, seeded.url, lesson, "phone", screenshots,
                                        check=check)
        assert problems == [], "\n".join(problems)
    finally:
        close(context)


def test_every_step_of_the_shipped_course_on_a_desktop(browser, seeded, axe_path, screenshots):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        sign_in(page, seeded.url)
        problems = []
        for lesson in lessons():
            problems += walk_every_step(
                page, seeded.url, lesson, "desktop", screenshots,
                check=lambda page, now: [f"axe {v}" for v in axe_violations(page, axe_path)])
            problems += [f"{lesson.slug}: Wagtail checker {v}"
                         for v in checker_violations(page, axe_path)]
        for url in ("/", lessons()[0].get_parent().url):
            page.goto(seeded.url + url)
            problems += [f"{url}: Wagtail checker {v}" for v in checker_violations(page, axe_path)]
        assert problems == [], "\n".join(problems)
    finally:
        close(context)
