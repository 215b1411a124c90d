"""Learning plans: ordered steps linking to any page, with an expected outcome.

A step asks its linked page whether a learner completed it through `literacy.completion`,
so this module never imports the product apps.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from ..routes import TranslatedRoutesMixin
from ..translation import synchronised_fields


class Principle(models.Model):
    """A reusable principle or practice, one row in both official languages."""

    class Kind(models.TextChoices):
        PRINCIPLE = "principle", _("Principle")
        PRACTICE = "practice", _("Practice")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PRINCIPLE)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("slug"),
        FieldPanel("name_en"),
        FieldPanel("name_fr"),
        FieldPanel("description_en"),
        FieldPanel("description_fr"),
    ]

    class Meta:
        ordering = ["kind", "slug"]
        verbose_name = _("principle or practice")
        verbose_name_plural = _("principles and practices")

    def __str__(self):
        return self.name

    @property
    def name(self):
        from .core import current_language_is_french

        return self.name_fr if current_language_is_french() and self.name_fr else self.name_en

    @property
    def description(self):
        from .core import current_language_is_french

        return self.description_fr if current_language_is_french() and self.description_fr else self.description_en


class LearningPlanPage(TranslatedRoutesMixin, RoutablePageMixin, Page):
    french_segments = {"pdf": "imprimer"}

    class Framework(models.TextChoices):
        FOGO = "fogo", _("Feminist Open Government (FOGO)")
        GBA_PLUS = "gba_plus", _("Gender-based Analysis Plus (GBA Plus)")
        GENERAL = "general", _("General")

    framework = models.CharField(_("framework"), max_length=20, choices=Framework.choices, default=Framework.GENERAL)
    introduction = RichTextField(_("introduction"), blank=True)
    principles = ParentalManyToManyField(Principle, verbose_name=_("principles and practices"), blank=True)

    synchronised_facts = ("framework", "principles")
    override_translatable_fields = synchronised_fields(*synchronised_facts)

    content_panels = Page.content_panels + [
        FieldPanel("framework"),
        FieldPanel("introduction"),
        FieldPanel("principles"),
        InlinePanel("steps", label=_("Steps"), min_num=1),
    ]
    parent_page_types = ["literacy.LearningPlanIndexPage"]
    subpage_types: list = []
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    template = "literacy/learning_plan_page.html"

    class Meta:
        verbose_name = _("learning plan")
        verbose_name_plural = _("learning plans")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import plan_progress
        from ..services import MIN_REFLECTION_CHARACTERS

        context = super().get_context(request, *args, **kwargs)
        context["progress"] = plan_progress(plan=self, user=request.user)
        if request.user.is_authenticated:
            for row in context["progress"]["steps"]:
                row["draft"] = request.session.get(f"plan-reflection-{row['step'].pk}", "") or row["reflection"]
        context["min_reflection"] = MIN_REFLECTION_CHARACTERS
        return context

    def clean(self):
        super().clean()
        steps = list(self.steps.all())
        if steps and not any(step.linked_page_id for step in steps):
            raise ValidationError(
                _(
                    "Link at least one step to a course, lesson, session, resource or plan: a plan's "
                    "certificate is never earned by the learner's own reflections alone."
                )
            )

    def is_completed_by(self, user):
        from ..selectors import plan_progress

        progress = plan_progress(plan=self, user=user)
        return progress["total"] > 0 and progress["done"] == progress["total"]

    @path("")
    def plan(self, request):
        return self.render(request)

    @path("start/")
    def start(self, request):
        from ..views import start_plan

        return start_plan(request, plan=self)

    @path("steps/<int:step_id>/done/", name="step_done")
    def step_done(self, request, step_id):
        from ..views import complete_plan_step

        return complete_plan_step(request, plan=self, step_id=step_id)

    @path("certificate/")
    def certificate(self, request):
        from ..views import plan_certificate

        return plan_certificate(request, plan=self)

    @path("pdf/")
    def pdf(self, request):
        from ..views import plan_pdf

        return plan_pdf(request, plan=self)


class LearningPlanStep(TranslatableMixin, Orderable):
    """A step of a plan. Translatable, so the French plan's step is the same step as the English
    one (same translation key): a learner's check mark counts in both languages, and
    wagtail-localize offers its title and outcome for translation instead of overwriting them."""

    plan = ParentalKey(LearningPlanPage, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Leave blank to use the linked page's title.")
    )
    linked_page = models.ForeignKey(
        Page, verbose_name=_("linked page"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expected_outcome = models.TextField(_("expected outcome"))

    panels = [FieldPanel("linked_page"), FieldPanel("title"), FieldPanel("expected_outcome")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    @property
    def display_title(self):
        if self.title:
            return self.title
        return self.linked_page.title if self.linked_page_id else ""


class PlanEnrolment(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_enrolments")
    plan = models.ForeignKey(LearningPlanPage, on_delete=models.CASCADE, related_name="enrolments")
    started_at = models.DateTimeField(_("started"), auto_now_add=True)

    class Meta:
        verbose_name = _("plan enrolment")
        verbose_name_plural = _("plan enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "plan"], name="literacy_planenrolment_unique")]


class PlanStepCompletion(models.Model):
    """A practice step (one that links to no page) done: the learner's reflection on it, kept so
    that the step is evidence and not a tick, on the step of the plan's canonical page."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_step_completions")
    step = models.ForeignKey(LearningPlanStep, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(_("completed"), auto_now_add=True)
    reflection = models.TextField(
        _("reflection"), blank=True, help_text=_("What the learner did and learned in this practice step.")
    )

    class Meta:
        verbose_name = _("plan step completion")
        verbose_name_plural = _("plan step completions")
        constraints = [models.UniqueConstraint(fields=["user", "step"], name="literacy_planstepcompletion_unique")]
