"""Every lesson of the seeded course on a 360x740 phone in Chromium, JavaScript off (the
whole lesson as one page): each figure loads, no block is taller than one and a half
screens, nothing scrolls sideways. Screenshots of each figure go to var/screenshots/."""

from __future__ import annotations

import pytest

from lessons.models import LessonPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True,
                                                         serialized_rollback=True)]

PHONE = {"width": 360, "height": 740}
BLOCK_SIZES_JS = """() => [...document.querySelectorAll('.lesson__body > *')].map(
    (el) => ({kind: el.className, height: el.getBoundingClientRect().height}))"""


def test_every_lesson_fits_a_phone_one_block_at_a_time(browser, seeded, screenshots):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        for number, lesson in enumerate(LessonPage.objects.live().order_by("path"), 1):
            page.goto(seeded.url + lesson.url)
            figures = page.locator(".lesson__body figure.block-image")
            assert figures.count() >= 1, lesson.title
            for index in range(figures.count()):
                figure = figures.nth(index)
                figure.scroll_into_view_if_needed()  # the images load lazily
                img = figure.locator("img")
                img.evaluate("img => img.decode()")
                assert img.evaluate("img => img.naturalWidth") > 0, lesson.title
                assert figure.locator("figcaption").inner_text().strip()
                figure.screenshot(path=screenshots / f"figure-lesson{number}-{index + 1}.png")
            for block in page.evaluate(BLOCK_SIZES_JS):
                assert block["height"] <= 1.5 * PHONE["height"], (lesson.title, block)
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()
