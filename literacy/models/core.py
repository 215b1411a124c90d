from zoneinfo import available_timezones

from django.contrib.auth.models import AbstractUser, Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Collection, Page
from wagtail.search import index

from ..validators import validate_single_line


def validate_time_zone(value):
    if value and value not in available_timezones():
        raise ValidationError(_("“%(value)s” is not a known IANA time zone."), params={"value": value})


def current_language_is_french():
    """The one test of the reader's language: everything that is not French is English."""
    return (get_language() or "en").startswith("fr")


def current_language():
    """ "fr" or "en": the site's two languages, whatever regional variant is active."""
    return "fr" if current_language_is_french() else "en"


class BilingualNameMixin:
    """Vocabulary rows carry both official languages; `name` follows the active language."""

    @property
    def name(self):
        return self.name_fr if current_language_is_french() and self.name_fr else self.name_en

    def __str__(self):
        return self.name


class Jurisdiction(BilingualNameMixin, models.Model):
    class Kind(models.TextChoices):
        FEDERAL = "federal", _("Federal")
        PROVINCIAL = "provincial", _("Provincial")
        TERRITORIAL = "territorial", _("Territorial")
        MUNICIPAL = "municipal", _("Municipal")

    code = models.CharField(_("code"), max_length=12, unique=True, help_text=_("For example ON or BC."))
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    time_zone = models.CharField(_("default time zone"), max_length=64, validators=[validate_time_zone])
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class XAPIActor(models.TextChoices):
        EMAIL = "mbox", _("Email address (mbox)")
        ACCOUNT = "account", _("Opaque account identifier")

    xapi_actor = models.CharField(
        _("learners in xAPI statements"),
        max_length=10,
        choices=XAPIActor.choices,
        default=XAPIActor.ACCOUNT,
        help_text=_("How this government's learners are named in the statements sent to learning record stores."),
    )
    editors_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    moderators_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    coordinators_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.OneToOneField(
        Collection, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("name_en"),
        FieldPanel("name_fr"),
        FieldPanel("kind"),
        FieldPanel("time_zone"),
        FieldPanel("sort_order"),
        FieldPanel("xapi_actor"),
    ]

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")


class Topic(BilingualNameMixin, models.Model):
    class Category(models.TextChoices):
        PILLAR = "pillar", _("Open government pillar")
        TOOLKIT = "toolkit", _("Open data toolkit")
        ENGAGEMENT = "engagement", _("Engagement")

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("slug"),
        FieldPanel("name_en"),
        FieldPanel("name_fr"),
        FieldPanel("description_en"),
        FieldPanel("description_fr"),
        FieldPanel("category"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    @property
    def description(self):
        return self.description_fr if current_language_is_french() and self.description_fr else self.description_en


class Audience(BilingualNameMixin, models.Model):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [FieldPanel("slug"), FieldPanel("name_en"), FieldPanel("name_fr"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class User(AbstractUser):
    class Language(models.TextChoices):
        ENGLISH = "en", "English"
        FRENCH = "fr", "Français"

    display_name = models.CharField(_("display name"), max_length=150, blank=True, validators=[validate_single_line])
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        verbose_name=_("jurisdiction"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    organization = models.CharField(_("organization"), max_length=200, blank=True, validators=[validate_single_line])
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("Leave blank to use your jurisdiction's time zone."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def public_name(self):
        return self.display_name or self.get_full_name() or self.email or self.username

    @property
    def effective_time_zone(self):
        if self.time_zone:
            return self.time_zone
        if self.jurisdiction_id:
            return self.jurisdiction.time_zone
        return "America/Toronto"


class JurisdictionIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["literacy.JurisdictionPage"]
    max_count_per_parent = 1
    template = "literacy/jurisdiction_index_page.html"

    class Meta:
        verbose_name = _("jurisdictions index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["jurisdiction_pages"] = (
            JurisdictionPage.objects.child_of(self)
            .live()
            .select_related("jurisdiction")
            .order_by("jurisdiction__sort_order")
        )
        return context


class JurisdictionPage(Page):
    """Root of one jurisdiction's content: permissions and the review workflow attach here."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name=_("jurisdiction"), on_delete=models.PROTECT, related_name="pages"
    )
    intro = RichTextField(_("introduction"), blank=True)

    # Provisioning sets the jurisdiction; editors may not move a root to another government.
    content_panels = Page.content_panels + [FieldPanel("jurisdiction", read_only=True), FieldPanel("intro")]
    parent_page_types = ["literacy.JurisdictionIndexPage"]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    template = "literacy/jurisdiction_page.html"

    class Meta:
        verbose_name = _("jurisdiction page")

    @cached_property
    def content_sections(self):
        """The live children grouped by page type, for the jurisdiction's landing page."""
        sections = {}
        for child in self.get_children().live().specific().order_by("title"):
            sections.setdefault(child._meta.verbose_name_plural, []).append(child)
        return sorted(sections.items())


class LearningPlanIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1
    template = "literacy/learning_plan_index_page.html"

    class Meta:
        verbose_name = _("learning plans index")


class WorkerHeartbeat(models.Model):
    """When each background worker (`manage.py run_worker`) last showed it was alive."""

    worker_id = models.CharField(max_length=64, unique=True)
    beat_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return f"{self.worker_id} @ {self.beat_at:%Y-%m-%d %H:%M:%S}"


class LearningStatement(models.Model):
    """One xAPI statement for one Learning Record Store: the learning event it reports, its
    delivery state. The statement id is derived from the event, so a store that receives it
    twice keeps it once (xAPI PUT with statementId)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    statement_id = models.UUIDField(_("statement id"))
    event = models.CharField(_("event"), max_length=200)
    lrs = models.CharField(_("learning record store"), max_length=64)
    statement = models.JSONField(_("statement"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("learning statement")
        verbose_name_plural = _("learning statements")
        constraints = [models.UniqueConstraint(fields=["event", "lrs"], name="literacy_statement_once_per_store")]

    def __str__(self):
        return f"{self.event} → {self.lrs} ({self.status})"


class ScheduledJob(models.Model):
    """When a scheduled job (literacy.schedule) was last queued; the row every worker's scheduler
    claims with a conditional update, so a job is queued once per period whatever the workers."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    last_queued_at = models.DateTimeField(_("last queued"), null=True, blank=True)

    class Meta:
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")

    def __str__(self):
        return self.name
