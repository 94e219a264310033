"""A learner takes the whole seeded course in real Chromium, to the certificate: every lesson
(its steps, then its knowledge check one question at a time) three times over: by touch on
a 360x740 phone, by keyboard only at 1366x900, and with JavaScript off on the phone.

On the way: axe-core checks every kind of screen (no serious violation), no question screen
is taller than two phone screens, the verdict and the main button of every result are above
the fold, no answer key is in a page before its question is answered, and a screenshot of
every step, question, feedback and result lands in var/screenshots/. The journeys share one
seeded server (the `course` fixture), each with its own learner.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import OperationalError, connections
from django.test import override_settings
from django.urls import reverse
from playwright.sync_api import expect

from lessons.models import LessonPage
from progress.models import CourseProgress
from quizzes.models import Answer, Attempt
from tests.factories import PASSWORD, UserFactory, build_course, every_question_type

pytestmark = pytest.mark.browser

DEMO_LEARNER = ("learner", "learner-demo-1")  # seed_course --demo
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 900}
SERIOUS = ("serious", "critical")
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LEARNERS = {"touch": "Tess Touch", "keys": "Kai Keys", "nojs": "Nora Plain"}
# Screenshots show the whole screen with the action bar in its place, not stuck mid-page.
UNSTICK = ".question__actions { position: static !important; }"
# Controls shorter than 44px. Links inside running text are exempt (WCAG 2.5.8 "inline");
# a radio or checkbox counts by its label, which is what a finger hits.
SMALL_TARGETS_JS = """() => {
    const controls = 'a, button, select, input, summary, [data-handle]';
    const inline = 'p, .breadcrumbs__item, .rich-text, .lesson__body, .feedback, .site-footer';
    return [...document.querySelectorAll(controls)].filter((el) => {
        if (el.tagName === 'A' && !el.classList.contains('button') && el.closest(inline)) {
            return false;
        }
        if (el.type === 'hidden' || el.disabled || el.closest('[hidden], template')) return false;
        const target = el.matches('input[type=radio], input[type=checkbox]')
            ? el.closest('label') : el;
        const box = target.getBoundingClientRect();
        if (!box.width || getComputedStyle(el).visibility === 'hidden') return false;
        return box.height < 44;
    }).map((el) => `${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 30)}"`);
}"""
# How each lesson's attempts are answered: question types answered only partly right, or
# question numbers answered wrong, per attempt. Lesson 3 fails once, then passes.
PLANS = {
    1: [{"partly": {"multiple_response"}}],
    2: [{"partly": {"matching"}}],
    3: [{"wrong": {1, 2}}, {}],
    4: [{"partly": {"sequencing"}}],
    5: [{}],
    6: [{}],
    7: [{}],
}


# The seeded course, served once for the module ------------------------------------------


def _empty_database() -> None:
    """What TransactionTestCase does after a test (sequences keep counting, as there)."""
    for alias in connections:
        call_command("flush", verbosity=0, interactive=False, database=alias,
                     reset_sequences=False, inhibit_post_migrate=True)


def _restore_migrated_state() -> None:
    """The data migrations' rows (Wagtail's root page, the default site) a transactional
    test may have flushed, from the snapshot pytest-django took of the test database."""
    _empty_database()
    for alias in connections:
        snapshot = getattr(connections[alias], "_test_serialized_contents", None)
        assert snapshot, "the test database was not serialized (see test_a_lost_reply_...)"
        connections[alias].creation.deserialize_db_from_string(snapshot)


@pytest.fixture(scope="module")
def course(browser, django_db_blocker, tmp_path_factory):
    """The seeded course and a learner per journey, on a live server for the whole module."""
    from pytest_django.live_server_helper import LiveServer

    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media")))
    with django_db_blocker.unblock():
        name = connections["default"].settings_dict["NAME"]
        assert "test" in str(name) or "memory" in str(name), f"not a test database: {name}"
        media.enable()
        _restore_migrated_state()
        with override_settings(DEBUG=True):  # seed_course --demo refuses otherwise
            call_command("seed_course", "--demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        with override_settings(PASSWORD_HASHERS=FAST_HASHER):  # as tests/conftest.py sets
            for username, full_name in LEARNERS.items():
                first, last = full_name.split()
                UserFactory(username=username, first_name=first, last_name=last)
        cache.clear()  # throttle counts of earlier tests
        server = LiveServer("localhost")
        server.media_root = media.options["MEDIA_ROOT"]  # each test's own is a fresh folder
        server._live_server_modified_settings.enable()
        try:
            yield server
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            _empty_database()
            connections.close_all()  # opened in Playwright's context: never left open
            media.disable()


# One learner's run through the course -------------------------------------------------------


@dataclass
class Run:
    page: object
    mode: str  # touch, keys or nojs
    size: str  # phone or desktop
    base: str
    axe_path: Path
    shots: Path
    learner: object
    checker: object = None  # without JS: a page that runs axe on a copy of the screen
    checked: set = field(default_factory=set)  # the kinds of screen axe has checked

    @property
    def viewport(self) -> dict:
        return PHONE if self.size == "phone" else DESKTOP

    def shot(self, name: str) -> None:
        self.page.screenshot(path=self.shots / f"{self.mode}-{self.size}-{name}.png",
                             full_page=True, style=UNSTICK, animations="disabled")

    def check(self, kind: str) -> None:
        """axe-core on this kind of screen (once per run), and a phone's fit and targets."""
        if kind in self.checked:
            return
        self.checked.add(kind)
        page = self.page
        if self.mode == "nojs":  # axe needs scripts: the same page, its own scripts stripped
            html = re.sub(r"<script\b.*?</script>", "", page.content(), flags=re.S)
            page = self.checker
            page.set_content(html.replace("<head>", f'<head><base href="{self.page.url}">', 1))
        assert axe_violations(page, self.axe_path) == [], (kind, self.page.url)
        if self.size == "phone":
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
            assert page.evaluate(SMALL_TARGETS_JS) == [], (kind, self.page.url)

    def press(self, selector: str) -> None:
        """Activate a control the way this learner does: a tap, Tab then Enter, or a click."""
        if self.mode == "touch":
            self.page.tap(selector)
        elif self.mode == "keys":
            tab_to(self.page, selector)
            self.page.keyboard.press("Enter")
        else:
            self.page.click(selector)

    def go(self, selector: str) -> None:
        with self.page.expect_navigation():
            self.press(selector)


