"""Insights at company size: every Insights page and CSV, warm, on PostgreSQL.

    .venv/bin/python bench/insights.py                 # 100,000 learners (~1.1M answers), ~12 min
    .venv/bin/python bench/insights.py --learners 20000 --rounds 5
    .venv/bin/python bench/insights.py --reuse --keep  # again, on the database left by --keep

Creates the database ``tp_insights_bench`` (``--database-url`` for another; never a
test database), migrates, runs ``seed_course`` and ``generate_activity --learners N``,
ANALYZEs, then requests every Insights URL through Django's test client in this
process (view, template and SQL; no HTTP server), as a superuser: one warm-up
request, then ``--rounds`` rounds. Per URL: the median and the slowest round, the
SQL queries of one request, the response size. The baseline is Wagtail's own quiz
listing (``/admin/snippets/quizzes/quiz/``) measured in the same rounds; each URL's
ratio to it is reported too. Results go to bench/results/insights-<time>.json. The
database is dropped at the end unless ``--keep``.

Targets (issue 14): under 1 s each, under 3 s with a group filter, and a query
count that does not change with learners, questions or groups (compare two runs
with different --learners).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/tp_insights_bench"
TARGET_SECONDS, TARGET_GROUP_SECONDS = 1.0, 3.0


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def psql(url: str, sql: str) -> None:
    parsed = urlparse(url)
    subprocess.run(
        ["psql", "-h", parsed.hostname or "127.0.0.1", "-p", str(parsed.port or 5432),
         "-U", parsed.username or "postgres", "-d", "postgres", "-q", "-c", sql],
        check=True, capture_output=True,
    )


def database_name(url: str) -> str:
    name = urlparse(url).path.lstrip("/")
    if not name or name.startswith("test_"):
        raise SystemExit(f"refusing to use {name!r} as the bench database")
    return name


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "touchpoint.settings"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["DJANGO_SECURE_SSL"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-throwaway-key-never-used-for-anything")
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,127.0.0.1"
    sys.path.insert(0, str(REPO))
    import logging

    import django

    django.setup()
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    from django.conf import settings
    from django.test.utils import override_settings

    # DEBUG off (as in production) but no collectstatic here: plain static file URLs
    # (override_settings also resets the storage objects already created).
    override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()


def fill(learners: int) -> dict:
    from django.core.management import call_command
    from django.db import connection

    began = time.monotonic()
    call_command("migrate", verbosity=0)
    call_command("seed_course", stdout=open(os.devnull, "w"))
    log(f"migrated and seeded in {time.monotonic() - began:.0f} s; generating {learners} learners")
    began = time.monotonic()
    call_command("generate_activity", "--learners", str(learners), "--seed", "1", verbosity=1)
    generated = time.monotonic() - began
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"generate_seconds": round(generated, 1)}


def counts() -> dict:
    from django.contrib.auth import get_user_model

    from progress.models import LessonProgress
    from quizzes.models import Answer, Attempt

    return {"learners": get_user_model().objects.filter(username__startswith="sim-").count(),
            "attempts": Attempt.objects.count(), "answers": Answer.objects.count(),
            "lesson_progress_rows": LessonProgress.objects.count()}


def urls() -> list[tuple[str, str, bool]]:
    """(name, url, has a group filter)."""
    import datetime as dt

    from django.contrib.auth.models import Group
    from django.utils import timezone

    from lessons.models import LessonPage
    from quizzes.scoring import is_survey
    from quizzes.snapshot import quiz_questions

    lessons = list(LessonPage.objects.order_by("path").select_related("quiz"))
    scored = next(lesson.quiz for lesson in lessons if lesson.quiz_id)  # the most answered
    surveys = [lesson.quiz for lesson in lessons
               if lesson.quiz_id and is_survey(quiz_questions(lesson.quiz))]
    group = Group.objects.get(name="Sales").pk
    today = timezone.localdate()
    quarter = f"start={today - dt.timedelta(days=90)}&end={today}"
    q = f"quiz={scored.pk}"
    pages = [
        ("funnel", "/admin/insights/funnel/", False),
        ("funnel, last 90 days", f"/admin/insights/funnel/?{quarter}", False),
        ("funnel, group", f"/admin/insights/funnel/?group={group}", True),
        ("funnel, group + 90 days", f"/admin/insights/funnel/?group={group}&{quarter}", True),
        ("items, first attempts", f"/admin/insights/items/?{q}", False),
        ("items, best", f"/admin/insights/items/?{q}&attempts=best", False),
        ("items, last", f"/admin/insights/items/?{q}&attempts=last", False),
        ("items, all attempts", f"/admin/insights/items/?{q}&attempts=all", False),
        ("items, group", f"/admin/insights/items/?{q}&group={group}", True),
        ("items, group + best + 90 days",
         f"/admin/insights/items/?{q}&attempts=best&group={group}&{quarter}", True),
        *[("items, survey (points to Pulse)", f"/admin/insights/items/?quiz={survey.pk}", False)
          for survey in surveys[:1]],
        ("pulse (30 days vs 30 before)", "/admin/insights/pulse/", False),
        ("pulse, 90 vs 90", f"/admin/insights/pulse/?{quarter}", False),
        ("pulse, group", f"/admin/insights/pulse/?group={group}", True),
        ("learners (page 1)", "/admin/insights/learners/", False),
        ("learners, group", f"/admin/insights/learners/?group={group}", True),
        ("admin home (summary cached)", "/admin/", False),
    ]
    csvs = [
        ("CSV funnel lessons", "/admin/insights/funnel/?format=csv&table=lessons", False),
        ("CSV funnel weeks", "/admin/insights/funnel/?format=csv&table=weeks", False),
        ("CSV items summary", f"/admin/insights/items/?{q}&format=csv&table=summary", False),
        ("CSV items questions", f"/admin/insights/items/?{q}&format=csv&table=questions", False),
        ("CSV items choices", f"/admin/insights/items/?{q}&format=csv&table=choices", False),
        ("CSV items choices, group",
         f"/admin/insights/items/?{q}&group={group}&format=csv&table=choices", True),
        ("CSV pulse statements", "/admin/insights/pulse/?format=csv&table=statements", False),
        ("CSV learners (all rows)", "/admin/insights/learners/?format=csv&table=learners",
         False),
        ("CSV learners, group",
         f"/admin/insights/learners/?group={group}&format=csv&table=learners", True),
    ]
    return [("baseline: Wagtail quiz listing", "/admin/snippets/quizzes/quiz/", False),
            *pages, *csvs]


def measure(rounds: int) -> list[dict]:
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    admin, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True})
    client = Client()
    client.force_login(admin)

    def get(url):
        began = time.perf_counter()
        response = client.get(url)
        size = sum(len(chunk) for chunk in response.streaming_content) if response.streaming \
            else len(response.content)
        assert response.status_code == 200, (url, response.status_code)
        return time.perf_counter() - began, size

    cache.clear()
    began = time.perf_counter()
    get("/admin/")
    home_cold = time.perf_counter() - began
    targets = urls()
    rows = []
    for name, url, grouped in targets:  # warm-up, and the query count of one request
        with CaptureQueriesContext(connection) as queries:
            _, size = get(url)
        rows.append({"name": name, "url": url, "group_filter": grouped,
                     "queries": len(queries), "bytes": size, "seconds": []})
    for round_number in range(rounds):
        for row in rows:
            row["seconds"].append(get(row["url"])[0])
        log(f"round {round_number + 1}/{rounds} done")
    baseline = statistics.median(rows[0]["seconds"])
    for row in rows:
        row["median_ms"] = round(1000 * statistics.median(row["seconds"]), 1)
        row["max_ms"] = round(1000 * max(row["seconds"]), 1)
        row["ratio_to_baseline"] = round(statistics.median(row["seconds"]) / baseline, 2)
        limit = TARGET_GROUP_SECONDS if row["group_filter"] else TARGET_SECONDS
        row["within_target"] = row["median_ms"] <= 1000 * limit
        row["seconds"] = [round(s, 4) for s in row["seconds"]]
    rows.append({"name": "admin home, summary not cached (cold)", "url": "/admin/",
                 "median_ms": round(1000 * home_cold, 1), "rounds": 1})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--reuse", action="store_true",
                        help="measure the existing bench database (left by --keep)")
    parser.add_argument("--keep", action="store_true", help="do not drop the database")
    args = parser.parse_args()
    name = database_name(args.database_url)
    if not args.reuse:
        psql(args.database_url, f'DROP DATABASE IF EXISTS "{name}"')
        psql(args.database_url, f'CREATE DATABASE "{name}"')
    setup_django(args.database_url)
    try:
        filled = {} if args.reuse else fill(args.learners)
        data = counts()
        log(f"data: {data}")
        rows = measure(args.rounds)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            psql(args.database_url, f'DROP DATABASE IF EXISTS "{name}"')
            log(f"dropped {name}")
    result = {
        "bench": "insights", "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(["bench/insights.py", *sys.argv[1:]]),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "data": {**data, **filled}, "rounds": args.rounds, "results": rows,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"insights-{datetime.now(UTC):%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\n{data}\n")
    print("| what | median ms | slowest ms | × baseline | queries | within target |")
    print("|---|---:|---:|---:|---:|---|")
    for row in rows:
        print(f"| {row['name']} | {row['median_ms']} | {row.get('max_ms', '')} | "
              f"{row.get('ratio_to_baseline', '')} | {row.get('queries', '')} | "
              f"{'yes' if row.get('within_target', True) else 'NO'} |")
    print(f"\nwritten to {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
