"""Builds the site's page tree in both languages: home, the national index pages and, through
`literacy.provisioning`, every jurisdiction's pages, groups and workflow. Idempotent."""

from django.db import transaction
from wagtail.models import Page, Site

from courses.models import CourseIndexPage
from literacy.models import LearningPlanIndexPage
from literacy.provisioning import ensure_child_page, ensure_locales, provision_jurisdictions
from resources.models import ResourceIndexPage
from sessions.models import SessionIndexPage

from .models import HomePage

HOME_TITLES = {"en": "Open Government Literacy", "fr": "Littératie en gouvernement ouvert"}
HOME_INTROS = {
    "en": "<p>Resources, courses, learning plans and sessions that help public servants in every "
    "Canadian jurisdiction explain and practise open data, open information and open dialogue.</p>",
    "fr": "<p>Des ressources, des cours, des plans d’apprentissage et des séances pour aider les "
    "fonctionnaires de toutes les administrations canadiennes à expliquer et à pratiquer les données "
    "ouvertes, l’information ouverte et le dialogue ouvert.</p>",
}

# (page class, {language: (title, slug, intro)})
NATIONAL_INDEX_PAGES = [
    (
        ResourceIndexPage,
        {
            "en": (
                "Resources",
                "resources",
                "<p>The inventory of open government literacy resources across Canada.</p>",
            ),
            "fr": (
                "Ressources",
                "ressources",
                "<p>L’inventaire des ressources de littératie en gouvernement ouvert au Canada.</p>",
            ),
        },
    ),
    (
        CourseIndexPage,
        {
            "en": ("Courses", "courses", "<p>Self-paced modules from every jurisdiction.</p>"),
            "fr": ("Cours", "cours", "<p>Des modules à suivre à son rythme, de toutes les administrations.</p>"),
        },
    ),
    (
        LearningPlanIndexPage,
        {
            "en": (
                "Learning plans",
                "learning-plans",
                "<p>Guided paths, including Feminist Open Government and GBA+.</p>",
            ),
            "fr": (
                "Plans d’apprentissage",
                "plans-apprentissage",
                "<p>Des parcours guidés, notamment sur le gouvernement ouvert féministe et l’ACS+.</p>",
            ),
        },
    ),
    (
        SessionIndexPage,
        {
            "en": (
                "Learning sessions",
                "sessions",
                "<p>Upcoming sessions open to public servants in each jurisdiction.</p>",
            ),
            "fr": (
                "Séances d’apprentissage",
                "seances",
                "<p>Les prochaines séances ouvertes aux fonctionnaires de chaque administration.</p>",
            ),
        },
    ),
]


def _ensure_home_pages(locales):
    root = Page.get_first_root_node()
    # Wagtail's installer leaves a placeholder page (and a site pointing at it) where home belongs.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page").delete()
    home_en = HomePage.objects.filter(locale=locales["en"]).first()
    if home_en is None:
        home_en = HomePage(title=HOME_TITLES["en"], slug="home", locale=locales["en"], intro=HOME_INTROS["en"])
        root.add_child(instance=home_en)
        home_en.save_revision().publish()
    home_fr = HomePage.objects.filter(locale=locales["fr"], translation_key=home_en.translation_key).first()
    if home_fr is None:
        home_fr = HomePage(
            title=HOME_TITLES["fr"],
            slug="accueil",
            locale=locales["fr"],
            intro=HOME_INTROS["fr"],
            translation_key=home_en.translation_key,
        )
        root.add_child(instance=home_fr)
        home_fr.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home_en, is_default_site=True, site_name="Open Government Literacy"
        )
    elif site.root_page_id != home_en.pk:
        site.root_page = home_en
        site.save()
    return {"en": home_en, "fr": home_fr}


@transaction.atomic
def build_site_tree():
    locales = ensure_locales()
    homes = _ensure_home_pages(locales)
    index_pages = {}
    for page_class, texts in NATIONAL_INDEX_PAGES:
        en_title, en_slug, en_intro = texts["en"]
        fr_title, fr_slug, fr_intro = texts["fr"]
        page_en = ensure_child_page(
            parent=homes["en"],
            page_class=page_class,
            title=en_title,
            slug=en_slug,
            locale=locales["en"],
            intro=en_intro,
            show_in_menus=True,
        )
        page_fr = ensure_child_page(
            parent=homes["fr"],
            page_class=page_class,
            title=fr_title,
            slug=fr_slug,
            locale=locales["fr"],
            translation_of=page_en,
            intro=fr_intro,
            show_in_menus=True,
        )
        index_pages[page_class] = {"en": page_en, "fr": page_fr}
    jurisdictions = provision_jurisdictions(site_roots=homes)
    return {"homes": homes, "index_pages": index_pages, "jurisdictions": jurisdictions}
