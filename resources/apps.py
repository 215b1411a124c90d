from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    label = "resources"
    verbose_name = _("Resources")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from literacy.provisioning import register_role_permissions
        from literacy.roles import Role

        planned = [
            "resources.add_plannedresource",
            "resources.change_plannedresource",
            "resources.delete_plannedresource",
        ]
        for role in Role:
            register_role_permissions(role=role, permissions=planned)
