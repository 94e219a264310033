"""Where a submit's (or one answer's) time goes: queries and a cProfile of N, in one process.

    .venv/bin/python bench/profile_submit.py [--n 200] [--sqlite] [--xapi 0|1]
    .venv/bin/python bench/profile_submit.py --answers [--n 400]
    .venv/bin/python bench/profile_submit.py --logic

Same database preparation and seeding as bench/submit.py, then N submits (each a
different learner's attempt) and N bare writes through Django's test client
(the full middleware and DRF stack, no HTTP server), with every query captured.
Prints queries per request (grouped by statement kind and table), CPU ms per
request, and the functions with the largest cumulative time.

`--answers`: one answer at a time instead of submits, each with its Idempotency-Key,
in the order bench/answer.py sends them (about one in ten finishes an attempt).

`--logic`: instead, the CPU of each part of the logic every submit runs, on one
attempt loaded beforehand, with no database access (medians of 7 x 200 calls):
the input serializer, normalizing and scoring, the stored result, the 13 xAPI
statements (built and serialized, collected by the unit of work instead of
inserted) and the response (serializer and JSON).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness as h  # noqa: E402

_TABLE = re.compile(r'(?:FROM|INTO|UPDATE)\s+"?(\w+)"?', re.IGNORECASE)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=200, help="requests of each kind (default 200)")
    p.add_argument("--sqlite", action="store_true")
    p.add_argument("--database-url")
    p.add_argument("--xapi", choices=("0", "1"), default="1", help="XAPI_ENABLED (default 1)")
    p.add_argument("--top", type=int, default=30, help="profile lines to print")
    p.add_argument("--answers", action="store_true",
                   help="one answer at a time (POST .../answers/) instead of submits")
    p.add_argument("--logic", action="store_true",
                   help="only the CPU of each part of a submit's logic (no database)")
    return p.parse_args(argv)


def kind_of(sql: str) -> str:
    verb = sql.lstrip().split(None, 1)[0].upper()
    if verb in {"SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT"}:
        return verb
    match = _TABLE.search(sql)
    return f"{verb} {match.group(1) if match else '?'}"


def measure(client, requests, label: str, top: int, *, profiled: bool) -> dict:
    """POST each (path, token, body[, Idempotency-Key]) request; print queries and CPU."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    profile = cProfile.Profile() if profiled else None
    kinds: Counter = Counter()
    counts = []
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for path, token, body, *key in requests:
        headers = {"HTTP_IDEMPOTENCY_KEY": key[0]} if key else {}
        with CaptureQueriesContext(connection) as queries:
            if profile:
                profile.enable()
            response = client.post(path, body, content_type="application/json",
                                   HTTP_AUTHORIZATION=f"Token {token}", **headers)
            if profile:
                profile.disable()
        if response.status_code not in (200, 201):
            raise RuntimeError(f"{label}: {response.status_code} {response.content[:300]!r}")
        counts.append(len(queries))
        kinds.update(kind_of(q["sql"]) for q in queries)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    n = len(requests)
    how = "profiled (cProfile inflates these)" if profile else "not profiled"
    print(f"\n=== {label}: {n} requests, {how}: {1000 * cpu / n:.1f} ms CPU and "
          f"{1000 * wall / n:.1f} ms wall per request; queries per request: "
          f"min {min(counts)} max {max(counts)}")
    if not profile:
        for kind, count in kinds.most_common():
            print(f"  {count / n:5.2f}  {kind}")
        return {"queries": max(counts), "cpu_ms": 1000 * cpu / n}
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).sort_stats("cumulative")
    stats.print_stats(rf"{h.REPO}/(?!\.venv)|rest_framework/(views|serializers)|"
                      r"django/db/models/(query|base)\.py|psycopg/cursor|json/encoder", top)
    print(out.getvalue().split("\n", 6)[-1])
    return {"queries": max(counts), "cpu_ms": 1000 * cpu / n}


def sample(client, requests, label: str) -> None:
    """pyinstrument's statistical profile (low overhead), when it can be imported.

    Not a project dependency: `pip install --target /tmp/bench-pyinstrument pyinstrument`
    and run with PYTHONPATH=/tmp/bench-pyinstrument.
    """
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("\n(pyinstrument not importable: statistical profile skipped)")
        return
    profiler = Profiler(interval=0.0002)
    profiler.start()
    for path, token, body, *key in requests:
        headers = {"HTTP_IDEMPOTENCY_KEY": key[0]} if key else {}
        client.post(path, body, content_type="application/json",
                    HTTP_AUTHORIZATION=f"Token {token}", **headers)
    profiler.stop()
    print(f"\n=== {label}: pyinstrument, {len(requests)} requests (share of wall time)")
    print(profiler.output_text(unicode=False, color=False, time="percent_of_total"))


