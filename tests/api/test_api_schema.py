"""The OpenAPI schema documents every endpoint, with the error shape, and has no warnings."""

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_the_schema_generates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))
    assert "/api/v1/attempts/{attempt_id}/submit/" in (tmp_path / "s.yml").read_text()


def test_every_operation_documents_its_success_and_errors():
    schema = APIClient().get("/api/schema/?format=json").json()
    operations = [(path, method, op) for path, item in schema["paths"].items()
                  for method, op in item.items()]
    assert len(operations) == 13
    for path, method, op in operations:
        codes = set(op["responses"])
        assert codes & {"200", "201"}, (path, method)
        assert codes & {"400", "401"}, (path, method)
        for code in codes - {"200", "201"}:
            ref = op["responses"][code]["content"]["application/json"]["schema"]["$ref"]
            assert ref.endswith(("/ErrorOutput", "ConflictOutput")), (path, code)
        if method == "post" and path != "/api/v1/auth/token/":
            assert "requestBody" in op or op["operationId"].endswith(
                ("experienced_create", "attempts_create")), path
    submit = schema["paths"]["/api/v1/attempts/{attempt_id}/submit/"]["post"]
    assert {"200", "400", "404", "409", "429"} <= set(submit["responses"])
    assert any(p["name"] == "Idempotency-Key" for p in submit["parameters"])


def test_the_docs_page_is_served():
    response = APIClient().get("/api/docs/")
    assert response.status_code == 200 and b"swagger" in response.content.lower()
