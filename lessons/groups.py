"""The "Learning designers" group: Wagtail admin access to author courses and quizzes."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

LEARNING_DESIGNERS = "Learning designers"

# (app_label, codename) granted to the group as a whole.
MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("quizzes", "add_quiz"),
    ("quizzes", "change_quiz"),
    ("quizzes", "delete_quiz"),
    ("quizzes", "publish_quiz"),
    ("quizzes", "lock_quiz"),
    ("quizzes", "unlock_quiz"),
    # Insights pages (aggregates only). Named learners need insights.view_learner_reports
    # ("Learning reports"), which is deliberately not given to the group.
    ("insights", "view_insights"),
]
# Granted on the course index page, and so on every course and lesson below it.
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
# Granted on the root collection, and so on every collection.
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def learning_designers_group_setup(*, course_index: Page) -> tuple[Group, bool]:
    """Create or complete the group; returns (group, created). Safe to run repeatedly."""
    group, created = Group.objects.get_or_create(name=LEARNING_DESIGNERS)
    group.permissions.add(*(_permission(app, codename) for app, codename in MODEL_PERMISSIONS))
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=course_index, permission=_permission("wagtailcore", codename)
        )
    root_collection = Collection.get_first_root_node()
    for codename in IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root_collection,
            permission=_permission("wagtailimages", codename),
        )
    return group, created
