"""xAPI test fixtures: a real Ralph LRS, and a fake LRS for failures Ralph cannot produce.

`ralph` (session): Ralph started by tools/lrs/start_ralph.sh on a free port
with an empty store; it fails (never skips) when Ralph cannot be installed or
started, since `make test` installs it. `fake_lrs`: a tiny threaded HTTP
server at the outer edge that answers what a test tells it to (503 with
Retry-After, 429, a hang), records what it received, and can give the address
of a closed port.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
START_RALPH = REPO / "tools" / "lrs" / "start_ralph.sh"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------------------
# Real Ralph


@dataclass(frozen=True)
class RalphLRS:
    endpoint: str  # http://127.0.0.1:PORT/xAPI/
    username: str
    password: str
    port: int
    data_file: Path  # $LRS_HOME/run-PORT/data/fs_lrs.jsonl, one stored statement per line

    def stored(self) -> list[dict]:
        if not self.data_file.exists():
            return []
        lines = self.data_file.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def statement_ids(self) -> list[str]:
        """Ids in the store, in storage order, duplicates kept (to prove there are none)."""
        return [statement["id"] for statement in self.stored()]

    def get(self, statement_id: str) -> dict | None:
        """GET ?statementId= (Ralph answers {"statements": [...]}, empty when unknown)."""
        response = httpx.get(
            self.endpoint + "statements",
            params={"statementId": statement_id},
            auth=(self.username, self.password),
            headers={"X-Experience-API-Version": "1.0.3"},
            timeout=5,
        )
        response.raise_for_status()
        statements = response.json()["statements"]
        return statements[0] if statements else None


@pytest.fixture(scope="session")
def ralph(tmp_path_factory: pytest.TempPathFactory):
    port = _free_port()
    home = tmp_path_factory.mktemp("lrs")
    env = {**os.environ, "LRS_FRESH": "1", "LRS_HOME": str(home)}
    started = subprocess.run(
        ["bash", str(START_RALPH), str(port)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if started.returncode != 0:
        pytest.fail(
            f"could not start Ralph (run `make lrs-venv`?):\n{started.stderr}\n{started.stdout}",
            pytrace=False,
        )
    config = dict(
        line.split("=", 1) for line in started.stdout.splitlines() if line.startswith("LRS_")
    )
    try:
        yield RalphLRS(
            endpoint=config["LRS_ENDPOINT"],
            username=config["LRS_USERNAME"],
            password=config["LRS_PASSWORD"],
            port=port,
            data_file=home / f"run-{port}" / "data" / "fs_lrs.jsonl",
        )
    finally:
        subprocess.run(
            ["bash", str(START_RALPH), "stop", str(port)],
            env=env,
            capture_output=True,
            timeout=30,
            check=False,
        )


# ---------------------------------------------------------------------------
# Fake LRS (failure injection only)


@dataclass
class ReceivedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class FakeLRS:
    """Answers every request with `status`/`body`/`headers`, after `delay` seconds."""

    url: str = ""
    status: int = 200
    body: bytes = b"[]"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    received: list[ReceivedRequest] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)

    @property
    def endpoint(self) -> str:
        return self.url + "/xAPI/"

    def answer(self, status: int, body: bytes | str = b"", headers: dict | None = None) -> None:
        self.status = status
        self.body = body.encode() if isinstance(body, str) else body
        self.headers = dict(headers or {})

    def hang(self, seconds: float) -> None:
        """Accept the request, then say nothing for `seconds` (released at teardown)."""
        self.delay = seconds

    @staticmethod
    def closed_endpoint() -> str:
        """An endpoint on a port nobody listens on: connections are refused."""
        return f"http://127.0.0.1:{_free_port()}/xAPI/"


@pytest.fixture
def fake_lrs():
    fake = FakeLRS()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            fake.received.append(
                ReceivedRequest(
                    self.command, self.path, dict(self.headers), self.rfile.read(length)
                )
            )
            if fake.delay and fake.released.wait(fake.delay):
                return  # test over: drop the connection
            self.send_response(fake.status)
            for name, value in fake.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(fake.body)))
            self.end_headers()
            self.wfile.write(fake.body)

        do_GET = do_POST = do_PUT = _handle

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.released.set()
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------------------
# Outbox and delivery helpers (tests/xapi/test_outbox_*, test_delivery_*, ...)


def correct_answers(attempt) -> list[dict]:
    """A fully correct submission for an attempt's snapshot (likert: the first point)."""
    answers = []
    for question in attempt.questions:
        qid, kind, choices = question["id"], question["type"], question["choices"]
        if kind == "sequencing":
            ordered = sorted(choices, key=lambda c: c["position"])
            answers.append({"question": qid, "order": [c["id"] for c in ordered]})
        elif kind == "matching":
            answers.append({"question": qid, "matches": {c["id"]: c["target"] for c in choices}})
        elif kind == "likert":
            answers.append({"question": qid, "choices": [choices[0]["id"]]})
        else:
            answers.append({"question": qid, "choices": [c["id"] for c in choices if c["correct"]]})
    return answers


