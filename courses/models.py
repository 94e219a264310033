"""The course catalogue: a course index (the site's home) and course pages."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index


class CourseIndexPage(Page):
    """Lists the published courses; usually the site's root page."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1
    admin_default_ordering = "ord"  # the admin lists courses in site order, drag to reorder

    def courses(self):
        return (
            CoursePage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = list(self.courses())
        return context


class CoursePage(Page):
    """A course: a short sequence of lessons, each with a knowledge check."""

    summary = models.TextField(help_text="One or two sentences shown in the course list.")
    # Its length and lesson count are computed from its lessons (lessons/selectors.py).
    learning_objectives = StreamField(
        [("objective", blocks.CharBlock(max_length=200, label="Objective"))],
        blank=True,
        help_text="What a learner can do after the course; one objective per item.",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_image_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="Describe the image for people who cannot see it. Required with an image.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], "Hero image"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    api_fields = [
        APIField("summary"),
        APIField("learning_objectives"),
        APIField("hero_image_alt"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["lessons.LessonPage"]
    admin_default_ordering = "ord"  # the admin lists lessons in course order, drag to reorder

    def lessons(self) -> list[Page]:
        """The live lessons in tree order, as specific pages (a fixed number of queries)."""
        return list(self.get_children().live().public().specific())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = list(self.get_ancestors().filter(depth__gt=1))
        context["lessons"] = self.lessons()
        context["hero_image"] = (
            get_image_model().objects.prefetch_renditions().filter(pk=self.hero_image_id).first()
            if self.hero_image_id
            else None
        )
        return context

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError(
                {"hero_image_alt": "Add alt text describing the hero image, for screen readers."}
            )
