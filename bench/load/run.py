"""Load test: simulated learners against `make serve` on PostgreSQL, then an exactly-once check.

    make loadtest                                     # 50 learners for 60 s
    .venv/bin/python bench/load/run.py --users 50 --seconds 60 --web-workers 4

What it does, all on 127.0.0.1 and bounded in time (setup, load, drain, teardown):

1. Recreates the database (default `touchpoint_load` on the local PostgreSQL),
   starts a real Ralph LRS (tools/lrs/start_ralph.sh, empty store, free port),
   migrates, seeds the shipped course and N learner accounts.
2. Starts `make serve` (production settings: DEBUG off, HTTPS mode behind a
   proxy, Redis cache when reachable) with --web-workers gunicorn workers and
   --xapi-workers `manage.py xapi_worker` processes delivering to Ralph.
3. N learners arrive over --ramp seconds; each signs in for a token, then for
   --seconds repeats a lesson cycle with think time: course, lesson, mark it
   experienced, quiz, start (or resume) an attempt, submit answers (random but
   well-formed, with an Idempotency-Key), progress. Requests carry
   X-Forwarded-Proto: https, as the TLS proxy would add.
4. Reports per endpoint: requests, errors (any unexpected status or transport
   error), p50, p99 and max latency.
5. Waits for the outbox to drain, then checks exactly-once delivery: no pending
   or rejected rows, Ralph's stored ids unique, and equal to the outbox ids.
6. Stops `make serve` (its whole process group) and Ralph.

Exit status 0 only with zero errors and a passing exactly-once check. Needs
only the project venv (httpx, Django, psycopg) and `make lrs-venv` for Ralph.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import httpx

REPO = Path(__file__).resolve().parents[2]
START_RALPH = REPO / "tools" / "lrs" / "start_ralph.sh"
PASSWORD = "load-learner-pass-1"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------------------
# Statistics


@dataclass
class Endpoint:
    latencies: list[float] = field(default_factory=list)
    steady: list[float] = field(default_factory=list)  # started after the sign-in ramp
    errors: int = 0
    statuses: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1) of the values; 0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


class Stats:
    def __init__(self, steady_after: float = 0.0) -> None:
        self.endpoints: dict[str, Endpoint] = defaultdict(Endpoint)
        self.error_samples: list[str] = []
        self.steady_after = steady_after  # time.monotonic() when every learner has signed in

    def record(self, name: str, elapsed: float, status: str, ok: bool, detail: str = "") -> None:
        endpoint = self.endpoints[name]
        endpoint.latencies.append(elapsed)
        if time.monotonic() - elapsed >= self.steady_after:
            endpoint.steady.append(elapsed)
        endpoint.statuses[status] += 1
        if not ok:
            endpoint.errors += 1
            if len(self.error_samples) < 20:
                self.error_samples.append(f"{name} -> {status} {detail[:200]}")

    def table(self, seconds: float) -> tuple[str, dict]:
        rows, summary = [], {}
        header = f"{'endpoint':<44} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8} " \
                 f"{'max ms':>8} {'p99 steady':>10}  statuses"
        for name in sorted(self.endpoints):
            e = self.endpoints[name]
            p50, p99 = percentile(e.latencies, 0.50) * 1000, percentile(e.latencies, 0.99) * 1000
            worst = max(e.latencies, default=0) * 1000
            steady = percentile(e.steady, 0.99) * 1000
            statuses = " ".join(f"{k}:{v}" for k, v in sorted(e.statuses.items()))
            rows.append(f"{name:<44} {len(e.latencies):>8} {e.errors:>6} {p50:>8.0f} {p99:>8.0f} "
                        f"{worst:>8.0f} {f'{steady:.0f}' if e.steady else '-':>10}  {statuses}")
            summary[name] = {"requests": len(e.latencies), "errors": e.errors,
                             "p50_ms": round(p50), "p99_ms": round(p99), "max_ms": round(worst),
                             "p99_steady_ms": round(steady) if e.steady else None,
                             "statuses": dict(e.statuses)}
        every = [x for e in self.endpoints.values() for x in e.latencies]
        every_steady = [x for e in self.endpoints.values() for x in e.steady]
        total = len(every)
        errors = sum(e.errors for e in self.endpoints.values())
        rows.append(f"{'all':<44} {total:>8} {errors:>6} {percentile(every, .5) * 1000:>8.0f} "
                    f"{percentile(every, .99) * 1000:>8.0f} {max(every, default=0) * 1000:>8.0f}"
                    f" {percentile(every_steady, .99) * 1000:>10.0f}  {total / seconds:.1f} req/s")
        summary["all"] = {"requests": total, "errors": errors,
                          "req_per_s": round(total / seconds, 1),
                          "p50_ms": round(percentile(every, .5) * 1000),
                          "p99_ms": round(percentile(every, .99) * 1000),
                          "p99_steady_ms": round(percentile(every_steady, .99) * 1000)}
        return "\n".join([header, *rows]), summary


# ---------------------------------------------------------------------------
# One simulated learner


def random_answers(questions: list[dict], rng: random.Random) -> list[dict]:
    """A well-formed answer to every question (the learner guesses; scores vary)."""
    answers = []
    for q in questions:
        ids = [c["id"] for c in q["choices"]]
        if q["type"] == "sequencing":
            answers.append({"question": q["id"], "order": rng.sample(ids, len(ids))})
        elif q["type"] == "matching":
            targets = [t["id"] for t in q["targets"]]
            answers.append({"question": q["id"],
                            "matches": {item: rng.choice(targets) for item in ids}})
        elif q["type"] == "multiple_response":
            answers.append({"question": q["id"],
                            "choices": rng.sample(ids, rng.randint(1, len(ids)))})
        else:
            answers.append({"question": q["id"], "choices": [rng.choice(ids)]})
    return answers


class Learner:
    def __init__(self, n: int, client: httpx.AsyncClient, stats: Stats, think: tuple[float, float],
                 deadline: float, on_signed_in) -> None:
        self.username = f"load-learner-{n:03d}"
        self.on_signed_in = on_signed_in
        self.client, self.stats, self.think_range, self.deadline = client, stats, think, deadline
        self.rng = random.Random(n)
        self.headers: dict[str, str] = {}

    async def call(self, method: str, name: str, url: str, expect: tuple[int, ...] = (200,),
                   **kwargs) -> dict | list | None:
        started = time.perf_counter()
        try:
            response = await self.client.request(method, url, headers=self.headers, **kwargs)
        except httpx.HTTPError as error:
            self.stats.record(name, time.perf_counter() - started, type(error).__name__, False,
                              str(error))
            return None
        elapsed = time.perf_counter() - started
        ok = response.status_code in expect
        self.stats.record(name, elapsed, str(response.status_code), ok,
                          "" if ok else response.text)
        return response.json() if ok else None

    async def think(self) -> None:
        await asyncio.sleep(self.rng.uniform(*self.think_range))

    async def run(self) -> None:
        token = await self.call("POST", "POST /api/v1/auth/token/", "/api/v1/auth/token/",
                                json={"username": self.username, "password": PASSWORD})
        self.on_signed_in()
        if token is None:
            return
        self.headers = {"Authorization": f"Token {token['token']}"}
        courses = await self.call("GET", "GET /api/v1/courses/", "/api/v1/courses/")
        if not courses:
            return
        course_id = courses[0]["id"]
        while time.monotonic() < self.deadline:
            await self.lesson_cycle(course_id)

    async def lesson_cycle(self, course_id: int) -> None:
        course = await self.call("GET", "GET /api/v1/courses/{id}/",
                                 f"/api/v1/courses/{course_id}/")
        if course is None:
            return await self.think()
        # Mostly where the course says to continue, sometimes another lesson (revision).
        lesson = course["next_lesson"]
        if lesson is None or self.rng.random() < 0.3:
            lesson = self.rng.choice(course["lessons"])
        lesson_id = lesson["id"]
        await self.call("GET", "GET /api/v1/lessons/{id}/", f"/api/v1/lessons/{lesson_id}/")
        await self.think()  # reading
        await self.call("POST", "POST /api/v1/lessons/{id}/experienced/",
                        f"/api/v1/lessons/{lesson_id}/experienced/")
        await self.call("GET", "GET /api/v1/lessons/{id}/quiz/",
                        f"/api/v1/lessons/{lesson_id}/quiz/")
        attempt = await self.call("POST", "POST /api/v1/lessons/{id}/quiz/attempts/",
                                  f"/api/v1/lessons/{lesson_id}/quiz/attempts/", expect=(200, 201))
        if attempt is None:
            return await self.think()
        await self.think()  # answering
        if time.monotonic() >= self.deadline:
            return
        await self.submit(attempt)
        await self.call("GET", "GET /api/v1/progress/", "/api/v1/progress/")
        await self.think()

    async def submit(self, attempt: dict) -> None:
        self.headers["Idempotency-Key"] = str(uuid.uuid4())
        try:
            await self.call("POST", "POST /api/v1/attempts/{id}/submit/",
                            f"/api/v1/attempts/{attempt['id']}/submit/",
                            json={"answers": random_answers(attempt["questions"], self.rng)})
        finally:
            del self.headers["Idempotency-Key"]


async def run_load(base_url: str, users: int, seconds: float, ramp: float,
                   think: tuple[float, float]) -> tuple[Stats, float]:
    stats = Stats(steady_after=float("inf"))
    limits = httpx.Limits(max_connections=users + 10, max_keepalive_connections=users)
    async with httpx.AsyncClient(base_url=base_url, timeout=30.0, limits=limits,
                                 headers={"X-Forwarded-Proto": "https"}) as client:
        started = time.monotonic()
        deadline = started + seconds
        tasks, signed_in, count = [], asyncio.Event(), [0]

        def on_signed_in() -> None:
            count[0] += 1
            if count[0] == users:
                signed_in.set()

        for n in range(users):
            learner = Learner(n, client, stats, think, deadline, on_signed_in)
            tasks.append(asyncio.create_task(learner.run()))
            await asyncio.sleep(ramp / users)
        await signed_in.wait()
        stats.steady_after = time.monotonic()
        await asyncio.gather(*tasks)
        return stats, time.monotonic() - started


# ---------------------------------------------------------------------------
# Services: database, Ralph, make serve


def recreate_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def redis_url_if_reachable(url: str) -> str:
    if not url:
        return ""
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return url if sock.recv(16).startswith(b"+PONG") else ""
    except OSError:
        return ""


def start_ralph(home: Path) -> dict[str, str]:
    port = free_port()
    env = {**os.environ, "LRS_FRESH": "1", "LRS_HOME": str(home)}
    started = subprocess.run(["bash", str(START_RALPH), str(port)], env=env, capture_output=True,
                             text=True, timeout=300, check=False)
    if started.returncode != 0:
        raise SystemExit(f"could not start Ralph (run `make lrs-venv`?):\n{started.stderr}")
    config = dict(line.split("=", 1) for line in started.stdout.splitlines()
                  if line.startswith("LRS_"))
    config["PORT"] = str(port)
    config["DATA"] = str(home / f"run-{port}" / "data" / "fs_lrs.jsonl")
    return config


def stop_ralph(home: Path, port: str) -> None:
    subprocess.run(["bash", str(START_RALPH), "stop", port], capture_output=True, timeout=60,
                   env={**os.environ, "LRS_HOME": str(home)}, check=False)


def seed(env: dict[str, str], users: int) -> None:
    """Migrate, load the shipped course and create the learners, in this process."""
    os.environ.update({**env, "DJANGO_LOG_LEVEL": "WARNING"})
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "touchpoint.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connections

    call_command("migrate", verbosity=0)
    call_command("seed_course", verbosity=0, stdout=io.StringIO())
    hashed = make_password(PASSWORD)
    user_model = get_user_model()
    user_model.objects.bulk_create(
        [user_model(username=f"load-learner-{n:03d}", email=f"load-learner-{n:03d}@example.com",
                    first_name="Load", last_name=f"Learner {n}", password=hashed)
         for n in range(users)])
    connections.close_all()


def start_serve(env: dict[str, str], port: int, web: int, xapi: int, log_path: Path):
    log_file = log_path.open("w")
    process = subprocess.Popen(
        ["make", "-s", "serve", f"PORT={port}", f"WEB_WORKERS={web}", f"XAPI_WORKERS={xapi}"],
        cwd=REPO, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"make serve exited ({process.returncode}):\n"
                             + log_path.read_text()[-3000:])
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    stop_serve(process)
    raise SystemExit("make serve did not answer /healthz within 180 s:\n"
                     + log_path.read_text()[-3000:])


def stop_serve(process: subprocess.Popen) -> None:
    """SIGTERM to the process group `make serve` leads (gunicorn and the workers finish)."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=40)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


