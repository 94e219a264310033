"""Validation of client answers by quizzes.scoring.normalize_answers."""

import pytest

from quizzes.scoring import AnswerError, normalize_answers


def choice(choice_id, *, correct=False, position=None, target=None):
    return {
        "id": choice_id,
        "text": choice_id,
        "correct": correct,
        "feedback": "",
        "position": position,
        "target": target,
    }


def question(qid, qtype, choices, *, points=1, targets=()):
    return {
        "id": qid,
        "type": qtype,
        "prompt": qid,
        "explanation": "",
        "points": points,
        "choices": choices,
        "targets": [{"id": t, "text": t} for t in targets],
    }


QUESTIONS = [
    question("single", "single_choice", [choice("s1", correct=True), choice("s2")]),
    question(
        "multi", "multiple_response", [choice("m1", correct=True), choice("m2"), choice("m3")]
    ),
    question("tf", "true_false", [choice("true", correct=True), choice("false")]),
    question("seq", "sequencing", [choice("q1", position=2), choice("q2", position=1)]),
    question(
        "match",
        "matching",
        [choice("x", target="tx"), choice("y", target="ty")],
        targets=("tx", "ty", "tz"),
    ),
    question("mood", "likert", [choice(f"likert_{i}") for i in range(1, 6)], points=0),
]


def valid_answers():
    return [
        {"question": "single", "choices": ["s1"]},
        {"question": "multi", "choices": ["m3", "m1"]},
        {"question": "tf", "choices": ["false"]},
        {"question": "seq", "order": ["q2", "q1"]},
        {"question": "match", "matches": {"y": "tz", "x": "tx"}},
        {"question": "mood", "choices": ["likert_5"]},
    ]


def with_answer(index, **changes):
    answers = valid_answers()
    answers[index] = {"question": answers[index]["question"], **changes}
    return answers


def rejection(raw_answers):
    with pytest.raises(AnswerError) as caught:
        normalize_answers(QUESTIONS, raw_answers)
    return caught.value


def test_normalize_returns_answers_keyed_by_question_in_quiz_order():
    answers = valid_answers()
    answers.reverse()
    normalized = normalize_answers(QUESTIONS, answers)
    assert list(normalized) == ["single", "multi", "tf", "seq", "match", "mood"]
    assert normalized["single"] == {"choices": ["s1"]}
    assert normalized["tf"] == {"choices": ["false"]}
    assert normalized["seq"] == {"order": ["q2", "q1"]}
    assert normalized["mood"] == {"choices": ["likert_5"]}


def test_normalize_lists_multiple_response_picks_in_choice_order():
    assert normalize_answers(QUESTIONS, valid_answers())["multi"] == {"choices": ["m1", "m3"]}


def test_normalize_lists_matches_in_choice_order():
    matches = normalize_answers(QUESTIONS, valid_answers())["match"]["matches"]
    assert list(matches.items()) == [("x", "tx"), ("y", "tz")]


def test_normalized_answers_normalize_to_themselves():
    normalized = normalize_answers(QUESTIONS, valid_answers())
    resubmitted = [{"question": qid, **answer} for qid, answer in normalized.items()]
    assert normalize_answers(QUESTIONS, resubmitted) == normalized


def test_normalize_accepts_an_empty_multiple_response_answer():
    answers = with_answer(1, choices=[])
    assert normalize_answers(QUESTIONS, answers)["multi"] == {"choices": []}


def test_normalize_ignores_keys_it_does_not_use():
    answers = with_answer(0, choices=["s2"], order=None, extra="x")
    assert normalize_answers(QUESTIONS, answers)["single"] == {"choices": ["s2"]}


def test_normalize_accepts_a_quiz_without_questions():
    assert normalize_answers([], []) == {}


@pytest.mark.parametrize("raw", [None, {"answers": []}, "[]", 3])
def test_normalize_rejects_answers_that_are_not_a_list(raw):
    error = rejection(raw)
    assert error.code == "invalid_answer"
    assert error.fields == {"answers": [error.detail]}


def test_normalize_rejects_an_item_that_is_not_an_object():
    answers = valid_answers()
    answers[2] = ["tf", "true"]
    error = rejection(answers)
    assert error.code == "invalid_answer"
    assert list(error.fields) == ["answers[2]"]


@pytest.mark.parametrize("qid", [None, 7, ["single"]])
def test_normalize_rejects_an_item_without_a_question_id(qid):
    answers = valid_answers()
    answers[1]["question"] = qid
    error = rejection(answers)
    assert error.code == "invalid_answer"
    assert list(error.fields) == ["answers[1].question"]


