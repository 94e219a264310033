"""The certificate shows the learner's full name; an account without one is asked for it once."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from progress.models import CourseProgress
from tests.factories import PASSWORD, UserFactory, build_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def nameless(client):
    user = UserFactory(first_name="", last_name="")
    client.login(username=user.username, password=PASSWORD)
    return user


@pytest.fixture
def certificate_url(nameless):
    course, _ = build_course(lessons=1, with_quiz=False)
    now = timezone.now()
    CourseProgress.objects.create(user=nameless, course=course, started_at=now, completed_at=now)
    return reverse("learn:course_certificate", args=[course.pk])


def test_a_nameless_account_is_asked_for_a_name_then_sees_it_on_the_certificate(
    client, nameless, certificate_url
):
    page = client.get(certificate_url).content.decode()
    assert "Your name on the certificate" in page and 'id="id_first_name"' in page
    assert "certificate__learner" not in page  # never the username as the name

    response = client.post(certificate_url, {"first_name": " Ana María ", "last_name": "Núñez"})
    assert response.status_code == 302 and response["Location"] == certificate_url

    nameless.refresh_from_db()
    assert (nameless.first_name, nameless.last_name) == ("Ana María", "Núñez")
    html = client.get(certificate_url).content.decode()
    assert '<h1 id="certificate-title" class="certificate__learner">Ana María Núñez</h1>' in html
    assert "Course length" in html


@pytest.mark.parametrize("data", [{"first_name": "  "}, {"first_name": "x" * 151},
                                  {"first_name": "Ana", "last_name": "y" * 151}, {}])
def test_a_bad_name_is_refused_with_a_message_and_nothing_saved(client, nameless,
                                                                certificate_url, data):
    response = client.post(certificate_url, data)
    assert response.status_code == 400
    assert 'class="form__errors"' in response.content.decode()
    assert get_user_model().objects.get(pk=nameless.pk).get_full_name() == ""


def test_a_named_account_goes_straight_to_its_certificate(client, certificate_url, nameless):
    get_user_model().objects.filter(pk=nameless.pk).update(first_name="Lea", last_name="Park")
    html = client.get(certificate_url).content.decode()
    assert "Lea Park" in html and "Your name on the certificate" not in html
