from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    intro = RichTextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().in_menu().specific()
        return context


class ProblemReport(models.Model):
    """ "Report a problem" on a page (as on Canada.ca): kept for the moderators of the page's
    jurisdiction (the national ones for pages of no jurisdiction), who are emailed."""

    class Kind(models.TextChoices):
        BROKEN_LINK = "broken-link", _("A link is broken")
        WRONG = "wrong", _("Something is wrong or out of date")
        LANGUAGE = "language", _("A spelling, grammar or translation mistake")
        ACCESSIBILITY = "accessibility", _("Something is hard to use or not accessible")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        RESOLVED = "resolved", _("Resolved")

    page_path = models.CharField(_("page"), max_length=500)
    language = models.CharField(_("language"), max_length=2, choices=[("en", "English"), ("fr", "Français")])
    kind = models.CharField(_("what is wrong"), max_length=20, choices=Kind.choices)
    details = models.TextField(_("details"), max_length=2000, blank=True)
    jurisdiction = models.ForeignKey(
        "literacy.Jurisdiction",
        verbose_name=_("jurisdiction"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="problem_reports",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    panels = [
        FieldPanel("page_path", read_only=True),
        FieldPanel("kind", read_only=True),
        FieldPanel("details", read_only=True),
        FieldPanel("status"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.page_path}"
