"""Demo content for this app, loaded by `manage.py load_demo` after the site tree exists."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from . import services
from .models import Registration, SessionPage
from .timeutils import local_to_utc

# (code, slug, en title, fr title, days ahead, local hour, hours, format, language, capacity, demo registrants, cancelled)
DEMO_SESSIONS = [
    (
        "NL",
        "open-data-basics-st-johns",
        "Open data basics",
        "Les bases des données ouvertes",
        10,
        9,
        2,
        "in_person",
        "en",
        12,
        0,
        False,
    ),
    (
        "NS",
        "open-information-in-practice",
        "Open information in practice",
        "L’information ouverte en pratique",
        12,
        10,
        3,
        "hybrid",
        "bilingual",
        4,
        6,
        False,
    ),
    (
        "ON",
        "engaging-the-public-online",
        "Engaging the public online",
        "Mobiliser le public en ligne",
        8,
        13,
        2,
        "virtual",
        "en",
        3,
        5,
        False,
    ),
    (
        "QC",
        "donnees-ouvertes-et-gouvernance",
        "Open data governance",
        "Gouvernance des données ouvertes",
        15,
        9,
        3,
        "in_person",
        "fr",
        20,
        2,
        False,
    ),
    (
        "MB",
        "gba-plus-in-open-government",
        "GBA Plus in open government",
        "L’ACS Plus en gouvernement ouvert",
        20,
        10,
        2,
        "virtual",
        "bilingual",
        25,
        1,
        False,
    ),
    (
        "AB",
        "data-standards-workshop",
        "Data standards workshop",
        "Atelier sur les normes de données",
        18,
        9,
        4,
        "in_person",
        "en",
        15,
        0,
        True,
    ),
    (
        "BC",
        "open-dialogue-facilitation",
        "Open dialogue facilitation",
        "Animer un dialogue ouvert",
        9,
        10,
        2,
        "virtual",
        "en",
        2,
        4,
        False,
    ),
    # Sessions that took place (negative days): attendance recorded, certificates issued.
    (
        "ON",
        "open-data-basics-toronto-autumn",
        "Open data basics (autumn)",
        "Les bases des données ouvertes (automne)",
        -21,
        13,
        2,
        "in_person",
        "en",
        20,
        8,
        False,
    ),
    (
        "QC",
        "dialogue-ouvert-quebec",
        "Open dialogue in practice",
        "Le dialogue ouvert en pratique",
        -35,
        10,
        3,
        "virtual",
        "fr",
        25,
        6,
        False,
    ),
]

DESCRIPTIONS = {
    "en": "<p>A practical session for public servants, with examples from across Canada.</p>",
    "fr": "<p>Une séance pratique pour les fonctionnaires, avec des exemples de partout au Canada.</p>",
}


def _demo_users(count):
    User = get_user_model()
    users = []
    for number in range(1, count + 1):
        user, created = User.objects.get_or_create(
            username=f"session-demo-{number}",
            defaults={
                "email": f"session-demo-{number}@demo.example.ca",
                "display_name": f"Demo learner {number}",
                "preferred_language": "fr" if number % 3 == 0 else "en",
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        users.append(user)
    return users


def _past_attendance(*, session, people):
    """A session that took place: everyone booked before it, attendance taken after it (all but
    one attended, and so hold its certificate)."""
    booked = [
        Registration.objects.create(
            session=session,
            user=person,
            status=Registration.Status.BOOKED,
            created_at=session.start - timedelta(days=7),
        )
        for person in people
    ]
    services.mark_attendance(registrations=booked[:-1], status=Registration.Status.ATTENDED, actor=None)
    services.mark_attendance(registrations=booked[-1:], status=Registration.Status.NO_SHOW, actor=None)


def load_demo(*, tree, stdout=None):
    """Create this app's demo content, idempotently. `tree` is what `home.site_tree.build_site_tree` returns."""
    fr_locale = Locale.objects.get(language_code="fr")
    users = _demo_users(max(row[10] for row in DEMO_SESSIONS))
    today = timezone.now().date()
    created = 0
    for (
        code,
        slug,
        title_en,
        title_fr,
        days,
        hour,
        hours,
        fmt,
        language,
        capacity,
        registrants,
        cancelled,
    ) in DEMO_SESSIONS:
        pages = tree["jurisdictions"][code]["pages"]
        zone = pages["en"].jurisdiction.time_zone
        en = SessionPage.objects.child_of(pages["en"]).filter(slug=slug).first()
        if en is None:
            start = local_to_utc(datetime.combine(today + timedelta(days=days), time(hour)), zone)
            en = SessionPage(
                title=title_en,
                slug=slug,
                jurisdiction=pages["en"].jurisdiction,
                description=DESCRIPTIONS["en"],
                format=fmt,
                language=language,
                capacity=capacity,
                time_zone=zone,
                start=start,
                end=start + timedelta(hours=hours),
                registration_closes=start - timedelta(days=1),
                venue="" if fmt == "virtual" else f"{pages['en'].jurisdiction.name_en} learning centre",
                meeting_link="" if fmt == "in_person" else f"https://meet.example.ca/{slug}",
                facilitators="Open Government Working Group",
            )
            pages["en"].add_child(instance=en)
            en.save_revision().publish()
            created += 1
        if not SessionPage.objects.filter(translation_key=en.translation_key, locale=fr_locale).exists():
            fr = SessionPage(
                title=title_fr,
                slug=slugify(title_fr),
                locale=fr_locale,
                translation_key=en.translation_key,
                jurisdiction=en.jurisdiction,
                description=DESCRIPTIONS["fr"],
                format=en.format,
                language=en.language,
                capacity=en.capacity,
                time_zone=en.time_zone,
                start=en.start,
                end=en.end,
                registration_closes=en.registration_closes,
                venue=f"Centre d’apprentissage – {en.jurisdiction.name_fr}" if en.venue else "",
                meeting_link=en.meeting_link,
                facilitators=en.facilitators,
            )
            pages["fr"].add_child(instance=fr)
            fr.save_revision().publish()
        if registrants and not Registration.objects.filter(session=en).exists():
            if days < 0:
                _past_attendance(session=en, people=users[:registrants])
            else:
                for user in users[:registrants]:
                    services.register(session=en, user=user, accessibility_needs="Captions" if user.pk % 4 == 0 else "")
        if cancelled and en.status != SessionPage.Status.CANCELLED:
            services.cancel_session(session=en, actor=None, message="This demo session was cancelled.")
    if stdout is not None:
        stdout.write(f"Learning sessions: {created} new session(s), {len(DEMO_SESSIONS)} in the demo set.")
