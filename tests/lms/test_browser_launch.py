"""In Debian's Chromium: the shipped course exported from the Wagtail admin, imported into the
test LMS, each lesson launched from the LMS's catalogue, taken, and exited; what the LMS holds.

Page interactions live in tests/lms/browser_pages.py (the learner UI is being rebuilt).
"""

from __future__ import annotations

import pytest

from courses.models import CoursePage
from lessons.content.everybody_has_a_customer import COURSE
from lessons.models import LessonPage
from lms.delivery import deliver_round
from tests.browser.conftest import browser, screenshots, seeded  # noqa: F401 (fixtures)
from tests.lms import browser_pages as ui
from tests.lms.cmi5_lms import EXT
from tests.lms.conftest import new_actor, new_registration, verbs

pytestmark = [pytest.mark.browser, pytest.mark.lrs,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DESIGNER = ("designer", "designer-demo-1")  # seed_course --demo
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def lms_live(lms_server, seeded, settings):  # noqa: F811
    settings.CMI5_ALLOWED_LMS_ORIGINS = [lms_server.origin]
    settings.CMI5_LAUNCH_BASE_URL = seeded.url
    lms_server.outages = 0
    lms_server.aus.clear()  # the catalogue shows this test's imports only
    lms_server.tincan_activities.clear()
    lms_server.refused.clear()
    return lms_server


@pytest.fixture
def course(lms_live, seeded, browser):  # noqa: F811
    """The shipped course, downloaded as a cmi5 zip by a designer and imported into the LMS."""
    course = CoursePage.objects.get()
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    try:
        package = ui.download_package(context.new_page(), seeded.url, course, "cmi5-zip",
                                      DESIGNER)
    finally:
        context.close()
    assert len(lms_live.import_package(package)) == len(COURSE["lessons"])
    return course


def deliver() -> None:
    assert ui.wait_for(lambda: deliver_round().rejected == 0 or pytest.fail("rejected"))


def by_session(statements: list[dict]) -> dict[str, list[str]]:
    sessions: dict[str, list[dict]] = {}
    for statement in statements:
        sessions.setdefault(statement["context"]["extensions"][EXT + "sessionid"],
                            []).append(statement)
    return {sid: verbs(found) for sid, found in sessions.items()}


def expected(lesson: LessonPage, attempt) -> list[str]:
    answered = ["answered"] * len(attempt.questions)
    if attempt.survey:
        return ["launched", "initialized", *answered, "completed", "terminated"]
    return ["launched", "initialized", "completed", *answered, "passed", "terminated"]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_every_shipped_lesson_launched_taken_and_exited_reaches_the_lms_in_spec_order(
    browser, course, lms_live, screenshots, javascript  # noqa: F811
):
    actor, registration = new_actor(), new_registration()
    catalogue = lms_live.catalogue_url(actor, registration)
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    wanted = {}
    try:
        for number, lesson in enumerate(LessonPage.objects.child_of(course).live().order_by(
                "path"), start=1):
            ui.launch_from_lms(page, catalogue, lesson.title)
            assert page.url.endswith(lesson.url) and ui.has_exit(page)
            if number == 1:
                page.screenshot(path=screenshots / f"lms-lesson-phone-{page_kind(javascript)}.png")
            ui.read_lesson(page, lesson, javascript=javascript)
            ui.start_quiz(page)
            attempt = ui.current_attempt(lesson)
            ui.answer_quiz(page, attempt, javascript=javascript)
            assert ("Thank you" if attempt.survey else "Passed") in ui.result_text(page)
            ui.exit_to_lms(page)
            assert page.url.startswith(f"{lms_live.url}/return/")
            deliver()
            session = lms_live.session_for(registration)
            wanted[session.id] = expected(lesson, attempt)
    finally:
        context.close()
    assert by_session(lms_live.statements(registration)) == wanted
    assert lms_live.refused == []


def page_kind(javascript: bool) -> str:
    return "js" if javascript else "nojs"


def test_browse_then_normal_then_review(browser, course, lms_live, screenshots):  # noqa: F811
    lesson = LessonPage.objects.child_of(course).live().order_by("path").first()
    actor, registration = new_actor(), new_registration()
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        ui.launch_from_lms(page, lms_live.catalogue_url(actor, registration, mode="Browse"),
                           lesson.title)
        ui.to_last_step(page)
        card = page.locator("[data-quiz-card]")
        assert "launch the lesson again from your learning platform" in card.inner_text()
        assert card.locator("button").count() == 0  # nothing to start while browsing
        page.screenshot(path=screenshots / "lms-browse-phone.png")
        ui.exit_to_lms(page)
        deliver()

        ui.launch_from_lms(page, lms_live.catalogue_url(actor, registration), lesson.title)
        ui.read_lesson(page, lesson, javascript=True)
        ui.start_quiz(page)
        ui.answer_quiz(page, ui.current_attempt(lesson), javascript=True)
        ui.exit_to_lms(page)
        deliver()

        ui.launch_from_lms(page, lms_live.catalogue_url(actor, registration, mode="Review"),
                           lesson.title)
        verdict = " ".join(ui.review_verdict(page).split())
        assert verdict.startswith("Passed with 100%")
        page.screenshot(path=screenshots / "lms-review-phone.png", full_page=True)
        ui.exit_to_lms(page)
        deliver()
    finally:
        context.close()
    sessions = list(by_session(lms_live.statements(registration)).values())
    assert sessions[0] == ["launched", "initialized", "terminated"]
    assert sessions[1][-2:] == ["passed", "terminated"]
    assert sessions[2] == ["launched", "initialized", "terminated"]


def test_a_higher_mastery_score_fails_an_attempt_then_a_relaunch_passes(
    browser, course, lms_live, screenshots  # noqa: F811
):
    lesson = LessonPage.objects.child_of(course).live().order_by("path").first()
    actor, registration = new_actor(), new_registration()
    catalogue = lms_live.catalogue_url(actor, registration, mastery="1.0")
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        ui.launch_from_lms(page, catalogue, lesson.title)
        ui.read_lesson(page, lesson, javascript=True)
        ui.start_quiz(page)
        attempt = ui.current_attempt(lesson)
        assert attempt.pass_mark == 100
        ui.answer_quiz(page, attempt, javascript=True, wrong={"true_false", "single_choice"})
        text = ui.result_text(page)
        assert "Not passed yet" in text and "The pass mark is 100%" in text
        assert "To try again, launch the lesson again" in text  # cmi5 9.3: a new session
        page.screenshot(path=screenshots / "lms-relaunch-to-retry-phone.png")
        ui.exit_to_lms(page)
        deliver()

        ui.launch_from_lms(page, catalogue, lesson.title)
        ui.start_quiz(page)
        ui.answer_quiz(page, ui.current_attempt(lesson), javascript=True)
        assert "Passed" in ui.result_text(page)
        ui.exit_to_lms(page)
        deliver()
    finally:
        context.close()
    held = lms_live.statements(registration)
    judged = [s for s in held if verbs([s])[0] in ("passed", "failed")]
    assert verbs(judged) == ["failed", "passed"]
    assert [s["context"]["extensions"][EXT + "masteryscore"] for s in judged] == [1.0, 1.0]


def test_the_tincan_launch_reports_to_that_endpoint(browser, lms_live, seeded,  # noqa: F811
                                                    screenshots):  # noqa: F811
    course = CoursePage.objects.get()
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    try:
        page = context.new_page()
        lms_live.import_package(ui.download_package(page, seeded.url, course, "tincan",
                                                    DESIGNER))
    finally:
        context.close()
    lesson = LessonPage.objects.child_of(course).live().order_by("path").first()
    actor, registration = new_actor(), new_registration()
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        ui.launch_from_lms(page, lms_live.catalogue_url(actor, registration), lesson.title)
        ui.read_lesson(page, lesson, javascript=True)
        ui.start_quiz(page)
        ui.answer_quiz(page, ui.current_attempt(lesson), javascript=True)
        ui.exit_to_lms(page)
        assert "You have left the lesson" in page.inner_text("main")
        deliver()
    finally:
        context.close()
    assert verbs(lms_live.statements(registration)) == ["passed", "completed"]
