from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from literacy.jurisdiction_tree import JurisdictionFromTreeMixin, jurisdiction_id_above
from literacy.models import Audience, Jurisdiction, Topic
from literacy.routes import TranslatedRoutesMixin
from literacy.translation import synchronised_fields
from literacy.validators import validate_single_line

from . import vocabulary
from .fields import MultipleChoiceField


class ResourceIndexPage(TranslatedRoutesMixin, RoutablePageMixin, Page):
    """The national inventory: browse and search with facets, open-data exports and the coverage matrix."""

    french_segments = {"coverage": "couverture", "export": "exporter"}

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    template = "resources/resource_index_page.html"

    class Meta:
        verbose_name = _("resources index")

    @path("")
    def browse(self, request):
        from .views import browse

        return browse(request, index_page=self)

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        from .views import export_csv

        return export_csv(request, index_page=self)

    @path("export/json/", name="export_json")
    def export_json(self, request):
        from .views import export_json

        return export_json(request, index_page=self)

    @path("export/dcat/", name="export_dcat")
    def export_dcat(self, request):
        from .views import export_dcat

        return export_dcat(request, index_page=self)

    @path("export/dcat-turtle/", name="export_dcat_turtle")
    def export_dcat_turtle(self, request):
        from .views import export_dcat_turtle

        return export_dcat_turtle(request, index_page=self)

    @path("export/portal/", name="export_portal")
    def export_portal(self, request):
        from .views import export_portal

        return export_portal(request, index_page=self)

    @path("coverage/", name="coverage")
    def coverage(self, request):
        from .views import coverage

        return coverage(request, index_page=self)


