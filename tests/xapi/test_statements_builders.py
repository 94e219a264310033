import json
import re
import uuid
from datetime import UTC, datetime, timedelta, timezone
from fractions import Fraction

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from xapi import statements as st
from xapi import vocabulary as vocab

BASE = "https://touchpoint.example.com/xapi"
WHEN = datetime(2026, 11, 22, 10, 0, 0, 123456, tzinfo=UTC)
REGISTRATION = "6f1c1b2a-1111-4222-8333-444455556666"

COURSE = st.Activity(
    st.activity_iri(BASE, "course", "c-1"), "Everybody", vocab.ACTIVITY_TYPE_COURSE
)
LESSON = st.Activity(
    st.activity_iri(BASE, "lesson", "0d6f7a4e-5c1b-4c53-9a55-1f6b2f1a7e10"),
    "Every touchpoint",
    vocab.ACTIVITY_TYPE_LESSON,
    description="Nothing is neutral.",
)
QUIZ = st.Activity(
    st.activity_iri(BASE, "quiz", 7), "Knowledge check", vocab.ACTIVITY_TYPE_ASSESSMENT
)
QUESTION = st.question_from_snapshot(
    {
        "id": "q-1",
        "type": "single_choice",
        "prompt": "Which touchpoint is neutral?",
        "choices": [
            {"id": "none", "text": "None of them", "correct": True},
            {"id": "invoice", "text": "The invoice", "correct": False},
        ],
    },
    iri=st.activity_iri(BASE, "question", "q-1"),
)
ACTOR = st.actor_for(
    user_id="42", email="", name="", mode="account", homepage="https://touchpoint.example.com"
)
CTX = st.StatementContext(
    registration=REGISTRATION,
    parent=LESSON,
    grouping=[COURSE],
    platform="Touchpoint",
    language="en",
)
QUIZ_CTX = st.StatementContext(
    registration=REGISTRATION, parent=QUIZ, grouping=COURSE, language="en"
)

BUILDERS = {
    "experienced": lambda **kw: st.experienced(ACTOR, LESSON, CTX, WHEN, **kw),
    "attempted": lambda **kw: st.attempted(ACTOR, QUIZ, CTX, WHEN, **kw),
    "answered": lambda **kw: st.answered(
        ACTOR, QUESTION, "none", True, (1, 0, 1), QUIZ_CTX, WHEN, **kw
    ),
    "passed": lambda **kw: st.passed(
        ACTOR, QUIZ, st.Score(4, 0, 5), timedelta(seconds=63.256), CTX, WHEN, **kw
    ),
    "failed": lambda **kw: st.failed(ACTOR, QUIZ, (2, 0, 5), timedelta(minutes=2), CTX, WHEN, **kw),
    "completed": lambda **kw: st.completed(ACTOR, LESSON, CTX, WHEN, **kw),
}


