from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_urls
from .selectors import coordinator_jurisdictions


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("sessions-admin/", include((admin_urls, "learning_sessions_admin"), namespace="learning_sessions_admin"))
    ]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return coordinator_jurisdictions(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return CoordinatorMenuItem(
        _("Session registrations"), reverse("learning_sessions_admin:dashboard"), icon_name="date", order=350
    )
