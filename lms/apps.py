from django.apps import AppConfig


class LmsConfig(AppConfig):
    name = "lms"
    label = "lms"
    verbose_name = "Launching from an LMS (cmi5, Tin Can)"

    def ready(self) -> None:
        # Record the domain services' learning events for the LMS that launched the lesson.
        from lms import receivers

        receivers.connect()
