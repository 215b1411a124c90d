from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class MultipleChoiceField(models.CharField):
    """A set of choice codes stored as ",en,fr," so one `contains` lookup (",en,") filters on a
    single code on SQLite and PostgreSQL alike. The Python value is a list of codes."""

    def __init__(self, *args, multiple_choices=(), **kwargs):
        self.multiple_choices = list(multiple_choices)
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["multiple_choices"] = self.multiple_choices
        return name, path, args, kwargs

    @staticmethod
    def _split(value):
        if value is None:
            return []
        if isinstance(value, (list, tuple, set)):
            return [str(v) for v in value if v]
        return [part for part in str(value).split(",") if part]

    def from_db_value(self, value, expression, connection):
        return self._split(value)

    def to_python(self, value):
        return self._split(value)

    def get_prep_value(self, value):
        if isinstance(value, str):
            return value  # lookups pass a fragment such as ",en,"
        codes = self._split(value)
        return f",{','.join(codes)}," if codes else ""

    def value_to_string(self, obj):
        return self._split(self.value_from_object(obj))

    def validate(self, value, model_instance):
        codes = self._split(value)
        if not codes and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")
        known = {code for code, _label in self.multiple_choices}
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise ValidationError(
                _("Unknown value: %(value)s"), params={"value": ", ".join(unknown)}, code="invalid_choice"
            )

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.multiple_choices,
            required=not self.blank,
            label=kwargs.get("label", self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