def axe_violations(page, axe_path: Path) -> list:
    """axe-core's serious and critical violations on the page, once its animations settle
    (tests/browser/test_insights_pages.py uses it too)."""
    violations = page.evaluate(
        """async (source) => {
            // Finite animations only, and at most 2 s: the Wagtail admin runs long ones.
            const finite = document.getAnimations()
                .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
            await Promise.race([Promise.all(finite.map((a) => a.finished)),
                                new Promise((done) => setTimeout(done, 2000))]);
            if (!window.axe) (0, eval)(source);  // works with the page's scripts off too
            return (await axe.run(document, {resultTypes: ['violations']})).violations;
        }""", axe_path.read_text())
    return [(v["id"], [n["target"] for n in v["nodes"]][:3])
            for v in violations if v["impact"] in SERIOUS]


def tab_to(page, selector: str, *, limit: int = 150) -> None:
    """Press Tab until the focused element matches `selector` (keyboard only, no clicks)."""
    for _ in range(limit):
        if page.evaluate("s => !!document.activeElement?.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def sign_in(page, base_url: str, credentials: tuple[str, str] = DEMO_LEARNER) -> None:
    """Sign in with the mouse (tests/browser/test_lesson_steps.py uses it too)."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", credentials[0])
    page.fill("#id_password", credentials[1])
    with page.expect_navigation():
        page.click("button[type=submit]")


def wait_for(condition, *, seconds: float = 5.0) -> bool:
    """Poll `condition` (a database read) while the live server handles the browser's requests.

    With the in-memory SQLite test database the server's thread and this one share a
    cache with table locks: a read that meets the server's open write transaction fails
    with "database table is locked" and is simply tried again.
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


def sign_in_run(run: Run) -> None:
    """Sign in the run's learner the way they work: touch, keyboard only, or a click."""
    page = run.page
    page.goto(f"{run.base}/accounts/login/")
    if run.mode == "keys":
        tab_to(page, "#id_username")
        page.keyboard.type(run.learner.username)
        page.keyboard.press("Tab")
        page.keyboard.type(PASSWORD)
        with page.expect_navigation():
            page.keyboard.press("Enter")
    else:
        page.fill("#id_username", run.learner.username)
        page.fill("#id_password", PASSWORD)
        run.go("button[type=submit]")
    assert page.url.rstrip("/") == run.base, page.locator("main").inner_text()


# The lesson: its steps, then the knowledge check --------------------------------------------


def open_lesson(run: Run, number: int, lesson: LessonPage) -> None:
    """Open the lesson and go through its steps (with JS) to the knowledge check."""
    page = run.page
    page.goto(run.base + lesson.url)
    run.check(f"lesson-{number}" if run.mode == "touch" else "lesson")  # every one on the phone
    nav = page.locator("[data-step-nav]")
    if run.mode == "nojs" or not nav.count() or not nav.is_visible():
        page.goto(run.base + lesson.url + "#knowledge-check")
        return
    step = 0
    while not page.locator(".is-quiz-step").count():
        step += 1
        assert step < 40, "the knowledge check step never came"
        if run.mode == "touch":  # (test_lesson_steps.py shoots every step at both sizes)
            run.shot(f"lesson{number}-step{step}")
        if run.mode == "keys":
            page.keyboard.press("ArrowRight")
        else:
            page.tap("[data-step-next]")
    run.shot(f"lesson{number}-step{step + 1}-knowledge-check")


def take_quiz(run: Run, number: int, plan: dict, attempt_number: int) -> Attempt:
    """Answer every question of the attempt in progress, as planned; return it, finished."""
    page = run.page
    attempt = Attempt.objects.get(user=run.learner, status=Attempt.Status.IN_PROGRESS)
    questions = {question["id"]: question for question in attempt.questions}
    total = len(questions)
    for n in range(1, total + 1):
        form = page.locator("[data-quiz-stage] form") if run.mode != "nojs" else page.locator(
            "form.question")
        assert form.get_attribute("data-number") == str(n), page.url
        question = questions[form.get_attribute("data-question")]
        name = f"lesson{number}-a{attempt_number}-q{n}-{question['type']}"
        html = page.content()
        assert f"Question {n} of {total}" in html
        assert [text for text in answer_key_texts(question) if text in html] == []
        run.shot(name)
        run.check(f"question-{question['type']}")
        if run.size == "phone":
            assert screen_bottom(page) <= 2 * PHONE["height"], name
        how = ("wrong" if n in plan.get("wrong", ()) else
               "partly" if question["type"] in plan.get("partly", ()) else "right")
        if not feedback_step(question):  # an unscored answer goes straight on
            if n == total or run.mode == "nojs":
                with page.expect_navigation():
                    answer(run, question, how)
            else:
                answer(run, question, how)
                page.wait_for_function(
                    "n => document.querySelector('[data-quiz-stage] form')?.dataset.number == n",
                    arg=str(n + 1))
            continue
        answer(run, question, how)
        feedback = page.locator("form.question [data-feedback]")
        feedback.wait_for(state="visible")
        verdict = feedback.locator("[data-feedback-verdict]").inner_text()
        expected = "Recorded" if question["type"] == "likert" else VERDICTS[how]
        assert verdict == expected, (name, how)
        run.shot(f"{name}-feedback")
        run.check(f"feedback-{verdict}")
        if run.size == "phone":
            assert screen_bottom(page) <= 2 * PHONE["height"], f"{name}-feedback"
        if n < total:
            continue_to(run, "[data-quiz-stage] form [data-continue]", navigates=run.mode == "nojs")
        else:
            run.go("form.question [data-continue]")
    assert "/learn/attempts/" in page.url and "/questions/" not in page.url, page.url
    attempt.refresh_from_db()
    assert attempt.is_submitted
    assert Answer.objects.filter(attempt=attempt).count() == total  # each answer once
    return attempt


VERDICTS = {"right": "Correct", "partly": "Partly correct", "wrong": "Not quite"}


def answer_key_texts(question: dict) -> list[str]:
    return [text for text in [question["explanation"],
                              *(choice["feedback"] for choice in question["choices"])] if text]


def feedback_step(question: dict) -> bool:
    """As learn.presenters.has_feedback_step: an unscored answer with nothing to say has none."""
    return question["type"] != "likert" or bool(answer_key_texts(question))


def screen_bottom(page) -> float:
    """How far down the page the question screen reaches (its form's end), when scrolled to
    the top (Playwright's own boxes: they work with the page's scripts off too)."""
    page.locator("body").scroll_into_view_if_needed()
    box = page.locator("form.question").bounding_box()
    top = page.locator("body").bounding_box()["y"]
    return box["y"] + box["height"] - top


def continue_to(run: Run, selector: str, *, navigates: bool) -> None:
    if navigates:
        run.go(selector)
    else:
        number = run.page.locator("[data-quiz-stage] form").get_attribute("data-number")
        run.press(selector)
        run.page.wait_for_function(
            "n => document.querySelector('[data-quiz-stage] form')?.dataset.number !== n",
            arg=number)


# Answering one question: what to choose, then by touch, keyboard or plain form -----------


def choose(question: dict, how: str) -> dict:
    """The answer to give: right, partly right or wrong."""
    kind, choices = question["type"], question["choices"]
    if kind == "sequencing":
        order = [c["id"] for c in sorted(choices, key=lambda c: c["position"])]
        if how == "partly":
            order[-2:] = order[-1:-3:-1]
        return {"order": order[::-1] if how == "wrong" else order}
    if kind == "matching":
        matches = {c["id"]: c["target"] for c in choices}
        if how != "right":
            first, second = list(matches)[:2]
            matches[first], matches[second] = matches[second], matches[first]
        return {"matches": matches}
    if kind == "likert":
        return {"choices": [choices[3]["id"]]}
    right = [c["id"] for c in choices if c["correct"]]
    wrong = [c["id"] for c in choices if not c["correct"]]
    if how == "partly" and len(right) > 1:
        return {"choices": right[:1]}
    if how != "right":
        return {"choices": wrong[:1]}
    return {"choices": right}


def answer(run: Run, question: dict, how: str) -> None:
    given = choose(question, how)
    {"touch": answer_by_touch, "keys": answer_by_keyboard, "nojs": answer_without_js}[
        run.mode](run, question, given)


def answer_by_touch(run: Run, question: dict, given: dict) -> None:
    page, stage = run.page, "[data-quiz-stage] form"
    if "order" in given:
        for position, item in enumerate(given["order"]):
            drag_by_touch(run, f'{stage} [data-choice="{item}"] [data-handle]',
                          f"{stage} [data-sequence] > [data-choice]:nth-child({position + 1})")
        assert sequence(page) == given["order"]
    elif "matches" in given:
        for item, target in given["matches"].items():  # each item opens after the one before
            page.tap(f'{stage} [data-match="{item}"] [data-option="{target}"]')
    else:
        for choice in given["choices"]:
            page.tap(f'{stage} [data-option="{choice}"]')
    page.tap(f"{stage} [data-check]")


def drag_by_touch(run: Run, handle: str, onto: str) -> None:
    """A finger on the handle, moved to the top of the item at `onto`, rested, lifted (real
    touch events through the DevTools protocol, so the page sees touch pointers)."""
    page = run.page
    page.locator(handle).evaluate("el => el.closest('[data-sequence]').scrollIntoView("
                                  "{block: 'center'})")  # a finger touches what it sees
    start, end = page.locator(handle).bounding_box(), page.locator(onto).bounding_box()
    if abs(start["y"] - end["y"]) < 4:
        return
    x, y0, y1 = start["x"] + start["width"] / 2, start["y"] + start["height"] / 2, end["y"] + 6
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y0}]})
    for step in range(1, 12):  # moving, then resting before the lift (a flick would fling,
        y = y0 + (y1 - y0) * min(step / 8, 1)  # and Chrome eats the tap that stops a fling)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove",
                                              "touchPoints": [{"x": x, "y": y}]})
        if step >= 8:
            page.wait_for_timeout(40)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def sequence(page) -> list[str]:
    return page.eval_on_selector_all("[data-quiz-stage] form [data-sequence] > [data-choice]",
                                     "items => items.map(i => i.dataset.choice)")


