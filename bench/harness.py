"""What the benchmarks share: the bench database, seeding, gunicorn, wrk rounds, statistics.

Everything binds and connects to 127.0.0.1 only, and everything is bounded: wrk
runs for a fixed time, servers are stopped (by their pid) when a bench ends.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the project venv's bin (run the benches with its python)
LUA = REPO / "bench" / "wrk_rotate.lua"
RESULTS = REPO / "bench" / "results"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/touchpoint_bench"
SETTINGS = "bench.settings"
TICK = os.sysconf("SC_CLK_TCK")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Database


def database_url_for(sqlite: bool, url: str | None) -> str:
    if url:
        return url
    if sqlite:
        return f"sqlite:///{tempfile.gettempdir()}/touchpoint_bench.sqlite3"
    return DEFAULT_DATABASE_URL


def bootstrap(database_url: str) -> None:
    """Fresh bench database (migrated), Django set up on bench.settings in this process.

    PostgreSQL: the migrated schema is kept as a template database named after a
    hash of every installed app's migrations, so later runs copy it in a second
    instead of migrating for ~15 s. SQLite: the file is recreated and migrated.
    """
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()
    logging.getLogger("wagtail").setLevel(logging.WARNING)  # no line per seeded page
    from django.core.management import call_command
    from django.db import connections

    parsed = urlparse(database_url)
    if parsed.scheme.startswith("sqlite"):
        path = Path(parsed.path)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        call_command("migrate", verbosity=0)
        return
    name = parsed.path.lstrip("/")
    template = f"{name}_tpl_{_migrations_hash()}"
    with _pg_admin(parsed) as cur:
        cur.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [f"{name}_tpl_%"])
        templates = {row[0] for row in cur.fetchall()}
        cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        for stale in templates - {template}:
            cur.execute(f'DROP DATABASE IF EXISTS "{stale}" WITH (FORCE)')
        if template in templates:
            cur.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            return
        cur.execute(f'CREATE DATABASE "{name}"')
    log(f"migrating {name} (once; the schema is then kept as template {template})")
    call_command("migrate", verbosity=0)
    connections.close_all()
    with _pg_admin(parsed) as cur:
        cur.execute(f'CREATE DATABASE "{template}" TEMPLATE "{name}"')


@contextmanager
def _pg_admin(parsed) -> Iterator:
    import psycopg

    conninfo = dict(
        host=parsed.hostname or "127.0.0.1", port=parsed.port or 5432,
        user=parsed.username or "postgres", password=parsed.password or None, dbname="postgres",
    )
    with psycopg.connect(**conninfo, autocommit=True) as conn, conn.cursor() as cur:
        yield cur


def _migrations_hash() -> str:
    from django.apps import apps

    digest = hashlib.sha256()
    for config in sorted(apps.get_app_configs(), key=lambda c: c.label):
        folder = Path(config.path) / "migrations"
        for path in sorted(folder.glob("*.py")):
            digest.update(f"{config.label}/{path.name}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def pg_backend_pids(database_url: str) -> list[int]:
    """PostgreSQL server processes serving the bench database (for CPU accounting)."""
    parsed = urlparse(database_url)
    if not parsed.scheme.startswith("postgres"):
        return []
    with _pg_admin(parsed) as cur:
        cur.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [parsed.path.lstrip("/")],
        )
        return [row[0] for row in cur.fetchall()]


# ---------------------------------------------------------------------------
# Seeding (the product's own services and test factories)


def ten_question_quiz() -> list[dict]:
    """Ten questions covering every scored type (plus one Likert item, recorded, not scored)."""
    from tests import factories as f

    return [
        f.single_choice("Who is your customer?", correct_index=0, n=4),
        f.single_choice("Who benefits from a clear handover?", correct_index=2, n=3),
        f.multiple_response("Which are internal customers?", correct=(0, 1), n=4),
        f.multiple_response("Which are signs of a good service?", correct=(0, 2, 3), n=5),
        f.true_false("Colleagues can be customers.", answer=True),
        f.true_false("Only paying clients are customers.", answer=False),
        f.sequencing("Order the steps of a handover.", n=4),
        f.matching("Match the request to the team."),
        f.matching("Match the output to its user.",
                   pairs=(("Report", "Board"), ("Invoice", "Client"), ("Rota", "Staff"))),
        f.likert("I know who relies on my work."),
    ]


def seed_lesson():
    """A published course with one lesson holding the ten-question quiz; returns the lesson."""
    from tests.factories import build_course

    _, (lesson,) = build_course(lessons=1, questions=ten_question_quiz())
    return lesson


def correct_answers(questions: Sequence[dict]) -> list[dict]:
    """A submission answering every question correctly (valid for every attempt at the quiz)."""
    answers = []
    for q in questions:
        kind, choices = q["type"], q["choices"]
        if kind == "sequencing":
            ordered = sorted(choices, key=lambda c: c["position"])
            answers.append({"question": q["id"], "order": [c["id"] for c in ordered]})
        elif kind == "matching":
            matches = {c["id"]: c["target"] for c in choices}
            answers.append({"question": q["id"], "matches": matches})
        elif kind == "likert":
            answers.append({"question": q["id"], "choices": [choices[-1]["id"]]})
        else:
            answers.append({"question": q["id"], "choices": [c["id"] for c in choices
                                                             if c["correct"]]})
    return answers


# One answer at a time (bench/answer.py): each attempt's questions in order, spread out

ANSWER_LANES = 80  # attempts answered side by side: 1 in 10 of any 80 answers finishes one


def answer_items(questions: Sequence[dict]) -> dict[str, str]:
    """Question id -> the compact JSON body answering it correctly (no spaces: one wrk field)."""
    return {item["question"]: json.dumps(item, separators=(",", ":"))
            for item in correct_answers(questions)}


def answer_requests(prefix: str, bodies: dict[str, str], *, lanes: int = ANSWER_LANES
                    ) -> list[tuple[int, str, str, str]]:
    """(attempt id, token, body, Idempotency-Key) for every question the pool's open attempts
    have still to answer, in the order a crowd of learners would send them.

    Each of `lanes` lanes answers its attempts one after the other, question by
    question, and the lanes take turns: two answers to one attempt are `lanes`
    requests apart (never in flight together at 16 connections), and as the lanes
    started staggered (stagger_attempts) about one answer in ten finishes its attempt,
    in every stretch of the load, as when learners answer ten-question quizzes.
    """
    from quizzes.models import Answer

    attempts = open_attempts(prefix)
    answered: dict[int, set[str]] = {}
    for attempt_id, question_id in Answer.objects.filter(
            attempt_id__in=[a for a, _ in attempts]).values_list("attempt_id", "question_id"):
        answered.setdefault(attempt_id, set()).add(question_id)
    attempts.sort(key=lambda pair: -len(answered.get(pair[0], ())))  # half-done ones first
    queues: list[list[tuple[int, str, str, str]]] = [[] for _ in range(lanes)]
    for index, (attempt_id, token) in enumerate(attempts):
        queues[index % lanes] += [
            (attempt_id, token, body, f"bench-{attempt_id}-{question_id}")
            for question_id, body in bodies.items()
            if question_id not in answered.get(attempt_id, ())
        ]
    longest = max((len(queue) for queue in queues), default=0)
    return [queue[t] for t in range(longest) for queue in queues if t < len(queue)]


def stagger_attempts(prefix: str, bodies: dict[str, str], *, lanes: int = ANSWER_LANES) -> None:
    """Answer the first k questions of the k-th open attempt (k = 0..9, repeating), through
    the product's service, so the lanes of answer_requests() finish attempts in turn."""
    from django.test import override_settings
    from rest_framework.authtoken.models import Token

    from progress.services import attempt_answer_with_progress

    questions = list(bodies)
    attempts = open_attempts(prefix)[:lanes]
    learners = {token.key: token.user for token in Token.objects.select_related("user")
                .filter(key__in=[token for _, token in attempts])}
    with override_settings(XAPI_ENABLED=False):
        for index, (attempt_id, token) in enumerate(attempts):
            for question_id in questions[:index % len(questions)]:
                attempt_answer_with_progress(user=learners[token], attempt_id=attempt_id,
                                             answer=json.loads(bodies[question_id]))


def create_learners(n: int, *, lesson, prefix: str, processes: int = 2,
                    record_xapi: bool = False) -> None:
    """`n` learners with API tokens, each with the lesson opened and a quiz attempt started.

    Users and tokens are bulk-inserted (unusable passwords: the bench only uses
    tokens); opening the lesson and starting the attempt go through the product's
    services (`lesson_experience`, `lesson_quiz_start`), split over `processes`
    forked processes (use 1 on SQLite). Their xAPI statements are recorded only
    with `record_xapi` (what is measured later does not depend on them).
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import connections
    from rest_framework.authtoken.models import Token

    user_model = get_user_model()
    start = user_model.objects.filter(username__startswith=prefix).count()
    users = user_model.objects.bulk_create(
        user_model(username=f"{prefix}{start + i}", email=f"{prefix}{start + i}@example.com",
                   first_name="Bench", last_name=f"Learner {start + i}",
                   password=make_password(None))
        for i in range(n)
    )
    Token.objects.bulk_create(Token(user=user, key=Token.generate_key()) for user in users)
    ids = [user.pk for user in users]
    chunks = [ids[i::processes] for i in range(processes)]
    if processes == 1:
        _start_attempts(lesson.pk, ids, record_xapi)
        return
    connections.close_all()  # never share a connection with a forked child
    pids = []
    for chunk in chunks:
        pid = os.fork()
        if pid == 0:  # child
            code = 1
            try:
                _start_attempts(lesson.pk, chunk, record_xapi)
                code = 0
            finally:
                os._exit(code)
        pids.append(pid)
    for pid in pids:
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError("a seeding process failed")


def _start_attempts(lesson_id: int, user_ids: list[int], record_xapi: bool) -> None:
    from django.contrib.auth import get_user_model
    from django.test import override_settings

    from lessons.models import LessonPage
    from progress.services import lesson_experience, lesson_quiz_start

    lesson = LessonPage.objects.get(pk=lesson_id)
    with override_settings(XAPI_ENABLED=record_xapi):
        for user in get_user_model().objects.filter(pk__in=user_ids).order_by("pk"):
            lesson_experience(user=user, lesson=lesson)
            lesson_quiz_start(user=user, lesson=lesson)


def open_attempts(prefix: str) -> list[tuple[int, str]]:
    """(attempt id, token) of the pool's learners whose attempt is still in progress."""
    from quizzes.models import Attempt

    rows = Attempt.objects.filter(
        user__username__startswith=prefix, status=Attempt.Status.IN_PROGRESS
    ).order_by("pk").values_list("pk", "user__auth_token__key")
    return list(rows)


