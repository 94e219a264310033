"""QuizAnswersForm: plain POST fields in, the services' answers list out."""

from django.http import QueryDict

from learn.forms import QuizAnswersForm

QUESTIONS = [
    {"id": "q1", "type": "single_choice", "prompt": "One?", "points": 1, "targets": [],
     "choices": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}]},
    {"id": "q2", "type": "multiple_response", "prompt": "Some?", "points": 1, "targets": [],
     "choices": [{"id": "a", "text": "A"}, {"id": "b", "text": "B"}, {"id": "c", "text": "C"}]},
    {"id": "q3", "type": "sequencing", "prompt": "Order?", "points": 1, "targets": [],
     "choices": [{"id": "x", "text": "X"}, {"id": "y", "text": "Y"}, {"id": "z", "text": "Z"}]},
    {"id": "q4", "type": "matching", "prompt": "Match?", "points": 1,
     "choices": [{"id": "m", "text": "M"}, {"id": "n", "text": "N"}],
     "targets": [{"id": "t1", "text": "T1"}, {"id": "t2", "text": "T2"}]},
    {"id": "q5", "type": "likert", "prompt": "Agree?", "points": 0, "targets": [],
     "choices": [{"id": "likert_1", "text": "No"}, {"id": "likert_2", "text": "Yes"}]},
]


def post(pairs):
    data = QueryDict(mutable=True)
    for key, value in pairs:
        data.appendlist(key, value)
    return data


VALID = [("q-q1", "b"), ("q-q2", "a"), ("q-q2", "c"),
         ("q-q3-pos-x", "3"), ("q-q3-pos-y", "1"), ("q-q3-pos-z", "2"),
         ("q-q4-match-m", "t2"), ("q-q4-match-n", "t1"), ("q-q5", "likert_2")]


def test_form_turns_post_fields_into_the_answers_list():
    form = QuizAnswersForm(QUESTIONS, post(VALID))

    assert form.is_valid(), form.errors
    assert form.answers == [
        {"question": "q1", "choices": ["b"]},
        {"question": "q2", "choices": ["a", "c"]},
        {"question": "q3", "order": ["y", "z", "x"]},
        {"question": "q4", "matches": {"m": "t2", "n": "t1"}},
        {"question": "q5", "choices": ["likert_2"]},
    ]


def test_form_rejects_repeated_sequencing_positions():
    data = [(k, "1" if "-pos-" in k else v) for k, v in VALID]
    form = QuizAnswersForm(QUESTIONS, post(data))

    assert not form.is_valid()
    rows = {row.question["id"]: row for row in form.rows()}
    assert rows["q3"].errors == ["Give each item a different position, from 1 to 3."]


def test_form_rejects_missing_radio_and_unmatched_item():
    data = [(k, v) for k, v in VALID if k not in ("q-q1", "q-q4-match-n")]
    form = QuizAnswersForm(QUESTIONS, post(data))

    assert not form.is_valid()
    rows = {row.question["id"]: row for row in form.rows()}
    assert rows["q1"].errors == ["Choose an answer."]
    assert rows["q4"].errors == ["Choose a match for this item."]


def test_unbound_form_offers_sequencing_in_shown_order_with_positions():
    rows = QuizAnswersForm(QUESTIONS).rows()

    sequencing = rows[2]
    assert [choice["id"] for choice, _ in sequencing.items] == ["x", "y", "z"]
    assert [bound.value() for _, bound in sequencing.items] == ["1", "2", "3"]


def test_rebound_form_shows_sequencing_in_the_learners_chosen_order():
    rows = QuizAnswersForm(QUESTIONS, post(VALID)).rows()

    assert [choice["id"] for choice, _ in rows[2].items] == ["y", "z", "x"]
