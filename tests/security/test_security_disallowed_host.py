"""A request for a host outside ALLOWED_HOSTS: 400, logged as one WARNING line, no traceback."""

import logging

import pytest
from django.test import Client


@pytest.mark.django_db
def test_a_disallowed_host_is_one_warning_line_without_traceback(caplog):
    caplog.set_level(logging.DEBUG)
    for path in ("/", "/api/v1/courses/", "/admin/"):
        assert Client(HTTP_HOST="scanner.example.net").get(path).status_code == 400
    records = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert len(records) == 3
    for record in records:
        assert record.levelname == "WARNING" and record.exc_info is None
        assert "scanner.example.net" in record.getMessage()
        assert "\n" not in logging.Formatter().format(record)
