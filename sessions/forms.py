from zoneinfo import available_timezones

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminDateTimeInput

from literacy.validators import validate_single_line

from .rules import schedule_errors
from .timeutils import CANADIAN_TIME_ZONES, NonexistentLocalTime, local_to_utc, utc_to_local_naive

# (local form field, model field, required)
LOCAL_FIELDS = [
    ("start_local", "start", True),
    ("end_local", "end", True),
    ("registration_opens_local", "registration_opens", False),
    ("registration_closes_local", "registration_closes", False),
]


class SessionPageForm(WagtailAdminPageForm):
    """Editors type wall-clock times in the session's zone; the model stores aware UTC."""

    start_local = forms.DateTimeField(label=_("Starts (local time)"), widget=AdminDateTimeInput)
    end_local = forms.DateTimeField(label=_("Ends (local time)"), widget=AdminDateTimeInput)
    registration_opens_local = forms.DateTimeField(
        label=_("Registration opens (local time)"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=_("Leave blank to open registration now."),
    )
    registration_closes_local = forms.DateTimeField(
        label=_("Registration closes (local time)"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=_("Leave blank to close registration when the session starts."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        jurisdiction = self._jurisdiction()
        if "time_zone" in self.fields and not instance.time_zone and jurisdiction is not None:
            # The instance's empty value is already in initial, so setdefault would keep it.
            self.initial["time_zone"] = jurisdiction.time_zone
        if "time_zone" in self.fields:
            # A list of the zones Canadians keep; a zone saved before (or a jurisdiction's default
            # edited to another) stays on the list rather than silently changing on save.
            choices = list(CANADIAN_TIME_ZONES)
            for extra in (instance.time_zone, jurisdiction.time_zone if jurisdiction else ""):
                if extra and extra not in {code for code, _label in choices}:
                    choices.append((extra, extra))
            self.fields["time_zone"].widget = forms.Select(choices=choices)
        if instance.time_zone:
            for local_name, model_name, _required in LOCAL_FIELDS:
                value = getattr(instance, model_name)
                if value is not None:
                    self.initial[local_name] = utc_to_local_naive(value, instance.time_zone)

    def _jurisdiction(self):
        if getattr(self.instance, "jurisdiction_id", None):
            return self.instance.jurisdiction
        parent = getattr(self, "parent_page", None)
        specific = getattr(parent, "specific", None) if parent is not None else None
        return getattr(specific, "jurisdiction", None)

    def clean(self):
        cleaned = super().clean()
        jurisdiction = self._jurisdiction()
        if jurisdiction is not None:
            self.instance.jurisdiction = jurisdiction
        zone = cleaned.get("time_zone") or (jurisdiction.time_zone if jurisdiction else "")
        if zone not in available_timezones():
            if "time_zone" not in self.errors:
                self.add_error("time_zone", _("Choose a valid IANA time zone, for example America/St_Johns."))
            return cleaned
        cleaned["time_zone"] = zone
        converted = {}
        for local_name, model_name, _required in LOCAL_FIELDS:
            value = cleaned.get(local_name)
            if value is None:
                converted[model_name] = None
                continue
            try:
                converted[model_name] = local_to_utc(value.replace(tzinfo=None), zone)
            except NonexistentLocalTime:
                self.add_error(
                    local_name, _("This time does not exist in %(zone)s (clocks spring forward).") % {"zone": zone}
                )
        local_name_of = {model_name: local_name for local_name, model_name, _required in LOCAL_FIELDS}
        for field, messages in schedule_errors(
            start=converted.get("start"),
            end=converted.get("end"),
            registration_opens=converted.get("registration_opens"),
            registration_closes=converted.get("registration_closes"),
            capacity=cleaned.get("capacity"),
        ).items():
            for message in messages:
                self.add_error(local_name_of.get(field, field), message)
        if any(name in self.errors for name, _m, _r in LOCAL_FIELDS) or "capacity" in self.errors:
            return cleaned  # leave the instance alone: the model's own checks would repeat these errors
        for model_name, value in converted.items():
            if model_name in ("start", "end") and value is None:
                continue
            setattr(self.instance, model_name, value)
        self.instance.time_zone = zone
        return cleaned


class RegistrationForm(forms.Form):
    """What a learner tells us when registering. Self-identification is optional and voluntary."""

    accessibility_needs = forms.CharField(
        label=_("Accessibility needs (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example sign language interpretation, captions, a step-free venue."),
    )
    language_needs = forms.CharField(
        label=_("Language needs (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example materials in French, or interpretation."),
    )

    SELF_ID_FIELDS = ["gender", "indigenous", "racialized", "disability", "lgbtq", "age_range"]

    def __init__(self, *args, **kwargs):
        from .models import SelfIdentification

        super().__init__(*args, **kwargs)
        for name in self.SELF_ID_FIELDS:
            model_field = SelfIdentification._meta.get_field(name)
            self.fields[name] = forms.ChoiceField(
                label=model_field.verbose_name.capitalize()
                if hasattr(model_field.verbose_name, "capitalize")
                else model_field.verbose_name,
                choices=model_field.choices,
                initial=SelfIdentification.PREFER_NOT,
                required=False,
                widget=forms.RadioSelect,
            )

    def self_identification(self):
        """The answers, or None when every answer is "prefer not to say" (then nothing is stored)."""
        from .models import SelfIdentification

        answers = {name: self.cleaned_data.get(name) or SelfIdentification.PREFER_NOT for name in self.SELF_ID_FIELDS}
        if all(value == SelfIdentification.PREFER_NOT for value in answers.values()):
            return None
        return answers

    def self_id_fields(self):
        return [self[name] for name in self.SELF_ID_FIELDS]


class DuplicateSessionForm(forms.Form):
    """When the copy takes place, in the session's own time zone; everything else is copied."""

    start_local = forms.DateTimeField(
        label=_("New start (local time)"),
        widget=AdminDateTimeInput(),
        help_text=_("In the session's time zone. The copy keeps the length and the registration window."),
    )

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session

    def clean_start_local(self):
        from django.utils import timezone

        value = self.cleaned_data["start_local"]
        try:
            start = local_to_utc(value.replace(tzinfo=None), self.session.time_zone)
        except NonexistentLocalTime:
            raise forms.ValidationError(
                _("This time does not exist in %(zone)s (clocks spring forward).") % {"zone": self.session.time_zone}
            ) from None
        if start <= timezone.now():
            raise forms.ValidationError(_("Choose a start in the future."))
        return start


class MessageRegistrantsForm(forms.Form):
    token = forms.UUIDField(widget=forms.HiddenInput)
    subject = forms.CharField(label=_("Subject"), max_length=200, validators=[validate_single_line])
    body = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))
    include_waitlisted = forms.BooleanField(label=_("Also send it to the people on the waitlist"), required=False)


class WalkInForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150, validators=[validate_single_line])
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("Their certificate goes to the account with this address; one is made if there is none."),
    )


class CancelSessionForm(forms.Form):
    message = forms.CharField(
        label=_("Message to everyone registered"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )


class RegistrationActionForm(forms.Form):
    ACTIONS = [
        ("attended", _("Mark attended")),
        ("no_show", _("Mark no-show")),
        ("promote", _("Promote from waitlist")),
        ("cancel", _("Cancel registration")),
        ("move", _("Move to another session")),
    ]
    action = forms.ChoiceField(label=_("Action"), choices=ACTIONS)
    registrations = forms.ModelMultipleChoiceField(
        label=_("Registrations"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    target_session = forms.ModelChoiceField(label=_("Move to session"), queryset=None, required=False)

    def __init__(self, *args, session, target_sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registrations"].queryset = session.registrations.all()
        self.fields["target_session"].queryset = target_sessions

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "move" and not cleaned.get("target_session"):
            self.add_error("target_session", _("Choose the session to move these registrations to."))
        return cleaned
