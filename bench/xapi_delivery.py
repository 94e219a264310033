"""Benchmark 2 (issue 4): xAPI delivery against a direct POST, and submit with the outbox on/off.

    .venv/bin/python bench/xapi_delivery.py            # PostgreSQL (touchpoint_bench, reset)
    .venv/bin/python bench/xapi_delivery.py --sqlite   # a SQLite file in /tmp instead

(a) statements/s delivered by the real delivery code (`manage.py xapi_worker
    --once`, run in this process with call_command: claim, send through the
    tincan backend, mark) to a fresh Ralph LRS;
(b) statements/s of a direct batched POST of the same stored statements (same
    order, same batch size, one keep-alive http.client connection) to a fresh
    Ralph. Ralph's fs backend scans its whole store on every POST, so both sides
    send the same statements to an empty store (restarted with LRS_FRESH=1
    before every measurement), in alternating order. Goal: a/b >= 0.8.
(c) quiz-submit throughput with the outbox on (XAPI_ENABLED=1) against off (0):
    two gunicorn servers (2 sync workers each, only one loaded at a time),
    alternating wrk rounds at 16 connections, distinct learners, as in
    bench/submit.py; each round pair on two freshly started servers, warmed up
    first (a process's luck would otherwise favour one side for the whole run).
    Goal: on is less than 15% lower than off.

The statements are real: learners take the quiz through the product's services
(15 statements each: experienced, attempted, 10 answered, passed, completed
lesson and course). Writes bench/results/xapi-<date>.json.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import io
import json
import logging
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness as h  # noqa: E402

GOAL_DELIVERY_RATIO = 0.8
GOAL_OUTBOX_DROP = 0.15
RALPH = h.REPO / "tools" / "lrs" / "start_ralph.sh"
LRS_HOME = Path(tempfile.gettempdir()) / "touchpoint-bench-lrs"


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sqlite", action="store_true", help="SQLite file instead of PostgreSQL")
    p.add_argument("--database-url", help=f"default {h.DEFAULT_DATABASE_URL} (dropped, created)")
    p.add_argument("--statements", type=int, default=1500, help="statements per delivery run")
    p.add_argument("--batch-size", type=int, default=50, help="statements per POST (default 50)")
    p.add_argument("--delivery-rounds", type=int, default=6, help="a/b delivery pairs")
    p.add_argument("--rounds", type=int, default=8,
                   help="outbox on/off round pairs, each on fresh servers (default 8)")
    p.add_argument("--seconds", type=float, default=6.0, help="seconds per on/off round")
    p.add_argument("--connections", type=int, default=16)
    p.add_argument("--processes", type=int, default=2, help="processes seeding learners")
    p.add_argument("--skip-outbox", action="store_true", help="only (a)/(b)")
    p.add_argument("--skip-delivery", action="store_true", help="only (c)")
    p.add_argument("--aa", action="store_true",
                   help="(c) as an A/A check: the 'on' server runs with the outbox off too, "
                        "so any drop is the servers' luck and the harness's bias")
    return p.parse_args(argv)


# ---------------------------------------------------------------------------
# Ralph


class Ralph:
    """A fresh Ralph LRS (tools/lrs/start_ralph.sh, LRS_FRESH=1) on 127.0.0.1:port."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.env = {**os.environ, "LRS_HOME": str(LRS_HOME), "LRS_FRESH": "1"}
        self.config: dict[str, str] = {}

    def __enter__(self) -> Ralph:
        out = subprocess.run(["bash", str(RALPH), str(self.port)], env=self.env, check=True,
                             capture_output=True, text=True, timeout=120).stdout
        self.config = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        return self

    def __exit__(self, *exc) -> None:
        subprocess.run(["bash", str(RALPH), "stop", str(self.port)], env=self.env,
                       capture_output=True, timeout=30)

    @property
    def endpoint(self) -> str:
        return self.config["LRS_ENDPOINT"]

    @property
    def basic_auth(self) -> str:
        pair = f"{self.config['LRS_USERNAME']}:{self.config['LRS_PASSWORD']}".encode()
        return "Basic " + base64.b64encode(pair).decode()

    def stored(self) -> int:
        store = LRS_HOME / f"run-{self.port}" / "data" / "fs_lrs.jsonl"
        if not store.exists():
            return 0
        with store.open("rb") as f:
            return sum(1 for _ in f)


