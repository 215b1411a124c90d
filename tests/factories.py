import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from literacy.models import Jurisdiction
from literacy.roles import Role

PASSWORD = "correct-horse-battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.ca")
    display_name = factory.Faker("name")
    preferred_language = "en"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )
        if create:
            self.save()


def staff_user(code, role, **kwargs):
    """A user in the "<code> <role>" group, e.g. staff_user("ON", "Editors")."""
    jurisdiction = Jurisdiction.objects.get(code=code)
    user = UserFactory(jurisdiction=jurisdiction, **kwargs)
    group = {
        Role.EDITORS: jurisdiction.editors_group,
        Role.MODERATORS: jurisdiction.moderators_group,
        Role.COORDINATORS: jurisdiction.coordinators_group,
    }[role]
    user.groups.add(group)
    return user


def localized_url(name, language, **kwargs):
    """reverse() in one language: the French paths read French (/fr/certificats/verifier/…)."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return reverse(name, kwargs=kwargs)
