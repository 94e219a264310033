import copy
import io
import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from courses.models import CourseIndexPage, CoursePage
from lessons.content.builders import FIGURES_DIR
from lessons.content.everybody_has_a_customer import COURSE
from lessons.models import LessonPage
from lessons.seed import CourseSeed
from progress.models import CourseProgress, LessonProgress
from progress.services import (
    lesson_experience,
    lesson_quiz_answer,
    lesson_quiz_start,
    lesson_quiz_submit,
)
from quizzes.models import Answer, Attempt, Quiz
from quizzes.snapshot import quiz_questions
from tests.factories import UserFactory, answers_for

pytestmark = pytest.mark.django_db

ALL_QUESTION_TYPES = {
    "single_choice",
    "multiple_response",
    "true_false",
    "sequencing",
    "matching",
    "likert",
}
FIGURE_COUNT = len(list(FIGURES_DIR.glob("*.svg")))


@pytest.fixture
def seeded():
    call_command("seed_course", stdout=io.StringIO())
    return list(LessonPage.objects.order_by("path"))


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("seed_course", "--demo", stdout=io.StringIO())


def seed(*options: str) -> str:
    out = io.StringIO()
    call_command("seed_course", *options, stdout=out)
    return out.getvalue()


def _counts():
    return {
        "pages": Page.objects.count(),
        "quizzes": Quiz.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
    }


def _live_questions(lesson):
    """The questions of the lesson's quiz as published (its live revision)."""
    quiz = lesson.quiz.live_revision.as_object()
    return [(block.block_type, block.value) for block in quiz.questions]


def _lesson(slug):
    return LessonPage.objects.get(slug=slug)


# A fresh database --------------------------------------------------------------------------


def test_seed_course_twice_creates_nothing_new(settings):
    settings.DEBUG = True
    call_command("seed_course", "--demo", stdout=io.StringIO())
    first = _counts()
    call_command("seed_course", "--demo", stdout=io.StringIO())
    assert _counts() == first
    assert first["quizzes"] == len(COURSE["lessons"])
    assert first["images"] == 1 + FIGURE_COUNT  # the hero banner and the figures


def test_seed_course_makes_course_index_the_root_of_a_named_default_site(seeded):
    index = CourseIndexPage.objects.get()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == index.pk
    assert site.site_name == "Touchpoint"
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    course = CoursePage.objects.child_of(index).get(slug="everybody-has-a-customer")
    assert course.live and course.hero_image and course.hero_image_alt
    assert (course.hero_image.width, course.hero_image.height) == (1200, 400)
    assert course.summary == COURSE["summary"]


def test_seed_course_names_an_existing_unnamed_site_but_keeps_a_given_name():
    site = Site.objects.get(is_default_site=True)
    site.site_name = ""
    site.save()
    seed()
    assert Site.objects.get(pk=site.pk).site_name == "Touchpoint"

    Site.objects.filter(pk=site.pk).update(site_name="Acme Learning")
    seed()
    assert Site.objects.get(pk=site.pk).site_name == "Acme Learning"


def test_seed_course_publishes_every_lesson_each_with_a_live_quiz(seeded):
    assert [lesson.slug for lesson in seeded] == [data["slug"] for data in COURSE["lessons"]]
    for lesson in seeded:
        assert lesson.live and lesson.live_revision_id
        assert lesson.quiz.live and lesson.quiz.live_revision_id
        assert lesson.quiz.title == COURSE["lessons"][seeded.index(lesson)]["quiz"]["title"]


def test_seed_course_uses_every_question_type(seeded):
    used = {kind for lesson in seeded for kind, _ in _live_questions(lesson)}
    assert used == ALL_QUESTION_TYPES


def test_seed_course_lesson_four_quiz_has_a_sequencing_question(seeded):
    assert "sequencing" in {kind for kind, _ in _live_questions(seeded[3])}


def test_seed_course_lesson_five_pairs_a_likert_self_assessment_with_scored_questions(seeded):
    kinds = [kind for kind, _ in _live_questions(seeded[4])]
    assert kinds.count("likert") >= 4
    assert len([kind for kind in kinds if kind != "likert"]) >= 3


def test_seed_course_every_choice_carries_feedback(seeded):
    for lesson in seeded:
        for kind, value in _live_questions(lesson):
            assert value["explanation"].strip()
            if kind == "true_false":
                assert value["feedback_true"].strip() and value["feedback_false"].strip()
            if kind != "likert":
                for choice in value.get("choices", []):
                    assert choice["feedback"].strip(), (lesson.title, value["prompt"])