# ---------------------------------------------------------------------------
# (a) and (b)


def make_statements(n: int, *, lesson, processes: int) -> int:
    """Learners take the quiz through the services until the outbox holds >= n statements."""
    from progress.services import attempt_submit_with_progress
    from quizzes.models import Attempt
    from quizzes.snapshot import quiz_questions
    from xapi.models import OutboxStatement

    answers = h.correct_answers(quiz_questions(lesson.quiz))
    per_learner = 15
    learners = math.ceil(n / per_learner)
    h.create_learners(learners, lesson=lesson, prefix="deliver-", processes=processes,
                      record_xapi=True)
    for attempt in Attempt.objects.filter(user__username__startswith="deliver-").select_related(
            "user"):
        attempt_submit_with_progress(user=attempt.user, attempt_id=attempt.pk, answers=answers)
    return OutboxStatement.objects.count()


def reset_outbox() -> None:
    from django.utils import timezone

    from xapi.models import OutboxStatement

    OutboxStatement.objects.update(
        status=OutboxStatement.Status.PENDING, attempts=0, server_errors=0,
        next_attempt_at=timezone.now(), last_attempt_at=None, delivered_at=None, last_error="",
    )


def deliver_with_worker(ralph: Ralph, batch_size: int) -> dict:
    from django.core.management import call_command
    from django.test import override_settings

    from xapi.models import OutboxStatement

    reset_outbox()
    n = OutboxStatement.objects.count()
    out = io.StringIO()
    with override_settings(XAPI_LRS_ENDPOINT=ralph.endpoint,
                           XAPI_LRS_USERNAME=ralph.config["LRS_USERNAME"],
                           XAPI_LRS_PASSWORD=ralph.config["LRS_PASSWORD"]):
        started = time.perf_counter()
        call_command("xapi_worker", once=True, batch_size=batch_size, stdout=out)
        elapsed = time.perf_counter() - started
    delivered = OutboxStatement.objects.filter(status=OutboxStatement.Status.DELIVERED).count()
    return _delivery_figures("worker", n, delivered, ralph.stored(), elapsed, out.getvalue())


def worker_overhead(batch_size: int) -> dict:
    """The worker against an LRS that costs nothing (the tests' MemoryBackend): its own cost."""
    from django.core.management import call_command
    from django.test import override_settings

    from xapi.backends.memory import MemoryBackend
    from xapi.models import OutboxStatement

    reset_outbox()
    MemoryBackend.reset()
    n = OutboxStatement.objects.count()
    with override_settings(XAPI_BACKEND="xapi.backends.memory.MemoryBackend"):
        started = time.perf_counter()
        call_command("xapi_worker", once=True, batch_size=batch_size, stdout=io.StringIO())
        elapsed = time.perf_counter() - started
    stored = len(MemoryBackend.stored)
    MemoryBackend.reset()
    delivered = OutboxStatement.objects.filter(status=OutboxStatement.Status.DELIVERED).count()
    return _delivery_figures("worker, in-memory LRS", n, delivered, stored, elapsed, "")


def deliver_direct(ralph: Ralph, batch_size: int) -> dict:
    from xapi.models import OutboxStatement

    payloads = list(OutboxStatement.objects.order_by("next_attempt_at", "id")
                    .values_list("payload", flat=True))
    parsed = urlparse(ralph.endpoint)
    headers = {"Content-Type": "application/json", "Accept": "application/json",
               "X-Experience-API-Version": "1.0.3", "Authorization": ralph.basic_auth}
    path = parsed.path + "statements"
    bodies = [("[" + ",".join(payloads[i:i + batch_size]) + "]").encode()
              for i in range(0, len(payloads), batch_size)]
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
    delivered = 0
    started = time.perf_counter()
    try:
        for body, size in zip(bodies, _sizes(len(payloads), batch_size), strict=True):
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read()
            if response.status != 200:
                raise RuntimeError(f"direct POST: HTTP {response.status}: {text[:300]!r}")
            delivered += size
    finally:
        connection.close()
    elapsed = time.perf_counter() - started
    return _delivery_figures("direct", len(payloads), delivered, ralph.stored(), elapsed, "")


def _sizes(n: int, batch: int) -> list[int]:
    return [min(batch, n - i) for i in range(0, n, batch)]