@pytest.mark.parametrize(
    ("index", "changes", "field"),
    [
        (0, {"choices": "s1"}, "answers[0].choices"),
        (0, {}, "answers[0].choices"),
        (1, {"choices": [1, 2]}, "answers[1].choices"),
        (3, {"order": {"q1": 1}}, "answers[3].order"),
        (3, {"choices": ["q2", "q1"]}, "answers[3].order"),
        (4, {"matches": [["x", "tx"]]}, "answers[4].matches"),
        (4, {"matches": {"x": 1, "y": "ty"}}, "answers[4].matches"),
    ],
)
def test_normalize_rejects_answers_of_the_wrong_type(index, changes, field):
    error = rejection(with_answer(index, **changes))
    assert error.code == "invalid_answer"
    assert error.fields == {field: [error.detail]}
    assert QUESTIONS[index]["id"] in error.detail


def test_normalize_rejects_an_unknown_question():
    answers = valid_answers() + [{"question": "ghost", "choices": ["s1"]}]
    error = rejection(answers)
    assert error.code == "unknown_question"
    assert "'ghost'" in error.detail
    assert list(error.fields) == ["answers[6].question"]


def test_normalize_rejects_a_question_answered_twice():
    answers = valid_answers() + [{"question": "tf", "choices": ["true"]}]
    error = rejection(answers)
    assert error.code == "duplicate_answer"
    assert "'tf'" in error.detail
    assert list(error.fields) == ["answers[6].question"]


@pytest.mark.parametrize("missing", ["single", "match", "mood"])
def test_normalize_rejects_a_missing_answer(missing):
    answers = [answer for answer in valid_answers() if answer["question"] != missing]
    error = rejection(answers)
    assert error.code == "missing_answer"
    assert f"'{missing}'" in error.detail
    assert list(error.fields) == ["answers"]


@pytest.mark.parametrize(
    ("index", "changes", "stranger"),
    [
        (0, {"choices": ["m1"]}, "m1"),  # a choice of another question
        (1, {"choices": ["m1", "nope"]}, "nope"),
        (2, {"choices": ["maybe"]}, "maybe"),
        (3, {"order": ["q2", "s1"]}, "s1"),
        (5, {"choices": ["likert_6"]}, "likert_6"),
    ],
)
def test_normalize_rejects_choice_from_other_question(index, changes, stranger):
    error = rejection(with_answer(index, **changes))
    assert error.code == "unknown_choice"
    assert QUESTIONS[index]["id"] in error.detail
    assert stranger in error.detail
    field = "answers[3].order" if index == 3 else f"answers[{index}].choices"
    assert list(error.fields) == [field]


@pytest.mark.parametrize(
    ("index", "choices"),
    [(0, []), (0, ["s1", "s2"]), (0, ["s1", "s1"]), (2, ["true", "false"]), (5, [])],
)
def test_normalize_rejects_one_choice_questions_without_exactly_one_choice(index, choices):
    error = rejection(with_answer(index, choices=choices))
    assert error.code == "wrong_choice_count"
    assert QUESTIONS[index]["id"] in error.detail
    assert list(error.fields) == [f"answers[{index}].choices"]


def test_normalize_rejects_repeated_multiple_response_choices():
    error = rejection(with_answer(1, choices=["m1", "m2", "m1"]))
    assert error.code == "duplicate_choice"
    assert "'multi'" in error.detail
    assert list(error.fields) == ["answers[1].choices"]


@pytest.mark.parametrize("order", [[], ["q1"], ["q1", "q1"], ["q1", "q2", "q2"]])
def test_normalize_rejects_sequencing_order_that_is_not_a_permutation(order):
    error = rejection(with_answer(3, order=order))
    assert error.code == "not_a_permutation"
    assert "'seq'" in error.detail
    assert list(error.fields) == ["answers[3].order"]


def test_normalize_rejects_matching_an_unknown_item():
    error = rejection(with_answer(4, matches={"x": "tx", "y": "ty", "w": "tz"}))
    assert error.code == "unknown_choice"
    assert "'match'" in error.detail
    assert "'w'" in error.detail
    assert list(error.fields) == ["answers[4].matches"]


def test_normalize_rejects_matching_an_unknown_target():
    error = rejection(with_answer(4, matches={"x": "tx", "y": "y"}))
    assert error.code == "unknown_target"
    assert "'match'" in error.detail
    assert list(error.fields) == ["answers[4].matches"]


def test_normalize_rejects_an_unmatched_item():
    error = rejection(with_answer(4, matches={"x": "tx"}))
    assert error.code == "unmatched_item"
    assert "'match'" in error.detail
    assert "'y'" in error.detail


def test_normalize_reports_the_first_error_in_submission_order():
    answers = valid_answers()
    answers[1] = {"question": "multi", "choices": ["zz"]}
    answers[4] = {"question": "match", "matches": {}}
    error = rejection(answers)
    assert error.code == "unknown_choice"
    assert list(error.fields) == ["answers[1].choices"]


def test_answer_error_is_a_value_error_carrying_its_detail():
    error = rejection(with_answer(2, choices=[]))
    assert isinstance(error, ValueError)
    assert str(error) == error.detail
