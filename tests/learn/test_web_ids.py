"""Ids too long for a database column are not addresses: 404, never a 500."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", [
    "/learn/courses/1234567890123456789012345/certificate/",
    "/learn/attempts/1234567890123456789012345/",
])
def test_learner_pages_answer_404_for_ids_longer_than_a_database_id(learner_client, path):
    assert learner_client.get(path).status_code == 404