def test_seed_course_lessons_take_three_to_five_minutes_to_read(seeded):
    for lesson in seeded:
        assert 3 <= lesson.reading_minutes <= 5, (lesson.title, lesson.reading_minutes)


def test_seed_course_places_svg_figures_from_the_course_images_collection(seeded, client):
    for lesson in seeded:
        figures = [block.value for block in lesson.body if block.block_type == "image"]
        assert figures, lesson.title
        for figure in figures:
            assert figure["alt_text"].strip() and figure["caption"].strip()
            assert figure["image"].is_svg()
            assert figure["image"].collection.name == "Course images"

    soup = client.get(seeded[3].url)
    assert soup.status_code == 200
    html = soup.content.decode()
    assert html.count('<figure class="block-image block-image--diagram">') == 2
    assert ".svg" in html and 'loading="lazy"' in html


# Demo users ---------------------------------------------------------------------------------


def test_seed_course_demo_is_refused_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_course", "--demo")
    assert not get_user_model().objects.filter(username__in=["learner", "designer"]).exists()


def test_seed_course_demo_learner_has_a_full_name_for_the_certificate(demo):
    learner = get_user_model().objects.get(username="learner")
    assert learner.get_full_name() == "Alex Morgan"


def test_seed_course_names_a_nameless_demo_learner_but_keeps_a_given_name(settings):
    settings.DEBUG = True
    UserFactory(username="learner", first_name="", last_name="")
    UserFactory(username="designer", first_name="Kim", last_name="Lee")
    call_command("seed_course", "--demo", stdout=io.StringIO())
    users = get_user_model().objects
    assert users.get(username="learner").get_full_name() == "Alex Morgan"
    assert users.get(username="designer").get_full_name() == "Kim Lee"


def test_seed_course_demo_learner_logs_in_without_admin_access(demo, client):
    assert client.login(username="learner", password="learner-demo-1")
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "login" in response["Location"]


def test_seed_course_demo_designer_can_edit_lessons_in_admin(demo, client):
    assert client.login(username="designer", password="designer-demo-1")
    assert client.get("/admin/").status_code == 200
    lesson = LessonPage.objects.order_by("path").first()
    assert client.get(f"/admin/pages/{lesson.pk}/edit/").status_code == 200
    images = client.get("/admin/images/")  # the SVG figures, with their thumbnails
    assert images.status_code == 200 and "Course images" in images.content.decode()


# A database seeded with older content ---------------------------------------------------------


def _old_course():
    """The course as an earlier release shipped it: other texts and quiz titles, estimated
    minutes in the summary, no figures, lesson 3 not written yet and one lesson since dropped."""
    old = copy.deepcopy(COURSE)
    old["summary"] = "Six short lessons. About 25 min."
    lessons = [lesson for n, lesson in enumerate(old["lessons"], 1) if n != 3]
    for lesson in lessons:
        lesson["body"] = [("text", f"<p>Old text of {lesson['title']}.</p>")]
        lesson["quiz"]["title"] = f"Knowledge check: {lesson['title']}"
        lesson["quiz"]["questions"] = lesson["quiz"]["questions"][:1]
    dropped = copy.deepcopy(lessons[-1])
    dropped.update(slug="a-dropped-lesson", title="A dropped lesson")
    dropped["quiz"]["title"] = "Knowledge check: A dropped lesson"
    old["lessons"] = lessons + [dropped]
    return old


@pytest.fixture
def old_seed():
    CourseSeed(_old_course()).run()
    return {lesson.slug: lesson for lesson in LessonPage.objects.all()}


def test_seed_course_update_brings_an_untouched_old_course_up_to_date_in_place(old_seed):
    quiz_ids = {slug: lesson.quiz_id for slug, lesson in old_seed.items()}
    output = seed("--update")

    lessons = list(LessonPage.objects.live().order_by("path"))
    assert [lesson.slug for lesson in lessons] == [data["slug"] for data in COURSE["lessons"]]
    for lesson, data in zip(lessons, COURSE["lessons"], strict=True):
        assert lesson.title == data["title"]
        assert [block.block_type for block in lesson.body] == [k for k, _ in data["body"]]
        assert lesson.live_revision.user is None
        quiz = lesson.quiz
        assert quiz.title == data["quiz"]["title"]
        assert len(quiz.questions) == len(data["quiz"]["questions"])
        if data["slug"] in quiz_ids:  # the same quiz, so its learners' attempts still count
            assert quiz.pk == quiz_ids[data["slug"]]
    assert CoursePage.objects.get().summary == COURSE["summary"]
    assert "updated" in output and "Left alone" not in output


