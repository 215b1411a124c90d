"""StreamField blocks for lesson bodies and knowledge checks."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from .markdown import render_markdown


class MarkdownBlock(blocks.TextBlock):
    def __init__(self, **kwargs):
        super().__init__(rows=12, **kwargs)

    def render_basic(self, value, context=None):
        return render_markdown(value)

    class Meta:
        icon = "code"
        label = _("Markdown")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("note", _("Note")), ("tip", _("Tip")), ("warning", _("Warning"))], default="note", label=_("kind")
    )
    heading = blocks.CharBlock(required=False, label=_("heading"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"], label=_("text"))

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "courses/blocks/callout.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        required=False, label=_("alternative text"), help_text=_("Leave blank for a decorative image.")
    )
    caption = blocks.CharBlock(required=False, label=_("caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/figure.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    url = blocks.URLBlock(
        label=_("video URL"), help_text=_("A video file (.mp4, .webm) or a page where the video plays.")
    )
    transcript = blocks.TextBlock(label=_("transcript"), help_text=_("Required: a text alternative for the video."))

    class Meta:
        icon = "media"
        label = _("Video with transcript")
        template = "courses/blocks/video.html"


class ResourceLinkBlock(blocks.StructBlock):
    """A link to an inventory resource (any page) or to an outside URL."""

    page = blocks.PageChooserBlock(required=False, label=_("page"))
    url = blocks.URLBlock(required=False, label=_("or URL"))
    title = blocks.CharBlock(required=False, label=_("title"), help_text=_("Leave blank to use the page's title."))
    description = blocks.TextBlock(required=False, label=_("description"))

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(block_errors={"page": ValidationError(_("Choose a page or enter a URL."))})
        return value

    class Meta:
        icon = "link"
        label = _("Resource link")
        template = "courses/blocks/resource_link.html"


class LessonBodyBlock(blocks.StreamBlock):
    markdown = MarkdownBlock()
    rich_text = blocks.RichTextBlock(label=_("Rich text"))
    callout = CalloutBlock()
    image = FigureBlock()
    video = VideoBlock()
    resource = ResourceLinkBlock()


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"))
    is_correct = blocks.BooleanBlock(required=False, label=_("correct"))
    feedback = blocks.TextBlock(required=False, label=_("feedback"), help_text=_("Shown after the learner submits."))

    class Meta:
        icon = "radio-full"
        label = _("Option")


class QuestionBlock(blocks.StructBlock):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"

    prompt = blocks.CharBlock(label=_("question"))
    kind = blocks.ChoiceBlock(
        choices=[
            (SINGLE, _("Single choice")),
            (MULTIPLE, _("Multiple choice")),
            (TRUE_FALSE, _("True or false")),
        ],
        default=SINGLE,
        label=_("kind"),
        widget=forms.RadioSelect,
    )
    options = blocks.ListBlock(OptionBlock(), min_num=2, label=_("options"))

    def clean(self, value):
        value = super().clean(value)
        options = value.get("options") or []
        correct = sum(1 for option in options if option.get("is_correct"))
        kind = value.get("kind")
        message = None
        if kind == self.TRUE_FALSE and len(options) != 2:
            message = _("A true-or-false question has exactly two options.")
        elif kind in (self.SINGLE, self.TRUE_FALSE) and correct != 1:
            message = _("Mark exactly one option as correct.")
        elif kind == self.MULTIPLE and correct < 1:
            message = _("Mark at least one option as correct.")
        if message:
            raise StructBlockValidationError(block_errors={"options": ValidationError(message)})
        return value

    class Meta:
        icon = "help"
        label = _("Question")


class KnowledgeCheckBlock(blocks.StreamBlock):
    question = QuestionBlock()
