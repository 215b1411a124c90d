from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningSessionsConfig(AppConfig):
    name = "sessions"
    label = "learning_sessions"
    verbose_name = _("Learning sessions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from literacy.provisioning import register_role_permissions
        from literacy.roles import Role

        from .models import SessionPage
        from .receivers import tell_registrants_of_changes

        page_published.connect(tell_registrants_of_changes, sender=SessionPage, dispatch_uid="sessions-notify-change")

        register_role_permissions(
            role=Role.COORDINATORS,
            permissions=[
                "learning_sessions.view_registration",
                "learning_sessions.change_registration",
                "learning_sessions.view_registrationhistory",
            ],
        )
