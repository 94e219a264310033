"""StreamField blocks an L&D author composes micro-lessons from.

Each block has its own template under templates/lessons/blocks/.
"""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe the image for people who cannot see it.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "lessons/blocks/image_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text="A YouTube or Vimeo URL.")
    title = blocks.CharBlock(max_length=200, help_text="Names the video for screen readers.")
    duration_seconds = blocks.IntegerBlock(
        required=False, min_value=1, help_text="Counted in the lesson's reading time."
    )
    transcript = blocks.TextBlock(required=False)

    class Meta:
        icon = "media"
        template = "lessons/blocks/video_block.html"


class TakeawayBlock(blocks.StructBlock):
    heading = blocks.CharBlock(default="Key takeaway", max_length=80)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "pick"
        template = "lessons/blocks/takeaway_block.html"
        label = "Key takeaway"


class ExampleBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "openquote"
        template = "lessons/blocks/example_block.html"
        label = "Example / scenario"


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(help_text="A question the learner thinks about; not graded.")

    class Meta:
        icon = "help"
        template = "lessons/blocks/reflection_block.html"
        label = "Reflection prompt"


class StepBreakBlock(blocks.StaticBlock):
    """Where a new screen starts when the lesson is taken in steps (renders nothing).

    Without any step break, each block is its own step; with one or more, the
    blocks between breaks share a step (see lessons/steps.py).
    """

    class Meta:
        icon = "arrow-right-full"
        label = "Step break"
        admin_text = (
            "A new screen starts here. Without step breaks every block is its own screen; "
            "add them to keep short blocks together."
        )


class LessonStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, template="lessons/blocks/text_block.html", icon="doc-full"
    )
    image = ImageBlock()
    video = VideoBlock()
    takeaway = TakeawayBlock()
    example = ExampleBlock()
    reflection = ReflectionBlock()
    step_break = StepBreakBlock()