def answer_by_keyboard(run: Run, question: dict, given: dict) -> None:
    page, stage = run.page, "[data-quiz-stage] form"
    if "order" in given:
        for position, item in enumerate(given["order"]):
            steps = sequence(page).index(item) - position
            if steps:  # Enter on "Move up", then the arrow key on it
                tab_to(page, f'{stage} [data-choice="{item}"] [data-move=up]')
                page.keyboard.press("Enter")
                for _ in range(steps - 1):
                    page.keyboard.press("ArrowUp")
        assert sequence(page) == given["order"]
    elif "matches" in given:
        targets = [t["id"] for t in question["targets"]]
        for index, (item, target) in enumerate(given["matches"].items()):
            group = f'{stage} [data-match="{item}"]'
            if index and page.locator(f"{group} [data-match-open]").is_visible():  # folded
                tab_to(page, f"{group} [data-match-open]")
                page.keyboard.press("Enter")
            else:
                tab_to(page, f"{group} input")
            pick_radio(page, targets, target)
    elif question["type"] == "multiple_response":
        for choice in given["choices"]:
            tab_to(page, f'{stage} input[value="{choice}"]')
            page.keyboard.press("Space")
    else:
        tab_to(page, f"{stage} input[name=choice]")
        pick_radio(page, [c["id"] for c in question["choices"]], given["choices"][0])
    tab_to(page, f"{stage} [data-check]")
    page.keyboard.press("Enter")