def _delivery_figures(side, n, delivered, stored, elapsed, output) -> dict:
    return {"side": side, "statements": n, "delivered": delivered, "stored_in_ralph": stored,
            "seconds": elapsed, "statements_per_s": delivered / elapsed,
            "valid": delivered == n == stored, "worker_output": output.strip()}


def delivery_rounds(args) -> tuple[list[dict], list[dict], list[dict]]:
    port = h.free_port()
    worker, direct, overhead = [], [], []
    for i in range(args.delivery_rounds):
        overhead.append(worker_overhead(args.batch_size))
        order = ("worker", "direct") if i % 2 == 0 else ("direct", "worker")
        for side in order:
            with Ralph(port) as ralph:
                if side == "worker":
                    worker.append(deliver_with_worker(ralph, args.batch_size))
                else:
                    direct.append(deliver_direct(ralph, args.batch_size))
        h.log(f"delivery round {i + 1}/{args.delivery_rounds}: worker "
              f"{worker[-1]['statements_per_s']:.0f}/s, "
              f"direct {direct[-1]['statements_per_s']:.0f}/s, "
              f"worker to an in-memory LRS {overhead[-1]['statements_per_s']:.0f}/s")
    return worker, direct, overhead


# ---------------------------------------------------------------------------
# (c)


def outbox_rounds(args, *, lesson, body: str, database_url: str, processes: int):
    """Round pairs of submits, outbox on and off, each pair on two freshly started servers.

    A gunicorn process's speed depends on its luck (hash seed, memory layout):
    two identical servers started side by side differ by up to 14% here (an
    A/A run, bench/README.md). Fresh servers for every pair let that luck
    average out over the pairs instead of favouring one side for a whole run.
    """
    rnd = dict(connections=args.connections, database_url=database_url)
    pools = {key: h.Pool(f"{key}-", lesson, body, args.seconds, processes)
             for key in ("on", "off")}
    for pool in pools.values():
        pool.top_up(300)
    results = {"on": [], "off": []}
    for i in range(args.rounds):
        with h.gunicorn("xapi-on", env={"XAPI_ENABLED": "0" if args.aa else "1"}) as on, \
                h.gunicorn("xapi-off", env={"XAPI_ENABLED": "0"}) as off:
            servers = {"on": on, "off": off}
            for key, pool in pools.items():  # warm the new workers up (first-use caches)
                pool.saw(h.wrk_round(servers[key], pool.submit_load(), seconds=3, **rnd))
                if i == 0:
                    h.log(f"warm-up outbox {key}: {pool.fastest:.0f} req/s")
            if i == 0:
                for pool in pools.values():
                    pool.size_for(args.rounds)
            for key in ("on", "off") if i % 2 == 0 else ("off", "on"):
                results[key].append(pools[key].saw(h.wrk_round(
                    servers[key], pools[key].submit_load(), seconds=args.seconds, **rnd)))
        h.log(f"outbox round {i + 1}/{args.rounds} (fresh servers): on "
              f"{results['on'][-1]['rps']:.0f} req/s, off {results['off'][-1]['rps']:.0f} req/s")
    return results["on"], results["off"]


# ---------------------------------------------------------------------------


def quiet_worker_log() -> Path:
    """The worker's per-batch log lines go to a file (as in production), not the terminal."""
    path = Path(tempfile.gettempdir()) / "touchpoint-bench-xapi-worker.log"
    stream = path.open("w")
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(stream)
    return path


