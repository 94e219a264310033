"""Quiz questions as cmi.interaction activities: definitions, patterns, response syntax."""

from datetime import UTC, datetime

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from xapi import statements as st

IRI = "https://touchpoint.example.com/xapi/question/b1c2"
WHEN = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
ACTOR = st.actor_for(
    user_id="42", email="", name="", mode="account", homepage="https://touchpoint.example.com"
)
CTX = st.StatementContext(language="en")


def _choice(id_, text="", *, correct=False, position=None, target=None):
    return {
        "id": id_,
        "text": text or id_.upper(),
        "correct": correct,
        "feedback": "",
        "position": position,
        "target": target,
    }


def _question(qtype, choices, targets=()):
    return {
        "id": "b1c2",
        "type": qtype,
        "prompt": f"A {qtype} question",
        "explanation": "",
        "points": 0 if qtype == "likert" else 2,
        "choices": list(choices),
        "targets": list(targets),
    }


SINGLE = _question(
    "single_choice", [_choice("a"), _choice("b", correct=True), _choice("c", correct=True)]
)
MULTIPLE = _question(
    "multiple_response",
    [_choice("golf", correct=True), _choice("x"), _choice("tetris", correct=True)],
)
TRUE_FALSE = _question(
    "true_false", [_choice("true", "True"), _choice("false", "False", correct=True)]
)
SEQUENCING = _question(  # listed out of order: `position` is the correct place
    "sequencing",
    [_choice("self", position=3), _choice("paying", position=1), _choice("internal", position=2)],
)
MATCHING = _question(
    "matching",
    [_choice("a", target="t1"), _choice("b", target="t2"), _choice("c", target="t1")],
    targets=[{"id": "t1", "text": "Paying customer"}, {"id": "t2", "text": "Colleague"}],
)
LIKERT = _question(
    "likert", [_choice(f"likert_{n}", label) for n, label in enumerate(["No", "Meh", "Yes"], 1)]
)


def _definition(snapshot):
    question = st.question_from_snapshot(snapshot, iri=IRI)
    statement = st.answered(ACTOR, question, "", None, None, CTX, WHEN)
    BaseXapiStatement.model_validate(statement)
    return statement["object"]["definition"]


