"""A lesson: a 3-5 minute page of content inside a course, optionally with a quiz."""

from django.db import models
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from .blocks import LessonStreamBlock
from .reading_time import body_reading_minutes
from .steps import content_step_count, lesson_steps, step_total


def prefetch_body_media(body) -> None:
    """Load what the body's image and video blocks render with, in two queries in all.

    Without this, ``{% srcset_image %}`` costs a rendition query per image and
    each embed an Embed query per video, so the page's query count would grow
    with its blocks. Renditions that do not exist yet are still generated (and
    stored) on first view; embeds missing from the database are still fetched
    from the provider by Wagtail as usual.
    """
    images = [
        child.value["image"]
        for child in body
        if child.block_type == "image" and child.value["image"] is not None
    ]
    if images:
        renditions = get_image_model().get_rendition_model().objects.all()
        models.prefetch_related_objects(
            images, Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions")
        )
    videos = [
        child.value["video"]
        for child in body
        if child.block_type == "video" and child.value["video"] is not None
    ]
    if videos:
        hashes = {get_embed_hash(v.url, v.max_width, v.max_height): v for v in videos}
        stored = Embed.objects.exclude(cache_until__lte=timezone.now()).filter(hash__in=hashes)
        by_hash = {embed.hash: embed for embed in stored}
        for video in videos:
            embed = by_hash.get(get_embed_hash(video.url, video.max_width, video.max_height))
            if embed is not None:
                # EmbedValue.html is a cached_property: fill it so rendering needs no query.
                video.__dict__["html"] = render_to_string(
                    "wagtailembeds/embed_frontend.html", {"embed": embed}
                )


class LessonPage(Page):
    summary = models.TextField(blank=True, help_text="One sentence on what the lesson covers.")
    body = StreamField(
        LessonStreamBlock(),
        default=[("text", "")],  # a new lesson opens with a text block to type into
        help_text="Keep it to 3-5 minutes on a phone. Each block is one screen on a phone; "
        "add step breaks to keep short blocks together.",
    )
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
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("reading_minutes"),
        APIField("quiz_id"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    @property
    def reading_minutes(self) -> int:
        return body_reading_minutes(self.body)

    @property
    def has_live_quiz(self) -> bool:
        return self.quiz_id is not None and self.quiz.live

    @property
    def step_total(self) -> int:
        """Screens of the lesson in steps (lessons/steps.py): content, then the knowledge check."""
        return step_total(content_steps=content_step_count(self.body), has_quiz=self.has_live_quiz)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        breadcrumbs = list(self.get_ancestors().filter(depth__gt=1))
        context["breadcrumbs"] = breadcrumbs
        context["course"] = breadcrumbs[-1].specific if breadcrumbs else None
        if self.quiz_id is not None and getattr(request, "is_preview", False):
            # Authors preview the quiz as it will be published: its latest draft.
            context["quiz"] = self.quiz.get_latest_revision_as_object()
        else:
            context["quiz"] = self.quiz if self.has_live_quiz else None
        prefetch_body_media(self.body)
        context["steps"] = lesson_steps(self.body)
        context["step_total"] = step_total(
            content_steps=len(context["steps"]), has_quiz=context["quiz"] is not None
        )
        # Live siblings plus this page, in tree order: a draft or a new page being
        # previewed is numbered where it will appear.
        siblings = list(
            LessonPage.objects.sibling_of(self, inclusive=False)
            .live()
            .public()
            .only("id", "title", "url_path", "path")
        )
        siblings.append(self)
        siblings.sort(key=lambda page: page.path)
        position = next(i for i, page in enumerate(siblings) if page is self)
        context["lesson_number"] = position + 1
        context["lesson_count"] = len(siblings)
        context["previous_lesson"] = siblings[position - 1] if position > 0 else None
        context["next_lesson"] = siblings[position + 1] if position + 1 < len(siblings) else None
        return context
