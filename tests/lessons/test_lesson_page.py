"""The lesson page: every block type, position, knowledge-check placeholder, and query count."""

import io

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.factories import (
    VIDEO_URL,
    QuizFactory,
    UserFactory,
    build_course,
    create_embed,
    create_image,
    every_block_type,
    single_choice,
)

pytestmark = pytest.mark.django_db




@pytest.fixture
def image():
    return create_image()


@pytest.fixture
def embed():
    return create_embed()


@pytest.fixture
def lesson_with_every_block(image, embed):
    course, lessons = build_course(lessons=3)
    lesson = lessons[1]
    lesson.body = every_block_type(image)
    lesson.save_revision().publish()
    return lesson


def soup_of(response):
    assert response.status_code == 200
    return WagtailTestUtils.get_soup(response.content)


def test_lesson_page_renders_every_block_type(client, lesson_with_every_block):
    soup = soup_of(client.get(lesson_with_every_block.url))
    body = soup.select_one(".lesson__body")

    assert body.select_one(".block-text h2").text == "Section 0"
    figure = body.select_one("figure.block-image")
    assert figure.img["alt"] == "Alt text 0"
    assert "width-400" in figure.img["srcset"] and "width-800" in figure.img["srcset"]
    assert figure.img["sizes"] and (figure.img["width"], figure.img["height"]) == ("400", "225")
    assert (figure.img["loading"], figure.img["decoding"]) == ("lazy", "async")
    assert figure.figcaption.text == "Caption 0"
    video = body.select_one("figure.block-video")
    assert "Video 0" in video.figcaption.text
    assert video.select_one(".block-video__player iframe")["src"].startswith(
        "https://www.youtube.com/embed/"
    )
    assert video.details.summary.get_text(" ", strip=True).startswith("Transcript")
    assert "Transcript 0." in video.details.text
    takeaway = body.select_one("aside.callout--takeaway")
    assert takeaway.h3.text == "Takeaway 0" and "Remember point 0." in takeaway.text
    example = body.select_one("section.callout--example")
    assert "Scenario 0" in example.h3.text and "A customer story 0." in example.text
    reflection = body.select_one("aside.callout--reflection")
    assert "Who is your customer, really? (0)" in reflection.text
    assert reflection.find("textarea") is None  # a prompt only: nothing is stored


def test_lesson_page_shows_an_svg_figure_as_one_vector_rendition(client):
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="360" height="240" '
           b'viewBox="0 0 360 240"><title>A chain</title><rect width="360" height="240"/></svg>')
    image = get_image_model().objects.create(
        title="A chain", file=ImageFile(io.BytesIO(svg), name="chain.svg"))
    course, (lesson,) = build_course(lessons=1, with_quiz=False)
    figure = {"image": image.pk, "alt_text": "A chain of hand-offs",
              "caption": "Every hand-off counts."}
    lesson.body = [{"type": "image", "value": figure}]
    lesson.save_revision().publish()

    for _ in range(2):  # a new rendition, then the stored one: the same markup
        figure = soup_of(client.get(lesson.url)).select_one("figure.block-image--diagram")
        img = figure.img
        assert img["src"].endswith(".svg") and not img.get("srcset")
        assert (img["width"], img["height"]) == ("360", "240")
        assert (img["alt"], img["loading"], img["decoding"]) == (
            "A chain of hand-offs", "lazy", "async")
        assert figure.figcaption.text == "Every hand-off counts."


def test_lesson_page_is_one_accessible_document(client, lesson_with_every_block):
    soup = soup_of(client.get(lesson_with_every_block.url))

    assert soup.html["lang"].startswith("en")
    assert soup.find("meta", attrs={"name": "viewport"})
    assert soup.select_one("a.skip-link")["href"] == "#main"
    assert soup.find("main", id="main") and soup.header and soup.footer
    assert len(soup.find_all("h1")) == 1
    assert all(img.get("alt") for img in soup.select("main img"))


def test_lesson_page_shows_position_reading_time_and_breadcrumbs(client, lesson_with_every_block):
    soup = soup_of(client.get(lesson_with_every_block.url))

    # 7 words, one image (10 s) and a 90 s video: 3 s + 10 s + 90 s -> 2 minutes
    assert lesson_with_every_block.reading_minutes == 2
    assert soup.select_one(".eyebrow").get_text(" ", strip=True) == "Lesson 2 of 3 · 2 min read"
    crumbs = soup.select("nav.breadcrumbs li")
    course = lesson_with_every_block.get_parent()
    assert [li.get_text(strip=True) for li in crumbs] == [
        "Courses",
        course.title,
        lesson_with_every_block.title,
    ]
    assert crumbs[1].a["href"] == course.url
    assert crumbs[-1].span["aria-current"] == "page"