@dataclass
class Pool:
    """Learners (usernames starting with `prefix`) whose started attempts submit rounds use up.

    Every submit is a different learner's attempt, so a round needs as many open
    attempts as it can submit: `size_for()` tops the pool up after the warm-up
    for the rates seen per endpoint, `attempts_load()` again before a round if a
    faster round ate into the margin.
    """

    prefix: str
    lesson: object
    body: str
    seconds: float
    processes: int = 2
    rates: dict = field(default_factory=dict)  # highest rate seen per attempts path, req/s

    @property
    def fastest(self) -> float:
        return max(self.rates.values(), default=0.0)

    def saw(self, figures: dict) -> dict:
        path = figures.get("path")
        if path is not None:
            self.rates[path] = max(self.rates.get(path, 0.0), figures["rps"])
        return figures

    def top_up(self, wanted: int) -> None:
        missing = wanted - len(open_attempts(self.prefix))
        if missing > 0:
            started = time.monotonic()
            create_learners(missing, lesson=self.lesson, prefix=self.prefix,
                            processes=self.processes)
            log(f"{self.prefix}: {missing} learners with started attempts in "
                f"{time.monotonic() - started:.0f} s")

    def size_for(self, rounds: int) -> None:
        """Enough open attempts for `rounds` rounds of every endpoint seen so far."""
        self.top_up(sum(needed_learners(rate, seconds=self.seconds, rounds=rounds)
                        for rate in self.rates.values()))

    def submit_load(self) -> Load:
        return self.attempts_load("/api/v1/attempts/{}/submit/")

    def attempts_load(self, path: str) -> Load:
        """POSTs to `path` (with "{}" for the attempt id), each open attempt once."""
        rate = max(self.rates.get(path, self.fastest), 20.0)
        self.top_up(needed_learners(rate, seconds=self.seconds, rounds=1, margin=1.6))
        lines = [f"{path.format(attempt)} {token}"
                 for attempt, token in open_attempts(self.prefix)]
        return Load(lines, self.body, path=path)

    def write_load(self, body: str) -> Load:
        return Load([f"/bench/write/ {token}" for token in pool_tokens(self.prefix)], body,
                    single_use=False)


def pool_tokens(prefix: str) -> list[str]:
    from rest_framework.authtoken.models import Token

    return list(Token.objects.filter(user__username__startswith=prefix)
                .order_by("user_id").values_list("key", flat=True))


# ---------------------------------------------------------------------------
# Processes and CPU accounting


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime


def children_of(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def _system_busy() -> tuple[int, int]:
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen
    workers: list[int] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@contextmanager
def gunicorn(name: str, *, env: dict[str, str] | None = None, workers: int = 2,
             worker_class: str = "sync", threads: int = 1) -> Iterator[Server]:
    """gunicorn serving touchpoint.wsgi on bench.settings at 127.0.0.1:<free port>."""
    port = free_port()
    cmd = [str(BIN / "gunicorn"), "touchpoint.wsgi:application", "--bind", f"127.0.0.1:{port}",
           "--workers", str(workers), "--worker-class", worker_class, "--threads", str(threads),
           "--timeout", "30", "--graceful-timeout", "5", "--log-level", "warning"]
    full_env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, **(env or {})}
    logfile = open(Path(tempfile.gettempdir()) / f"touchpoint-bench-gunicorn-{name}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(cmd, cwd=REPO, env=full_env, stdout=logfile, stderr=logfile)
    server = Server(name, port, process)
    try:
        _wait_until_up(server)
        server.workers = children_of(process.pid)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        logfile.close()


def _wait_until_up(server: Server, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn {server.name} exited; see its log in /tmp")
        try:
            urllib.request.urlopen(f"{server.base}/healthz", timeout=2).read()
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn {server.name} did not answer within {timeout} s")


# ---------------------------------------------------------------------------
# Load rounds


@dataclass
class Load:
    """What one wrk round sends: POSTs of `body` to `path TOKEN` lines.

    `single_use`: each line may be sent once (a submit); otherwise wrk may cycle
    through the lines again (the bare write only needs valid tokens).
    """

    lines: list[str]
    body: str
    single_use: bool = True
    path: str | None = None  # the attempts path of a single-use load (Pool.saw keys rates by it)


def wrk_round(server: Server, load: Load, *, seconds: float, connections: int,
              threads: int = 1, database_url: str = "") -> dict:
    """One bounded wrk run; returns its figures plus CPU use of client, app and database."""
    if not load.lines:
        raise RuntimeError("nothing to send: the learner pool has no open attempt left")
    workdir = Path(tempfile.mkdtemp(prefix="touchpoint-bench-"))
    requests_file, body_file = workdir / "requests.txt", workdir / "body.json"
    requests_file.write_text("\n".join(load.lines) + "\n")
    body_file.write_text(load.body)
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds:g}s",
           "--timeout", "10s", "-s", str(LUA), server.base, "--",
           str(requests_file), str(body_file), str(threads)]
    workers = server.workers or children_of(server.process.pid)
    pg = pg_backend_pids(database_url) if database_url else []
    app0, sys0, own0 = _ticks(workers), _system_busy(), os.times()
    pg_start = {pid: _cpu_ticks(pid) for pid in pg}
    started = time.monotonic()
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = process.communicate(timeout=seconds + 30)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    wall = time.monotonic() - started
    # wrk was reaped by communicate(), so its CPU time is now in our children's times.
    app1, sys1, own1 = _ticks(workers), _system_busy(), os.times()
    pg = [pid for pid in pg if Path(f"/proc/{pid}").exists()]  # ended ones: not comparable
    pg0, pg1 = sum(pg_start.get(pid, 0) for pid in pg), _ticks(pg)
    client = (own1.children_user - own0.children_user
              + own1.children_system - own0.children_system)
    for path in (requests_file, body_file):
        path.unlink()
    workdir.rmdir()
    quiesce(workers)
    line = next((x for x in out.splitlines() if x.startswith("BENCH_JSON ")), None)
    if process.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({process.returncode}): {err.strip() or out.strip()}")
    figures = json.loads(line.removeprefix("BENCH_JSON "))
    duration = figures["duration_us"] / 1e6
    figures["rps"] = figures["requests"] / duration
    figures["p50_ms"] = figures["p50_us"] / 1000
    figures["p99_ms"] = figures["p99_us"] / 1000
    figures["errors"] = sum(figures[k] for k in
                            ("connect_errors", "read_errors", "write_errors", "timeouts",
                             "non_2xx"))
    figures["valid"] = figures["errors"] == 0 and not (load.single_use and figures["wraps"])
    if load.path is not None:
        figures["path"] = load.path
    busy, total = sys1[0] - sys0[0], sys1[1] - sys0[1]
    app_seconds = (app1 - app0) / TICK
    figures["app_cpu_ms_per_request"] = round(1000 * app_seconds / max(figures["requests"], 1), 2)
    figures["cpu"] = {
        "client_cores": round(client / wall, 3),
        "app_workers_cores": round(app_seconds / wall, 2),
        "postgres_cores": round((pg1 - pg0) / TICK / wall, 2) if pg else None,
        "machine_busy_pct": round(100 * busy / total, 1) if total else None,
    }
    return figures


