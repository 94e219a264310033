"""Benchmark (issue 12): one answer at a time against a bare DRF write, in the same run.

    .venv/bin/python bench/answer.py --database-url postgres://postgres@127.0.0.1:5432/NAME
    .venv/bin/python bench/answer.py --sqlite        # a SQLite file in /tmp instead

Prepares the bench database (migrated, one lesson with the 10-question quiz of
bench/submit.py), creates learners with API tokens whose attempt is started
through the product's services, serves the app with gunicorn (2 sync workers,
DEBUG off, bench.settings, 127.0.0.1:<free port>) and alternates rounds of wrk
at 16 connections:

  (a) POST /bench/write/ -- token auth, validate a tiny body, INSERT one row;
  (b) POST /api/v1/attempts/<id>/answers/ -- one correct answer to one question,
      with its own Idempotency-Key, as static/js/quiz.js sends it. Every attempt's
      questions are answered in order, each once; 80 attempts are answered side by
      side, staggered so that about one answer in ten is an attempt's last, which
      also finishes it (score, lesson and course completion: the heaviest answer),
      as when learners take ten-question quizzes (harness.answer_requests).

Prints medians over the rounds and the ratio b/a, writes bench/results/answer-<date>.json.
Goal (issue 12): b/a >= 0.3 and p99 of (b) < 120 ms.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness as h  # noqa: E402

GOAL_RATIO = 0.3
GOAL_P99_MS = 120.0
WRITE_BODY = json.dumps({"note": "one row"})
ANSWER = "/api/v1/attempts/{}/answers/"
PREFIX = "answerer-"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sqlite", action="store_true", help="SQLite file instead of PostgreSQL")
    p.add_argument("--database-url", help=f"default {h.DEFAULT_DATABASE_URL} (dropped, created)")
    p.add_argument("--rounds", type=int, default=5, help="a/b round pairs (default 5)")
    p.add_argument("--seconds", type=float, default=8.0, help="seconds per round (default 8)")
    p.add_argument("--connections", type=int, default=16)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--processes", type=int, default=2, help="processes seeding learners")
    return p.parse_args(argv)


class AnswerPool:
    """Learners whose attempts the answer rounds use up, question by question."""

    def __init__(self, lesson, bodies: dict[str, str], seconds: float, processes: int) -> None:
        self.lesson, self.bodies, self.seconds, self.processes = lesson, bodies, seconds, processes
        self.fastest = 0.0

    def load(self) -> h.Load:
        """Every answer still to give, in lane order; enough of them for a round at the
        fastest rate seen (with a margin), topped up with new learners if need be."""
        wanted = math.ceil(max(self.fastest, 40.0) * self.seconds * 1.6) + 200
        requests = h.answer_requests(PREFIX, self.bodies)
        if len(requests) < wanted:
            learners = math.ceil((wanted - len(requests)) / len(self.bodies)) + h.ANSWER_LANES
            h.create_learners(learners, lesson=self.lesson, prefix=PREFIX,
                              processes=self.processes)
            requests = h.answer_requests(PREFIX, self.bodies)
        lines = [f"{ANSWER.format(attempt)} {token} {body} {key}"
                 for attempt, token, body, key in requests]
        return h.Load(lines, "{}", path=ANSWER)

    def round(self, server, **kwargs) -> dict:
        """One round of answers; also counts the attempts it finished."""
        finished = finished_attempts()
        figures = h.wrk_round(server, self.load(), **kwargs)
        figures["finished_attempts"] = finished_attempts() - finished
        figures["last_answer_share"] = round(
            figures["finished_attempts"] / max(figures["requests"], 1), 3)
        self.fastest = max(self.fastest, figures["rps"])
        return figures


def finished_attempts() -> int:
    from quizzes.models import Attempt

    return Attempt.objects.filter(user__username__startswith=PREFIX,
                                  status=Attempt.Status.SUBMITTED).count()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    database_url = h.database_url_for(args.sqlite, args.database_url)
    processes = 1 if database_url.startswith("sqlite") else args.processes
    began = time.monotonic()
    h.bootstrap(database_url)
    env = h.environment(database_url)
    from quizzes.snapshot import quiz_questions

    lesson = h.seed_lesson()
    bodies = h.answer_items(quiz_questions(lesson.quiz))
    h.create_learners(2 * h.ANSWER_LANES, lesson=lesson, prefix=PREFIX, processes=processes)
    h.stagger_attempts(PREFIX, bodies)
    pool = AnswerPool(lesson, bodies, args.seconds, processes)
    rnd = dict(connections=args.connections, database_url=database_url)
    with h.gunicorn("answer", workers=args.workers) as server:
        h.wrk_round(server, h.Load([f"/bench/write/ {t}" for t in h.pool_tokens(PREFIX)],
                                   WRITE_BODY, single_use=False), seconds=2, **rnd)
        pool.round(server, seconds=3, **rnd)
        h.log(f"warm-up: answer {pool.fastest:.0f} req/s")
        writes, answers = [], []
        for i in range(args.rounds):
            write_load = h.Load([f"/bench/write/ {t}" for t in h.pool_tokens(PREFIX)],
                                WRITE_BODY, single_use=False)
            writes.append(h.wrk_round(server, write_load, seconds=args.seconds, **rnd))
            answers.append(pool.round(server, seconds=args.seconds, **rnd))
            h.log(f"round {i + 1}/{args.rounds}: write {writes[-1]['rps']:.0f} req/s, "
                  f"answer {answers[-1]['rps']:.0f} req/s (p99 {answers[-1]['p99_ms']:.1f} ms, "
                  f"{answers[-1]['last_answer_share']:.0%} of them an attempt's last)")
    a, b = h.summarize(writes), h.summarize(answers)
    ratio = h.ratio_of_medians(b, a)
    paired = h.paired_ratio_median(answers, writes)
    cpu_ratio = a["app_cpu_ms_per_request_median"] / b["app_cpu_ms_per_request_median"]
    goals = {"ratio_b_over_a": ratio >= GOAL_RATIO,
             "answer_p99_ms": b["p99_ms_median"] < GOAL_P99_MS}
    print()
    print(h.table([("(a) bare DRF write, 1 row", a), ("(b) one answer (+ Idempotency-Key)", b)]))
    print(f"\nratio b/a (medians): {ratio:.3f}   median of per-round ratios: {paired:.3f}   "
          f"goal >= {GOAL_RATIO}: {'met' if goals['ratio_b_over_a'] else 'MISSED'}")
    print(f"app CPU per request: write {a['app_cpu_ms_per_request_median']:.1f} ms, answer "
          f"{b['app_cpu_ms_per_request_median']:.1f} ms -> CPU-bound ratio {cpu_ratio:.3f}")
    print(f"answer p99 (median of rounds): {b['p99_ms_median']:.1f} ms   "
          f"goal < {GOAL_P99_MS:g} ms: {'met' if goals['answer_p99_ms'] else 'MISSED'}")
    shares = [r["last_answer_share"] for r in answers]
    print(f"share of answers that finished an attempt, per round: {shares}")
    invalid = [r for r in writes + answers if not r["valid"]]
    if invalid:
        print(f"WARNING: {len(invalid)} round(s) had errors or reused lines; see the JSON")
    result = {
        "bench": "answer",
        "environment": env,
        "config": {"rounds": args.rounds, "seconds": args.seconds,
                   "connections": args.connections, "gunicorn_workers": args.workers,
                   "answer_lanes": h.ANSWER_LANES,
                   "load_generator": "wrk (bench/wrk_rotate.lua), 1 thread"},
        "summary": {"write": a, "answer": b, "ratio_b_over_a": ratio,
                    "ratio_median_of_rounds": paired, "ratio_from_app_cpu_per_request": cpu_ratio,
                    "goals_met": goals},
        "rounds": {"write": writes, "answer": answers},
        "runtime_s": round(time.monotonic() - began, 1),
    }
    path = h.write_result("answer", result)
    print(f"result: {path.relative_to(h.REPO)}  ({result['runtime_s']:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
