from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    label = "home"
    verbose_name = _("Site shell")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from literacy.provisioning import register_role_permissions
        from literacy.roles import Role

        from .page_cache import connect_receivers

        connect_receivers()
        register_role_permissions(role=Role.MODERATORS, permissions=["home.change_problemreport"])