def test_seed_course_update_adds_a_new_lesson_in_the_contents_order(old_seed):
    seed("--update")
    slugs = list(LessonPage.objects.order_by("path").values_list("slug", flat=True))
    new = COURSE["lessons"][2]["slug"]
    assert slugs.index(new) == 2
    assert _lesson(new).live and _lesson(new).quiz.live


def test_seed_course_update_unpublishes_a_lesson_the_content_dropped_and_keeps_its_page(old_seed):
    output = seed("--update")
    dropped = _lesson("a-dropped-lesson")
    assert not dropped.live
    assert "Unpublished lesson 'A dropped lesson'" in output
    assert seed("--update").count("Unpublished") == 0  # once only


def test_seed_course_update_leaves_an_edited_lesson_and_quiz_alone_and_says_so(old_seed):
    designer = UserFactory(username="editor", is_superuser=True)
    lesson = old_seed[COURSE["lessons"][0]["slug"]]
    lesson.title = "Our own take on touchpoints"
    lesson.save_revision(user=designer).publish(user=designer)
    quiz = old_seed[COURSE["lessons"][1]["slug"]].quiz
    quiz.title = "Our own quiz"
    quiz.save_revision(user=designer).publish(user=designer)

    output = seed("--update")

    lesson = _lesson(lesson.slug)
    assert lesson.title == "Our own take on touchpoints"
    assert "Old text of" in str(lesson.body)
    assert Quiz.objects.get(pk=quiz.pk).title == "Our own quiz"
    assert "Left alone: 'lesson Every touchpoint creates or destroys value'" in output
    assert "Left alone: 'quiz Who is your customer?'" in output
    # Its neighbours, which nobody touched, were updated in the same run.
    assert _lesson(COURSE["lessons"][1]["slug"]).title == COURSE["lessons"][1]["title"]
    assert "Old text of" not in str(_lesson(COURSE["lessons"][1]["slug"]).body)


def test_seed_course_update_leaves_an_unpublished_lesson_unpublished(old_seed):
    designer = UserFactory(username="editor", is_superuser=True)
    lesson = old_seed[COURSE["lessons"][3]["slug"]]
    lesson.unpublish(user=designer)
    seed("--update")
    assert not _lesson(lesson.slug).live


def test_seed_course_update_twice_changes_nothing_the_second_time(old_seed):
    seed("--update")
    after_update = _counts()
    output = seed("--update")
    assert _counts() == after_update
    assert "updated" not in output and "created" not in output


def test_seed_course_without_update_changes_nothing_in_an_existing_course_and_says_what_differs(
        old_seed):
    before = _counts()
    output = seed()

    assert _counts() == before
    first = _lesson(COURSE["lessons"][0]["slug"])
    assert "Old text of" in str(first.body)
    assert _lesson("a-dropped-lesson").live
    assert not LessonPage.objects.filter(slug=COURSE["lessons"][2]["slug"]).exists()
    assert f"Out of date: 'lesson {COURSE['lessons'][0]['title']}'" in output
    assert f"'lesson {COURSE['lessons'][2]['title']}' is new in the shipped content" in output
    assert "'A dropped lesson' is no longer in the shipped content" in output
    assert "seed_course --update" in output
    assert seed() == output  # nothing was written, so the same report again


def test_seed_course_update_keeps_the_ids_of_questions_whose_content_did_not_change(old_seed):
    """The old quizzes hold the first shipped question as it is, then only that one."""
    quiz = old_seed[COURSE["lessons"][0]["slug"]].quiz
    [kept] = quiz_questions(quiz)

    output = seed("--update")

    questions = quiz_questions(Quiz.objects.get(pk=quiz.pk))
    assert f"Published 'quiz {COURSE['lessons'][0]['quiz']['title']}' as revision" in output
    assert len(questions) == len(COURSE["lessons"][0]["quiz"]["questions"]) > 1
    assert questions[0]["id"] == kept["id"]
    assert [c["id"] for c in questions[0]["choices"]] == [c["id"] for c in kept["choices"]]
    assert kept["id"] not in {q["id"] for q in questions[1:]}


