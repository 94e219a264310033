import json
from datetime import UTC, datetime

import pytest

from xapi import statements as st
from xapi import vocabulary as vocab
from xapi.backends.base import Delivered, Rejected, Retryable
from xapi.backends.memory import MemoryBackend

ACTOR = st.Actor(account_homepage="https://touchpoint.example.com", account_name="1")
LESSON = st.Activity("https://t.example.com/xapi/lesson/1", "L", vocab.ACTIVITY_TYPE_LESSON)


@pytest.fixture(autouse=True)
def _clean_memory_backend():
    MemoryBackend.reset()
    yield
    MemoryBackend.reset()


def _statement(**overrides):
    statement = st.experienced(ACTOR, LESSON, st.StatementContext(), datetime.now(UTC))
    return st.serialize(statement | overrides)


def test_memory_backend_records_batches_across_instances():
    batch = [_statement(), _statement()]
    result = MemoryBackend.from_settings().send(batch)
    assert result == Delivered(200, tuple(json.loads(s)["id"] for s in batch))
    assert MemoryBackend.batches == [batch]
    assert [s["id"] for s in MemoryBackend.statements()] == list(result.ids)


def test_memory_backend_is_idempotent_and_detects_conflicts():
    statement = _statement()
    backend = MemoryBackend()
    backend.send([statement])
    assert backend.send([statement]) == Delivered(204, ())
    changed = _statement(id=json.loads(statement)["id"], timestamp="2020-01-01T00:00:00.000Z")
    result = backend.send([changed])
    assert isinstance(result, Rejected) and result.status == 409
    assert backend.send([statement, statement]).status == 400


def test_memory_backend_fails_as_told():
    backend = MemoryBackend()
    MemoryBackend.fail_next(Retryable("down", 7.0, 503), Rejected(422, "bad"))
    assert backend.send([_statement()]) == Retryable("down", 7.0, 503)
    assert backend.send([_statement()]) == Rejected(422, "bad")
    MemoryBackend.fail_always(Retryable("timed out"))
    assert backend.send([_statement()]) == Retryable("timed out")
    assert MemoryBackend.batches == []
    MemoryBackend.fail_always(None)
    assert isinstance(backend.send([_statement()]), Delivered)
