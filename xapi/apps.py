from django.apps import AppConfig


class XapiConfig(AppConfig):
    name = "xapi"
    label = "xapi"
    verbose_name = "xAPI reporting"

    def ready(self) -> None:
        # Record the domain services' learning events into the outbox.
        from xapi import receivers

        receivers.connect()
