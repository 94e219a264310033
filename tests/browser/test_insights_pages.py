"""A learning designer reads Insights in real Chromium: pages render, every chart has a text
alternative and a table beside it, axe-core finds nothing serious, at desktop and phone size."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from tests.browser.test_learner_journey import DESKTOP, PHONE, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True,
                                                         serialized_rollback=True)]

DESIGNER = ("designer", "designer-demo-1")  # seed_course --demo
PAGES = [
    ("funnel", "/admin/insights/funnel/"),
    ("items", "/admin/insights/items/?quiz={quiz}"),
    ("pulse", "/admin/insights/pulse/?start=2000-01-01"),
    ("home", "/admin/"),
]
CHARTS_JS = """() => [...document.querySelectorAll('main svg[role=img]')].map((svg) => {
    const ids = (svg.getAttribute('aria-labelledby') || '').split(' ');
    const text = ids.map((id) => document.getElementById(id)?.textContent || '').join(' ');
    return {title: svg.querySelector('title')?.textContent || '',
            desc: svg.querySelector('desc')?.textContent || '', label: text.trim(),
            table: !!svg.closest('section')?.querySelector('table')};
})"""


def sign_in(page, base_url: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", DESIGNER[0])
    page.fill("#id_password", DESIGNER[1])
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_designer_reads_insights_on_desktop_and_phone(browser, seeded, axe_path, screenshots):
    from lessons.models import LessonPage

    call_command("generate_activity", "--learners", "300", "--seed", "2", verbosity=0)
    quiz = LessonPage.objects.filter(quiz__isnull=False).order_by("path")[2].quiz_id
    for size_name, size in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=size)
        page = context.new_page()
        sign_in(page, seeded.url)
        for name, path in PAGES:
            response = page.goto(seeded.url + path.format(quiz=quiz))
            assert response.status == 200, path
            if name != "home":
                charts = page.evaluate(CHARTS_JS)
                assert charts, f"{name}: no chart"
                for chart in charts:
                    assert chart["title"] and len(chart["desc"]) > 20, (name, chart)
                    assert chart["label"].startswith(chart["title"]), (name, chart)
                    assert chart["table"], f"{name}: a chart without its table"
            else:
                assert page.locator("#insights-summary-heading").is_visible()
            assert axe_violations(page, axe_path) == [], (name, size_name)
            # The admin scrolls inside its layout, so grow the viewport to the content for
            # a screenshot of the whole page, then go back to the device size.
            height = page.evaluate("document.querySelector('main').scrollHeight + 200")
            page.set_viewport_size({"width": size["width"], "height": max(height,
                                                                         size["height"])})
            page.screenshot(path=str(screenshots / f"insights-{name}-{size_name}.png"))
            page.set_viewport_size(size)
        context.close()