def quiesce(workers: Sequence[int], *, timeout: float = 10.0) -> None:
    """Wait until the workers have finished what wrk left in flight (CPU idle for 0.3 s).

    Otherwise the tail of one round would run into the next one (and its
    attempts would still look open when the next round's list is made).
    """
    deadline = time.monotonic() + timeout
    last = _ticks(workers)
    while time.monotonic() < deadline:
        time.sleep(0.3)
        now = _ticks(workers)
        if now == last:
            return
        last = now


def _ticks(pids: Sequence[int]) -> int:
    return sum(_cpu_ticks(pid) for pid in pids)


# ---------------------------------------------------------------------------
# Statistics and reporting


def summarize(rounds: list[dict]) -> dict:
    """Medians over valid rounds of req/s, p50 and p99 (ms), plus their spread."""
    valid = [r for r in rounds if r["valid"]] or rounds
    rps = [r["rps"] for r in valid]
    return {
        "rounds": len(rounds),
        "valid_rounds": sum(r["valid"] for r in rounds),
        "rps_median": statistics.median(rps),
        "rps_min": min(rps),
        "rps_max": max(rps),
        "p50_ms_median": statistics.median(r["p50_ms"] for r in valid),
        "p99_ms_median": statistics.median(r["p99_ms"] for r in valid),
        "p99_ms_max": max(r["p99_ms"] for r in valid),
        "app_cpu_ms_per_request_median": statistics.median(
            r["app_cpu_ms_per_request"] for r in valid),
        "client_cores_median": _median_or_none(r["cpu"].get("client_cores") for r in valid),
        "app_cores_median": _median_or_none(r["cpu"]["app_workers_cores"] for r in valid),
        "postgres_cores_median": _median_or_none(r["cpu"]["postgres_cores"] for r in valid),
        "machine_busy_pct_median": _median_or_none(r["cpu"]["machine_busy_pct"] for r in valid),
    }


def _median_or_none(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 3) if values else None


def ratio_of_medians(numerator: dict, denominator: dict) -> float:
    return numerator["rps_median"] / denominator["rps_median"]


def paired_ratio_median(numerators: list[dict], denominators: list[dict]) -> float:
    return statistics.median(n["rps"] / d["rps"] for n, d in zip(numerators, denominators,
                                                                  strict=True))


def table(rows: list[tuple[str, dict]]) -> str:
    head = (f"{'endpoint':<34} {'req/s':>8} {'(min-max)':>15} {'p50 ms':>8} {'p99 ms':>8} "
            f"{'CPU ms/req':>10} {'app cores':>9} {'pg cores':>8} {'client':>7} {'valid':>6}")
    lines = [head, "-" * len(head)]
    for name, s in rows:
        spread = f"{s['rps_min']:.0f}-{s['rps_max']:.0f}"
        pg = "-" if s["postgres_cores_median"] is None else f"{s['postgres_cores_median']:.2f}"
        client = "-" if s["client_cores_median"] is None else f"{s['client_cores_median']:.2f}"
        lines.append(
            f"{name:<34} {s['rps_median']:>8.1f} {spread:>15} {s['p50_ms_median']:>8.1f} "
            f"{s['p99_ms_median']:>8.1f} {s['app_cpu_ms_per_request_median']:>10.1f} "
            f"{s['app_cores_median']:>9.2f} {pg:>8} {client:>7} "
            f"{s['valid_rounds']:>3}/{s['rounds']}"
        )
    return "\n".join(lines)


def environment(database_url: str) -> dict:
    from django.db import connection

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                            capture_output=True, text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "status", "--porcelain", "--", ":!bench"], cwd=REPO,
                                capture_output=True, text=True).stdout.strip())
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit,
        "tree_dirty_outside_bench": dirty,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "loadavg_at_start": os.getloadavg(),
        "database": connection.vendor,
        "database_url": _without_password(database_url),
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
    }


def _without_password(url: str) -> str:
    parsed = urlparse(url)
    if parsed.password:
        return url.replace(f":{parsed.password}@", ":***@")
    return url


def write_result(kind: str, result: dict) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{kind}-{datetime.now().strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(result, indent=2, default=str) + "\n")
    return path


def needed_learners(rate: float, *, seconds: float, rounds: int, margin: float = 1.35) -> int:
    return math.ceil(rate * seconds * rounds * margin) + 50
