"""Authoring mistakes in a quiz are refused by the snippet admin form with a clear message."""

import html
import json

import pytest
from django.urls import reverse
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, streamfield

from quizzes.models import PASS_MARK_MESSAGE, Quiz
from tests.factories import QuizFactory, UserFactory, single_choice

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_quizzes_quiz:add"


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def listblock(items):
    """ListBlock form data (the counterpart of wagtail's streamfield() helper)."""
    data = {
        str(i): {"value": item, "deleted": "", "order": str(i), "id": ""}
        for i, item in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def choice(text, correct=False, feedback="Because."):
    value = {"text": text, "feedback": feedback}
    if correct:
        value["correct"] = "on"  # an unticked checkbox is simply absent
    return value


def question(**fields):
    return {"prompt": "Which one?", "explanation": "", "points": "1", **fields}


def single_choice_form(*correct):
    return question(choices=listblock([choice(f"Option {i}", i in correct) for i in range(3)]))


def quiz_form(questions, *, title="New quiz", pass_mark="80", publish=False):
    data = nested_form_data(
        {
            "title": title,
            "intro": "",
            "pass_mark": pass_mark,
            "max_attempts": "",
            "questions": streamfield(questions),
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    return data


def shows(response, message: str) -> bool:
    """The message is on the page: as text, or inside the StreamField's JSON error data."""
    page = html.unescape(response.content.decode())
    return message in page or json.dumps(message)[1:-1] in page


def assert_refused(response, message: str, field: str):
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert shows(response, "The quiz could not be created due to errors.")
    assert shows(response, message)
    assert not Quiz.objects.exists()
    assert not Revision.objects.filter(content_type__model="quiz").exists()


@pytest.mark.parametrize("publish", [False, True], ids=["draft", "publish"])
@pytest.mark.parametrize(
    ("correct", "marked"), [((), "0 are marked correct"), ((0, 2), "2 are marked correct")]
)
def test_single_choice_needs_exactly_one_correct_choice(admin_client, publish, correct, marked):
    data = quiz_form([("single_choice", single_choice_form(*correct))], publish=publish)

    response = admin_client.post(reverse(ADD_URL), data)

    assert_refused(
        response,
        f"A single-choice question needs exactly one correct choice; {marked}.",
        "questions",
    )


def test_sequencing_with_duplicate_positions_is_refused(admin_client):
    items = listblock(
        [
            {"text": "Listen", "position": "1", "feedback": ""},
            {"text": "Ask", "position": "2", "feedback": ""},
            {"text": "Act", "position": "2", "feedback": ""},
        ]
    )
    data = quiz_form([("sequencing", question(choices=items))])

    response = admin_client.post(reverse(ADD_URL), data)

    assert_refused(
        response, "Each item needs its own position; position 2 is used twice.", "questions"
    )


def test_matching_with_an_unmatched_item_is_refused(admin_client):
    items = listblock(
        [
            {"text": "Invoice", "target": "Finance", "feedback": ""},
            {"text": "Parcel", "target": "", "feedback": ""},
        ]
    )
    data = quiz_form([("matching", question(choices=items))])

    response = admin_client.post(reverse(ADD_URL), data)

    assert_refused(
        response,
        "Every item needs a match; “Parcel” has none. Give it the target it belongs to.",
        "questions",
    )


def test_pass_mark_above_100_is_refused(admin_client):
    data = quiz_form([("single_choice", single_choice_form(0))], pass_mark="101")

    response = admin_client.post(reverse(ADD_URL), data)

    assert_refused(response, PASS_MARK_MESSAGE, "pass_mark")


def test_negative_pass_mark_is_refused(admin_client):
    data = quiz_form([("single_choice", single_choice_form(0))], pass_mark="-1")

    response = admin_client.post(reverse(ADD_URL), data)

    assert_refused(response, PASS_MARK_MESSAGE, "pass_mark")


def test_valid_quiz_saves_as_a_draft_without_publishing(admin_client):
    data = quiz_form([("single_choice", single_choice_form(1))], title="Draft quiz")

    response = admin_client.post(reverse(ADD_URL), data)

    assert response.status_code == 302
    quiz = Quiz.objects.get()
    assert quiz.title == "Draft quiz"
    assert not quiz.live
    assert quiz.live_revision is None
    assert quiz.latest_revision.as_object().title == "Draft quiz"


def test_saving_a_draft_of_a_live_quiz_keeps_the_live_version(admin_client):
    quiz = QuizFactory(title="Live title", pass_mark=80, questions=[single_choice()])
    live_revision = quiz.live_revision
    edit_url = reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])
    data = quiz_form(
        [("single_choice", single_choice_form(2))], title="Draft title", pass_mark="50"
    )

    response = admin_client.post(edit_url, data)

    assert response.status_code == 302
    live = Quiz.objects.get()
    assert (live.title, live.pass_mark) == ("Live title", 80)
    assert live.live and live.live_revision == live_revision
    assert live.has_unpublished_changes
    draft = live.latest_revision.as_object()
    assert (draft.title, draft.pass_mark) == ("Draft title", 50)
    assert draft.questions[0].value["choices"][2]["correct"]

    admin_client.post(edit_url, {**data, "action-publish": "action-publish"})
    assert Quiz.objects.get().title == "Draft title"


def test_invalid_draft_of_a_live_quiz_is_refused_and_changes_nothing(admin_client):
    quiz = QuizFactory(title="Live title", questions=[single_choice()])
    revisions = quiz.revisions.count()
    edit_url = reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])

    response = admin_client.post(
        edit_url, quiz_form([("single_choice", single_choice_form())], title="Broken")
    )

    assert response.status_code == 200
    assert shows(response, "0 are marked correct")
    assert Quiz.objects.get().title == "Live title"
    assert quiz.revisions.count() == revisions
