"""A session's rules that more than one place checks."""

from django.utils.translation import gettext_lazy as _


def schedule_errors(*, start, end, registration_opens, registration_closes, capacity):
    """The rules of a session's schedule, written once for the model and the admin form (which
    checks them on the times it converted from the session's zone): {field: [message, ...]}."""
    errors = {}

    def refuse(field, message):
        errors.setdefault(field, []).append(message)

    if start and end and end <= start:
        refuse("end", _("The session must end after it starts."))
    if capacity is not None and capacity < 1:
        refuse("capacity", _("Capacity must be at least 1."))
    if start and registration_closes and registration_closes > start:
        refuse("registration_closes", _("Registration must close before the session starts."))
    if start and registration_opens and registration_opens >= start:
        refuse("registration_opens", _("Registration must open before the session starts."))
    if registration_opens and registration_closes and registration_closes <= registration_opens:
        refuse("registration_closes", _("Registration must close after it opens."))
    return errors