@pytest.mark.parametrize(
    ("snapshot", "interaction_type", "pattern"),
    [
        (SINGLE, "choice", ["b", "c"]),
        (MULTIPLE, "choice", ["golf[,]tetris"]),
        (TRUE_FALSE, "true-false", ["false"]),
        (SEQUENCING, "sequencing", ["paying[,]internal[,]self"]),
        (MATCHING, "matching", ["a[.]t1[,]b[.]t2[,]c[.]t1"]),
    ],
    ids=["single", "multiple", "true-false", "sequencing", "matching"],
)
def test_question_type_maps_to_interaction_type_and_pattern(snapshot, interaction_type, pattern):
    definition = _definition(snapshot)
    assert definition["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction"
    assert definition["interactionType"] == interaction_type
    assert definition["correctResponsesPattern"] == pattern


def test_likert_has_a_scale_and_no_pattern():
    definition = _definition(LIKERT)
    assert definition["interactionType"] == "likert"
    assert "correctResponsesPattern" not in definition
    assert definition["scale"] == [
        {"id": "likert_1", "description": {"en": "No"}},
        {"id": "likert_2", "description": {"en": "Meh"}},
        {"id": "likert_3", "description": {"en": "Yes"}},
    ]


def test_choice_sequencing_list_choices_in_authored_order():
    assert [c["id"] for c in _definition(MULTIPLE)["choices"]] == ["golf", "x", "tetris"]
    assert [c["id"] for c in _definition(SEQUENCING)["choices"]] == ["self", "paying", "internal"]
    assert _definition(SINGLE)["choices"][0] == {"id": "a", "description": {"en": "A"}}


def test_true_false_has_no_component_list():
    assert not {"choices", "scale", "source", "target"} & set(_definition(TRUE_FALSE))


def test_matching_lists_source_and_target():
    definition = _definition(MATCHING)
    assert [c["id"] for c in definition["source"]] == ["a", "b", "c"]
    assert definition["target"] == [
        {"id": "t1", "description": {"en": "Paying customer"}},
        {"id": "t2", "description": {"en": "Colleague"}},
    ]
    assert "choices" not in definition


def test_multiple_response_without_correct_choice_omits_pattern():
    snapshot = _question("multiple_response", [_choice("a"), _choice("b")])
    assert "correctResponsesPattern" not in _definition(snapshot)


def test_single_choice_without_correct_choice_has_empty_pattern():
    snapshot = _question("single_choice", [_choice("a"), _choice("b")])
    assert _definition(snapshot)["correctResponsesPattern"] == []


@pytest.mark.parametrize(
    ("snapshot", "answer", "response"),
    [
        (SINGLE, {"choices": ["b"]}, "b"),
        (MULTIPLE, {"choices": ["tetris", "golf"]}, "golf[,]tetris"),
        (MULTIPLE, {"choices": []}, ""),
        (TRUE_FALSE, {"choices": ["true"]}, "true"),
        (SEQUENCING, {"order": ["internal", "paying", "self"]}, "internal[,]paying[,]self"),
        (MATCHING, {"matches": {"c": "t2", "a": "t1", "b": "t1"}}, "a[.]t1[,]b[.]t1[,]c[.]t2"),
        (LIKERT, {"choices": ["likert_2"]}, "likert_2"),
    ],
    ids=["single", "multiple", "multiple-none", "true-false", "sequencing", "matching", "likert"],
)
def test_response_from_answer_uses_xapi_response_syntax(snapshot, answer, response):
    assert st.response_from_answer(snapshot, answer) == response


def test_correct_answer_response_matches_the_pattern():
    cases = [
        (MULTIPLE, {"choices": ["golf", "tetris"]}),
        (SEQUENCING, {"order": ["paying", "internal", "self"]}),
        (MATCHING, {"matches": {"a": "t1", "b": "t2", "c": "t1"}}),
        (TRUE_FALSE, {"choices": ["false"]}),
    ]
    for snapshot, answer in cases:
        pattern = _definition(snapshot)["correctResponsesPattern"]
        assert st.response_from_answer(snapshot, answer) in pattern


@pytest.mark.parametrize(
    ("snapshot", "answer"),
    [
        (SINGLE, {"choices": ["zzz"]}),
        (SINGLE, {"choices": ["a", "b"]}),
        (LIKERT, {"choices": []}),
        (SEQUENCING, {"order": ["paying", "paying"]}),
        (MATCHING, {"matches": {"a": "t9"}}),
        (MATCHING, {"matches": {"zzz": "t1"}}),
    ],
    ids=["unknown", "two-for-single", "none-for-likert", "repeat", "bad-target", "bad-source"],
)
def test_response_from_answer_refuses_answers_that_do_not_fit(snapshot, answer):
    with pytest.raises(ValueError):
        st.response_from_answer(snapshot, answer)


@pytest.mark.parametrize("bad_id", ["has space", "tab\there", "a[,]b", "a[.]b", ""])
def test_component_ids_must_be_plain(bad_id):
    snapshot = _question("single_choice", [_choice(bad_id or "x", correct=True)])
    snapshot["choices"][0]["id"] = bad_id
    with pytest.raises(ValueError, match="component id"):
        st.question_from_snapshot(snapshot, iri=IRI)


def test_duplicate_component_ids_are_refused():
    with pytest.raises(ValueError, match="duplicate"):
        st.InteractionQuestion(
            IRI, "Q", "choice", choices=(st.Component("a", "A"), st.Component("a", "B"))
        )


def test_unknown_question_type_is_refused():
    with pytest.raises(ValueError, match="unknown question type"):
        st.question_from_snapshot(_question("essay", []), iri=IRI)


def test_answered_statement_carries_response_success_and_score():
    question = st.question_from_snapshot(MATCHING, iri=IRI)
    response = st.response_from_answer(MATCHING, {"matches": {"a": "t1", "b": "t2", "c": "t2"}})
    statement = st.answered(ACTOR, question, response, False, (4 / 3, 0, 2), CTX, WHEN)
    BaseXapiStatement.model_validate(statement)
    assert statement["result"] == {
        "response": "a[.]t1[,]b[.]t2[,]c[.]t2",
        "success": False,
        "score": {"raw": 1.3333, "min": 0, "max": 2, "scaled": 0.6667},
    }
    assert statement["object"]["id"] == IRI
    assert statement["object"]["definition"]["name"] == {"en": "A matching question"}
