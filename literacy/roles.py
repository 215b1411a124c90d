"""The roles a person holds in a government's team, and the one way admin views check them.

A role is held per government, through that government's group (`Jurisdiction.editors_group`
and so on); a superuser holds every role everywhere. Admin views gated by a role use
`role_required`, menu items `literacy.admin_menu.RoleMenuItem` with the same role, so that what
the menu shows and what the view lets in never differ; a refusal is always the same plain 403
page (Wagtail's admin would turn PermissionDenied into a redirect to the dashboard)."""

from functools import wraps

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    EDITORS = "Editors", _("Editors")
    MODERATORS = "Moderators", _("Moderators")
    COORDINATORS = "Coordinators", _("Coordinators")


GROUP_FIELDS = {
    Role.EDITORS: "editors_group",
    Role.MODERATORS: "moderators_group",
    Role.COORDINATORS: "coordinators_group",
}


# The Canada Open Government Working Group sees every government's aggregates, and nothing else:
# one national group, not a role held per government.
WORKING_GROUP = "Working group"


def in_working_group(user):
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=WORKING_GROUP).exists()


def holds(user, role):
    """Whether `user` holds `role` somewhere (any role when None; the working group by its name)."""
    from .selectors import jurisdictions_for_role, jurisdictions_for_staff

    if role == WORKING_GROUP:
        return in_working_group(user)
    if role is None:
        return jurisdictions_for_staff(user=user).exists()
    return jurisdictions_for_role(user=user, role=role).exists()


def group_for(*, jurisdiction, role):
    """The group through which people hold `role` in `jurisdiction`."""
    return getattr(jurisdiction, GROUP_FIELDS[Role(role)])


def forbidden(request, reason=None):
    """The one refusal of the admin's own views: a 403 page that says why, in the user's language."""
    from django.http import HttpResponseForbidden
    from django.template.loader import render_to_string

    return HttpResponseForbidden(render_to_string("literacy/admin/403.html", {"reason": reason}, request=request))


def role_required(role=None):
    """Lets in those who hold `role` in at least one government (any role when None); the view
    itself still scopes what it shows to those governments."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not holds(request.user, role):
                return forbidden(request)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate
