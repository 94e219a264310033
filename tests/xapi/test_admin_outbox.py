"""The Wagtail admin outbox view: counts and errors for operators, requeue, refusal for others."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from tests.factories import PASSWORD, UserFactory
from tests.xapi.conftest import add_pending
from xapi.models import OutboxStatement

pytestmark = pytest.mark.django_db

URL = "/admin/xapi/outbox/"
REQUEUE_URL = "/admin/xapi/outbox/requeue/"




@pytest.fixture
def outbox():
    """2 pending (one retrying with an error), 3 delivered, 2 rejected with Ralph's message."""
    pending = add_pending(2)
    OutboxStatement.objects.filter(pk=pending[0].pk).update(
        attempts=2, last_error="ConnectionRefusedError: [Errno 111] Connection refused"
    )
    delivered = add_pending(3)
    OutboxStatement.objects.filter(pk__in=[r.pk for r in delivered]).update(status="delivered")
    rejected = add_pending(2)
    OutboxStatement.objects.filter(pk__in=[r.pk for r in rejected]).update(
        status="rejected", attempts=1,
        last_error='HTTP 422: [{"type":"missing","loc":["body",0,"actor"]}]',
    )
    return rejected


def signed_in(user, **kwargs) -> Client:
    client = Client(**kwargs)
    assert client.login(username=user.username, password=PASSWORD)
    return client


def admin_user(**fields):
    user = UserFactory(**fields)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_superuser_sees_counts_backlog_and_recent_errors(outbox):
    response = signed_in(UserFactory(is_superuser=True, is_staff=True)).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<dd data-count="pending">2</dd>' in html
    assert '<dd data-count="delivered">3</dd>' in html
    assert "Delivered (kept 30 days after delivery)" in html
    assert '<dd data-count="rejected">2</dd>' in html
    assert "s old" in html
    assert "Connection refused" in html and "missing" in html
    assert html.count('name="ids"') == 2  # only rejected rows can be requeued
    assert "Requeue all 2 rejected" in html


def test_a_learner_is_refused(outbox, learner):
    client = signed_in(learner)
    assert client.get(URL).status_code == 302  # no admin access: to the login page
    client.post(REQUEUE_URL, {"scope": "all"})
    assert OutboxStatement.objects.filter(status="rejected").count() == 2


def test_an_editor_without_the_permission_is_refused(outbox):
    client = signed_in(admin_user())
    for response in (client.get(URL), client.post(REQUEUE_URL, {"scope": "all"})):
        # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert OutboxStatement.objects.filter(status="rejected").count() == 2


def test_the_manage_outbox_permission_grants_access(outbox):
    user = admin_user()
    group = Group.objects.create(name="Operators")
    group.permissions.add(Permission.objects.get(codename="manage_outbox"))
    user.groups.add(group)
    assert signed_in(user).get(URL).status_code == 200


def test_requeue_selected_moves_rejected_rows_back_to_pending(outbox):
    client = signed_in(UserFactory(is_superuser=True), enforce_csrf_checks=True)
    client.get(URL)
    token = client.cookies["csrftoken"].value
    first, second = outbox
    assert client.post(REQUEUE_URL, {"scope": "selected", "ids": [first.pk]}).status_code == 403
    response = client.post(
        REQUEUE_URL, {"scope": "selected", "ids": [first.pk], "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302 and response["Location"] == URL
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.attempts, first.server_errors) == ("pending", 0, 0)
    assert second.status == "rejected"


def test_requeue_all_moves_every_rejected_row(outbox):
    client = signed_in(UserFactory(is_superuser=True))
    response = client.post(REQUEUE_URL, {"scope": "all"}, follow=True)
    assert "Requeued 2 statement(s)" in response.content.decode()
    assert not OutboxStatement.objects.filter(status="rejected").exists()
    assert OutboxStatement.objects.filter(status="pending").count() == 4


def test_the_reports_menu_links_the_outbox_for_operators_only(outbox, learner):
    html = signed_in(UserFactory(is_superuser=True)).get("/admin/").content.decode()
    assert URL in html
    assert URL not in signed_in(admin_user()).get("/admin/").content.decode()


def test_lrs_error_texts_in_the_outbox_view_show_no_credentials(fake_lrs, lrs_settings):
    """An LRS that echoes our credentials in its error: neither the row nor the page keeps them."""
    from xapi.delivery import deliver_round

    lrs_settings(fake_lrs.endpoint, "lrs", "hunter2-lrs-secret")
    fake_lrs.answer(401, "Bad credentials: password=hunter2-lrs-secret, "
                         "Authorization: Basic bHJzOmh1bnRlcjItbHJzLXNlY3JldA==")
    add_pending(1)
    OutboxStatement.objects.update(last_error="old row: token=abcdef0123456789abcdef01")
    deliver_round()
    stored = OutboxStatement.objects.get().last_error
    assert "401" in stored and "hunter2" not in stored and "bHJzOmh1" not in stored
    OutboxStatement.objects.update(status="rejected",
                                   last_error="old row: token=abcdef0123456789abcdef01")
    html = signed_in(UserFactory(is_superuser=True, is_staff=True)).get(URL).content.decode()
    assert "old row: token=[redacted]" in html and "abcdef0123456789" not in html
