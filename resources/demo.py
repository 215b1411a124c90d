"""Demo content for this app, loaded by `manage.py load_demo` after the site tree exists.

About 90 resources across the 14 jurisdictions, in English and French (paired pages), with
deliberate gaps in the coverage matrix (no jurisdiction covers every topic, the territories
cover few) and a few resources past their review date. Idempotent: keyed by external_id."""

from datetime import date, timedelta

from literacy.models import Audience, Topic

from .models import ResourcePage
from .services import save_resource_page

# (topic slugs, type, format, audiences, EN title, FR title, EN summary, FR summary); {name}/{nom}
# are the jurisdiction's English/French names.
TEMPLATES = [
    (
        ["basics", "open-data"],
        "guide",
        "html",
        ["all-public-servants"],
        "Open data basics for {name} public servants",
        "Notions de base des données ouvertes pour la fonction publique ({nom})",
        "What open data is, why it matters and how to take part in publishing it, with examples from {name}.",
        "Ce que sont les données ouvertes, pourquoi elles comptent et comment participer à leur publication, avec des exemples de {nom}.",
    ),
    (
        ["governance"],
        "toolkit",
        "pdf",
        ["managers"],
        "Open data governance toolkit",
        "Trousse sur la gouvernance des données ouvertes",
        "Roles, committees and decision rights for an open data program in {name}.",
        "Rôles, comités et droits décisionnels d’un programme de données ouvertes : {nom}.",
    ),
    (
        ["principles-policy"],
        "guide",
        "pdf",
        ["policy-analysts", "managers"],
        "Writing an open by default policy",
        "Rédiger une politique d’ouverture par défaut",
        "A step-by-step guide to drafting and adopting an open by default policy, based on the International Open Data Charter.",
        "Un guide étape par étape pour rédiger et adopter une politique d’ouverture par défaut, fondé sur la Charte internationale sur les données ouvertes.",
    ),
    (
        ["standards"],
        "template",
        "xlsx",
        ["data-practitioners"],
        "Dataset metadata template",
        "Gabarit de métadonnées des jeux de données",
        "A spreadsheet template for describing datasets with the Open Government Portal's metadata elements.",
        "Un gabarit de tableur pour décrire les jeux de données avec les éléments de métadonnées du Portail du gouvernement ouvert.",
    ),
    (
        ["use-cases"],
        "video",
        "mp4",
        ["all-public-servants", "communications"],
        "Stories of open data in use",
        "Récits de données ouvertes utilisées",
        "Short videos about residents, businesses and researchers who used data published by {name}.",
        "De courtes vidéos sur des résidents, des entreprises et des chercheurs qui ont utilisé des données publiées par {nom}.",
    ),
    (
        ["infrastructure"],
        "presentation",
        "pptx",
        ["data-practitioners", "information-management"],
        "Choosing an open data portal",
        "Choisir un portail de données ouvertes",
        "Options for catalogues and portals, from hosted platforms to open-source CKAN, and what each costs to run.",
        "Les options de catalogues et de portails, des plateformes hébergées au logiciel libre CKAN, et ce que chacune coûte.",
    ),
    (
        ["operations"],
        "guide",
        "html",
        ["data-practitioners"],
        "Publishing a dataset, from request to release",
        "Publier un jeu de données, de la demande à la diffusion",
        "The day-to-day workflow for preparing, checking and releasing a dataset, with a quality checklist.",
        "Le déroulement quotidien de la préparation, de la vérification et de la diffusion d’un jeu de données, avec une liste de contrôle de la qualité.",
    ),
    (
        ["community-engagement", "open-dialogue"],
        "event-recording",
        "mp4",
        ["communications"],
        "Webinar: engaging data users",
        "Webinaire : mobiliser les utilisateurs de données",
        "Recording of a session on running data user groups, hackathons and feedback loops.",
        "Enregistrement d’une séance sur l’animation de groupes d’utilisateurs, de marathons de programmation et de boucles de rétroaction.",
    ),
    (
        ["risk-assessment"],
        "template",
        "docx",
        ["information-management", "policy-analysts"],
        "Privacy and release risk assessment",
        "Évaluation des risques liés à la diffusion et à la vie privée",
        "A template to assess privacy, security and legal risks before a dataset is released.",
        "Un gabarit pour évaluer les risques juridiques, de sécurité et d’atteinte à la vie privée avant la diffusion d’un jeu de données.",
    ),
    (
        ["forward-planning"],
        "guide",
        "pdf",
        ["managers"],
        "Open data road map and impact measures",
        "Feuille de route et mesure des retombées des données ouvertes",
        "How to plan the next three years of an open data program and measure its impact.",
        "Comment planifier les trois prochaines années d’un programme de données ouvertes et en mesurer les retombées.",
    ),
    (
        ["open-information"],
        "course",
        "html",
        ["all-public-servants", "information-management"],
        "Proactive disclosure essentials",
        "L’essentiel de la divulgation proactive",
        "A self-paced course on proactive disclosure obligations and practices in {name}.",
        "Un cours à suivre à son rythme sur les obligations et les pratiques de divulgation proactive : {nom}.",
    ),
    (
        ["open-dialogue"],
        "toolkit",
        "html",
        ["communications", "policy-analysts"],
        "Public engagement toolkit",
        "Trousse de mobilisation du public",
        "Methods and templates for consultations, from online surveys to deliberative panels.",
        "Des méthodes et des gabarits pour les consultations, des sondages en ligne aux panels délibératifs.",
    ),
    (
        ["fogo", "gba-plus"],
        "guide",
        "pdf",
        ["policy-analysts"],
        "Feminist open government in practice",
        "Le gouvernement ouvert féministe en pratique",
        "Applying a gender and diversity lens to open government commitments and co-creation.",
        "Appliquer une optique de genre et de diversité aux engagements et à la cocréation en gouvernement ouvert.",
    ),
    (
        ["gba-plus"],
        "course",
        "html",
        ["all-public-servants"],
        "GBA Plus for open government teams",
        "L’ACS Plus pour les équipes du gouvernement ouvert",
        "Introduction to Gender-based Analysis Plus applied to data, information and engagement work.",
        "Introduction à l’analyse comparative entre les sexes plus appliquée aux données, à l’information et à la mobilisation.",
    ),
    (
        ["open-data", "standards"],
        "dataset",
        "csv",
        ["data-practitioners"],
        "Inventory of published datasets",
        "Répertoire des jeux de données publiés",
        "The machine-readable inventory of datasets published by {name}, updated monthly.",
        "Le répertoire lisible par machine des jeux de données publiés par {nom}, mis à jour chaque mois.",
    ),
]

