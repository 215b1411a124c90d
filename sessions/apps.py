from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningSessionsConfig(AppConfig):
    name = "sessions"
    label = "learning_sessions"
    verbose_name = _("Learning sessions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from literacy.provisioning import ROLE_COORDINATORS, register_role_permissions

        register_role_permissions(
            role=ROLE_COORDINATORS,
            permissions=[
                "learning_sessions.view_registration",
                "learning_sessions.change_registration",
                "learning_sessions.view_registrationhistory",
            ],
        )
