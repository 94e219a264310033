"""Factories for tests: users, quizzes with every question type, and course page trees."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from courses.models import CourseIndexPage, CoursePage
from lessons.models import LessonPage
from quizzes.models import Quiz

PASSWORD = "test-pass-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"learner{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    first_name = "Lea"
    last_name = factory.Sequence(lambda n: f"Learner{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


def choice(text, correct=False, feedback="Because."):
    return {"text": text, "correct": correct, "feedback": feedback}


def single_choice(prompt="Which one?", correct_index=0, n=3, points=1):
    return {"type": "single_choice", "value": {
        "prompt": prompt, "explanation": "Explained.", "points": points,
        "choices": [choice(f"Option {i + 1}", i == correct_index, f"Feedback {i + 1}")
                    for i in range(n)]}}


def multiple_response(prompt="Which ones?", correct=(0, 1), n=4, points=2):
    return {"type": "multiple_response", "value": {
        "prompt": prompt, "explanation": "Explained.", "points": points,
        "choices": [choice(f"Pick {i + 1}", i in correct, f"Feedback {i + 1}") for i in range(n)]}}


def true_false(prompt="The sky is blue.", answer=True):
    return {"type": "true_false", "value": {
        "prompt": prompt, "explanation": "Explained.", "points": 1, "answer_is_true": answer,
        "feedback_true": "Right about true.", "feedback_false": "Think again."}}


def sequencing(prompt="Put them in order.", n=3):
    return {"type": "sequencing", "value": {
        "prompt": prompt, "explanation": "Explained.", "points": 1,
        "choices": [{"text": f"Step {i + 1}", "position": i + 1, "feedback": f"Step {i + 1} fb"}
                    for i in range(n)]}}


def matching(prompt="Match them.", pairs=(("Invoice", "Finance"), ("Parcel", "Logistics"))):
    return {"type": "matching", "value": {
        "prompt": prompt, "explanation": "Explained.", "points": 1,
        "choices": [{"text": item, "target": target, "feedback": f"{item} goes to {target}"}
                    for item, target in pairs]}}


def likert(prompt="I know what customers value."):
    return {"type": "likert", "value": {
        "prompt": prompt, "explanation": "",
        "scale": ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]}}


def every_question_type():
    return [single_choice(), multiple_response(), true_false(), sequencing(), matching(), likert()]


class QuizFactory(factory.django.DjangoModelFactory):
    """A published quiz (with a live revision). Pass questions=[...] as raw block dicts."""

    class Meta:
        model = Quiz
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Knowledge check {n}")
    pass_mark = 80
    questions = factory.LazyFunction(every_question_type)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Give every block and choice a stored id, as the admin form does.
        stream_block = model_class._meta.get_field("questions").stream_block
        kwargs["questions"] = stream_block.clean(stream_block.to_python(kwargs["questions"]))
        return super()._create(model_class, *args, **kwargs)

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted is not False:
            obj.save_revision().publish()
            obj.refresh_from_db()


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Courses"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}")
    summary = "A short course."


def lesson_body(blocks=3):
    body = []
    for i in range(blocks):
        body.append({"type": "text", "value": f"<p>Paragraph {i} with several words in it.</p>"})
    return body


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Lesson {n}")
    summary = "A short lesson."
    body = factory.LazyFunction(lesson_body)


def build_site_root() -> CourseIndexPage:
    """A course index as the default site's root page."""
    root = Page.get_first_root_node()
    index = CourseIndexPageFactory(parent=root, slug="courses")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": index, "site_name": "Test"},
    )
    return index


def build_course(*, lessons: int = 3, with_quiz: bool = True, index=None, **quiz_kwargs):
    """A published course with `lessons` lessons, each with its own published quiz."""
    index = index or build_site_root()
    course = CoursePageFactory(parent=index)
    pages = []
    for _ in range(lessons):
        quiz = QuizFactory(**quiz_kwargs) if with_quiz else None
        pages.append(LessonPageFactory(parent=course, quiz=quiz))
    return course, pages


# --- Page rendering helpers (images, embeds, lesson bodies with every block type) ---

VIDEO_URL = "https://www.youtube.com/watch?v=touchpoint01"


def create_image(title="Customer at a service desk", size=(1600, 900)):
    """A stored Wagtail image (write it under a temporary MEDIA_ROOT in tests)."""
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    return get_image_model().objects.create(
        title=title, file=get_test_image_file(filename="test.png", size=size)
    )


def create_embed(url=VIDEO_URL, title="How a parcel reaches the customer"):
    """Store the Embed row for a URL so rendering the video block needs no network."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    html = (
        f'<iframe width="480" height="270" src="https://www.youtube.com/embed/touchpoint01" '
        f'title="{title}" allowfullscreen></iframe>'
    )
    embed, _ = Embed.objects.update_or_create(
        hash=get_embed_hash(url),
        defaults={"url": url, "type": "video", "html": html, "title": title,
                  "provider_name": "YouTube", "width": 480, "height": 270},
    )
    return embed


def every_block_type(image, *, video_url=VIDEO_URL, n=1):
    """Raw StreamField data with each lesson block type, repeated n times (6 * n blocks)."""
    body = []
    for i in range(n):
        body += [
            {"type": "text", "value": f"<h2>Section {i}</h2><p>Words to read, part {i}.</p>"},
            {"type": "image", "value": {"image": image.pk, "alt_text": f"Alt text {i}",
                                        "caption": f"Caption {i}"}},
            {"type": "video", "value": {"video": video_url, "title": f"Video {i}",
                                        "duration_seconds": 90, "transcript": f"Transcript {i}."}},
            {"type": "takeaway", "value": {"heading": f"Takeaway {i}",
                                           "text": f"<p>Remember point {i}.</p>"}},
            {"type": "example", "value": {"title": f"Scenario {i}",
                                          "body": f"<p>A customer story {i}.</p>"}},
            {"type": "reflection", "value": {"prompt": f"Who is your customer, really? ({i})"}},
        ]
    return body


def answers_for(questions, *, right=True):
    """A full submission for a snapshot: every answer right (or every scored one wrong)."""
    answers = []
    for q in questions:
        if q["type"] == "sequencing":
            order = [c["id"] for c in sorted(q["choices"], key=lambda c: c["position"])]
            answers.append({"question": q["id"], "order": order if right else order[::-1]})
        elif q["type"] == "matching":
            targets = [t["id"] for t in q["targets"]]
            answers.append({"question": q["id"], "matches": {
                c["id"]: c["target"] if right else next(t for t in targets if t != c["target"])
                for c in q["choices"]}})
        elif q["type"] == "likert":
            answers.append({"question": q["id"], "choices": [q["choices"][0]["id"]]})
        else:
            picks = [c["id"] for c in q["choices"] if c["correct"] == right]
            answers.append({"question": q["id"],
                            "choices": picks if q["type"] == "multiple_response" else picks[:1]})
    return answers
