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

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be
# usable from the test body (it is: nothing here is async).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

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


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is missing at /usr/bin/chromium (make test installs it)")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()


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
