"""A learning designer adds a lesson with a text block and a new two-question quiz, created
from the lesson's quiz chooser, and publishes both: in real Chromium, counting the clicks."""

from __future__ import annotations

import pytest

from lessons.content.everybody_has_a_customer import COURSE
from lessons.models import LessonPage
from quizzes.models import Quiz

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True,
                                                         serialized_rollback=True)]

DESIGNER = ("designer", "designer-demo-1")  # seed_course --demo
DESKTOP = {"width": 1366, "height": 900}
# Clicks from the admin dashboard to both published (typing not counted). 27 before the
# chooser's "Create" tab, the new-question defaults and the new lesson's first text block.
MAX_CLICKS = 20


class Clicks:
    """Clicks the way a designer makes them, counted."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def __call__(self, locator) -> None:
        self.count += 1
        locator.click()

    def into(self, locator, text: str) -> None:
        """Click into a field and type (the text is filled in: typing is not timed here)."""
        self(locator)
        locator.fill(text)


def test_designer_adds_a_lesson_with_a_new_quiz_in_few_clicks(browser, seeded, screenshots):
    base = seeded.url
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    click = Clicks(page)
    try:
        page.goto(f"{base}/admin/login/")
        page.fill("#id_username", DESIGNER[0])
        page.fill("#id_password", DESIGNER[1])
        with page.expect_navigation():
            page.click("button[type=submit]")

        # Dashboard -> the course's lessons (listed in course order) -> a new lesson.
        click(page.get_by_role("button", name="Pages"))
        with page.expect_navigation():
            click(page.get_by_role("link", name="Everybody Has a Customer", exact=True))
        listed = page.locator("[data-listing-page-title] a, td.title a").all_inner_texts()
        assert listed[0] == "Every touchpoint creates or destroys value"  # course order
        with page.expect_navigation():
            click(page.get_by_role("link", name="Add child page"))

        click.into(page.locator("#id_title"), "Say thank you")
        click(page.locator("#panel-child-content-body-content [contenteditable=true]").first)
        page.keyboard.type("A thank-you costs nothing, and customers remember it.")

        # The quiz, created in the lesson's chooser: it opens with one single-choice
        # question with two empty choices.
        click(page.get_by_role("button", name="Choose quiz"))
        click(page.get_by_role("tab", name="Create a new quiz"))
        modal = page.locator(".modal-content")
        prompts = modal.locator("textarea[name$='-prompt']")
        prompts.first.wait_for()  # the questions field is ready
        click.into(modal.locator("#id_title"), "Saying thank you")
        click.into(prompts.first, "A customer thanks you. What do you say?")
        choices = modal.locator("input[name*='choices'][name$='-text']")
        assert choices.count() == 2
        click.into(choices.nth(0), "You're welcome, happy to help.")
        click(modal.locator("input[type=checkbox][name$='-correct']").first)
        click.into(choices.nth(1), "It's my job.")
        click(modal.locator("button.c-sf-add-button[title='Insert a block']").last)
        click(page.locator(".w-combobox__option", has_text="True / false"))
        click.into(prompts.nth(1), "Saying thank you is part of serving a customer.")
        click(modal.locator("input[type=checkbox][name$='-answer_is_true']"))
        page.screenshot(path=screenshots / "designer-new-quiz.png")
        click(modal.get_by_role("button", name="Create and publish quiz"))
        modal.wait_for(state="detached")

        click(page.locator("footer [data-w-dropdown-target=toggle]"))
        with page.expect_navigation():
            click(page.get_by_role("button", name="Publish"))
        page.screenshot(path=screenshots / "designer-published.png")

        # Wagtail's own accessibility checker (the userbar's) finds nothing on the new lesson.
        page.goto(base + LessonPage.objects.get(title="Say thank you").url)
        counts = page.locator("[data-content-checker-count]")
        page.wait_for_function("(el) => el.textContent !== ''", arg=counts.last.element_handle())
        assert counts.last.inner_text() == "0"
    finally:
        context.close()

    print(f"\nDesigner: lesson with a text block and a new two-question quiz, both published, "
          f"in {click.count} clicks (ceiling {MAX_CLICKS}; 27 before)")
    lesson = LessonPage.objects.get(title="Say thank you")
    assert lesson.live and lesson.get_parent().title == "Everybody Has a Customer"
    assert lesson.get_prev_sibling().title == COURSE["lessons"][-1]["title"]  # added last
    quiz = Quiz.objects.get(pk=lesson.quiz_id)
    assert quiz.title == "Saying thank you" and quiz.live and quiz.live_revision_id
    assert [q.block_type for q in quiz.questions] == ["single_choice", "true_false"]
    assert click.count <= MAX_CLICKS
