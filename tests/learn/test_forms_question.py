"""QuestionForm: one question's POST fields in, the services' answer out."""

import pytest
from django.http import QueryDict

from learn.forms import QuestionForm

SINGLE = {"id": "q1", "type": "single_choice", "prompt": "One?", "points": 1, "targets": [],
          "choices": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]}
MULTIPLE = {**SINGLE, "id": "q2", "type": "multiple_response"}
SEQUENCE = {"id": "q3", "type": "sequencing", "prompt": "Order?", "points": 1, "targets": [],
            "choices": [{"id": i, "text": i.upper()} for i in "xyz"]}
MATCHING = {"id": "q4", "type": "matching", "prompt": "Match?", "points": 1,
            "choices": [{"id": "m", "text": "M"}, {"id": "n", "text": "N"}],
            "targets": [{"id": "t1", "text": "T1"}, {"id": "t2", "text": "T2"}]}


def post(*pairs):
    data = QueryDict(mutable=True)
    for key, value in pairs:
        data.appendlist(key, value)
    return data


@pytest.mark.parametrize("question, pairs, answer", [
    (SINGLE, [("choice", "b")], {"question": "q1", "choices": ["b"]}),
    (MULTIPLE, [("choice", "a"), ("choice", "b")], {"question": "q2", "choices": ["a", "b"]}),
    (SEQUENCE, [("position-x", "3"), ("position-y", "1"), ("position-z", "2")],
     {"question": "q3", "order": ["y", "z", "x"]}),
    (MATCHING, [("match-m", "t2"), ("match-n", "t2")],
     {"question": "q4", "matches": {"m": "t2", "n": "t2"}}),
])
def test_form_turns_post_fields_into_the_services_answer(question, pairs, answer):
    form = QuestionForm(question, post(*pairs))

    assert form.is_valid(), form.errors
    assert form.answer == answer


@pytest.mark.parametrize("question, pairs, message", [
    (SINGLE, [], "Choose an answer."),
    (SINGLE, [("choice", "zz")], "Select a valid choice. zz is not one of the available choices."),
    (MULTIPLE, [], "Choose at least one answer."),
    (SEQUENCE, [("position-x", "1"), ("position-y", "1"), ("position-z", "2")],
     "Give each item a different position, from 1 to 3."),
    (MATCHING, [("match-m", "t1")], "Choose a match for “N”."),
])
def test_form_explains_what_is_missing_or_wrong(question, pairs, message):
    form = QuestionForm(question, post(*pairs))

    assert not form.is_valid()
    assert form.messages() == [message]
