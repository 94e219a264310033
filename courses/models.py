"""The course catalogue: a course index (the site's home) and course pages."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
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

    def courses(self):
        return (
            CoursePage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        )

    def live_lesson_counts(self) -> Counter:
        """Live lessons per course, keyed by the course's tree path (one query for all)."""
        course_path_length = (self.depth + 1) * Page.steplen
        lesson_paths = (
            Page.objects.live()
            .public()
            .filter(depth=self.depth + 2, path__startswith=self.path)
            .values_list("path", flat=True)
        )
        return Counter(path[:course_path_length] for path in lesson_paths)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = list(self.courses())
        counts = self.live_lesson_counts()
        for course in courses:
            course.lesson_count = counts[course.path]
        context["courses"] = courses
        return context


class CoursePage(Page):
    """A course: a short sequence of lessons, each with a knowledge check."""

    summary = models.TextField(help_text="One or two sentences shown in the course list.")
    estimated_minutes = models.PositiveSmallIntegerField(
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text="How long the whole course takes, in minutes.",
    )
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
        FieldPanel("estimated_minutes"),
        FieldPanel("learning_objectives"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], "Hero image"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    api_fields = [
        APIField("summary"),
        APIField("estimated_minutes"),
        APIField("learning_objectives"),
        APIField("hero_image_alt"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["lessons.LessonPage"]

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
