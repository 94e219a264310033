"""Every bad launch gets a clear page telling the learner to relaunch from the LMS, and
nothing is written: no user, no session, no attempt, no statement."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.contrib.auth import get_user_model

from lms.models import LaunchSession, LmsLearner, LmsStatement
from progress.models import LessonProgress
from quizzes.models import Attempt
from tests.lms.conftest import follow_launch, new_actor, new_registration

pytestmark = [pytest.mark.lrs, pytest.mark.django_db]

RELAUNCH = b"launch the lesson again from there"


def written() -> dict[str, int]:
    return {
        "users": get_user_model().objects.count(),
        "learners": LmsLearner.objects.count(),
        "sessions": LaunchSession.objects.count(),
        "statements": LmsStatement.objects.count(),
        "attempts": Attempt.objects.count(),
        "progress": LessonProgress.objects.count(),
    }


def edited(url: str, **changes) -> str:
    """The launch URL with parameters replaced (None: removed)."""
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return f"{parts.scheme}://{parts.netloc}{parts.path}?{urlencode(query)}"


@pytest.fixture
def launch_url(lms, imported):
    _, aus = imported
    return lms.launch(aus[0], actor=new_actor(), registration=new_registration())


def assert_refused(client, url: str, status: int, code: str) -> None:
    before = written()
    response = follow_launch(client, url)
    assert response.status_code == status, response.content.decode()[:300]
    assert RELAUNCH in response.content
    assert code.encode() in response.content
    assert written() == before
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("name", ["endpoint", "fetch", "actor", "registration", "activityId"])
def test_a_missing_parameter_is_refused(client, launch_url, lms, name):
    assert_refused(client, edited(launch_url, **{name: None}), 400, "missing_parameter")
    assert lms.requests == []


@pytest.mark.parametrize("actor", [
    "not json",
    json.dumps({"objectType": "Agent", "mbox": "mailto:pat@example.com"}),  # cmi5 needs account
    json.dumps({"account": {"homePage": "https://lms.example.com", "name": "1"},
                "mbox": "mailto:pat@example.com"}),  # two identifiers
    json.dumps({"account": {"homePage": "not a url", "name": "1"}}),
    json.dumps({"account": {"homePage": "https://lms.example.com", "name": ""}}),
    json.dumps({"objectType": "Group", "account": {"homePage": "https://x.example", "name": "1"}}),
])
def test_a_malformed_actor_is_refused(client, launch_url, lms, actor):
    assert_refused(client, edited(launch_url, actor=actor), 400, "invalid_actor")
    assert lms.requests == []


@pytest.mark.parametrize("registration", ["abc", "1234", "760e3480-ba55-4991-94b0"])
def test_a_malformed_registration_is_refused(client, launch_url, lms, registration):
    assert_refused(client, edited(launch_url, registration=registration), 400,
                   "invalid_registration")
    assert lms.requests == []


def test_a_repeated_parameter_is_refused(client, launch_url, lms):
    assert_refused(client, launch_url + "&registration=" + new_registration(), 400,
                   "repeated_parameter")


def test_a_reused_fetch_url_is_refused(client, launch_url, lms):
    assert follow_launch(client, launch_url).status_code == 302
    other_browser = type(client)()
    assert_refused(other_browser, launch_url, 403, "fetch_refused")


def test_a_forged_fetch_url_is_refused(client, launch_url, lms):
    forged = edited(launch_url, fetch=f"{lms.url}/fetch/forged-token")
    assert_refused(client, forged, 403, "fetch_refused")


def test_an_actor_the_lms_did_not_launch_is_refused(client, launch_url, lms):
    """The token is for the LMS's learner: the State API answers for no one else."""
    assert_refused(client, edited(launch_url, actor=json.dumps(new_actor("Mallory"))), 403,
                   "launch_not_confirmed")


def test_a_launch_without_launch_data_is_refused(client, lms, imported):
    _, aus = imported
    url = lms.launch(aus[0], actor=new_actor(), registration=new_registration(),
                     launch_data=False)
    assert_refused(client, url, 403, "no_launch_data")


def test_a_launch_of_an_unknown_lesson_is_refused(client, launch_url, lms):
    parts = urlsplit(launch_url)
    url = f"{parts.scheme}://{parts.netloc}/lms/cmi5/lessons/{new_registration()}/?{parts.query}"
    assert_refused(client, url, 404, "lesson_not_found")
    assert lms.requests == []


def test_an_lms_that_does_not_answer_gets_a_clear_page(client, launch_url, settings):
    from tests.xapi.conftest import FakeLRS

    closed = FakeLRS.closed_endpoint()
    origin = closed.removesuffix("/xAPI/")
    settings.CMI5_ALLOWED_LMS_ORIGINS = [*settings.CMI5_ALLOWED_LMS_ORIGINS, origin]
    url = edited(launch_url, endpoint=closed, fetch=f"{origin}/fetch/x")
    assert_refused(client, url, 502, "lms_unavailable")


@pytest.fixture
def foreign_lms():
    """Another HTTP server, not in CMI5_ALLOWED_LMS_ORIGINS: it records any request it gets."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            received.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"auth-token": "stolen"}')

        do_GET = do_POST

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", received
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("naming", ["fetch", "endpoint", "both"])
def test_a_launch_naming_another_origin_is_refused_before_any_request(
    client, launch_url, lms, foreign_lms, naming
):
    foreign, received = foreign_lms
    changes = {}
    if naming in ("fetch", "both"):
        changes["fetch"] = f"{foreign}/fetch/token"
    if naming in ("endpoint", "both"):
        changes["endpoint"] = f"{foreign}/xapi/"
    assert_refused(client, edited(launch_url, **changes), 403, "origin_not_allowed")
    assert received == []
    assert lms.requests == []


@pytest.mark.parametrize(("lookalike", "status", "code"), [
    ("https://127.0.0.1:{port}", 403, "origin_not_allowed"),
    ("http://127.0.0.1:{next_port}", 403, "origin_not_allowed"),
    ("http://localhost:{port}", 403, "origin_not_allowed"),
    ("http://user:pw@127.0.0.1:{port}", 400, "invalid_parameter"),
])
def test_the_origin_check_is_exact_about_scheme_host_and_port(client, launch_url, lms, lookalike,
                                                              status, code):
    port = urlsplit(lms.url).port
    origin = lookalike.format(port=port, next_port=port + 1)
    assert_refused(client, edited(launch_url, fetch=f"{origin}/fetch/x"), status, code)
    assert lms.requests == []
