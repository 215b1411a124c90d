from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from literacy.models import Audience, JurisdictionPage, Topic
from literacy.routes import TranslatedRoutesMixin
from literacy.translation import synchronised_fields

from .blocks import KnowledgeCheckBlock, LessonBodyBlock


class CourseIndexPage(Page):
    """The national catalogue: every live course in this language tree, with filters."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list = []
    max_count_per_parent = 1
    template = "courses/course_index_page.html"

    class Meta:
        verbose_name = _("courses index")

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_catalogue

        context = super().get_context(request, *args, **kwargs)
        context.update(course_catalogue(request=request, locale=self.locale))
        return context


class CoursePage(TranslatedRoutesMixin, RoutablePageMixin, Page):
    french_segments = {"resume": "reprendre", "certificate": "certificat"}

    class Language(models.TextChoices):
        ENGLISH = "en", "English"
        FRENCH = "fr", "Français"
        BILINGUAL = "bilingual", _("Bilingual")

    summary = models.TextField(_("summary"))
    learning_objectives = RichTextField(
        _("learning objectives"), blank=True, features=["ul", "ol", "bold", "italic", "link"]
    )
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="+")
    audiences = ParentalManyToManyField(Audience, verbose_name=_("audiences"), blank=True, related_name="+")
    estimated_duration = models.PositiveIntegerField(_("estimated duration (minutes)"), default=30)
    language = models.CharField(_("language"), max_length=10, choices=Language.choices, default=Language.ENGLISH)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (percent)"), default=80, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    prerequisites = ParentalManyToManyField(
        "self", verbose_name=_("prerequisite courses"), blank=True, symmetrical=False, related_name="+"
    )

    # The same on both language pages (literacy.translation.sync_facts); `language` says which
    # language each page's own content is in, so it is not shared.
    synchronised_facts = ("estimated_duration", "pass_mark", "topics", "audiences")
    override_translatable_fields = synchronised_fields(*synchronised_facts)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("learning_objectives"),
        MultiFieldPanel(
            [
                FieldPanel("topics"),
                FieldPanel("audiences"),
                FieldPanel("estimated_duration"),
                FieldPanel("language"),
                FieldPanel("pass_mark"),
                FieldPanel("prerequisites"),
            ],
            heading=_("Catalogue details"),
        ),
    ]
    parent_page_types = ["literacy.JurisdictionPage"]
    subpage_types = ["courses.LessonPage"]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("learning_objectives")]
    template = "courses/course_page.html"

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @cached_property
    def jurisdiction(self):
        parent = JurisdictionPage.objects.ancestor_of(self).select_related("jurisdiction").first()
        return parent.jurisdiction if parent else None

    def lessons(self):
        return LessonPage.objects.child_of(self).live().order_by("path")

    def is_completed_by(self, user):
        """The completion protocol: every live lesson complete and every knowledge check passed."""
        from .selectors import course_progress

        return course_progress(course=self, user=user)["is_complete"]

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_progress, enrolment_for

        context = super().get_context(request, *args, **kwargs)
        context["enrolment"] = enrolment_for(course=self, user=request.user)
        context["progress"] = course_progress(course=self, user=request.user)
        return context

    @path("")
    def course(self, request):
        return self.render(request)

    @path("enrol/")
    def enrol(self, request):
        from .views import enrol

        return enrol(request, course=self)

    @path("resume/")
    def resume(self, request):
        from .views import resume

        return resume(request, course=self)

    @path("certificate/")
    def certificate(self, request):
        from .views import course_certificate

        return course_certificate(request, course=self)


class LessonPage(RoutablePageMixin, Page):
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"), blank=True)
    knowledge_check = StreamField(
        KnowledgeCheckBlock(),
        verbose_name=_("knowledge check"),
        blank=True,
        help_text=_(
            "Optional questions at the end of the lesson. Answers and feedback are shown only after submission."
        ),
    )
    quiz_draw = models.PositiveSmallIntegerField(
        _("questions asked per attempt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Make the knowledge check a bank: each attempt asks this many of its questions, drawn at random, "
            "the same ones in both languages. Leave empty to ask every question."
        ),
    )

    # Both language pages draw from one bank by position, so they ask the same number.
    synchronised_facts = ("quiz_draw",)
    override_translatable_fields = synchronised_fields(*synchronised_facts)

    content_panels = Page.content_panels + [FieldPanel("body"), FieldPanel("knowledge_check"), FieldPanel("quiz_draw")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list = []
    search_fields = Page.search_fields + [index.SearchField("body")]
    template = "courses/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @cached_property
    def course(self):
        return CoursePage.objects.get(pk=self.get_parent().pk)

    def is_completed_by(self, user):
        """The completion protocol for a single lesson (learning-plan steps may link to one)."""
        from .selectors import course_progress

        rows = course_progress(course=self.course, user=user)["lessons"]
        return any(row["done"] for row in rows if row["lesson"].pk == self.pk)

    @property
    def has_knowledge_check(self):
        return len(self.knowledge_check) > 0

    def questions(self):
        """The knowledge check as plain data: [(question_id, value), ...]."""
        return [(child.id, child.value) for child in self.knowledge_check]

    @property
    def questions_per_attempt(self):
        size = len(self.knowledge_check)
        return min(self.quiz_draw, size) if self.quiz_draw else size

    def clean(self):
        super().clean()
        if self.quiz_draw and self.quiz_draw > len(self.knowledge_check):
            raise ValidationError(
                {
                    "quiz_draw": _("The knowledge check has %(count)s questions; ask at most that many.")
                    % {"count": len(self.knowledge_check)}
                }
            )

    def get_context(self, request, *args, **kwargs):
        from .selectors import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(lesson=self, request=request))
        return context

    @path("")
    def lesson(self, request):
        return self.render(request)

    @path("complete/")
    def complete(self, request):
        from .views import complete_lesson

        return complete_lesson(request, lesson=self)

    @path("check/", name="check")
    def submit_knowledge_check(self, request):
        from .views import submit_check

        return submit_check(request, lesson=self)


class Enrolment(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="enrolments")
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="courses_enrolment_once")]

    def __str__(self):
        return f"{self.user} — {self.course}"


class LessonCompletion(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(_("completed"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="courses_lessoncompletion_once")]


class QuizAttempt(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="attempts")
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    score = models.PositiveSmallIntegerField(_("score (percent)"))
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (percent)"))
    passed = models.BooleanField(_("passed"))
    # Positions in the lesson's bank, in the order asked; empty for attempts that were asked every question.
    questions = models.JSONField(_("questions asked"), default=list, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("knowledge check attempt")
        verbose_name_plural = _("knowledge check attempts")
        indexes = [models.Index(fields=["user", "lesson", "passed"])]


class QuizDraw(models.Model):
    """The questions a learner is asked in the attempt they have not submitted yet, as positions
    in the lesson's bank: kept until they submit, so a reload or a change of language shows the same
    questions, and grading uses exactly these."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_draws")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="draws")
    questions = models.JSONField(_("questions drawn"), default=list)
    drawn_at = models.DateTimeField(_("drawn"), auto_now_add=True)

    class Meta:
        verbose_name = _("questions drawn for an attempt")
        verbose_name_plural = _("questions drawn for attempts")
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="courses_quizdraw_once")]


class QuizAnswer(models.Model):
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField(_("question"), max_length=64)
    selected = models.JSONField(_("selected options"), default=list)
    is_correct = models.BooleanField(_("correct"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["attempt", "question_id"], name="courses_quizanswer_once")]
