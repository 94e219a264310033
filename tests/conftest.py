import pytest

from tests.factories import PASSWORD, UserFactory, build_course


@pytest.fixture
def learner(db):
    return UserFactory()


@pytest.fixture
def other_learner(db):
    return UserFactory()


@pytest.fixture
def learner_client(client, learner):
    client.login(username=learner.username, password=PASSWORD)
    return client


@pytest.fixture
def course_tree(db):
    """A published course with three lessons, each with a quiz of every question type."""
    course, lessons = build_course(lessons=3)
    return course, lessons


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests create many users; the production hasher is deliberately slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded and generated images go to a temporary folder, never ./media."""
    settings.MEDIA_ROOT = tmp_path
