"""The completion protocol: how a learning-plan step learns whether a learner has done it.

A step links to a page (a course, a resource, a session). That page answers
`is_completed_by(user)`; the plan never imports the product app that owns the page.
"""

from typing import Protocol, runtime_checkable


@runtime_checkable
class Completable(Protocol):
    def is_completed_by(self, user) -> bool: ...


def is_completed(page, user) -> bool:
    """True when the page speaks the protocol and says the user completed it."""
    if user is None or not user.is_authenticated:
        return False
    specific = getattr(page, "specific", page)
    return isinstance(specific, Completable) and bool(specific.is_completed_by(user))