def main(argv=None) -> int:
    args = parse_args(argv)
    database_url = h.database_url_for(args.sqlite, args.database_url)
    processes = 1 if database_url.startswith("sqlite") else args.processes
    began = time.monotonic()
    os.environ["XAPI_ENABLED"] = "1"
    h.bootstrap(database_url)
    env = h.environment(database_url)
    from quizzes.snapshot import quiz_questions

    lesson = h.seed_lesson()
    body = json.dumps({"answers": h.correct_answers(quiz_questions(lesson.quiz))})
    result = {"bench": "xapi", "environment": env, "config": vars(args), "summary": {}}
    lines = []
    if not args.skip_delivery:
        n = make_statements(args.statements, lesson=lesson, processes=processes)
        h.log(f"{n} statements in the outbox; delivering them to fresh Ralphs")
        result["worker_log"] = str(quiet_worker_log())
        worker, direct, overhead = delivery_rounds(args)
        own = statistics.median(r["statements_per_s"] for r in overhead)
        w = statistics.median(r["statements_per_s"] for r in worker)
        d = statistics.median(r["statements_per_s"] for r in direct)
        paired = statistics.median(a["statements_per_s"] / b["statements_per_s"]
                                   for a, b in zip(worker, direct, strict=True))
        ok = w / d >= GOAL_DELIVERY_RATIO
        result["summary"]["delivery"] = {
            "statements": n, "batch_size": args.batch_size, "worker_per_s_median": w,
            "direct_per_s_median": d, "ratio_worker_over_direct": w / d,
            "ratio_median_of_rounds": paired, "goal_met": ok,
            "worker_in_memory_lrs_per_s_median": own,
            "all_valid": all(r["valid"] for r in worker + direct + overhead),
        }
        result["delivery_rounds"] = {"worker": worker, "direct": direct,
                                     "worker_in_memory_lrs": overhead}
        lines += [
            f"{'delivery to a fresh Ralph':<34} {'stmts/s':>8} {'(min-max)':>15} {'valid':>6}",
            *(f"{name:<34} {statistics.median(x):>8.0f} {f'{min(x):.0f}-{max(x):.0f}':>15} "
              f"{sum(r['valid'] for r in rs):>3}/{len(rs)}"
              for name, rs, x in (
                  ("(a) xapi_worker --once", worker, [r["statements_per_s"] for r in worker]),
                  ("(b) direct batched POST", direct,
                   [r["statements_per_s"] for r in direct]))),
            f"ratio a/b (medians): {w / d:.3f}   median of per-round ratios: {paired:.3f}   "
            f"goal >= {GOAL_DELIVERY_RATIO}: {'met' if ok else 'MISSED'}   "
            f"({n} statements, batches of {args.batch_size})",
            f"the worker's own cost (same run, an LRS that costs nothing): {own:.0f} "
            f"statements/s = {1000 / own:.3f} ms per statement; the direct POST spends "
            f"{1000 / d:.3f} ms per statement in all",
            "",
        ]
    if not args.skip_outbox:
        on, off = outbox_rounds(args, lesson=lesson, body=body, database_url=database_url,
                                processes=processes)
        s_on, s_off = h.summarize(on), h.summarize(off)
        drop = 1 - h.ratio_of_medians(s_on, s_off)
        paired = 1 - h.paired_ratio_median(on, off)
        cpu_drop = 1 - (s_off["app_cpu_ms_per_request_median"]
                        / s_on["app_cpu_ms_per_request_median"])
        ok = drop < GOAL_OUTBOX_DROP
        result["summary"]["outbox"] = {"on": s_on, "off": s_off, "throughput_drop": drop,
                                       "drop_median_of_rounds": paired,
                                       "drop_from_app_cpu_per_request": cpu_drop,
                                       "goal_met": ok}
        result["outbox_rounds"] = {"on": on, "off": off}
        if args.aa:
            result["summary"]["outbox"]["aa_check"] = True
            lines.append("A/A CHECK: both servers run with the outbox OFF; a drop is server "
                         "luck or harness bias, not recording")
        lines += [
            h.table([(f"(c) submit, outbox {'off (A/A)' if args.aa else 'on (XAPI=1)'}", s_on),
                     ("(c) submit, outbox off (XAPI=0)", s_off)]),
            f"throughput with the outbox {'off (A/A)' if args.aa else 'on'}: "
            f"{100 * drop:.1f}% lower (medians; median of per-round drops {100 * paired:.1f}%)"
            + ("" if args.aa else f"   goal < {100 * GOAL_OUTBOX_DROP:.0f}%: "
                                  f"{'met' if ok else 'MISSED'}"),
            f"app CPU per submit: on {s_on['app_cpu_ms_per_request_median']:.1f} ms, off "
            f"{s_off['app_cpu_ms_per_request_median']:.1f} ms -> CPU-bound drop "
            f"{100 * cpu_drop:.1f}% (less sensitive to other load on the machine)",
        ]
    result["runtime_s"] = round(time.monotonic() - began, 1)
    print("\n" + "\n".join(lines))
    path = h.write_result("xapi", result)
    print(f"result: {path.relative_to(h.REPO)}  ({result['runtime_s']:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
