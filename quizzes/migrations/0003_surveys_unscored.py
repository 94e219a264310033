"""Attempts at surveys (every question Likert) taken before surveys were told apart.

They were stored as passed with a scaled score of 1; a survey has no score and
no pass or fail. Mark them as surveys and clear those figures (attempt, stored
result and the learner's best score for the lesson). Answers are unchanged.
"""

from django.db import migrations


def _is_survey(questions) -> bool:
    return bool(questions) and all(question.get("type") == "likert" for question in questions)


def surveys_unscored(apps, schema_editor):
    Attempt = apps.get_model("quizzes", "Attempt")
    LessonProgress = apps.get_model("progress", "LessonProgress")
    lessons = set()
    for attempt in Attempt.objects.only("id", "questions", "result", "context_page_id").iterator():
        if not _is_survey(attempt.questions):
            continue
        attempt.survey = True
        attempt.raw_score = attempt.scaled_score = attempt.passed = None
        if attempt.result:
            attempt.result = {**attempt.result, "raw": None, "scaled": None, "passed": None}
        attempt.save(update_fields=["survey", "raw_score", "scaled_score", "passed", "result"])
        if attempt.context_page_id:
            lessons.add(attempt.context_page_id)
    LessonProgress.objects.filter(lesson_id__in=lessons).update(best_scaled_score=None)


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0002_attempt_survey_answer_answered_at"),
        ("progress", "0003_lesson_opened_and_step"),
    ]

    operations = [migrations.RunPython(surveys_unscored, migrations.RunPython.noop)]