# ---------------------------------------------------------------------------
# CPU accounting: how much of the machine this run used, and how much other work took


TICK = os.sysconf("SC_CLK_TCK")


def _proc_cpu(pid: int) -> float:
    """CPU seconds of a process and its reaped children (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(x) for x in fields[11:15]) / TICK  # utime stime cutime cstime


def _pgid(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[2])
    except (OSError, ValueError, IndexError):
        return None


def _database_backends(database_url: str) -> list[int]:
    import psycopg

    name = urlparse(database_url).path.lstrip("/")
    with psycopg.connect(database_url, autocommit=True) as conn:
        rows = conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s AND "
                            "pid <> pg_backend_pid()", (name,)).fetchall()
    return [row[0] for row in rows]


def cpu_snapshot(serve_pgid: int, ralph_pid: int, database_url: str) -> tuple[float, dict]:
    """(machine busy CPU seconds since boot, {pid: CPU seconds} of this run's processes)."""
    first = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    values = [int(x) for x in first]
    busy = (sum(values[:8]) - values[3] - values[4]) / TICK  # minus idle and iowait
    pids = [int(p) for p in os.listdir("/proc") if p.isdigit() and _pgid(int(p)) == serve_pgid]
    pids += [ralph_pid, os.getpid(), *_database_backends(database_url)]
    return busy, {pid: _proc_cpu(pid) for pid in pids}


def cpu_report(before: tuple[float, dict], after: tuple[float, dict], seconds: float) -> dict:
    busy = after[0] - before[0]
    mine = sum(cpu - before[1].get(pid, 0.0) for pid, cpu in after[1].items())
    return {"cores": os.cpu_count(), "available_cpu_s": round(seconds * os.cpu_count(), 1),
            "busy_cpu_s": round(busy, 1), "this_run_cpu_s": round(mine, 1),
            "other_work_cpu_s": round(max(0.0, busy - mine), 1)}


# ---------------------------------------------------------------------------
# Exactly-once check


def outbox_counts() -> dict[str, int]:
    from django.db import connections
    from django.db.models import Count

    from xapi.models import OutboxStatement

    connections.close_all()
    rows = OutboxStatement.objects.order_by().values_list("status").annotate(n=Count("id"))
    return {"pending": 0, "delivered": 0, "rejected": 0, **dict(rows)}


def wait_for_drain(timeout: float) -> tuple[dict[str, int], float]:
    started = time.monotonic()
    while True:
        counts = outbox_counts()
        if counts["pending"] == 0 or time.monotonic() - started > timeout:
            return counts, time.monotonic() - started
        time.sleep(1)


def exactly_once(ralph_data: Path) -> dict:
    from xapi.models import OutboxStatement

    outbox = [str(i) for i in OutboxStatement.objects.values_list("statement_id", flat=True)]
    lines = ralph_data.read_text().splitlines() if ralph_data.exists() else []
    stored = [json.loads(line)["id"] for line in lines if line.strip()]
    result = {
        "outbox_rows": len(outbox),
        "ralph_stored": len(stored),
        "ralph_duplicates": len(stored) - len(set(stored)),
        "missing_in_ralph": len(set(outbox) - set(stored)),
        "unknown_in_ralph": len(set(stored) - set(outbox)),
    }
    result["ok"] = (result["ralph_duplicates"] == 0 and result["missing_in_ralph"] == 0
                    and result["unknown_in_ralph"] == 0 and len(outbox) > 0)
    return result


# ---------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--ramp", type=float, default=10, help="seconds over which learners arrive")
    parser.add_argument("--think", type=float, nargs=2, default=(0.5, 2.0),
                        metavar=("MIN", "MAX"), help="think time between steps, seconds")
    parser.add_argument("--web-workers", type=int, default=4)
    parser.add_argument("--xapi-workers", type=int, default=2)
    parser.add_argument("--database-url",
                        default=os.environ.get("LOAD_DATABASE_URL",
                                               "postgres://postgres@127.0.0.1:5432/touchpoint_load"))
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9",
                        help="shared cache for throttles (skipped when unreachable)")
    parser.add_argument("--drain-timeout", type=float, default=180)
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        raise SystemExit("the load test runs on PostgreSQL (--database-url postgres://...)")

    work = Path(tempfile.mkdtemp(prefix="touchpoint-load-"))
    log(f"work dir {work}; recreating {urlparse(args.database_url).path.lstrip('/')}")
    recreate_database(args.database_url)
    ralph = start_ralph(work / "lrs")
    log(f"Ralph on {ralph['LRS_ENDPOINT']}")
    port = free_port()
    redis_url = redis_url_if_reachable(args.redis_url)
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL": "1",  # production mode behind a TLS proxy (we send X-Forwarded-Proto)
        "DJANGO_MEDIA_ROOT": str(work / "media"),
        "DATABASE_URL": args.database_url,
        "REDIS_URL": redis_url,
        "XAPI_LRS_ENDPOINT": ralph["LRS_ENDPOINT"],
        "XAPI_LRS_USERNAME": ralph["LRS_USERNAME"],
        "XAPI_LRS_PASSWORD": ralph["LRS_PASSWORD"],
        # Every simulated learner signs in from 127.0.0.1: the per-address token limit
        # (10/min by default) would refuse most of them.
        "TOUCHPOINT_TOKEN_THROTTLE": "1000/min",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    serve = None
    try:
        log(f"seeding: migrate, seed_course, {args.users} learners")
        seed(env, args.users)
        log(f"make serve on 127.0.0.1:{port}: {args.web_workers} web, {args.xapi_workers} xAPI "
            f"workers, cache {'Redis' if redis_url else 'per-process memory'}")
        serve = start_serve(env, port, args.web_workers, args.xapi_workers, work / "serve.log")
        load_before = os.getloadavg()[0]
        log(f"{args.users} learners for {args.seconds:g} s (ramp {args.ramp:g} s); "
            f"load average before: {load_before:.2f}")
        cpu_before = cpu_snapshot(serve.pid, int(ralph["LRS_PID"]), args.database_url)
        stats, elapsed = asyncio.run(run_load(f"http://127.0.0.1:{port}", args.users,
                                              args.seconds, args.ramp, tuple(args.think)))
        cpu = cpu_report(cpu_before, cpu_snapshot(serve.pid, int(ralph["LRS_PID"]),
                                                  args.database_url), elapsed)
        table, summary = stats.table(elapsed)
        log("load done; waiting for the outbox to drain")
        counts, drained_in = wait_for_drain(args.drain_timeout)
        check = exactly_once(Path(ralph["DATA"]))
    finally:
        if serve is not None:
            stop_serve(serve)
        stop_ralph(work / "lrs", ralph["PORT"])
    server_errors = sum(1 for line in (work / "serve.log").read_text().splitlines()
                        if " ERROR " in line or "Traceback" in line)

    print(f"\nTouchpoint load test: {args.users} learners, {elapsed:.0f} s, {args.web_workers} "
          f"gunicorn workers, {args.xapi_workers} xAPI workers, PostgreSQL, "
          f"{'Redis' if redis_url else 'memory'} cache, Ralph LRS\n")
    print(table)
    print(f"\noutbox after {drained_in:.0f} s: {counts}")
    print(f"exactly once: {check}")
    print(f"server log: {server_errors} ERROR/Traceback lines ({work / 'serve.log'})")
    print(f"CPU during the load: {cpu} (other_work: processes outside this run; load "
          f"average before: {load_before:.2f})")
    for sample in stats.error_samples:
        print(f"  error: {sample}")
    result = {"users": args.users, "seconds": round(elapsed, 1), "web_workers": args.web_workers,
              "xapi_workers": args.xapi_workers, "cache": "redis" if redis_url else "locmem",
              "endpoints": summary, "outbox": counts, "exactly_once": check,
              "server_error_lines": server_errors, "load_average_before": load_before,
              "cpu": cpu}
    (work / "result.json").write_text(json.dumps(result, indent=2))
    print(f"result: {work / 'result.json'}")
    ok = (summary["all"]["errors"] == 0 and check["ok"] and counts["pending"] == 0
          and counts["rejected"] == 0 and server_errors == 0)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
