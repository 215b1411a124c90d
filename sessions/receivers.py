"""Reactions to a session page being published, by whatever path (see literacy.receivers)."""

from .services import session_published


def tell_registrants_of_changes(sender, instance, **kwargs):
    session_published(session=instance)