class ResourcePage(JurisdictionFromTreeMixin, RoutablePageMixin, Page):
    """One inventory record in one language; the EN and FR pages share a translation key."""

    summary = models.TextField(_("summary"))
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        verbose_name=_("jurisdiction"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="resource_pages",
        help_text=_("Set from the jurisdiction page this resource lives under."),
    )
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), related_name="resource_pages")
    audiences = ParentalManyToManyField(
        Audience, verbose_name=_("audiences"), related_name="resource_pages", blank=True
    )
    resource_type = models.CharField(_("resource type"), max_length=30, choices=vocabulary.RESOURCE_TYPES)
    format = models.CharField(_("format"), max_length=20, choices=vocabulary.FORMATS, default="html")
    languages = MultipleChoiceField(
        _("languages"),
        multiple_choices=vocabulary.LANGUAGES,
        help_text=_("Languages the resource itself is available in."),
    )
    licence = models.CharField(
        _("licence"), max_length=40, choices=vocabulary.LICENCE_CHOICES, default="ogl-canada-2.0"
    )
    link_url = models.URLField(_("link"), max_length=500, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publisher = models.CharField(_("publisher"), max_length=200, validators=[validate_single_line])
    contact_email = models.EmailField(_("contact email"), blank=True)
    date_published = models.DateField(_("date published"))
    date_modified = models.DateField(_("date modified"), null=True, blank=True)
    review_date = models.DateField(
        _("review date"), null=True, blank=True, help_text=_("When the resource is next due for review.")
    )
    external_id = models.CharField(
        _("external ID"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Stable identifier used by imports; shared by the English and French pages."),
    )

    # Data, not prose: the same on the English and French pages whichever one is published
    # (literacy.translation.sync_facts); title, summary and publisher are translated. The link and
    # document are copied to a new translation but may differ (a bilingual resource usually has
    # a French address), so they are left to wagtail-localize's overridable default.
    synchronised_facts = (
        "topics",
        "audiences",
        "resource_type",
        "format",
        "languages",
        "licence",
        "contact_email",
        "date_published",
        "date_modified",
        "review_date",
        "external_id",
    )
    override_translatable_fields = synchronised_fields(*synchronised_facts)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences"),
                FieldPanel("resource_type"),
                FieldPanel("format"),
                FieldPanel("languages"),
                FieldPanel("licence"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel([FieldPanel("link_url"), FieldPanel("document")], heading=_("Link or document")),
        MultiFieldPanel(
            [
                FieldPanel("publisher"),
                FieldPanel("contact_email"),
                FieldPanel("date_published"),
                FieldPanel("date_modified"),
                FieldPanel("review_date"),
                FieldPanel("external_id"),
            ],
            heading=_("Publication"),
        ),
    ]
    parent_page_types = ["literacy.JurisdictionPage"]
    subpage_types: list = []
    template = "resources/resource_page.html"

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("publisher"),
        index.FilterField("jurisdiction"),
        index.FilterField("resource_type"),
        index.FilterField("licence"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("jurisdiction_code"),
        APIField("topic_slugs"),
        APIField("audience_slugs"),
        APIField("resource_type"),
        APIField("format"),
        APIField("languages", serializer=serializers.ListField(child=serializers.CharField())),
        APIField("licence"),
        APIField("access_url"),
        APIField("publisher"),
        APIField("contact_email"),
        APIField("date_published"),
        APIField("date_modified"),
        APIField("review_date"),
        APIField("external_id"),
    ]

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def clean(self):
        super().clean()
        validate_single_line(self.title)
        if not self.link_url and not self.document_id:
            raise ValidationError({"link_url": _("Give a link or choose a document.")})
        # The jurisdiction is derived from the jurisdiction page above, never chosen
        # (literacy.jurisdiction_tree): here so that the editor hears of a misplaced page.
        if self.path and self.depth and self.depth > 1:
            code = jurisdiction_id_above(self.path[: -self.steplen], self.steplen)
            if code is None:
                raise ValidationError(_("A resource must live under a jurisdiction page."))
            self.jurisdiction_id = code

    # Values for the API, exports and templates (read from prefetched relations).
    @property
    def jurisdiction_code(self):
        return self.jurisdiction.code if self.jurisdiction_id else ""

    @property
    def topic_slugs(self):
        return [topic.slug for topic in self.topics.all()]

    @property
    def audience_slugs(self):
        return [audience.slug for audience in self.audiences.all()]

    @property
    def access_url(self):
        if self.link_url:
            return self.link_url
        if self.document_id:
            return self.document.url
        return ""

    def get_languages_display(self):
        labels = dict(vocabulary.LANGUAGES)
        return [labels.get(code, code) for code in self.languages]

    def is_completed_by(self, user):
        """A resource is done when the learner has marked it reviewed (in either language)."""
        if user is None or not user.is_authenticated:
            return False
        return ResourceReview.objects.filter(user=user, resource__translation_key=self.translation_key).exists()

    @path("reviewed/", name="reviewed")
    def reviewed(self, request):
        from .views import mark_reviewed

        return mark_reviewed(request, resource=self)

    def get_context(self, request, *args, **kwargs):
        from .selectors import related_resources

        context = super().get_context(request, *args, **kwargs)
        context["reviewed"] = self.is_completed_by(request.user)
        context["related_resources"] = related_resources(page=self)
        context["json_ld"] = self.json_ld(request)
        return context

    def json_ld(self, request=None):
        from .selectors import resource_json_ld

        return resource_json_ld(page=self, request=request)


class PlannedResource(models.Model):
    """A resource a jurisdiction intends to publish to fill a gap in the coverage matrix."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name=_("jurisdiction"), on_delete=models.CASCADE, related_name="planned_resources"
    )
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="planned_resources"
    )
    title = models.CharField(_("title"), max_length=255, validators=[validate_single_line])
    target_date = models.DateField(_("target date"), null=True, blank=True)
    contact = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        validators=[validate_single_line],
        help_text=_("A name or an email address."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [
        FieldPanel("jurisdiction"),
        FieldPanel("topic"),
        FieldPanel("title"),
        FieldPanel("target_date"),
        FieldPanel("contact"),
    ]

    class Meta:
        ordering = ["jurisdiction__sort_order", "topic__sort_order", "title"]
        verbose_name = _("planned resource")
        verbose_name_plural = _("planned resources")
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "topic", "title"], name="resources_planned_unique_title"),
        ]

    def __str__(self):
        return self.title


class ResourceReview(models.Model):
    """A learner has reviewed a resource: a completion, so that a learning-plan step linking the
    resource can finish. On the resource's canonical page (one record in two languages)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resource_reviews", verbose_name=_("learner")
    )
    resource = models.ForeignKey(
        ResourcePage, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("resource")
    )
    reviewed_at = models.DateTimeField(_("reviewed"), auto_now_add=True)

    class Meta:
        verbose_name = _("resource review")
        verbose_name_plural = _("resource reviews")
        constraints = [models.UniqueConstraint(fields=["user", "resource"], name="resources_review_once")]


class LinkCheck(models.Model):
    """The last result of checking one external link (shared by the EN and FR pages that use it)."""

    url = models.URLField(_("URL"), max_length=500, unique=True)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=255, blank=True)
    checked_at = models.DateTimeField(_("checked at"))

    class Meta:
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")

    def __str__(self):
        return self.url

    @property
    def is_broken(self):
        return self.status_code is None or self.status_code >= 400