# How many templates each jurisdiction gets, starting at an offset, so coverage is uneven.
PLAN = {
    "CA": (0, 12),
    "ON": (0, 9),
    "QC": (2, 8),
    "BC": (1, 7),
    "AB": (3, 6),
    "NS": (4, 6),
    "NB": (5, 5),
    "MB": (6, 5),
    "SK": (7, 5),
    "NL": (8, 5),
    "PE": (9, 5),
    "YT": (10, 4),
    "NT": (11, 4),
    "NU": (12, 4),
}
LICENCES = {
    "CA": "ogl-canada-2.0",
    "ON": "ogl-ontario-1.0",
    "QC": "cc-by-4.0-quebec",
    "BC": "ogl-bc-2.0",
    "AB": "ogl-alberta-2.0",
    "NS": "ogl-nova-scotia-1.0",
    "NB": "ogl-new-brunswick",
    "MB": "ogl-manitoba",
    "SK": "ogl-saskatchewan",
    "NL": "ogl-nl-1.0",
    "PE": "ogl-pei-1.0",
    "YT": "ogl-yukon",
    "NT": "ogl-nwt",
    # Nunavut publishes no open government licence of its own; these example records use CC BY.
    "NU": "cc-by-4.0",
}
EXAMPLE = {
    "en": "Example record for the demonstration site. ",
    "fr": "Fiche d’exemple pour le site de démonstration. ",
}
# Open North's DIY Open Data Toolkit, filed under the federal jurisdiction.
OPEN_NORTH = [
    (
        "basics",
        "Open North DIY Open Data Toolkit: basics",
        "Trousse de données ouvertes à faire soi-même d’Open North : notions de base",
    ),
    ("governance", "Open North DIY Open Data Toolkit: governance", "Trousse d’Open North : gouvernance"),
    (
        "principles-policy",
        "Open North DIY Open Data Toolkit: principles and policy",
        "Trousse d’Open North : principes et politiques",
    ),
    ("standards", "Open North DIY Open Data Toolkit: standards", "Trousse d’Open North : normes"),
    ("use-cases", "Open North DIY Open Data Toolkit: use cases", "Trousse d’Open North : cas d’utilisation"),
    ("infrastructure", "Open North DIY Open Data Toolkit: infrastructure", "Trousse d’Open North : infrastructure"),
    ("operations", "Open North DIY Open Data Toolkit: operations", "Trousse d’Open North : opérations"),
    (
        "community-engagement",
        "Open North DIY Open Data Toolkit: community engagement",
        "Trousse d’Open North : mobilisation communautaire",
    ),
    (
        "risk-assessment",
        "Open North DIY Open Data Toolkit: risk assessment",
        "Trousse d’Open North : évaluation des risques",
    ),
    (
        "forward-planning",
        "Open North DIY Open Data Toolkit: forward planning",
        "Trousse d’Open North : planification prospective",
    ),
]


