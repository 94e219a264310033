"""CSV downloads: streamed, and a cell can never run as a spreadsheet formula."""

import csv
import io

import pytest
from django.urls import reverse

from insights.activity import generate_activity
from insights.csv_export import cell
from tests.factories import build_course, single_choice, true_false
from tests.insights.conftest import body, client_for


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"),
        ("+1+1", "'+1+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\r=1", "'\r=1"),
        ("Plain text", "Plain text"),
        (-12.5, -12.5),
        (3, 3),
        (None, ""),
    ],
)
def test_formula_like_text_is_defused_and_numbers_stay_numbers(value, written):
    assert cell(value) == written


def test_a_prompt_that_looks_like_a_formula_is_defused_in_the_download(course, designer):
    index = course[0].get_parent()
    hostile, lessons = build_course(index=index, lessons=1, questions=[
        single_choice(prompt='=HYPERLINK("http://evil.example","x")'),
        single_choice(prompt="@SUM(1+1)"), true_false()])
    generate_activity(learners=30, course=hostile, weeks=4, seed=3)
    response = client_for(designer).get(reverse("insights_items"), {
        "quiz": lessons[0].quiz.pk, "attempts": "all", "format": "csv", "table": "questions"})
    assert response.streaming
    assert response["Content-Disposition"] == 'attachment; filename="items-questions.csv"'
    rows = list(csv.reader(io.StringIO(body(response).lstrip("\ufeff"))))
    assert rows[0][:4] == ["Q", "Question", "Type", "Attempts"]
    prompts = [row[1] for row in rows[1:]]
    assert prompts[:2] == ['\'=HYPERLINK("http://evil.example","x")', "'@SUM(1+1)"]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row
               if not cell.lstrip("-").replace(".", "").isdigit())
