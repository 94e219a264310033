"""Largest Contentful Paint of a lesson page on a phone under slow 4G and 4x CPU throttling.

    .venv/bin/python bench/lesson_lcp.py                    # PostgreSQL (touchpoint_bench_lcp)
    .venv/bin/python bench/lesson_lcp.py --sqlite           # a SQLite file in /tmp instead

Prepares the bench database (migrated, the shipped course from `seed_course`,
one learner per page load), collects the static files, serves the app with
gunicorn (2 sync workers, DEBUG off, whitenoise's compressed hashed static
files, bench.settings, 127.0.0.1:<free port>) and loads the lesson page in
Debian's Chromium through Playwright as a signed-in learner's first visit: a
fresh browser context (empty cache) at 360x740 with touch, the network
throttled with Chromium DevTools Protocol's Network.emulateNetworkConditions to
Lighthouse's "slow 4G" (562.5 ms round trip, 1.47 Mbit/s down, 675 kbit/s up)
and the CPU slowed 4x (Emulation.setCPUThrottlingRate). LCP is the last
`largest-contentful-paint` entry before the page is left alone for 2 s after
its load event.

Rounds alternate (order flipping every round) between
  (a) the lesson page as learners get it (steps.js and touchpoint.js enhance it);
  (b) the same page with its script files refused (the one long page, as without
      JavaScript; the observer that reads LCP still runs): our baseline in the
      same run, so a/b is what the step scripts cost the first paint.
Prints medians of LCP, FCP and bytes over the rounds and the ratio a/b, writes
bench/results/lcp-<date>.json. A bench, not a test: nothing asserts a time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness as h  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/touchpoint_bench_lcp"
CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 360, "height": 740}
PASSWORD = "bench-learner-1"
# Lighthouse's "slow 4G" with DevTools throttling (packet-level): RTT 150 ms x 3.75,
# 1.6 Mbit/s x 0.9 down, 750 kbit/s x 0.9 up.
SLOW_4G = {"offline": False, "latency": 562.5,
           "downloadThroughput": 1474.56 * 1024 / 8, "uploadThroughput": 675 * 1024 / 8}
CPU_SLOWDOWN = 4
OBSERVE_LCP = """
window.__lcp = null;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__lcp = entry;
}).observe({ type: "largest-contentful-paint", buffered: true });
"""
READ_METRICS = """() => {
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const bytes = performance.getEntriesByType("resource")
    .reduce((sum, r) => sum + (r.transferSize || 0), 0)
    + performance.getEntriesByType("navigation")[0].transferSize;
  const lcp = window.__lcp;
  return {
    lcp_ms: lcp ? lcp.startTime : null,
    lcp_element: lcp && lcp.element ? lcp.element.tagName.toLowerCase()
      + (lcp.element.className ? "." + String(lcp.element.className).split(" ")[0] : "") : null,
    fcp_ms: fcp ? fcp.startTime : null,
    bytes,
  };
}"""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sqlite", action="store_true", help="SQLite file instead of PostgreSQL")
    p.add_argument("--database-url", help=f"default {DEFAULT_DATABASE_URL} (dropped, created)")
    p.add_argument("--rounds", type=int, default=7, help="a/b round pairs (default 7)")
    p.add_argument("--lesson", default="every-touchpoint-creates-or-destroys-value",
                   help="slug of the shipped lesson to load (default: lesson 1)")
    return p.parse_args(argv)


def seed(rounds: int) -> list[str]:
    """The shipped course and a learner per page load (2 x rounds + 1); their usernames."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command

    call_command("seed_course", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    password = make_password(PASSWORD)
    users = [get_user_model()(username=f"lcp{i}", password=password, first_name="Bench",
                              last_name=f"Learner {i}") for i in range(2 * rounds + 1)]
    get_user_model().objects.bulk_create(users)
    return [user.username for user in users]


def load_once(browser, base: str, path: str, username: str, *, scripts: bool) -> dict:
    """One cold, throttled page load by a signed-in learner; the page's metrics."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        login = context.request.get(f"{base}/accounts/login/")
        token = context.request.storage_state()["cookies"]
        csrf = next(c["value"] for c in token if c["name"] == "csrftoken")
        signed_in = context.request.post(
            f"{base}/accounts/login/", form={"username": username, "password": PASSWORD,
                                             "csrfmiddlewaretoken": csrf},
            headers={"Referer": login.url}, max_redirects=0)
        assert signed_in.status == 302, f"sign-in failed: {signed_in.status}"
        page = context.new_page()
        page.add_init_script(OBSERVE_LCP)
        if not scripts:
            page.route("**/*.js", lambda route: route.abort())
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.goto(base + path, wait_until="load", timeout=120_000)
        page.wait_for_timeout(2000)  # let late paints land; LCP stops at the first input
        return page.evaluate(READ_METRICS)
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    database_url = (args.database_url or
                    (h.database_url_for(True, None) if args.sqlite else DEFAULT_DATABASE_URL))
    h.bootstrap(database_url)
    from django.core.management import call_command

    from lessons.models import LessonPage

    usernames = seed(args.rounds)
    path = LessonPage.objects.get(slug=args.lesson).url
    h.log("collecting static files (whitenoise serves them compressed, with hashed names)")
    call_command("collectstatic", interactive=False, verbosity=0)
    environment = h.environment(database_url)

    from playwright.sync_api import sync_playwright

    results: dict[str, list[dict]] = {"js": [], "no_scripts": []}
    with h.gunicorn("lcp", env={"DATABASE_URL": database_url}) as server, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        try:
            # Warm-up: the workers' first requests (imports, caches) are not measured.
            load_once(browser, server.base, path, usernames[-1], scripts=True)
            names = iter(usernames)
            for round_ in range(args.rounds):
                order = ("js", "no_scripts") if round_ % 2 == 0 else ("no_scripts", "js")
                for variant in order:
                    metrics = load_once(browser, server.base, path, next(names),
                                        scripts=variant == "js")
                    results[variant].append(metrics)
                    h.log(f"round {round_ + 1} {variant:>10}: LCP {metrics['lcp_ms']:.0f} ms "
                          f"({metrics['lcp_element']}), FCP {metrics['fcp_ms']:.0f} ms, "
                          f"{metrics['bytes'] / 1024:.1f} KB")
        finally:
            browser.close()

    summary = {variant: {key: statistics.median(m[key] for m in rows)
                         for key in ("lcp_ms", "fcp_ms", "bytes")}
               for variant, rows in results.items()}
    ratio = summary["js"]["lcp_ms"] / summary["no_scripts"]["lcp_ms"]
    print(f"\nLesson {path} on a 360x740 phone, slow 4G, CPU x{CPU_SLOWDOWN}, "
          f"medians of {args.rounds} rounds:")
    for variant, label in (("js", "(a) as learners get it"), ("no_scripts", "(b) no scripts")):
        s = summary[variant]
        print(f"  {label:<24} LCP {s['lcp_ms'] / 1000:.2f} s   FCP {s['fcp_ms'] / 1000:.2f} s   "
              f"{s['bytes'] / 1024:.1f} KB transferred")
    print(f"  LCP ratio a/b: {ratio:.2f}")
    written = h.write_result("lcp", {
        "environment": environment, "lesson": path, "network": SLOW_4G,
        "cpu_slowdown": CPU_SLOWDOWN, "viewport": PHONE, "rounds": results,
        "summary": summary, "lcp_ratio_js_over_no_scripts": ratio,
    })
    print(f"  written to {written.relative_to(h.REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
