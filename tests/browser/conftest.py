"""Real-browser tests: Playwright's sync API driving Debian's Chromium (no browser download).

The app is served by pytest-django's ``live_server``; data comes from the seed
command, as a person trying the product would have it. ``make test`` installs
Chromium (apt) and axe-core (``npm ci``); without /usr/bin/chromium these tests skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "var" / "screenshots"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser(django_db_setup):
    """Chromium for one test module; Playwright's event loop runs only while it lasts.

    While Playwright's sync API is started, an asyncio loop counts as running in this
    thread, so Django (asgiref) refuses sync ORM calls unless DJANGO_ALLOW_ASYNC_UNSAFE
    is set, and keeps its database connections per context: the connection objects the
    tests get are new ones, without the snapshot that ``serialized_rollback`` restores
    after each flush. Both are handled here and undone when the module ends, so the
    rest of the suite runs as usual.
    """
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is missing at /usr/bin/chromium (make test installs it)")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    snapshots = {alias: getattr(connections[alias], "_test_serialized_contents", None)
                 for alias in connections}
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    for alias, snapshot in snapshots.items():
        if snapshot is not None:
            connections[alias]._test_serialized_contents = snapshot
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
    try:
        yield chromium
    finally:
        chromium.close()
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def seeded(transactional_db, settings, live_server, tmp_path):
    """The seeded course and demo users, served by live_server through the default Site."""
    settings.DEBUG = True  # seed_course --demo refuses to create demo users otherwise
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_course", "--demo", stdout=open(os.devnull, "w"))
    settings.DEBUG = False
    return live_server


@pytest.fixture
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def axe_path() -> Path:
    assert AXE.exists(), f"{AXE} is missing: run `npm ci` (make test does)"
    return AXE