def pick_radio(page, ids: list[str], wanted: str) -> None:
    """From the focused radio, arrow down to `wanted` and select it."""
    start = page.evaluate("() => document.activeElement.value")
    for _ in range((ids.index(wanted) - ids.index(start)) % len(ids)):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.checked && document.activeElement.value"
                         ) == wanted


def answer_without_js(run: Run, question: dict, given: dict) -> None:
    page = run.page
    assert page.locator("[data-move]").first.is_hidden() or "order" not in given
    if "order" in given:
        for position, item in enumerate(given["order"], start=1):
            page.select_option(f'select[name="position-{item}"]', str(position))
    elif "matches" in given:
        for item, target in given["matches"].items():
            page.check(f'input[name="match-{item}"][value="{target}"]')
    else:
        for choice in given["choices"]:
            page.check(f'input[name=choice][value="{choice}"]')
    run.press("form.question [data-check]")


# The result ----------------------------------------------------------------------------------


def read_result(run: Run, name: str) -> dict:
    """The result screen: screenshot, axe, verdict and main button above the fold."""
    page = run.page
    run.shot(name)
    page.screenshot(path=run.shots / f"{run.mode}-{run.size}-{name}-fold.png")
    run.check(f"result-{page.locator('.verdict').get_attribute('class')}")
    fold = run.viewport["height"]
    main = page.locator(".result__next .button--primary").first
    assert page.locator("body").bounding_box()["y"] == 0  # not scrolled
    assert page.locator(".verdict__title").bounding_box()["y"] + 30 <= fold, name
    box = main.bounding_box()
    assert box["y"] + box["height"] <= fold, name
    return {"verdict": page.locator(".verdict__title").inner_text().strip(),
            "main": re.sub(r"\s+", " ", main.inner_text()).strip(),
            "text": page.locator("main").inner_text()}


