"""Quizzes (Wagtail snippets with drafts and revisions) and learners' attempts at them."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index

from .blocks import NEW_QUIZ_QUESTIONS, QuestionStreamBlock
from .forms import QuizAdminForm

PASS_MARK_MESSAGE = "The pass mark is a percentage: enter a whole number from 0 to 100."


class Quiz(
    PreviewableMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model
):
    """A knowledge check. Learners are scored against its published (live) revision."""

    title = models.CharField(max_length=200)
    intro = models.TextField(blank=True, help_text="Shown above the first question.")
    pass_mark = models.PositiveSmallIntegerField(
        "pass mark (%)",
        default=80,
        validators=[
            MinValueValidator(0, PASS_MARK_MESSAGE),
            MaxValueValidator(100, PASS_MARK_MESSAGE),
        ],
    )
    max_attempts = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, "Allow at least one attempt, or leave empty for unlimited.")
        ],
        help_text="Leave empty for unlimited attempts.",
    )
    shuffle_questions = models.BooleanField(default=False)
    shuffle_choices = models.BooleanField(default=False)
    all_or_nothing = models.BooleanField(
        default=False,
        help_text="No partial credit: multiple-response, sequencing and matching questions "
        "score only when entirely right.",
    )
    questions = StreamField(QuestionStreamBlock(), default=NEW_QUIZ_QUESTIONS)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="quiz")

    base_form_class = QuizAdminForm

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("max_attempts"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_choices"),
                FieldPanel("all_or_nothing"),
            ],
            "Scoring",
        ),
        FieldPanel("questions"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name_plural = "quizzes"
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "quizzes/quiz_preview.html"


class Attempt(models.Model):
    """One learner's attempt at a quiz, scored against a snapshot of the live revision."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        SUBMITTED = "submitted", "Submitted"

    registration = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts"
    )
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    quiz_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    context_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page (lesson) the quiz was taken in.",
    )
    number = models.PositiveIntegerField(
        help_text="1 for the learner's first attempt at this quiz."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    # The snapshot the attempt is scored against: questions in presentation order.
    title = models.CharField(max_length=200)
    survey = models.BooleanField(
        default=False,
        help_text="Every question is a Likert statement: no score, no pass or fail; "
        "submitting it completes it.",
    )
    pass_mark = models.PositiveSmallIntegerField()
    all_or_nothing = models.BooleanField(default=False)
    questions = models.JSONField()
    started_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The result, written in the same transaction as the last answer (all None for a
    # survey but max_score, which is 0).
    raw_score = models.FloatField(null=True, blank=True)
    max_score = models.PositiveIntegerField(null=True, blank=True)
    scaled_score = models.FloatField(null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz", "number"], name="unique_attempt_number"
            ),
        ]
        indexes = [models.Index(fields=["user", "quiz", "status"])]

    def __str__(self) -> str:
        return f"{self.user} / {self.title} #{self.number}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class Answer(models.Model):
    """A learner's answer to one question of an attempt, with how it scored. Final once stored."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(max_length=64)
    question_type = models.CharField(max_length=32)
    response = models.JSONField()
    outcome = models.CharField(max_length=20)
    score = models.FloatField()
    points = models.PositiveIntegerField()
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question_id"], name="unique_answer_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"attempt {self.attempt_id}, question {self.question_id}: {self.outcome}"
