from django.db.models import Q

from .models import Jurisdiction


def jurisdictions_for_role(*, user, role):
    """Jurisdictions in which `user` holds `role` ("Editors", "Moderators" or "Coordinators");
    a superuser holds every role everywhere."""
    if user is None or not user.is_authenticated:
        return Jurisdiction.objects.none()
    if user.is_superuser:
        return Jurisdiction.objects.all()
    field = {"Editors": "editors_group", "Moderators": "moderators_group", "Coordinators": "coordinators_group"}[role]
    return Jurisdiction.objects.filter(**{f"{field}__user": user}).distinct()


def jurisdictions_for_staff(*, user):
    """Jurisdictions in which `user` holds any role."""
    if user is None or not user.is_authenticated:
        return Jurisdiction.objects.none()
    if user.is_superuser:
        return Jurisdiction.objects.all()
    return Jurisdiction.objects.filter(
        Q(editors_group__user=user) | Q(moderators_group__user=user) | Q(coordinators_group__user=user)
    ).distinct()


def my_learning_section(request):
    """Learning plans the user has started, for "My learning". Filled in by the learning-plan work."""
    return None
