"""Certificates: issued once per learner and subject, verified publicly by a random code.

Uniqueness: one certificate per (user, content type, object id) where the object is the
subject's canonical page (`literacy.translation.canonical`): a course completed partly in
English and partly in French gives one certificate. It carries the subject's title in both
languages and is rendered once per language, on first request, in the reader's language.
"""

import base64
import secrets
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_verification_code():
    """80 random bits, base32 without padding: 16 characters, easy to read aloud and type."""
    return base64.b32encode(secrets.token_bytes(10)).decode("ascii")


def certificate_upload_to(instance, filename):
    return f"certificates/{instance.code}.pdf"


class Certificate(models.Model):
    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        PLAN = "plan", _("Learning plan")
        SESSION = "session", _("Learning session")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates")
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    code = models.CharField(
        _("verification code"), max_length=32, unique=True, default=new_verification_code, editable=False
    )
    learner_name = models.CharField(_("learner name"), max_length=200)
    subject_title = models.CharField(_("title"), max_length=255)
    subject_title_fr = models.CharField(_("title (French)"), max_length=255, blank=True)
    subject_language = models.CharField(_("language"), max_length=8, default="en")
    jurisdiction = models.ForeignKey(
        "literacy.Jurisdiction",
        verbose_name=_("jurisdiction"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    pdf = models.FileField(_("PDF"), upload_to=certificate_upload_to, blank=True)
    pdf_fr = models.FileField(_("PDF (French)"), upload_to=certificate_upload_to, blank=True)
    former_codes = models.TextField(
        _("former codes"),
        blank=True,
        editable=False,
        help_text=_(
            "Codes of certificates merged into this one (one per language page before both languages "
            "shared one record); they still verify."
        ),
    )
    rendered_at = models.DateTimeField(_("rendered"), null=True, blank=True)
    render_count = models.PositiveIntegerField(_("times rendered"), default=0, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="literacy_certificate_once_per_subject"
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.subject_title} — {self.learner_name} ({self.code})"

    def title_in(self, language):
        return self.subject_title_fr if language == "fr" and self.subject_title_fr else self.subject_title

    @property
    def title(self):
        from .core import current_language_is_french

        return self.title_in("fr" if current_language_is_french() else "en")

    def pdf_field(self, language):
        """The stored rendering in `language` (English for anything but French)."""
        return self.pdf_fr if language == "fr" else self.pdf

    @classmethod
    def by_code(cls, code):
        """The certificate a verification code names, including codes merged into another."""
        code = (code or "").strip().upper()
        if not code:
            return None
        found = cls.objects.filter(code=code).first()
        if found is None:
            found = cls.objects.filter(former_codes__contains=code).first()
        return found

    @property
    def issued_on(self):
        """The day of issue on the learner's own calendar, the date the PDF and the verification
        page both show: an evening completion in Vancouver is not dated the next day."""
        return timezone.localtime(self.issued_at, ZoneInfo(self.user.effective_time_zone)).date()

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @classmethod
    def for_subject(cls, *, user, subject):
        from ..translation import canonical

        subject = canonical(subject) if hasattr(subject, "translation_key") else subject
        content_type = ContentType.objects.get_for_model(subject)
        return cls.objects.filter(user=user, content_type=content_type, object_id=subject.pk).first()
