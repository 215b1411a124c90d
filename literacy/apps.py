from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiteracyConfig(AppConfig):
    name = "literacy"
    label = "literacy"
    verbose_name = _("Literacy vocabulary")
    default_auto_field = "django.db.models.BigAutoField"
