"""Course index, course page, quiz author preview, sign-in and error pages render."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils

from tests.factories import (
    PASSWORD,
    CoursePageFactory,
    LessonPageFactory,
    QuizFactory,
    UserFactory,
    build_course,
    build_site_root,
    create_image,
    every_question_type,
)

pytestmark = pytest.mark.django_db




@pytest.fixture
def no_rendition_cache(settings):
    """Renditions come from the database, not a warm cache, as in a freshly started process."""
    settings.CACHES = {
        **settings.CACHES,
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }


@pytest.fixture
def course_with_hero():
    course, lessons = build_course(lessons=3, with_quiz=False)
    course.hero_image = create_image()
    course.hero_image_alt = "A support agent smiling at a customer across a desk"
    course.learning_objectives = [
        ("objective", "Name the customers of your own work"),
        ("objective", "Spot touchpoints that destroy value"),
    ]
    course.save_revision().publish()
    return course, lessons


def soup_of(response):
    assert response.status_code == 200
    return WagtailTestUtils.get_soup(response.content)


def test_course_index_lists_live_courses_with_minutes_and_lesson_count(client):
    index = build_site_root()
    course, _ = build_course(lessons=3, index=index, with_quiz=False)
    build_course(lessons=1, index=index, with_quiz=False)
    draft = CoursePageFactory(parent=index, title="Unpublished course", live=False)
    LessonPageFactory(parent=course, title="Draft lesson", live=False)

    soup = soup_of(client.get("/"))

    cards = soup.select(".card")
    assert [card.h2.text for card in cards] == [course.title, cards[1].h2.text]
    assert draft.title not in soup.text
    first = cards[0].get_text(" ", strip=True)
    assert "A short course." in first
    assert "About 3 min" in first  # computed: three 1-minute lessons, no quizzes
    assert "3 lessons" in first  # the draft lesson is not counted
    assert "1 lesson" in cards[1].get_text(" ", strip=True)
    assert cards[0].a["href"] == course.url


def test_course_page_shows_hero_with_alt_objectives_and_ordered_lessons(client, course_with_hero):
    course, lessons = course_with_hero
    lessons[0].body = [{"type": "text", "value": "<p>" + "word " * 700 + "</p>"}]
    lessons[0].save_revision().publish()

    soup = soup_of(client.get(course.url))

    picture = soup.select_one(".course__header picture")
    assert picture.img["alt"] == "A support agent smiling at a customer across a desk"
    assert {source["type"] for source in picture.find_all("source")} == {"image/webp"}
    assert "960w" in picture.img["srcset"]
    objectives = [li.text for li in soup.select(".objectives li")]
    assert objectives == [
        "Name the customers of your own work",
        "Spot touchpoints that destroy value",
    ]
    items = soup.select("ol.lesson-list > li")
    assert [li.a.text for li in items] == [lesson.title for lesson in lessons]
    reading_times = [li.select_one(".meta").text for li in items]
    assert reading_times == ["4 min read", "1 min read", "1 min read"]
    assert len(soup.find_all("h1")) == 1
    crumbs = soup.select("nav.breadcrumbs li")
    assert [li.get_text(strip=True) for li in crumbs] == ["Courses", course.title]


def test_course_page_lists_lessons_in_tree_order_after_a_move(client):
    course, (first, second, third) = build_course(lessons=3, with_quiz=False)
    third.move(first, pos="left")

    items = soup_of(client.get(course.url)).select("ol.lesson-list > li a")
    assert [a.text for a in items] == [third.title, first.title, second.title]


def test_header_shows_sign_in_to_visitors(client):
    course, _ = build_course(lessons=1, with_quiz=False)

    header = soup_of(client.get(course.url)).header
    link = header.find("a", string="Sign in")
    assert link["href"] == f"{reverse('login')}?next={course.url}"
    assert header.find("form") is None


def test_header_shows_signed_in_name_and_a_post_sign_out_form(client):
    course, _ = build_course(lessons=1, with_quiz=False)
    user = UserFactory(first_name="Ada", last_name="Lovelace")
    client.force_login(user)

    header = soup_of(client.get(course.url)).header
    assert "Ada Lovelace" in header.get_text(" ", strip=True)
    form = header.find("form")
    assert form["method"] == "post" and form["action"] == reverse("logout")
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert header.find("a", string="Admin") is None  # learners do not reach the admin

    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_login_page_has_labelled_fields_and_signs_in(client):
    build_site_root()
    user = UserFactory()

    soup = soup_of(client.get(reverse("login")))
    assert soup.h1.text == "Sign in"
    for name in ("username", "password"):
        field = soup.find("input", attrs={"name": name})
        assert soup.find("label", attrs={"for": field["id"]})
    assert soup.find("input", attrs={"name": "password"})["autocomplete"] == "current-password"

    response = client.post(reverse("login"), {"username": user.username, "password": "wrong"})
    errors = soup_of(response).select_one("[role=alert]")
    assert "correct username and password" in errors.text

    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302


def test_missing_page_renders_the_404_template(client):
    build_site_root()

    response = client.get("/no-such-course/")

    assert response.status_code == 404
    soup = WagtailTestUtils.get_soup(response.content)
    assert soup.h1.text == "Page not found"
    assert soup.find("a", string="See all courses")


def test_500_template_renders_without_a_request():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html and 'lang="en"' in html


def test_quiz_preview_shows_every_question_with_correct_answers_and_feedback():
    quiz = QuizFactory(title="Customer basics", pass_mark=70, questions=every_question_type())
    request = RequestFactory().get("/")
    request.user = UserFactory(is_superuser=True)

    response = quiz.serve_preview(request, quiz.default_preview_mode)
    response.render()
    soup = WagtailTestUtils.get_soup(response.content)

    assert soup.h1.text == "Customer basics"
    questions = soup.select("li.question")
    assert len(questions) == 6
    single = questions[0]
    correct = single.select(".choice--correct")
    assert [c.select_one(".choice__text").text for c in correct] == ["Option 1"]
    assert "Correct" in correct[0].select_one(".choice__mark").text
    assert "Feedback 1" in correct[0].text and "Feedback 2" in single.text
    multiple = questions[1].select(".choice--correct .choice__text")
    assert [c.text for c in multiple] == ["Pick 1", "Pick 2"]
    true_false = questions[2].select_one(".choice--correct .choice__text").text
    assert true_false == "True"
    sequence = [li.select_one(".choice__text").text for li in questions[3].select("li.choice")]
    assert sequence == ["Step 1", "Step 2", "Step 3"]
    matching = questions[4].get_text(" ", strip=True)
    assert "Invoice" in matching and "Finance" in matching
    assert "not scored" in questions[5].h2.text
    assert "Pass mark 70%" in soup.select_one(".facts").get_text(" ", strip=True)


def _queries(client, url) -> int:
    client.get(url)  # warm up: generates renditions on first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_course_page_query_count_does_not_grow_with_lessons(client, no_rendition_cache):
    index = build_site_root()
    image = create_image()
    few, _ = build_course(lessons=2, index=index)
    many, _ = build_course(lessons=10, index=index)
    for course in (few, many):
        course.hero_image, course.hero_image_alt = image, "Alt"
        course.save_revision().publish()

    assert _queries(client, few.url) == _queries(client, many.url)


def test_course_index_query_count_does_not_grow_with_courses(client, no_rendition_cache):
    index = build_site_root()
    image = create_image()
    for _ in range(2):
        course, _ = build_course(lessons=2, index=index, with_quiz=False)
        course.hero_image, course.hero_image_alt = image, "Alt"
        course.save_revision().publish()
    few = _queries(client, "/")

    for _ in range(6):
        course, _ = build_course(lessons=3, index=index, with_quiz=False)
        course.hero_image, course.hero_image_alt = create_image(), "Alt"
        course.save_revision().publish()
    many = _queries(client, "/")

    assert few == many
    assert len(soup_of(client.get("/")).select(".card img[alt=Alt]")) == 8
