"""manage.py xapi_worker as a real process: SIGTERM finishes the batch, SIGKILL loses nothing.

The worker subprocess shares the test's database: on PostgreSQL the test
database itself (the tests commit: transaction=True); on SQLite the in-memory
test database is copied to a temporary file (sqlite3 backup API) that the
worker opens through DATABASE_URL, and results are read back from that file.
A settings module written to tmp_path lets the worker use a short claim lease.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from contextlib import closing
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from django.db import connection

from tests.xapi.conftest import REPO, add_pending

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LRS_TIMEOUT = 1.5
LEASE = 3 * LRS_TIMEOUT  # xapi.delivery: at least 3 x the LRS timeout


class SharedDatabase:
    """The test's database, reachable from a worker subprocess."""

    def __init__(self, tmp_path: Path) -> None:
        self.sqlite = connection.vendor == "sqlite"
        self.file = tmp_path / "worker.sqlite3"

    def publish(self) -> None:
        """Make what the test wrote visible to a subprocess (SQLite: copy to the file)."""
        if self.sqlite:
            connection.ensure_connection()
            with closing(sqlite3.connect(self.file)) as target:
                connection.connection.backup(target)

    @property
    def url(self) -> str:
        if self.sqlite:
            return f"sqlite:///{self.file}"
        s = connection.settings_dict
        return f"postgres://{s['USER']}:{s['PASSWORD'] or ''}@{s['HOST']}:{s['PORT']}/{s['NAME']}"

    def rows(self) -> list[tuple[str, str, int]]:
        """(statement id, status, attempts) of every outbox row, as the worker left them."""
        sql = "SELECT statement_id, status, attempts FROM xapi_outboxstatement ORDER BY id"
        if self.sqlite:
            with closing(sqlite3.connect(self.file)) as db:
                found = db.execute(sql).fetchall()
        else:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                found = cursor.fetchall()
        return [(str(uuid.UUID(str(sid))), status, attempts) for sid, status, attempts in found]


    def leased(self) -> int:
        """Pending rows whose next attempt is still in the future: held by a worker."""
        sql = "SELECT next_attempt_at FROM xapi_outboxstatement WHERE status = 'pending'"
        if self.sqlite:
            with closing(sqlite3.connect(self.file)) as db:
                found = [datetime.fromisoformat(value).replace(tzinfo=UTC)
                         for (value,) in db.execute(sql).fetchall()]
        else:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                found = [value for (value,) in cursor.fetchall()]
        now = datetime.now(UTC)
        return sum(when > now for when in found)


class Worker:
    """`manage.py xapi_worker` in a subprocess against `endpoint`."""

    def __init__(self, tmp_path: Path, db: SharedDatabase, endpoint: str, *args: str,
                 username: str = "lrs", password: str = "lrs-secret") -> None:
        (tmp_path / "worker_settings.py").write_text(
            "import os\nfrom touchpoint.settings import *  # noqa: F403\n"
            "XAPI_CLAIM_SECONDS = float(os.environ['XAPI_CLAIM_SECONDS'])\n"
        )
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "worker_settings",
            "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO)]),
            "DATABASE_URL": db.url,
            "XAPI_LRS_ENDPOINT": endpoint,
            "XAPI_LRS_USERNAME": username,
            "XAPI_LRS_PASSWORD": password,
            "XAPI_LRS_TIMEOUT": str(LRS_TIMEOUT),
            "XAPI_CLAIM_SECONDS": "1",
        }
        self.log = tmp_path / f"worker-{time.monotonic_ns()}.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", "xapi_worker", "--poll", "0.2", *args],
                cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
            )

    def wait(self, timeout: float) -> int:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise AssertionError(f"worker did not exit:\n{self.output()}") from None

    def output(self) -> str:
        return self.log.read_text(errors="replace")


class HoldingProxy:
    """In front of Ralph: forwards a request, then holds Ralph's answer until released."""

    def __init__(self, target: str) -> None:
        self.forwarded = threading.Event()
        self.release = threading.Event()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                names = ("Authorization", "Content-Type", "X-Experience-API-Version")
                answer = httpx.post(
                    target + self.path.removeprefix("/xAPI/"), content=body, timeout=10,
                    headers={name: self.headers[name] for name in names},
                )
                proxy.forwarded.set()
                proxy.release.wait(30)
                try:
                    self.send_response(answer.status_code)
                    self.send_header("Content-Length", str(len(answer.content)))
                    self.end_headers()
                    self.wfile.write(answer.content)
                except OSError:
                    pass  # the worker is gone

            def log_message(self, format, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.endpoint = f"http://127.0.0.1:{self.server.server_address[1]}/xAPI/"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def shared_db(tmp_path):
    return SharedDatabase(tmp_path)


def test_sigterm_finishes_the_batch_in_flight_then_exits(tmp_path, shared_db, fake_lrs):
    add_pending(10)
    shared_db.publish()
    fake_lrs.hang(1.0)  # answers 200 after a second
    worker = Worker(tmp_path, shared_db, fake_lrs.endpoint, "--batch-size", "2")
    deadline = time.monotonic() + 30
    while not fake_lrs.received and time.monotonic() < deadline:
        time.sleep(0.02)
    assert fake_lrs.received, worker.output()
    worker.process.send_signal(signal.SIGTERM)
    assert worker.wait(15) == 0, worker.output()
    statuses = Counter(status for _, status, _ in shared_db.rows())
    assert statuses == {"delivered": 2, "pending": 8}, worker.output()
    assert shared_db.leased() == 0  # the batch claimed ahead was released, not left leased
    assert len(fake_lrs.received) == 1
    assert "delivered=2" in worker.output()


@pytest.mark.lrs
def test_a_worker_killed_mid_batch_loses_and_duplicates_nothing(tmp_path, shared_db, ralph):
    rows = add_pending(120)
    ids = {str(row.statement_id) for row in rows}
    shared_db.publish()
    proxy = HoldingProxy(ralph.endpoint)
    try:
        first = Worker(tmp_path, shared_db, proxy.endpoint, "--batch-size", "50",
                       username=ralph.username, password=ralph.password)
        assert proxy.forwarded.wait(30), first.output()  # Ralph has stored the first batch...
        first.process.send_signal(signal.SIGKILL)  # ...and the worker dies before marking it
        first.wait(10)
    finally:
        proxy.close()
    in_ralph = Counter(i for i in ralph.statement_ids() if i in ids)
    assert len(in_ralph) == 50
    after_crash = shared_db.rows()
    assert {status for _, status, _ in after_crash} == {"pending"}
    # Leased: the batch in flight, and the next one if it was already claimed ahead.
    assert sum(attempts for _, _, attempts in after_crash) in (50, 100)

    second = Worker(tmp_path, shared_db, ralph.endpoint, "--batch-size", "50",
                    username=ralph.username, password=ralph.password)
    deadline = time.monotonic() + LEASE + 30
    while time.monotonic() < deadline:
        if {status for _, status, _ in shared_db.rows()} == {"delivered"}:
            break
        time.sleep(0.2)
    second.process.send_signal(signal.SIGTERM)
    assert second.wait(15) == 0, second.output()
    assert {status for _, status, _ in shared_db.rows()} == {"delivered"}, second.output()
    in_ralph = Counter(i for i in ralph.statement_ids() if i in ids)
    assert set(in_ralph) == ids
    assert set(in_ralph.values()) == {1}  # no duplicate in the LRS