def test_lesson_page_links_to_previous_and_next_lessons(client):
    course, (first, middle, last) = build_course(lessons=3, with_quiz=False)

    pager = soup_of(client.get(middle.url)).select_one("nav.pager")
    assert pager.find("a", rel="prev")["href"] == first.url
    assert pager.find("a", rel="next")["href"] == last.url

    first_pager = soup_of(client.get(first.url)).select_one("nav.pager")
    assert first_pager.find("a", rel="prev") is None

    last_pager = soup_of(client.get(last.url)).select_one("nav.pager")
    assert last_pager.find("a", rel="next") is None
    assert last_pager.select_one(".pager__item--next a")["href"] == course.url


def test_lesson_page_announces_its_quiz_in_the_knowledge_check_section(client):
    quiz = QuizFactory(
        title="Who is the customer?",
        pass_mark=75,
        questions=[single_choice(), single_choice(prompt="Second?")],
    )
    course, (lesson,) = build_course(lessons=1, with_quiz=False)
    lesson.quiz = quiz
    lesson.save_revision().publish()

    section = soup_of(client.get(lesson.url)).select_one("section#knowledge-check")
    heading_id = section["aria-labelledby"]
    heading = section.find(id=heading_id)
    assert heading.get_text(" ", strip=True) == "Knowledge check Who is the customer?"
    text = section.get_text(" ", strip=True)
    assert text.count("Who is the customer?") == 1  # the heading names the quiz, once
    assert "2 questions" in text
    assert "pass mark 75%" in text


def test_knowledge_check_heading_does_not_repeat_knowledge_check_from_the_quiz_title(client):
    quiz = QuizFactory(title="Knowledge check: The priority order")
    course, (lesson,) = build_course(lessons=1, with_quiz=False)
    lesson.quiz = quiz
    lesson.save_revision().publish()

    section = soup_of(client.get(lesson.url)).select_one("section#knowledge-check")
    assert section.h2.get_text(" ", strip=True) == "Knowledge check The priority order"
    assert "Knowledge check:" not in section.get_text(" ", strip=True)


def test_lesson_page_hides_knowledge_check_for_a_draft_only_quiz(client):
    quiz = QuizFactory(publish=False)
    quiz.live = False
    quiz.save()
    course, (lesson,) = build_course(lessons=1, with_quiz=False)
    lesson.quiz = quiz
    lesson.save_revision().publish()

    soup = soup_of(client.get(lesson.url))
    assert soup.find(id="knowledge-check") is None


def _lesson_queries(client, lesson) -> int:
    client.get(lesson.url)  # warm up: generates renditions on first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(lesson.url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def no_rendition_cache(settings):
    """Renditions come from the database, not a warm cache, as in a freshly started process."""
    settings.CACHES = {
        **settings.CACHES,
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }


def test_lesson_page_query_count_does_not_grow_with_blocks_or_lessons(
    client, image, embed, no_rendition_cache
):
    assert VIDEO_URL == embed.url
    second_image = create_image(title="Another image")
    many_blocks = every_block_type(image, n=1) + every_block_type(second_image, n=1)
    few = build_course(lessons=2)[1][0]
    few.body = [many_blocks[1], many_blocks[2]]  # an image and a video
    few.save_revision().publish()
    many = build_course(lessons=10, index=few.get_parent().get_parent())[1][0]
    many.body = many_blocks[:10]  # two images, two videos, and the other types
    many.save_revision().publish()

    few_queries = _lesson_queries(client, few)
    many_queries = _lesson_queries(client, many)

    assert few_queries == many_queries
    assert b"Alt text 0" in client.get(many.url).content


def test_admin_preview_of_a_new_lesson_numbers_it_after_the_live_ones(client):
    course, lessons = build_course(lessons=2, with_quiz=False)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailadmin_pages:preview_on_add", args=["lessons", "lessonpage", course.pk])
    data = nested_form_data(
        {
            "title": "Brand new lesson",
            "slug": "brand-new-lesson",
            "summary": "",
            "body": streamfield([("reflection", {"prompt": "What would you change?"})]),
            "comments": inline_formset([]),
        }
    )

    assert client.post(url, data).json()["is_valid"]
    soup = soup_of(client.get(url))

    assert soup.h1.text == "Brand new lesson"
    assert soup.select_one(".eyebrow").text.startswith("Lesson 3 of 3")
    assert soup.find("a", rel="prev")["href"] == lessons[-1].url
    assert "What would you change?" in soup.select_one(".callout--reflection").text
