"""What each learner has done: lessons experienced and completed, courses completed.

Written only by progress/services.py. Each completion time is set once.
"""

from django.conf import settings
from django.db import models


class LessonProgress(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey("lessons.LessonPage", on_delete=models.CASCADE, related_name="+")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    opened_at = models.DateTimeField(
        null=True, blank=True, help_text="When the learner first opened the lesson."
    )
    experienced_at = models.DateTimeField(
        null=True, blank=True, help_text="When the learner first reached the end of its content."
    )
    last_step = models.PositiveSmallIntegerField(
        default=0, help_text="The lesson step (0-based) the learner last reached, to resume there."
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    best_scaled_score = models.FloatField(null=True, blank=True)
    # The attempt that met the lesson quiz's bar: the first passing attempt of a scored
    # quiz, or the first submitted attempt of a survey (a quiz of Likert statements only).
    passed_attempt = models.ForeignKey(
        "quizzes.Attempt", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = "lesson progress"
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="unique_lesson_progress"),
        ]
        indexes = [models.Index(fields=["user", "course"])]

    def __str__(self) -> str:
        return f"{self.user} / lesson {self.lesson_id}"


class CourseProgress(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_progress"
    )
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "course progress"
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="unique_course_progress"),
        ]

    def __str__(self) -> str:
        return f"{self.user} / course {self.course_id}"
