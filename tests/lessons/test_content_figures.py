"""The course figures (lessons/content/figures/*.svg): valid, titled, readable on a phone, inert."""

import xml.etree.ElementTree as ElementTree

import pytest

from lessons.content.builders import FIGURES_DIR

SVG = "{http://www.w3.org/2000/svg}"
FIGURES = sorted(FIGURES_DIR.glob("*.svg"), key=lambda path: path.name)
# A figure fills the lesson column: 360 px of phone minus 2 x 16 px of page padding.
PHONE_COLUMN_PX = 328
MIN_TEXT_PX = 14


def _text_sizes(element, inherited=None):
    """(text, font size in viewBox units) for every <text>, font-size inherited from groups."""
    size = float(element.get("font-size", inherited or 0)) or inherited
    if element.tag == f"{SVG}text":
        yield "".join(element.itertext()).strip(), size
    for child in element:
        yield from _text_sizes(child, size)


def test_there_are_figures():
    assert len(FIGURES) >= 6


@pytest.mark.parametrize("path", FIGURES, ids=lambda path: path.name)
def test_figure_is_svg_with_a_title_and_a_viewbox(path):
    root = ElementTree.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    title = root.find(f"{SVG}title")
    assert title is not None and title.text.strip()
    assert root[0] is title  # the first child, where assistive technology looks
    assert len(root.get("viewBox", "").split()) == 4


@pytest.mark.parametrize("path", FIGURES, ids=lambda path: path.name)
def test_figure_text_is_at_least_14_px_at_phone_width(path):
    root = ElementTree.parse(path).getroot()
    view_box_width = float(root.get("viewBox").split()[2])
    sizes = list(_text_sizes(root))
    assert sizes
    for text, size in sizes:
        assert size, f"{text!r} has no font-size"
        assert size * PHONE_COLUMN_PX / view_box_width >= MIN_TEXT_PX, text


@pytest.mark.parametrize("path", FIGURES, ids=lambda path: path.name)
def test_figure_has_no_script_style_or_outside_reference(path):
    """Drawn with presentation attributes only, so it renders under CSP default-src 'none'."""
    for element in ElementTree.parse(path).getroot().iter():
        assert element.tag not in (f"{SVG}script", f"{SVG}style", f"{SVG}foreignObject")
        assert "style" not in element.attrib
        assert not [name for name in element.attrib if name.startswith("on")]
        reference = element.get("href", "")
        assert not reference or reference.startswith("#")
