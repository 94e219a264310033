"""Give an existing "Learning designers" group the Insights permission on upgrade.

New sites get it from `seed_course` (lessons/groups.py); a site seeded before
Insights existed gets it here, so nobody has to re-run the seed. The named
learners permission ("Learning reports") is never granted automatically.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Learning designers"


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group is None:
        return
    # Permissions are normally created after all migrations: make sure this one exists.
    create_permissions(apps.get_app_config("insights"), apps=apps, verbosity=0)
    Permission = apps.get_model("auth", "Permission")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="insights", codename="view_insights")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
