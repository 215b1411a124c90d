from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from literacy.models import Jurisdiction
from literacy.timezones import CANADIAN_TIME_ZONES

TIME_ZONE_CHOICES = [("", _("Same as my jurisdiction"))] + CANADIAN_TIME_ZONES


class ProfileFieldsMixin(forms.Form):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=150,
        required=False,
        help_text=_("Shown on your certificates. Leave blank to use your email address."),
    )
    jurisdiction = forms.ModelChoiceField(
        label=_("Jurisdiction"),
        queryset=Jurisdiction.objects.all(),
        required=False,
        empty_label=_("Choose your government"),
    )
    organization = forms.CharField(label=_("Organization"), max_length=200, required=False)
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=get_user_model().Language.choices)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONE_CHOICES, required=False)


class SignupProfileForm(ProfileFieldsMixin):
    """Extra fields on allauth's sign-up form; allauth calls `signup` once the user exists."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from literacy.models import current_language

        self.fields["preferred_language"].initial = current_language()

    def signup(self, request, user):
        for field in ("display_name", "jurisdiction", "organization", "preferred_language", "time_zone"):
            setattr(user, field, self.cleaned_data[field] or ("" if field != "jurisdiction" else None))
        user.save()


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONE_CHOICES, required=False)

    class Meta:
        model = get_user_model()
        fields = ["display_name", "jurisdiction", "organization", "preferred_language", "time_zone"]
        labels = {
            "display_name": _("Display name"),
            "jurisdiction": _("Jurisdiction"),
            "organization": _("Organization"),
            "preferred_language": _("Preferred language"),
        }
        help_texts = {"display_name": _("Shown on your certificates. Leave blank to use your email address.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A screen reader reads Django's "---------" as a row of dashes.
        self.fields["jurisdiction"].empty_label = _("Choose your government")
