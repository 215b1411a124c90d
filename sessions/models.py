"""Learning sessions: the pages (index and session), registrations, their history, optional
self-identification (kept apart so it can be deleted) and the notification ledger.

Registrations change only through `sessions.services`."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PagePermissionTester
from wagtail.search import index

from home.page_cache import shows_seats
from literacy.jurisdiction_tree import JurisdictionFromTreeMixin
from literacy.models import Jurisdiction, validate_time_zone
from literacy.roles import Role
from literacy.routes import TranslatedRoutesMixin
from literacy.translation import canonical, synchronised_fields
from literacy.validators import validate_single_line

from .forms import SessionPageForm
from .rules import schedule_errors


class SessionIndexPage(TranslatedRoutesMixin, RoutablePageMixin, Page):
    french_segments = {"feed": "fil"}
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    template = "learning_sessions/session_index_page.html"

    class Meta:
        verbose_name = _("sessions index")

    def get_context(self, request, *args, **kwargs):
        from .selectors import session_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(session_listing(request=request, index_page=self))
        shows_seats(request)
        return context

    @path("feed/<str:code>/", name="feed")
    def feed(self, request, code):
        from .calendar import jurisdiction_feed
        from .selectors import upcoming_sessions

        jurisdiction = Jurisdiction.objects.filter(code__iexact=code).first()
        if jurisdiction is None:
            from django.http import Http404

            raise Http404
        sessions = upcoming_sessions(locale=self.locale).filter(jurisdiction=jurisdiction)
        response = HttpResponse(
            jurisdiction_feed(jurisdiction=jurisdiction, sessions=sessions), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'inline; filename="ogl-{jurisdiction.code.lower()}.ics"'
        return response


class SessionPermissionTester(PagePermissionTester):
    """Coordinators schedule their government's sessions themselves: they publish and unpublish a
    session with no moderator's approval. The review workflow still stands for editors' changes,
    and resources and courses keep it for everyone."""

    @cached_property
    def _coordinates_this_session(self):
        # One query per tester, however many of its checks ask.
        if not self.user.is_active or not self.page.jurisdiction_id:
            return False
        from literacy.selectors import jurisdictions_for_role

        coordinated = jurisdictions_for_role(user=self.user, role=Role.COORDINATORS)
        return coordinated.filter(pk=self.page.jurisdiction_id).exists()

    def can_publish(self):
        return super().can_publish() or (self.can_edit() and self._coordinates_this_session)

    def can_unpublish(self):
        if super().can_unpublish():
            return True
        return self.page.live and not self.page_locked() and self.can_edit() and self._coordinates_this_session


class SessionPage(JurisdictionFromTreeMixin, TranslatedRoutesMixin, RoutablePageMixin, Page):
    french_segments = {"calendar": "calendrier"}

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        VIRTUAL = "virtual", _("Virtual")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        FRENCH = "fr", _("French")
        BILINGUAL = "bilingual", _("Bilingual (English and French)")

    jurisdiction = models.ForeignKey(
        Jurisdiction,
        verbose_name=_("jurisdiction"),
        on_delete=models.PROTECT,
        related_name="sessions",
        editable=False,
    )
    description = RichTextField(_("description"), blank=True)
    linked_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("linked course or learning plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.VIRTUAL)
    venue = models.CharField(_("venue"), max_length=200, blank=True, validators=[validate_single_line])
    address = models.TextField(_("address"), blank=True)
    meeting_link = models.URLField(
        _("meeting link"), blank=True, help_text=_("Shown only to people with a booked seat.")
    )
    start = models.DateTimeField(_("start (UTC)"))
    end = models.DateTimeField(_("end (UTC)"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[validate_time_zone],
        help_text=_("IANA time zone the start and end are entered in; defaults to the jurisdiction's."),
    )
    language = models.CharField(_("language"), max_length=10, choices=Language.choices, default=Language.ENGLISH)
    capacity = models.PositiveIntegerField(_("capacity"), default=20)
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    facilitators = models.CharField(_("facilitators"), max_length=300, blank=True, validators=[validate_single_line])

    # One session, two pages: these are the same on both, whichever page an editor publishes
    # (literacy.translation.sync_facts); the title, description and venue name are translated.
    synchronised_facts = (
        "start",
        "end",
        "time_zone",
        "capacity",
        "format",
        "status",
        "registration_opens",
        "registration_closes",
        "address",
        "meeting_link",
        "language",
        "facilitators",
    )
    override_translatable_fields = synchronised_fields(*synchronised_facts)
    base_form_class = SessionPageForm
    content_panels = Page.content_panels + [
        FieldPanel("description"),
        PageChooserPanel("linked_page"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_local"), FieldPanel("end_local")]),
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("registration_opens_local"), FieldPanel("registration_closes_local")]),
            ],
            heading=_("When (local time in the session's time zone)"),
        ),
        FieldPanel("format"),
        FieldPanel("venue"),
        FieldPanel("address"),
        FieldPanel("meeting_link"),
        FieldPanel("language"),
        FieldPanel("capacity"),
        FieldPanel("facilitators"),
        FieldPanel("status"),
    ]
    search_fields = Page.search_fields + [index.SearchField("description"), index.FilterField("start")]
    parent_page_types = ["literacy.JurisdictionPage"]
    subpage_types: list = []
    template = "learning_sessions/session_page.html"

    class Meta:
        verbose_name = _("learning session")
        verbose_name_plural = _("learning sessions")

    def permissions_for_user(self, user):
        return SessionPermissionTester(user, self)

    def clean(self):
        super().clean()
        errors = {}
        try:
            validate_single_line(self.title)
        except ValidationError as error:
            errors["title"] = error.messages
        if self.time_zone:
            try:
                validate_time_zone(self.time_zone)
            except ValidationError as error:
                errors["time_zone"] = error.messages
        for field, messages in schedule_errors(
            start=self.start,
            end=self.end,
            registration_opens=self.registration_opens,
            registration_closes=self.registration_closes,
            capacity=self.capacity,
        ).items():
            errors.setdefault(field, []).extend(messages)
        if errors:
            raise ValidationError(errors)

    # --- time -----------------------------------------------------------------------------
    @property
    def calendar_uid(self):
        return f"ogl-session-{self.translation_key}@ogl.example.ca"

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.zone)

    @property
    def registration_deadline(self):
        """Registration (and waitlist promotion) stops here: the close date, else the start."""
        return self.registration_closes or self.start

    def registration_is_open(self, now=None):
        now = now or timezone.now()
        if self.status != self.Status.SCHEDULED:
            return False
        if self.registration_opens and now < self.registration_opens:
            return False
        return now < self.registration_deadline

    @property
    def registration_opens_later(self):
        return bool(self.registration_opens) and timezone.now() < self.registration_opens

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def schedule_state(self):
        """Where the session stands for its coordinators, in words: a draft nobody can see yet, a
        scheduled session (perhaps with changes not yet published), a cancelled or a past one."""
        if self.is_cancelled:
            return _("Cancelled")
        if not self.live:
            return _("Draft: not published")
        if self.end < timezone.now():
            return _("Past")
        if self.has_unpublished_changes:
            return _("Scheduled, with changes not yet published")
        return _("Scheduled")

    # --- counts ---------------------------------------------------------------------------
    @cached_property
    def canonical(self):
        """Registrations live on one page per session: the first page of its translation family."""
        return canonical(self)

    @cached_property
    def booked_count(self):
        return Registration.objects.filter(session=self.canonical, status__in=Registration.SEATS_TAKEN).count()

    @cached_property
    def waitlist_count(self):
        return Registration.objects.filter(session=self.canonical, status=Registration.Status.WAITLISTED).count()

    @property
    def seats_left(self):
        return max(0, self.capacity - self.booked_count)

    # --- completion protocol --------------------------------------------------------------
    def is_completed_by(self, user):
        """A learning-plan step pointing here is complete once the user attended (in either language tree)."""
        if user is None or not user.is_authenticated:
            return False
        return Registration.objects.filter(
            session__translation_key=self.translation_key, user=user, status=Registration.Status.ATTENDED
        ).exists()

    # --- routes ---------------------------------------------------------------------------
    def get_context(self, request, *args, **kwargs):
        from .selectors import session_detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(session_detail_context(request=request, session=self))
        shows_seats(request)
        return context

    @path("register/", name="register")
    def register_route(self, request):
        from .views import register_view

        return register_view(request, self)

    @path("cancel/", name="cancel")
    def cancel_route(self, request):
        from .views import cancel_view

        return cancel_view(request, self)

    @path("offer/<str:token>/", name="seat_offer")
    def seat_offer_route(self, request, token):
        from .views import seat_offer_view

        return seat_offer_view(request, self, token)

    @path("calendar/", name="ics")
    def ics_route(self, request):
        from .views import ics_view

        return ics_view(request, self)


class CalendarState(models.Model):
    """Per-session calendar SEQUENCE and the fingerprint of what registrants were last told. Kept off
    the page so page revisions never roll it back."""

    session = models.OneToOneField(SessionPage, on_delete=models.CASCADE, related_name="calendar_state")
    sequence = models.PositiveIntegerField(default=0)
    fingerprint = models.CharField(max_length=64, blank=True)


class Registration(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        WAITLISTED = "waitlisted", _("Waitlisted")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no_show", _("No-show")
        OFFERED = "offered", _("Seat offered")

    ACTIVE = (Status.BOOKED, Status.WAITLISTED, Status.OFFERED)
    # Statuses that hold a seat: attendance is recorded on booked seats and keeps them taken.
    SEAT_HOLDING = (Status.BOOKED, Status.ATTENDED, Status.NO_SHOW)
    # What capacity counts: the held seats and the seats offered to the waitlist until the offer ends.
    SEATS_TAKEN = (*SEAT_HOLDING, Status.OFFERED)

    session = models.ForeignKey(
        SessionPage, verbose_name=_("session"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="session_registrations",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    language_needs = models.TextField(_("language needs"), blank=True)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("seat offer open until"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(status__in=["booked", "waitlisted", "offered"]),
                name="sessions_one_active_registration_per_user",
            )
        ]
        indexes = [models.Index(fields=["session", "status", "created_at"])]

    def __str__(self):
        return f"{self.user} → {self.session} ({self.status})"

    @property
    def is_active(self):
        return self.status in self.ACTIVE


class RegistrationHistory(models.Model):
    class Reason(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        CANCELLED_BY_USER = "cancelled_by_user", _("Cancelled by the registrant")
        CANCELLED_BY_COORDINATOR = "cancelled_by_coordinator", _("Cancelled by a coordinator")
        PROMOTED = "promoted", _("Promoted from the waitlist")
        SESSION_CANCELLED = "session_cancelled", _("Session cancelled")
        MOVED = "moved", _("Moved to another session")
        ATTENDANCE = "attendance", _("Attendance recorded")
        WALK_IN = "walk_in", _("Came without registering")
        ANONYMISED = "anonymised", _("Anonymised")
        SEAT_OFFERED = "seat_offered", _("Offered a free seat")
        OFFER_ACCEPTED = "offer_accepted", _("Accepted the seat offered")
        OFFER_DECLINED = "offer_declined", _("Declined the seat offered")
        OFFER_EXPIRED = "offer_expired", _("Seat offer not accepted in time")

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20)
    reason = models.CharField(_("reason"), max_length=40, choices=Reason.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message"), blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("registration history entry")
        verbose_name_plural = _("registration history")


class SelfIdentification(models.Model):
    """Optional, voluntary GBA+ self-identification, kept apart from the registration so it can be
    deleted. Reported only as suppressed aggregates, never per person."""

    PREFER_NOT = "prefer_not_to_say"

    class Gender(models.TextChoices):
        WOMAN = "woman", _("Woman")
        MAN = "man", _("Man")
        NON_BINARY = "non_binary", _("Non-binary or another gender")
        PREFER_NOT = "prefer_not_to_say", _("Prefer not to say")

    class YesNo(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        PREFER_NOT = "prefer_not_to_say", _("Prefer not to say")

    class AgeRange(models.TextChoices):
        UNDER_30 = "under_30", _("Under 30")
        FROM_30_TO_49 = "30_49", _("30 to 49")
        FROM_50 = "50_plus", _("50 or over")
        PREFER_NOT = "prefer_not_to_say", _("Prefer not to say")

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="self_identification")
    gender = models.CharField(_("gender"), max_length=30, choices=Gender.choices, default=PREFER_NOT)
    indigenous = models.CharField(_("Indigenous person"), max_length=30, choices=YesNo.choices, default=PREFER_NOT)
    racialized = models.CharField(_("racialized person"), max_length=30, choices=YesNo.choices, default=PREFER_NOT)
    disability = models.CharField(
        _("person with a disability"), max_length=30, choices=YesNo.choices, default=PREFER_NOT
    )
    lgbtq = models.CharField(_("2SLGBTQI+ person"), max_length=30, choices=YesNo.choices, default=PREFER_NOT)
    age_range = models.CharField(_("age range"), max_length=30, choices=AgeRange.choices, default=PREFER_NOT)
    created_at = models.DateTimeField(default=timezone.now)

    FACTORS = ["gender", "indigenous", "racialized", "disability", "lgbtq", "age_range"]

    class Meta:
        verbose_name = _("self-identification")
        verbose_name_plural = _("self-identifications")


class Notification(models.Model):
    """One row per email we mean to send once: the unique key is claimed, under a row lock, in the
    transaction that sends. A send that fails is recorded with its error and tried again by a
    later run at most MAX_ATTEMPTS times in all; it never stops the other registrants' emails."""

    MAX_ATTEMPTS = 3

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=40)
    registration = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")


class SessionMessage(models.Model):
    """A message a coordinator sent to everyone registered for a session: what was said, by whom,
    to how many. Each copy goes out once through a Notification row of its own."""

    session = models.ForeignKey(SessionPage, on_delete=models.CASCADE, related_name="messages")
    token = models.UUIDField(unique=True, help_text="The form's own key, so that a double submit sends once.")
    subject = models.CharField(_("subject"), max_length=200, validators=[validate_single_line])
    body = models.TextField(_("message"), max_length=5000)
    include_waitlisted = models.BooleanField(_("include the waitlist"), default=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recipients = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("message to registrants")
        verbose_name_plural = _("messages to registrants")
        ordering = ["-created_at"]
