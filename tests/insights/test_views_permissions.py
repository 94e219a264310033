"""Who sees what: designers see aggregates only, named learners need "Learning reports",
learners get no Insights page at all."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from progress.models import LessonProgress
from tests.factories import UserFactory
from tests.insights.conftest import body, client_for

PAGES = ["insights_funnel", "insights_items", "insights_pulse"]
TABLES = {"insights_funnel": ["lessons", "weeks"], "insights_items": ["summary", "questions",
                                                                      "choices"],
          "insights_pulse": ["statements"]}


def learner_identities():
    """Every synthetic learner's username, first-plus-last name and email."""
    users = get_user_model().objects.filter(username__startswith="sim-")
    return [(u.username, f"{u.first_name} {u.last_name}", u.email) for u in users]


def test_a_designer_without_learning_reports_never_sees_a_learner(activity, designer):
    client = client_for(designer)
    identities = learner_identities()
    assert len(identities) == 60
    seen = []
    for name in PAGES:
        response = client.get(reverse(name), {"start": "2000-01-01"})
        assert response.status_code == 200
        seen.append(body(response))
        for table in TABLES[name]:
            response = client.get(reverse(name), {"format": "csv", "table": table})
            assert response.status_code == 200
            assert response["Content-Type"].startswith("text/csv")
            seen.append(body(response))
    text = "\n".join(seen)
    for username, full_name, email in identities:
        assert username not in text
        assert full_name not in text
        assert email not in text
    assert "Learner id" not in text
    # Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard.
    for params in ({}, {"format": "csv", "table": "learners"}):
        response = client.get(reverse("insights_learners"), params)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        assert b"sim-" not in response.content


def test_the_learners_menu_and_page_need_learning_reports(activity, designer, reporter):
    client = client_for(reporter)
    response = client.get(reverse("insights_learners"))
    assert response.status_code == 200
    some = LessonProgress.objects.order_by(
        "user__last_name", "user__first_name", "user_id").first().user
    assert some.username in body(response)
    csv = body(client.get(reverse("insights_learners"), {"format": "csv", "table": "learners"}))
    learners = LessonProgress.objects.values("user_id").distinct().count()
    assert csv.count("\n") == learners + 1 and "Learner id" in csv.splitlines()[0]
    first = csv.splitlines()[1].split(",")
    rows = LessonProgress.objects.filter(user_id=int(first[0]))
    assert first[1] == rows.first().user.username
    assert int(first[5]) == rows.filter(completed_at__isnull=False).count()


def test_the_insights_menu_shows_only_with_the_permission(activity, designer):
    home = body(client_for(designer).get(reverse("wagtailadmin_home")))
    assert reverse("insights_funnel") in home
    assert reverse("insights_learners") not in home  # no "Learning reports"
    assert 'id="insights-summary-heading"' in home
    author = UserFactory(username="author-only")
    author.user_permissions.add(*designer.groups.get().permissions.exclude(
        codename="view_insights"))
    response = client_for(author).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert reverse("insights_funnel") not in body(response)
    denied = client_for(author).get(reverse("insights_funnel"))
    assert denied.status_code == 302 and denied["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("name", [*PAGES, "insights_learners"])
def test_a_learner_gets_no_insights_page(activity, name):
    learner = UserFactory()
    response = client_for(learner).get(reverse(name))
    assert response.status_code in (302, 403)
    assert b"<table" not in response.content
    anonymous = client_for(learner)
    anonymous.logout()
    assert anonymous.get(reverse(name)).status_code == 302


def test_bad_filters_get_a_clear_400_page(activity, designer):
    response = client_for(designer).get(reverse("insights_funnel"),
                                        {"start": "2026-05-01", "end": "2026-04-01"})
    assert response.status_code == 400
    assert "The start date must be on or before the end date." in body(response)
    response = client_for(designer).get(reverse("insights_items"), {"quiz": "999999"})
    assert response.status_code == 400
    response = client_for(designer).get(reverse("insights_funnel"), {"format": "csv",
                                                                    "table": "nope"})
    assert response.status_code == 404
