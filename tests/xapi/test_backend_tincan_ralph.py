"""TincanLRSBackend against a real Ralph LRS (tools/lrs/start_ralph.sh)."""

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from xapi import statements as st
from xapi import vocabulary as vocab
from xapi.backends.base import Delivered, Rejected
from xapi.backends.tincan_lrs import TincanLRSBackend

pytestmark = pytest.mark.lrs

BASE = "https://touchpoint.example.com/xapi"
ACTOR = st.actor_for(
    user_id="learner-7",
    email="",
    name="",
    mode="account",
    homepage="https://touchpoint.example.com",
)
LESSON = st.Activity(
    f"{BASE}/lesson/l-1", "Übung: Everybody has a customer ✓", vocab.ACTIVITY_TYPE_LESSON
)
QUIZ = st.Activity(f"{BASE}/quiz/3", "Knowledge check", vocab.ACTIVITY_TYPE_ASSESSMENT)
MATCHING = {
    "id": "q-9",
    "type": "matching",
    "prompt": "Who is whose customer?",
    "choices": [
        {"id": "clerk", "text": "File clerk", "target": "t-1"},
        {"id": "sales", "text": "Sales support", "target": "t-2"},
    ],
    "targets": [{"id": "t-1", "text": "Colleagues"}, {"id": "t-2", "text": "Sellers"}],
}


def _backend(ralph, **overrides):
    options = {
        "endpoint": ralph.endpoint,
        "username": ralph.username,
        "password": ralph.password,
        "timeout": 5,
    }
    return TincanLRSBackend(**(options | overrides))


def _batch():
    now = datetime.now(UTC)
    ctx = st.StatementContext(
        registration=uuid.uuid4(),
        parent=QUIZ,
        grouping=LESSON,
        platform="Touchpoint",
        language="en",
    )
    question = st.question_from_snapshot(MATCHING, iri=st.activity_iri(BASE, "question", "q-9"))
    response = st.response_from_answer(MATCHING, {"matches": {"clerk": "t-1", "sales": "t-2"}})
    statements = [
        st.experienced(ACTOR, LESSON, ctx, now),
        st.attempted(ACTOR, QUIZ, ctx, now),
        st.answered(ACTOR, question, response, True, (1, 0, 1), ctx, now),
        st.passed(ACTOR, QUIZ, (4, 0, 5), timedelta(seconds=81.337), ctx, now),
        st.completed(ACTOR, LESSON, ctx, now, duration=timedelta(minutes=4)),
    ]
    return [st.serialize(s) for s in statements]


def _ids(batch):
    return [json.loads(s)["id"] for s in batch]


def test_batch_is_stored_and_read_back_unchanged(ralph):
    batch = _batch()
    result = _backend(ralph).send(batch)
    assert result == Delivered(status=200, ids=tuple(_ids(batch)))
    for sent in batch:
        fetched = ralph.get(json.loads(sent)["id"])
        BaseXapiStatement.model_validate(fetched)
        fetched.pop("stored"), fetched.pop("authority")
        assert fetched == json.loads(sent)


def test_resending_the_same_bytes_is_delivered_and_stored_once(ralph):
    batch = _batch()
    backend = _backend(ralph)
    assert backend.send(batch).status == 200
    assert backend.send(batch) == Delivered(status=204, ids=())
    stored = ralph.statement_ids()
    assert all(stored.count(i) == 1 for i in _ids(batch))


def test_batch_mixing_stored_and_new_statements_reports_only_new_ids(ralph):
    old, new = _batch(), _batch()
    backend = _backend(ralph)
    backend.send(old)
    assert backend.send(old[:2] + new[:1]) == Delivered(status=200, ids=(_ids(new)[0],))


def test_same_id_with_different_content_is_rejected_as_conflict(ralph):
    batch = _batch()
    backend = _backend(ralph)
    backend.send(batch)
    changed = json.loads(batch[0])
    changed["timestamp"] = "2020-01-01T00:00:00.000Z"
    result = backend.send([st.serialize(changed)])
    assert isinstance(result, Rejected)
    assert result.status == 409
    assert result.splittable
    assert changed["id"] in result.message


def test_invalid_statement_rejects_the_whole_batch_with_ralphs_message(ralph):
    batch = _batch()
    broken = json.loads(batch[1])
    del broken["actor"]
    result = _backend(ralph).send([batch[0], st.serialize(broken), batch[2]])
    assert isinstance(result, Rejected)
    assert result.status == 422
    assert '"loc":["body",1,"actor"]' in result.message
    assert result.splittable
    assert not set(_ids(batch)) & set(ralph.statement_ids())  # batches are atomic


def test_wrong_password_is_rejected_and_not_splittable(ralph):
    result = _backend(ralph, password="wrong").send(_batch())
    assert result == Rejected(status=401, message="Invalid authentication credentials")
    assert not result.splittable
