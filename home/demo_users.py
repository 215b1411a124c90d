"""Demo sign-ins, one per role in Ontario and British Columbia, plus a superuser."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from literacy.models import Jurisdiction
from literacy.roles import WORKING_GROUP, Role, group_for

DEMO_PASSWORD = "ogl-demo-2026"

# (email, display name, jurisdiction code, role or None for a learner, preferred language)
DEMO_USERS = [
    ("learner.on@example.ca", "Olivia Learner", "ON", None, "en"),
    ("editor.on@example.ca", "Omar Editor", "ON", Role.EDITORS, "en"),
    ("moderator.on@example.ca", "Odile Moderator", "ON", Role.MODERATORS, "fr"),
    ("coordinator.on@example.ca", "Owen Coordinator", "ON", Role.COORDINATORS, "en"),
    ("learner.bc@example.ca", "Bianca Learner", "BC", None, "en"),
    ("editor.bc@example.ca", "Ben Editor", "BC", Role.EDITORS, "en"),
    ("moderator.bc@example.ca", "Béatrice Moderator", "BC", Role.MODERATORS, "fr"),
    ("coordinator.bc@example.ca", "Bruno Coordinator", "BC", Role.COORDINATORS, "en"),
]
SUPERUSER_EMAIL = "admin@example.ca"
WORKING_GROUP_EMAIL = "working.group@example.ca"


def _ensure_user(email, *, display_name, jurisdiction=None, language="en", superuser=False):
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(
            username=email.split("@")[0],
            email=email,
            display_name=display_name,
            jurisdiction=jurisdiction,
            preferred_language=language,
            is_staff=superuser,
            is_superuser=superuser,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def ensure_demo_users():
    """Create the demo accounts if missing; return [(email, role label)] for printing."""
    created = []
    for email, display_name, code, role, language in DEMO_USERS:
        jurisdiction = Jurisdiction.objects.get(code=code)
        user = _ensure_user(email, display_name=display_name, jurisdiction=jurisdiction, language=language)
        if role:
            user.groups.add(group_for(jurisdiction=jurisdiction, role=role))
        created.append((email, f"{code} {role.lower().rstrip('s') if role else 'learner'}"))
    _ensure_user(
        SUPERUSER_EMAIL,
        display_name="Site Administrator",
        jurisdiction=Jurisdiction.objects.get(code="CA"),
        superuser=True,
    )
    created.append((SUPERUSER_EMAIL, "superuser"))
    member = _ensure_user(WORKING_GROUP_EMAIL, display_name="Wen Working Group", jurisdiction=None, language="fr")
    member.groups.add(Group.objects.get(name=WORKING_GROUP))
    created.append((WORKING_GROUP_EMAIL, "national working group (aggregates only)"))
    return created
