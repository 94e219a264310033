"""Several workers at once on PostgreSQL: claims are disjoint, nothing is sent twice."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from tests.xapi.conftest import add_pending
from xapi.backends.memory import MemoryBackend
from xapi.delivery import claim_batch, deliver_round
from xapi.models import OutboxStatement

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class SlowMemoryBackend(MemoryBackend):
    """The in-memory LRS, taking a little time per request and noting which worker sent what."""

    senders: dict[str, list[str]] = {}

    def __init__(self, worker: str) -> None:
        self.worker = worker  # sends run on the worker's sender thread: name it here

    def send(self, batch):
        time.sleep(0.02)
        import json

        ids = [json.loads(payload)["id"] for payload in batch]
        self.senders.setdefault(self.worker, []).extend(ids)
        return super().send(batch)


def test_a_claim_skips_rows_another_worker_holds():
    add_pending(6)
    claimed, holding, release = [], threading.Event(), threading.Event()

    def first_worker():
        try:
            with transaction.atomic():  # keep the claim's row locks until released
                claimed.extend(claim_batch(3, lease=60))
                holding.set()
                release.wait(10)
        finally:
            connections.close_all()

    thread = threading.Thread(target=first_worker)
    thread.start()
    try:
        assert holding.wait(10)
        started = time.monotonic()
        second = claim_batch(3, lease=60)
        assert time.monotonic() - started < 2  # skipped the locked rows, did not wait
    finally:
        release.set()
        thread.join(10)
    first_ids = {row.pk for row in claimed}
    assert len(first_ids) == 3 and len(second) == 3
    assert first_ids.isdisjoint(row.pk for row in second)


def test_two_concurrent_rounds_send_every_statement_exactly_once():
    MemoryBackend.reset()
    SlowMemoryBackend.senders = {}
    rows = add_pending(60)
    barrier = threading.Barrier(2)
    reports = {}

    def worker(name):
        try:
            barrier.wait(10)
            reports[name] = deliver_round(backend=SlowMemoryBackend(name), batch_size=5)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,), name=n) for n in ("w1", "w2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    sent = [i for ids in SlowMemoryBackend.senders.values() for i in ids]
    assert sorted(sent) == sorted(str(row.statement_id) for row in rows)  # each exactly once
    assert set(SlowMemoryBackend.senders) == {"w1", "w2"}  # both did some of the work
    assert reports["w1"].delivered + reports["w2"].delivered == 60
    assert not OutboxStatement.objects.exclude(status="delivered").exists()
    MemoryBackend.reset()