def wrong_answers(attempt) -> list[dict]:
    """Every scored question answered wrongly where the type allows it."""
    answers = []
    for item, question in zip(correct_answers(attempt), attempt.questions, strict=True):
        choices = question["choices"]
        if question["type"] in ("single_choice", "true_false"):
            item = {**item, "choices": [next(c["id"] for c in choices if not c["correct"])]}
        elif question["type"] == "multiple_response":
            item = {**item, "choices": [c["id"] for c in choices if not c["correct"]]}
        elif question["type"] == "sequencing":
            item = {**item, "order": list(reversed(item["order"]))}
        answers.append(item)
    return answers


@pytest.fixture
def memory_lrs(settings):
    """Deliver to xapi.backends.memory.MemoryBackend (reset around the test)."""
    from xapi.backends.memory import MemoryBackend

    settings.XAPI_BACKEND = "xapi.backends.memory.MemoryBackend"
    MemoryBackend.reset()
    yield MemoryBackend
    MemoryBackend.reset()


@pytest.fixture
def lrs_settings(settings):
    """Point the tincan backend at an endpoint: `lrs_settings(endpoint, user, password)`."""

    def point_at(endpoint: str, username: str = "lrs", password: str = "lrs-secret") -> None:
        settings.XAPI_BACKEND = "xapi.backends.tincan_lrs.TincanLRSBackend"
        settings.XAPI_LRS_ENDPOINT = endpoint
        settings.XAPI_LRS_USERNAME = username
        settings.XAPI_LRS_PASSWORD = password

    return point_at


def statement_payload(n: int = 0, **overrides) -> str:
    """A valid serialized `experienced` statement with a fresh uuid4 (overrides: top-level keys)."""
    import uuid
    from datetime import UTC, datetime, timedelta

    from xapi import statements as st
    from xapi import vocabulary as vocab

    actor = st.actor_for(user_id=str(n), email="", name="", mode="account",
                         homepage="https://touchpoint.example.com")
    lesson = st.Activity(f"https://touchpoint.example.com/xapi/lesson/l-{n}", f"Lesson {n}",
                         vocab.ACTIVITY_TYPE_LESSON)
    when = datetime(2026, 11, 22, 10, 0, tzinfo=UTC) + timedelta(seconds=n)
    statement = st.experienced(actor, lesson, st.StatementContext(language="en"), when,
                               id=uuid.uuid4())
    return st.serialize({**statement, **overrides})


def add_pending(count: int, **fields) -> list:
    """Insert `count` pending outbox rows with valid statements, directly (no event)."""
    import json

    from xapi.models import OutboxStatement

    rows = []
    for n in range(count):
        payload = statement_payload(n)
        rows.append(OutboxStatement(statement_id=json.loads(payload)["id"], payload=payload,
                                    verb="experienced", **fields))
    return OutboxStatement.objects.bulk_create(rows)


@pytest.fixture
def xapi_settings(settings):
    """Recording on, with the activity base and account actor the assertions expect."""
    settings.XAPI_ENABLED = True
    settings.XAPI_ACTIVITY_BASE = "https://touchpoint.example.com/xapi"
    settings.XAPI_ACTOR_MODE = "account"
    settings.XAPI_ACCOUNT_HOMEPAGE = "https://touchpoint.example.com"
    settings.XAPI_PLATFORM = "Touchpoint"
