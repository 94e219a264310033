"""A built statement's text: assembled from cached parts, yet exactly the canonical JSON."""

import json
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as hs
from ralph.models.xapi.base.statements import BaseXapiStatement

from xapi import statements as st
from xapi import vocabulary as vocab

PROPERTY = settings(max_examples=150, deadline=None)
BASE = "https://touchpoint.example.com/xapi"
WHEN = datetime(2026, 11, 22, 10, 0, 0, 123456, tzinfo=UTC)

# Names authors type: any text, including quotes, backslashes, controls, non-ASCII.
names = hs.text(hs.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1,
                max_size=30)
keys = hs.from_regex(r"[A-Za-z0-9._~-]{1,12}", fullmatch=True)


@hs.composite
def activities(draw, kind="lesson", activity_type=vocab.ACTIVITY_TYPE_LESSON):
    return st.Activity(st.activity_iri(BASE, kind, draw(keys)), draw(names), activity_type,
                       description=draw(hs.none() | names))


@hs.composite
def contexts(draw):
    return st.StatementContext(
        registration=draw(hs.none() | hs.uuids(version=4)),
        parent=draw(hs.lists(activities(), max_size=2)),
        grouping=draw(hs.lists(activities("course", vocab.ACTIVITY_TYPE_COURSE), max_size=2)),
        platform=draw(hs.none() | names),
        language=draw(hs.none() | hs.sampled_from(["en", "en-US", "de", "zh-Hans"])),
    )


@hs.composite
def actors(draw):
    mode = draw(hs.sampled_from(["account", "mbox", "mbox_sha1sum"]))
    return st.actor_for(user_id=str(draw(hs.integers(1, 10**9))), email="ann@example.com",
                        name=draw(names), mode=mode, homepage="https://touchpoint.example.com")


@hs.composite
def statements(draw):
    actor, ctx, lesson = draw(actors()), draw(contexts()), draw(activities())
    kind = draw(hs.sampled_from(["experienced", "completed", "passed", "answered"]))
    if kind == "experienced":
        return st.experienced(actor, lesson, ctx, WHEN)
    if kind == "completed":
        duration = draw(hs.none() | hs.timedeltas(timedelta(0), timedelta(hours=3)))
        return st.completed(actor, lesson, ctx, WHEN, duration=duration)
    if kind == "passed":
        raw = draw(hs.integers(0, 10))
        return st.passed(actor, lesson, (raw, 0, 10), timedelta(seconds=draw(hs.integers(0, 999))),
                         ctx, WHEN)
    question = st.question_from_snapshot({
        "id": "q-1", "type": "single_choice", "prompt": draw(names),
        "choices": [{"id": "a", "text": draw(names), "correct": True},
                    {"id": "b", "text": draw(names), "correct": False}],
    }, iri=st.activity_iri(BASE, "question", "q-1"))
    return st.answered(actor, question, draw(hs.sampled_from(["a", "b", ""])),
                       draw(hs.none() | hs.booleans()), (1, 0, 1), ctx, WHEN)


@PROPERTY
@given(statements())
def test_statement_text_is_the_canonical_serialization_of_what_it_says(statement):
    assert statement.json == st.serialize(json.loads(statement.json))
    assert st.serialize(statement) == statement.json


@PROPERTY
@given(statements())
def test_statement_text_validates_and_carries_its_id_and_verb(statement):
    parsed = json.loads(statement.json)
    BaseXapiStatement(**parsed)
    assert parsed["id"] == statement.id
    assert parsed["verb"]["id"] == statement.verb
    assert dict(statement) == parsed


def test_statements_sharing_parts_differ_only_in_id_and_timestamp():
    actor = st.actor_for(user_id="7", email="", name="", mode="account",
                         homepage="https://touchpoint.example.com")
    lesson = st.Activity(st.activity_iri(BASE, "lesson", "l-1"), "Lesson",
                         vocab.ACTIVITY_TYPE_LESSON)
    ctx = st.StatementContext(registration="6f1c1b2a-1111-4222-8333-444455556666",
                              language="en")
    first = st.experienced(actor, lesson, ctx, WHEN)
    second = st.experienced(actor, lesson, ctx, WHEN + timedelta(seconds=1))
    assert first.id != second.id
    assert (first | {"id": None, "timestamp": None}) == (second | {"id": None, "timestamp": None})
    assert second["context"]["registration"] == "6f1c1b2a-1111-4222-8333-444455556666"


def test_question_definitions_follow_every_field_their_snapshot_gives():
    """Interactions are cached by snapshot fields: an edited revision never reuses a stale one."""
    def snapshot(**choice):
        return {"id": "q-9", "type": "matching", "prompt": "Match",
                "choices": [{"id": "a", "text": "A", "target": "t1", **choice}],
                "targets": [{"id": "t1", "text": "T1"}, {"id": "t2", "text": "T2"}]}

    iri = st.activity_iri(BASE, "question", "q-9")
    base = st.question_from_snapshot(snapshot(), iri=iri)
    assert st.question_from_snapshot(snapshot(), iri=iri) is base  # shared while unchanged
    for edit in ({"text": "A, reworded"}, {"target": "t2"}, {"id": "b"}):
        assert st.question_from_snapshot(snapshot(**edit), iri=iri) != base
