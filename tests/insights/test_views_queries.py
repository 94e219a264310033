"""Every Insights page and CSV runs the same number of queries with more learners, more
answers and a group filter (the work is done by grouped SQL, never per row)."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from insights.activity import generate_activity
from tests.insights.conftest import body, client_for


def query_counts(client, urls) -> list[int]:
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            body(response)
        assert response.status_code == 200, url
        counts.append(len(captured))
    return counts


def test_query_counts_do_not_grow_with_learners_answers_or_groups(activity, reporter):
    (course, lessons), _ = activity
    quiz = lessons[0].quiz.pk
    client = client_for(reporter)

    def urls(extra=""):
        pages = [f"{reverse('insights_funnel')}?{extra}",
                 f"{reverse('insights_items')}?quiz={quiz}&{extra}",
                 f"{reverse('insights_items')}?quiz={quiz}&attempts=best&{extra}",
                 f"{reverse('insights_pulse')}?start=2000-01-01&{extra}",
                 f"{reverse('insights_learners')}?{extra}"]
        tables = [f"{reverse('insights_funnel')}?format=csv&table=lessons&{extra}",
                  f"{reverse('insights_items')}?quiz={quiz}&format=csv&table=choices&{extra}",
                  f"{reverse('insights_pulse')}?format=csv&table=statements&{extra}",
                  f"{reverse('insights_learners')}?format=csv&table=learners&{extra}"]
        return pages + tables

    query_counts(client, urls())  # warm: content types, site root, session
    before = query_counts(client, urls())
    generate_activity(learners=50, course=course, weeks=8, seed=11)
    assert query_counts(client, urls()) == before
    sales = Group.objects.get(name="Sales").pk
    grouped = query_counts(client, urls(f"group={sales}"))
    # A group filter costs the group's lookup for the form, nothing per learner.
    assert all(after - plain <= 1 for after, plain in zip(grouped, before, strict=True))
    Group.objects.create(name="Another team")
    assert query_counts(client, urls(f"group={sales}")) == grouped