def test_seed_course_update_gives_a_new_lesson_its_own_quiz_even_if_a_title_matches(old_seed):
    """A quiz is found by title only if no lesson uses it: never shared between lessons."""
    course = copy.deepcopy(COURSE)
    extra = copy.deepcopy(course["lessons"][0])
    extra.update(slug="an-extra-lesson", title="An extra lesson")
    extra["quiz"]["title"] = course["lessons"][1]["quiz"]["title"]  # lesson 2's quiz's title
    course["lessons"].append(extra)
    CourseSeed(course, update=True).run()

    new, second = _lesson("an-extra-lesson"), _lesson(course["lessons"][1]["slug"])
    assert new.quiz_id is not None and new.quiz_id != second.quiz_id
    assert second.quiz.title == extra["quiz"]["title"]


# The release before the revised course, with learners' activity -------------------------------

RELEASE = json.loads((Path(__file__).parent / "data" / "course_release_2026_12.json").read_text())


def _as_stored(course: dict) -> dict:
    """Course content as JSON keeps it (a block's (type, value) pair becomes a list)."""
    return json.loads(json.dumps(course))


def _rows(model):
    return {row["id"]: row for row in model.objects.values()}


@pytest.fixture
def release_with_learners():
    """The course as shipped in December 2026, and a learner part-way through it: lesson 1
    passed, lesson 2 failed once, lesson 3 half answered, lesson 4 read."""
    CourseSeed(RELEASE).run()
    learner = UserFactory()
    lessons = list(LessonPage.objects.order_by("path"))
    first, second, third, fourth = lessons[:4]
    lesson_experience(user=learner, lesson=first)
    attempt, _ = lesson_quiz_start(user=learner, lesson=first)
    lesson_quiz_submit(user=learner, lesson=first, attempt_id=attempt.pk,
                       answers=answers_for(attempt.questions))
    attempt, _ = lesson_quiz_start(user=learner, lesson=second)
    lesson_quiz_submit(user=learner, lesson=second, attempt_id=attempt.pk,
                       answers=answers_for(attempt.questions, right=False))
    attempt, _ = lesson_quiz_start(user=learner, lesson=third)
    lesson_quiz_answer(user=learner, lesson=third, attempt_id=attempt.pk,
                       answer=answers_for(attempt.questions)[0])
    lesson_experience(user=learner, lesson=fourth)
    return learner, attempt


def test_the_revised_course_differs_from_the_december_2026_release():
    assert _as_stored(COURSE) != RELEASE


def test_seed_course_update_publishes_the_revised_course_over_the_release_and_keeps_learners_work(
        release_with_learners):
    learner, half_answered = release_with_learners
    pages = {page.slug: page.pk for page in LessonPage.objects.all()}
    quizzes = {page.slug: page.quiz_id for page in LessonPage.objects.all()}
    live = {page.slug: page.live_revision_id for page in LessonPage.objects.all()}
    kept = {model: _rows(model) for model in (Attempt, Answer, LessonProgress, CourseProgress)}
    revisions = Revision.objects.count()

    output = seed("--update")

    lessons = list(LessonPage.objects.live().order_by("path"))
    assert [page.slug for page in lessons] == [data["slug"] for data in COURSE["lessons"]]
    for page, data in zip(lessons, COURSE["lessons"], strict=True):
        assert page.title == data["title"]
        assert page.quiz.title == data["quiz"]["title"]
        assert len(page.quiz.questions) == len(data["quiz"]["questions"])
        assert page.live_revision.user is None  # published by the seed, not a person
        if data["slug"] in pages:  # the same page and quiz: ids, IRIs and history stay
            assert page.pk == pages[data["slug"]] and page.quiz_id == quizzes[data["slug"]]
            old = next(d for d in RELEASE["lessons"] if d["slug"] == data["slug"])
            if old != _as_stored(data):
                assert page.live_revision_id != live[data["slug"]]
    assert Revision.objects.count() > revisions
    assert "Published" in output and "Left alone" not in output
    assert {model: _rows(model) for model in kept} == kept  # not a row changed
    # The half-answered attempt goes on against its snapshot of the old questions.
    attempt = Attempt.objects.get(pk=half_answered.pk)
    for answer in answers_for(attempt.questions)[1:]:
        recorded = lesson_quiz_answer(user=learner, lesson=attempt.context_page.specific,
                                      attempt_id=attempt.pk, answer=answer)
    assert recorded.finished and recorded.attempt.scaled_score == 1

    again = _counts(), Revision.objects.count()
    output = seed("--update")
    assert (_counts(), Revision.objects.count()) == again
    assert "Published" not in output and "Added" not in output and "Out of date" not in output