def journey(browser, course, axe_path, screenshots, *, mode: str, size: str) -> None:
    viewport = PHONE if size == "phone" else DESKTOP
    context = browser.new_context(viewport=viewport, has_touch=mode == "touch",
                                  is_mobile=mode == "touch", java_script_enabled=mode != "nojs",
                                  reduced_motion="reduce" if mode == "keys" else "no-preference")
    page = context.new_page()
    page.set_default_timeout(15_000)
    checker = None
    if mode == "nojs":
        checker = browser.new_context(viewport=viewport).new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    run = Run(page=page, mode=mode, size=size, base=course.url, axe_path=axe_path,
              shots=screenshots, learner=get_user_model().objects.get(username=mode),
              checker=checker)
    try:
        sign_in_run(run)
        lessons = list(LessonPage.objects.live().order_by("path"))
        assert len(lessons) == len(PLANS)
        for number, lesson in enumerate(lessons, start=1):
            open_lesson(run, number, lesson)
            card = "[data-quiz-card] form button"
            run.shot(f"lesson{number}-card")
            for attempt_number, plan in enumerate(PLANS[number], start=1):
                run.go(card if attempt_number == 1 else ".result__next form button")
                attempt = take_quiz(run, number, plan, attempt_number)
                result = read_result(run, f"lesson{number}-a{attempt_number}-result")
                check_result(run, result, attempt, number, lessons)
            if number < len(lessons):
                assert result["main"].startswith("Next lesson"), result
                run.go(".result__next a.button--primary")
                assert page.url == run.base + lessons[number].url
        run.go(".result__next a.button--primary")  # "Get your certificate"
        assert page.url.endswith(reverse("learn:course_certificate",
                                         args=[lessons[0].get_parent().pk]))
        assert LEARNERS[mode] in page.locator(".certificate").inner_text()
        run.shot("certificate")
        run.check("certificate")
        assert CourseProgress.objects.get(user=run.learner).completed_at is not None
        assert errors == []
    finally:
        context.close()
        if checker is not None:
            checker.context.close()