def _keys(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


@pytest.mark.parametrize("builder", BUILDERS.values(), ids=BUILDERS.keys())
def test_builder_output_validates_with_ralph_model(builder):
    statement = builder()
    BaseXapiStatement.model_validate(statement)
    assert json.loads(st.serialize(statement)) == statement


@pytest.mark.parametrize("builder", BUILDERS.values(), ids=BUILDERS.keys())
def test_builder_never_sends_version_stored_or_authority(builder):
    keys = set(_keys(builder()))
    assert not keys & {"version", "stored", "authority"}


@pytest.mark.parametrize("builder", BUILDERS.values(), ids=BUILDERS.keys())
def test_builder_timestamp_is_utc_with_milliseconds_and_z(builder):
    timestamp = builder()["timestamp"]
    assert timestamp == "2026-11-22T10:00:00.123Z"
    assert datetime.fromisoformat(timestamp).utcoffset() == timedelta(0)


@pytest.mark.parametrize("builder", BUILDERS.values(), ids=BUILDERS.keys())
def test_builder_generates_a_fresh_uuid4_id(builder):
    first, second = builder()["id"], builder()["id"]
    assert uuid.UUID(first).version == 4
    assert first != second


@pytest.mark.parametrize("builder", BUILDERS.values(), ids=BUILDERS.keys())
def test_builder_keeps_the_id_it_is_given(builder):
    given = uuid.uuid4()
    assert builder(id=given)["id"] == str(given)
    assert builder(id=str(given).upper())["id"] == str(given)


def test_builder_rejects_naive_timestamp():
    with pytest.raises(ValueError, match="timezone-aware"):
        st.experienced(ACTOR, LESSON, CTX, datetime(2026, 11, 22, 10, 0))


def test_builder_converts_other_zones_to_utc():
    paris = datetime(2026, 11, 22, 11, 0, 0, 999999, tzinfo=timezone(timedelta(hours=1)))
    assert st.experienced(ACTOR, LESSON, CTX, paris)["timestamp"] == "2026-11-22T10:00:00.999Z"


def test_builder_uses_adl_verbs_with_display():
    verbs = {name: build()["verb"] for name, build in BUILDERS.items()}
    assert verbs["experienced"] == {
        "id": "http://adlnet.gov/expapi/verbs/experienced",
        "display": {"en-US": "experienced"},
    }
    assert verbs["answered"]["id"] == "http://adlnet.gov/expapi/verbs/answered"
    assert verbs["passed"]["id"] == "http://adlnet.gov/expapi/verbs/passed"
    assert verbs["failed"]["id"] == "http://adlnet.gov/expapi/verbs/failed"
    assert verbs["completed"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
    assert verbs["attempted"]["id"] == "http://adlnet.gov/expapi/verbs/attempted"


def test_experienced_object_is_the_lesson_in_the_context_language():
    statement = st.experienced(ACTOR, LESSON, CTX, WHEN)
    assert statement["object"] == {
        "objectType": "Activity",
        "id": f"{BASE}/lesson/0d6f7a4e-5c1b-4c53-9a55-1f6b2f1a7e10",
        "definition": {
            "type": "http://adlnet.gov/expapi/activities/lesson",
            "name": {"en": "Every touchpoint"},
            "description": {"en": "Nothing is neutral."},
        },
    }


def test_context_activities_are_arrays_with_registration_platform_language():
    context = st.experienced(ACTOR, LESSON, CTX, WHEN)["context"]
    assert context["registration"] == REGISTRATION
    assert context["platform"] == "Touchpoint"
    assert context["language"] == "en"
    assert [a["id"] for a in context["contextActivities"]["parent"]] == [LESSON.iri]
    assert [a["id"] for a in context["contextActivities"]["grouping"]] == [COURSE.iri]
    assert "category" not in context["contextActivities"]


def test_empty_context_is_omitted_and_names_fall_back_to_undetermined_language():
    statement = st.experienced(ACTOR, LESSON, st.StatementContext(), WHEN)
    assert "context" not in statement
    assert statement["object"]["definition"]["name"] == {"und": "Every touchpoint"}
    BaseXapiStatement.model_validate(statement)


def test_passed_result_has_success_completion_score_and_rounded_duration():
    result = BUILDERS["passed"]()["result"]
    assert result == {
        "success": True,
        "completion": True,
        "score": {"raw": 4, "min": 0, "max": 5, "scaled": 0.8},
        "duration": "PT1M3.26S",
    }


def test_failed_result_has_success_false():
    result = BUILDERS["failed"]()["result"]
    assert result["success"] is False
    assert result["completion"] is True
    assert result["score"] == {"raw": 2, "min": 0, "max": 5, "scaled": 0.4}
    assert result["duration"] == "PT2M"


def test_passed_without_score_for_a_quiz_with_nothing_to_score():
    statement = st.passed(ACTOR, QUIZ, None, timedelta(seconds=5), CTX, WHEN)
    assert statement["result"] == {"success": True, "completion": True, "duration": "PT5S"}
    BaseXapiStatement.model_validate(statement)


@pytest.mark.parametrize("name", ["passed", "failed"])
def test_durations_have_at_most_two_decimals(name):
    statement = BUILDERS[name]()
    assert re.fullmatch(r"PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?", statement["result"]["duration"])


def test_completed_has_completion_and_optional_duration():
    assert BUILDERS["completed"]()["result"] == {"completion": True}
    timed = st.completed(ACTOR, COURSE, CTX, WHEN, duration=timedelta(hours=1, seconds=0.004))
    assert timed["result"] == {"completion": True, "duration": "PT1H"}
    assert timed["object"]["id"] == COURSE.iri


def test_answered_score_accepts_fractions_from_scoring():
    statement = st.answered(ACTOR, QUESTION, "none", False, (Fraction(2, 3), 0, 1), QUIZ_CTX, WHEN)
    assert statement["result"]["score"] == {"raw": 0.6667, "min": 0, "max": 1, "scaled": 0.6667}
    BaseXapiStatement.model_validate(statement)


def test_answered_omits_unknown_success_empty_response_and_missing_score():
    statement = st.answered(ACTOR, QUESTION, "", None, None, QUIZ_CTX, WHEN)
    assert "result" not in statement
    BaseXapiStatement.model_validate(statement)


@pytest.mark.parametrize(
    "score", [(1, 1, 1), (6, 0, 5), (-1, 0, 5)], ids=["min-is-max", "raw-above", "raw-below"]
)
def test_answered_refuses_invalid_score(score):
    with pytest.raises(ValueError, match="score"):
        st.answered(ACTOR, QUESTION, "none", True, score, QUIZ_CTX, WHEN)


def test_score_refuses_scaled_outside_minus_one_to_one():
    with pytest.raises(ValueError, match="scaled"):
        st.Score(1, 0, 2, scaled=1.5)


def test_serialize_is_canonical_compact_sorted_utf8():
    statement = st.experienced(
        ACTOR,
        st.Activity(LESSON.iri, "Übung ✓", vocab.ACTIVITY_TYPE_LESSON),
        CTX,
        WHEN,
        id="8d7e6f4a-0b1c-4d2e-9f30-415263748596",
    )
    text = st.serialize(statement)
    assert text == st.serialize(json.loads(text))  # stable across a round trip
    assert text.startswith('{"actor":{"account":{"homePage":"https://touchpoint.example.com"')
    assert ", " not in text and ": " not in text
    assert "Übung ✓" in text
    keys = list(json.loads(text))
    assert keys == sorted(keys)
