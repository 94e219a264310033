"""The Wagtail admin is for staff and learning designers only; learners are sent away."""

import pytest
from django.test import Client

from lessons.groups import learning_designers_group_setup
from tests.factories import QuizFactory, UserFactory, build_site_root

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz():
    return QuizFactory()


@pytest.fixture
def designer():
    group, _ = learning_designers_group_setup(course_index=build_site_root())
    user = UserFactory()
    user.groups.add(group)
    return user


def admin_urls(quiz) -> list[str]:
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/",
        f"/admin/snippets/quizzes/quiz/preview/{quiz.pk}/",  # shows the answer key
        "/admin/users/",
        "/admin/xapi/outbox/",
    ]


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_anonymous_visitors_are_sent_to_the_admin_sign_in(client, quiz):
    for url in admin_urls(quiz):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


def test_a_learner_is_refused_everywhere_in_the_admin(learner, quiz):
    client = as_user(learner)
    for url in admin_urls(quiz):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response["Location"].startswith("/admin/login/"), url


def test_a_learning_designer_authors_but_cannot_manage_users_or_the_outbox(designer, quiz):
    client = as_user(designer)
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/").status_code == 200
    assert client.get("/admin/users/").status_code in (302, 403)
    assert client.get("/admin/xapi/outbox/").status_code in (302, 403)


def test_staff_superusers_reach_every_admin_page(quiz):
    client = as_user(UserFactory(is_staff=True, is_superuser=True))
    for url in admin_urls(quiz):
        assert client.get(url).status_code == 200, url