def check_result(run: Run, result: dict, attempt: Attempt, number: int, lessons: list) -> None:
    text, last = result["text"], number == len(lessons)
    done = number if attempt.passed else number - 1
    assert f"{done} of {len(lessons)} lessons done" in text or (last and "Completed" in text), text
    confetti = run.page.locator(".confetti i").first
    if not attempt.passed:
        assert result["verdict"] == "Not passed yet" and result["main"].startswith("Try again")
        assert "Skip to the next lesson" in text and not confetti.count()
        return
    # A short celebration; none for the learner who asks for reduced motion (keys).
    assert confetti.is_visible() == (run.mode != "keys")
    if last:
        assert result["verdict"] == "Course complete!"
        assert result["main"].startswith("Get your certificate")
    else:
        assert result["verdict"] == "Passed"
        assert result["main"] == f"Next lesson {lessons[number].title} →"
        assert ("Try again to raise your score" in text) == (attempt.scaled_score < 1)


# The three journeys ------------------------------------------------------------------------


def test_a_learner_takes_the_whole_course_by_touch_on_a_phone(
    browser, course, axe_path, screenshots, django_db_blocker, settings
):
    settings.MEDIA_ROOT = course.media_root
    with django_db_blocker.unblock():
        journey(browser, course, axe_path, screenshots, mode="touch", size="phone")


def test_a_learner_takes_the_whole_course_by_keyboard_only(
    browser, course, axe_path, screenshots, django_db_blocker, settings
):
    settings.MEDIA_ROOT = course.media_root
    with django_db_blocker.unblock():
        journey(browser, course, axe_path, screenshots, mode="keys", size="desktop")


def test_a_learner_takes_the_whole_course_without_javascript(
    browser, course, axe_path, screenshots, django_db_blocker, settings
):
    settings.MEDIA_ROOT = course.media_root
    with django_db_blocker.unblock():
        journey(browser, course, axe_path, screenshots, mode="nojs", size="phone")


# Failures at the edge: a lost reply, bad input ---------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_lost_reply_is_retried_with_its_key_and_bad_input_is_explained(
    browser, live_server, learner, axe_path
):
    """The answer reaches the server but its reply is lost: pressing the button again sends
    the same Idempotency-Key, and the first answer's feedback shows; one answer is stored.
    (Its database marker also makes pytest-django create and snapshot the test database
    that the journeys above restore.)"""
    _course, (lesson,) = build_course(lessons=1, questions=every_question_type())
    context = browser.new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", learner.username)
        page.fill("#id_password", PASSWORD)
        with page.expect_navigation():
            page.click("button[type=submit]")
        page.goto(live_server.url + lesson.url + "#knowledge-check")  # its last step
        with page.expect_navigation():
            page.click("[data-quiz-card] form button")
        attempt = Attempt.objects.get(user=learner)

        page.tap("[data-check]")  # nothing chosen
        errors = page.locator("[data-question-errors]")
        expect(errors.locator("li")).to_have_text("Choose an answer.")
        assert page.evaluate("document.activeElement.matches('[data-question-errors]')")

        lost = []

        def lose_the_reply(route):
            if not lost:
                lost.append(route.fetch().status)  # the server answers; the phone never hears
                route.abort("connectionreset")
            else:
                route.continue_()

        page.route("**/answers/", lose_the_reply)
        right = next(c["id"] for c in attempt.questions[0]["choices"] if c["correct"])
        page.tap(f'[data-option="{right}"]')
        page.tap("[data-check]")
        expect(errors).to_contain_text("could not reach the server")
        page.tap("[data-check]")
        page.locator("[data-feedback]").wait_for(state="visible")

        assert lost == [201]
        assert page.locator("[data-feedback-verdict]").inner_text() == "Correct"
        assert Answer.objects.filter(attempt=attempt).count() == 1
    finally:
        context.close()
