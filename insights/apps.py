from django.apps import AppConfig
from django.db.backends.signals import connection_created


class InsightsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "insights"
    verbose_name = "Insights"

    def ready(self) -> None:
        from .sql import register_sqlite_functions

        connection_created.connect(register_sqlite_functions, dispatch_uid="insights_sqlite")
