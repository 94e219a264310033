from django.apps import AppConfig


class XapiConfig(AppConfig):
    name = "xapi"
    label = "xapi"
    verbose_name = "xAPI reporting"

    def ready(self) -> None:
        # The hooks that record learning events into the outbox are connected
        # here later (together with the outbox model and the delivery worker).
        pass