def demo_records():
    """Yield (code, external_id, record dict) for every demo resource."""
    today = date(2026, 11, 1)
    for code, (offset, count) in PLAN.items():
        for i in range(count):
            topics, rtype, fmt, audiences, t_en, t_fr, s_en, s_fr = TEMPLATES[(offset + i) % len(TEMPLATES)]
            n = offset + i
            languages = ["fr"] if code == "QC" and i % 3 == 0 else ["en", "fr"]
            yield (
                code,
                f"demo-{code.lower()}-{n % len(TEMPLATES):02d}",
                {
                    "titles": {"en": t_en, "fr": t_fr},
                    # Invented records: each says so, on the page and in the open data.
                    "summaries": {"en": EXAMPLE["en"] + s_en, "fr": EXAMPLE["fr"] + s_fr},
                    "topics": topics,
                    "audiences": audiences,
                    "resource_type": rtype,
                    "format": fmt,
                    "languages": languages,
                    "licence": LICENCES[code],
                    # Example records: reserved example addresses, never invented paths on a
                    # government's real domain.
                    "link_url": f"https://example.org/{code.lower()}/open-government/learning/{n % len(TEMPLATES)}",
                    "contact_email": f"opengov-{code.lower()}@example.org",
                    "date_published": today - timedelta(days=40 * n + 17 * i + 30),
                    "date_modified": today - timedelta(days=20 * i + 5),
                    # Every fourth resource is overdue for review.
                    "review_date": today - timedelta(days=30) if i % 4 == 3 else today + timedelta(days=180 + 30 * i),
                },
            )
    for n, (topic, t_en, t_fr) in enumerate(OPEN_NORTH):
        yield (
            "CA",
            f"demo-open-north-{n:02d}",
            {
                "titles": {"en": t_en, "fr": t_fr},
                "summaries": {
                    "en": "A chapter of Open North's DIY Open Data Toolkit, a practical guide for governments starting or renewing an open data program.",
                    "fr": "Un chapitre de la trousse de données ouvertes à faire soi-même d’Open North, un guide pratique pour les gouvernements qui lancent ou renouvellent un programme de données ouvertes.",
                },
                "topics": [topic],
                "audiences": ["data-practitioners", "municipal-staff"],
                "resource_type": "toolkit",
                "format": "html",
                "languages": ["en", "fr"],
                "licence": "cc-by-4.0",
                # The toolkit as the Government of Canada publishes it (checked against a stored copy):
                # Open North wrote it with the Treasury Board Secretariat's support, launched in June 2017.
                "link_url": "https://open.canada.ca/en/toolkit/diy",
                "contact_email": "",
                "date_published": date(2017, 6, 12),
                "date_modified": date(2024, 3, 1),
                "review_date": date(2027, 3, 1),
            },
        )


def load_demo(*, tree, stdout=None):
    """Create this app's demo content, idempotently. `tree` is what `home.site_tree.build_site_tree` returns."""
    topics = {t.slug: t for t in Topic.objects.all()}
    audiences = {a.slug: a for a in Audience.objects.all()}
    existing = set(
        ResourcePage.objects.filter(external_id__startswith="demo-").values_list("external_id", "locale__language_code")
    )
    created = 0
    for code, external_id, record in demo_records():
        pages = tree["jurisdictions"][code]["pages"]
        jurisdiction = pages["en"].jurisdiction
        names = {"name": jurisdiction.name_en, "nom": jurisdiction.name_fr}
        first = None
        for language in ("en", "fr"):
            if (external_id, language) in existing:
                continue
            if first is None and language == "fr":
                first = ResourcePage.objects.filter(external_id=external_id, locale__language_code="en").first()
            first = save_resource_page(
                parent=pages[language],
                title=record["titles"][language].format(**names),
                topics=[topics[s] for s in record["topics"]],
                audiences=[audiences[s] for s in record["audiences"]],
                translation_of=first,
                summary=record["summaries"][language].format(**names),
                resource_type=record["resource_type"],
                format=record["format"],
                languages=record["languages"],
                licence=record["licence"],
                link_url=record["link_url"],
                contact_email=record["contact_email"],
                publisher=jurisdiction.name_fr if language == "fr" else jurisdiction.name_en,
                date_published=record["date_published"],
                date_modified=record["date_modified"],
                review_date=record["review_date"],
                external_id=external_id,
                bulk=True,
            )
            created += 1
    planned = load_planned_resources()
    if stdout is not None:
        stdout.write(f"Resources: {created} pages created, {planned} planned resources added.")


# Governments that plan resources for some of their gaps in the demo, so the coverage map shows
# what is planned beside what is missing.
PLANNING_GOVERNMENTS = ["NT", "NU", "YT", "PE", "NB", "SK"]


def load_planned_resources():
    """Example plans for the first two gaps of a few governments (idempotent)."""
    from datetime import date

    from literacy.models import Jurisdiction

    from .models import PlannedResource
    from .selectors import gaps_for

    jurisdictions = Jurisdiction.objects.filter(code__in=PLANNING_GOVERNMENTS).order_by("sort_order")
    added = 0
    for number, (jurisdiction, topic, _already) in enumerate(
        gap
        for code in PLANNING_GOVERNMENTS
        for gap in [g for g in gaps_for(jurisdictions=jurisdictions) if g[0].code == code][:2]
    ):
        _plan, created = PlannedResource.objects.get_or_create(
            jurisdiction=jurisdiction,
            topic=topic,
            title=f"Example plan: {topic.name_en} primer / Exemple de plan : introduction – {topic.name_fr}",
            defaults={
                "target_date": date(2027, 3 + number % 9, 1),
                "contact": "open-data-team@example.org",
            },
        )
        added += created
    return added
