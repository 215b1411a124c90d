from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningSessionsConfig(AppConfig):
    name = "sessions"
    label = "learning_sessions"
    verbose_name = _("Learning sessions")
    default_auto_field = "django.db.models.BigAutoField"