def logic_parts(lesson, body: str) -> None:
    """Print the CPU ms of each part of a submit's logic (see the module docstring)."""
    import statistics

    from django.utils import timezone
    from rest_framework.renderers import JSONRenderer

    from api.serializers import AttemptDetailOutput
    from api.views.attempts import AttemptSubmitView
    from courses.models import CoursePage
    from lessons.models import LessonPage
    from progress.services import PAGE_FIELDS
    from quizzes.models import Attempt
    from quizzes.scoring import normalize_answers, score_quiz
    from touchpoint import unit_of_work
    from xapi import outbox

    h.create_learners(1, lesson=lesson, prefix="logic-", processes=1)
    attempt = Attempt.objects.select_related("user").get(user__username__startswith="logic-")
    attempt.context_page = (LessonPage.objects.select_related("locale").only(*PAGE_FIELDS)
                            .get(pk=attempt.context_page_id))
    course = (CoursePage.objects.parent_of(attempt.context_page).select_related("locale")
              .only(*PAGE_FIELDS).get())
    state = {}

    def validate():
        data = AttemptSubmitView.SubmitInput(data=json.loads(body))
        data.is_valid(raise_exception=True)
        state["answers"] = [dict(answer) for answer in data.validated_data["answers"]]

    def score():
        state["normalized"] = normalize_answers(attempt.questions, state["answers"])
        state["result"] = score_quiz(attempt.questions, state["normalized"],
                                     pass_mark=attempt.pass_mark,
                                     all_or_nothing=attempt.all_or_nothing)

    def stored_result():
        result = state["result"]
        attempt.status, attempt.submitted_at = Attempt.Status.SUBMITTED, timezone.now()
        attempt.raw_score, attempt.max_score = float(result.raw), result.max
        attempt.scaled_score, attempt.passed = float(result.scaled), result.passed
        attempt.result = result.as_dict()

    def statements():
        with unit_of_work.unit():
            unit_of_work.buffer("xapi.outbox", lambda rows: None)  # collect, never insert
            for question, scored in zip(attempt.questions, state["result"].questions,
                                        strict=True):
                outbox.record_question_answered(
                    attempt, question, state["normalized"][question["id"]], scored,
                    at=attempt.submitted_at, parent=course)
            outbox.record_attempt_finished(attempt, parent=course)
            outbox.record_lesson_completed(user=attempt.user, lesson=attempt.context_page,
                                           course=course, at=attempt.submitted_at)
            outbox.record_course_completed(user=attempt.user, course=course,
                                           at=attempt.submitted_at)

    def response():
        JSONRenderer().render(AttemptDetailOutput(attempt).data)

    parts = [("input serializer (SubmitInput)", validate), ("normalize + score", score),
             ("stored result (as_dict)", stored_result), ("13 xAPI statements", statements),
             ("response (serializer + JSON)", response)]
    print("\n=== a submit's logic, CPU ms per call (no database; median of 7 x 200)")
    total = 0.0
    for label, part in parts:
        runs = []
        for _ in range(7):
            started = time.process_time()
            for _ in range(200):
                part()
            runs.append((time.process_time() - started) / 200 * 1000)
        total += statistics.median(runs)
        print(f"  {statistics.median(runs):6.3f}  {label}")
    print(f"  {total:6.3f}  in all")


def profile_answers(lesson, args) -> int:
    """Bare writes, then one answer at a time (see the module docstring)."""
    from django.test import Client

    from quizzes.snapshot import quiz_questions

    bodies = h.answer_items(quiz_questions(lesson.quiz))
    h.create_learners(2 * h.ANSWER_LANES + args.n // 3, lesson=lesson, prefix="a-",
                      processes=1)
    h.stagger_attempts("a-", bodies)
    requests = [(f"/api/v1/attempts/{attempt}/answers/", token, body, key)
                for attempt, token, body, key in h.answer_requests("a-", bodies)]
    client = Client(HTTP_HOST="127.0.0.1")
    for _, token, _, _ in requests[:5]:  # warm up
        client.post("/bench/write/", '{"note": "x"}', content_type="application/json",
                    HTTP_AUTHORIZATION=f"Token {token}")
    measure(client, requests[:5], "warm-up", args.top, profiled=False)
    timed, profiled = requests[5:5 + args.n], requests[5 + args.n:5 + 2 * args.n]
    measure(client, [("/bench/write/", token, '{"note": "x"}') for _, token, _, _ in timed],
            "bare write", args.top, profiled=False)
    measure(client, timed, f"one answer (XAPI_ENABLED={args.xapi})", args.top, profiled=False)
    half = len(profiled) // 2
    measure(client, profiled[:half], "one answer", args.top, profiled=True)
    sample(client, profiled[half:], "one answer")
    return 0


def main(argv=None) -> int:
    args = parse_args(argv)
    os.environ["XAPI_ENABLED"] = args.xapi
    database_url = h.database_url_for(args.sqlite, args.database_url)
    h.bootstrap(database_url)
    from django.test import Client

    from quizzes.snapshot import quiz_questions

    lesson = h.seed_lesson()
    body = json.dumps({"answers": h.correct_answers(quiz_questions(lesson.quiz))})
    if args.logic:
        logic_parts(lesson, body)
        return 0
    if args.answers:
        return profile_answers(lesson, args)
    h.create_learners(2 * args.n + 5, lesson=lesson, prefix="p-", processes=1)
    attempts = h.open_attempts("p-")
    client = Client(HTTP_HOST="127.0.0.1")
    # Warm up both paths (imports, URL resolver, first-use caches) with 5 learners.
    for attempt, token in attempts[:5]:
        client.post("/bench/write/", '{"note": "x"}', content_type="application/json",
                    HTTP_AUTHORIZATION=f"Token {token}")
        client.post(f"/api/v1/attempts/{attempt}/submit/", body,
                    content_type="application/json", HTTP_AUTHORIZATION=f"Token {token}")
    timed, profiled = attempts[5:5 + args.n], attempts[5 + args.n:]
    label = f"submit (XAPI_ENABLED={args.xapi})"
    measure(client, [("/bench/write/", t, '{"note": "x"}') for _, t in timed],
            "bare write", args.top, profiled=False)
    measure(client, [(f"/api/v1/attempts/{a}/submit/", t, body) for a, t in timed],
            label, args.top, profiled=False)
    half = len(profiled) // 2
    measure(client, [(f"/api/v1/attempts/{a}/submit/", t, body) for a, t in profiled[:half]],
            label, args.top, profiled=True)
    sample(client, [(f"/api/v1/attempts/{a}/submit/", t, body) for a, t in profiled[half:]],
           label)
    return 0


if __name__ == "__main__":
    sys.exit(main())
