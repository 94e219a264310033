"""A lesson: a 3-5 minute page of content inside a course, optionally with a quiz."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import LessonStreamBlock
from .reading_time import body_reading_minutes


class LessonPage(Page):
    summary = models.TextField(blank=True, help_text="One sentence on what the lesson covers.")
    body = StreamField(LessonStreamBlock(), help_text="Keep it to 3-5 minutes on a phone.")
    quiz = models.ForeignKey(
        "quizzes.Quiz",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lessons",
        help_text="The knowledge check learners take after this lesson.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("quiz"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    api_fields = [APIField("summary"), APIField("body"), APIField("reading_minutes"),
                  APIField("quiz_id")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    @property
    def reading_minutes(self) -> int:
        return body_reading_minutes(self.body)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["course"] = self.get_parent().specific
        siblings = list(
            LessonPage.objects.sibling_of(self).live().public().only("id", "title", "url_path")
        )
        index_of = {page.pk: i for i, page in enumerate(siblings)}
        position = index_of.get(self.pk, 0)
        context["lesson_number"] = position + 1
        context["lesson_count"] = len(siblings)
        context["previous_lesson"] = siblings[position - 1] if position > 0 else None
        context["next_lesson"] = siblings[position + 1] if position + 1 < len(siblings) else None
        return context
