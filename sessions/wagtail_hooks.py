from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from literacy.admin_menu import RoleMenuItem
from literacy.roles import Role

from . import admin_urls


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("sessions-admin/", include((admin_urls, "learning_sessions_admin"), namespace="learning_sessions_admin"))
    ]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return RoleMenuItem(
        _("Session registrations"),
        reverse("learning_sessions_admin:dashboard"),
        icon_name="date",
        order=350,
        role=Role.COORDINATORS,
    )
