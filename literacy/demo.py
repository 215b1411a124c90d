"""Demo learning plans (FOGO and GBA Plus) in English and French, with their principles.
Called from courses.demo after the course it links to exists. Idempotent."""

from wagtail.models import Locale

from .models.plans import LearningPlanPage, LearningPlanStep, Principle

PRINCIPLES = [
    # (slug, kind, name_en, name_fr, description_en, description_fr)
    (
        "inclusion",
        "principle",
        "Inclusion",
        "Inclusion",
        "Open government processes reach and involve people of all genders and of diverse identities, "
        "including those who have been excluded from decisions that affect them.",
        "Les processus de gouvernement ouvert rejoignent et mobilisent des personnes de tous les genres "
        "et de diverses identités, y compris celles qui ont été exclues des décisions qui les touchent.",
    ),
    (
        "intersectionality",
        "principle",
        "Intersectionality",
        "Intersectionnalité",
        "Gender interacts with race, Indigeneity, disability, age, income, language and other factors; "
        "analysis looks at how these combine rather than at one factor alone.",
        "Le genre interagit avec la race, l’identité autochtone, le handicap, l’âge, le revenu, la langue "
        "et d’autres facteurs; l’analyse examine leurs combinaisons plutôt qu’un seul facteur.",
    ),
    (
        "accountability",
        "principle",
        "Accountability",
        "Reddition de comptes",
        "Commitments state who is responsible for which result, by when, and how progress will be reported.",
        "Les engagements précisent qui est responsable de quel résultat, à quelle échéance et comment "
        "les progrès seront communiqués.",
    ),
    (
        "disaggregated-data",
        "practice",
        "Collect and publish disaggregated data",
        "Recueillir et publier des données désagrégées",
        "Collect data by gender and other identity factors with consent and privacy safeguards, and "
        "publish aggregate figures with small cells suppressed.",
        "Recueillir des données selon le genre et d’autres facteurs identitaires, avec consentement et "
        "protection de la vie privée, et publier des chiffres agrégés en supprimant les petites cellules.",
    ),
    (
        "accessible-engagement",
        "practice",
        "Make engagement accessible",
        "Rendre la mobilisation accessible",
        "Offer several ways to take part (online, in person, by phone, in writing), in plain language, "
        "in both official languages, with accommodation and compensation where appropriate.",
        "Offrir plusieurs façons de participer (en ligne, en personne, par téléphone, par écrit), en "
        "langage clair, dans les deux langues officielles, avec des mesures d’adaptation et une "
        "compensation au besoin.",
    ),
]

FOGO = {
    "en": (
        "Feminist Open Government (FOGO)",
        "feminist-open-government",
        "<p>Feminist Open Government asks who takes part in open government and who benefits from it. "
        "This plan takes you from co-creating commitments with diverse partners to publishing the "
        "data that show whether they worked for everyone.</p>",
    ),
    "fr": (
        "Gouvernement ouvert féministe",
        "gouvernement-ouvert-feministe",
        "<p>Le gouvernement ouvert féministe demande qui participe au gouvernement ouvert et qui en "
        "profite. Ce plan vous mène de la cocréation d’engagements avec des partenaires diversifiés "
        "à la publication des données qui montrent s’ils ont profité à tout le monde.</p>",
    ),
}
# (lesson slug in a demo course, or "gba_plan", or None for a practice step done by a written
# reflection; title en, title fr, outcome en, outcome fr). Every plan teaches through lessons and
# practises through reflections: none is finished by ticking boxes.
FOGO_STEPS = [
    (
        "what-it-is",
        "What Feminist Open Government is",
        "Ce qu’est le gouvernement ouvert féministe",
        "You can explain in plain words what Feminist Open Government asks of an open government commitment, and why.",
        "Vous savez expliquer simplement ce que le gouvernement ouvert féministe demande d’un "
        "engagement de gouvernement ouvert, et pourquoi.",
    ),
    (
        "what-changes-in-a-commitment",
        "What it changes in a commitment",
        "Ce que l’approche change dans un engagement",
        "You can recognise the signs of a gender-aware commitment: who shaped it, who benefits and how "
        "results are reported.",
        "Vous savez reconnaître les signes d’un engagement qui tient compte du genre : qui l’a façonné, "
        "qui en profite et comment les résultats sont rendus publics.",
    ),
    (
        "gba_plan",
        "Gender-based Analysis Plus (GBA Plus)",
        "Analyse comparative entre les sexes Plus (ACS Plus)",
        "You have completed the GBA Plus plan and can apply it to a draft commitment.",
        "Vous avez terminé le plan sur l’ACS Plus et savez l’appliquer à une ébauche d’engagement.",
    ),
    (
        "community-engagement",
        "Accessible engagement",
        "Une mobilisation accessible",
        "You can design a consultation that people with disabilities, rural residents and speakers of "
        "either official language can take part in on equal terms.",
        "Vous savez concevoir une consultation à laquelle les personnes handicapées, les personnes "
        "vivant en région rurale et les personnes parlant l’une ou l’autre langue officielle peuvent "
        "participer à armes égales.",
    ),
    (
        None,
        "Revise a commitment",
        "Réviser un engagement",
        "In a short reflection, you have taken one commitment you work with and written what you would "
        "change so that women and under-represented groups shape it and benefit from it.",
        "Dans une courte réflexion, vous avez choisi un engagement qui vous concerne et écrit ce que "
        "vous changeriez pour que les femmes et les groupes sous-représentés le façonnent et en "
        "profitent.",
    ),
]

GBA = {
    "en": (
        "Gender-based Analysis Plus (GBA Plus)",
        "gba-plus",
        "<p>GBA Plus is the analytical process the Government of Canada uses to assess how diverse "
        "groups of people may experience policies, programs and initiatives. The “plus” reminds us "
        "that it goes beyond sex and gender. This plan takes it into open data, open information and "
        "engagement, then asks you to apply it to an initiative of your own.</p>",
    ),
    "fr": (
        "Analyse comparative entre les sexes Plus (ACS Plus)",
        "acs-plus",
        "<p>L’ACS Plus est le processus analytique qu’utilise le gouvernement du Canada pour évaluer "
        "comment divers groupes de personnes peuvent vivre les politiques, les programmes et les "
        "initiatives. Le « Plus » rappelle qu’elle va au-delà du sexe et du genre. Ce plan l’applique "
        "aux données ouvertes, à l’information ouverte et à la mobilisation, puis vous demande de "
        "l’appliquer à une initiative qui vous concerne.</p>",
    ),
}
GBA_STEPS = [
    (
        "what-gba-plus-is",
        "What GBA Plus is",
        "Ce qu’est l’ACS Plus",
        "You can say what GBA Plus is, where it comes from and what the “Plus” adds.",
        "Vous savez dire ce qu’est l’ACS Plus, d’où elle vient et ce qu’ajoute le « Plus ».",
    ),
    (
        "open-data-and-information",
        "GBA Plus for open data and open information",
        "L’ACS Plus pour les données ouvertes et l’information ouverte",
        "You can plan disaggregated data that help show who an initiative serves, while protecting privacy.",
        "Vous savez planifier des données désagrégées qui aident à montrer à qui profite une initiative, "
        "tout en protégeant la vie privée.",
    ),
    (
        "ocap",
        "First Nations data and the principles of OCAP®",
        "Les données des Premières Nations et les principes de PCAP®",
        "You can explain why First Nations data are governed by First Nations, and what that means "
        "before you collect or publish them.",
        "Vous savez expliquer pourquoi les données des Premières Nations relèvent des Premières Nations, "
        "et ce que cela implique avant de les recueillir ou de les publier.",
    ),
    (
        "engagement",
        "GBA Plus for public engagement",
        "L’ACS Plus pour la mobilisation du public",
        "You can plan an engagement that reaches the people an initiative affects, not only those who "
        "usually take part.",
        "Vous savez planifier une mobilisation qui rejoint les personnes touchées par une initiative, "
        "et pas seulement celles qui participent d’habitude.",
    ),
    (
        None,
        "Apply GBA Plus to an initiative of your own",
        "Appliquer l’ACS Plus à l’une de vos initiatives",
        "In a short reflection, you have described an initiative you work on: who it affects, what "
        "disaggregated evidence exists or is missing, and one option that reduces an inequality.",
        "Dans une courte réflexion, vous avez décrit une initiative qui vous concerne : qui elle touche, "
        "quelles données désagrégées existent ou manquent, et une option qui réduit une inégalité.",
    ),
]


def ensure_principles():
    rows = {}
    for slug, kind, name_en, name_fr, description_en, description_fr in PRINCIPLES:
        rows[slug], _created = Principle.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "name_en": name_en,
                "name_fr": name_fr,
                "description_en": description_en,
                "description_fr": description_fr,
            },
        )
    return rows


def _ensure_plan(*, index_pages, framework, texts, steps, principles, lesson_pages, extra_targets):
    plans = {}
    for language in ("en", "fr"):
        parent = index_pages[language]
        title, slug, intro = texts[language]
        plan = LearningPlanPage.objects.child_of(parent).filter(slug=slug).first()
        if plan is None:
            plan = LearningPlanPage(
                title=title,
                slug=slug,
                framework=framework,
                introduction=intro,
                locale=Locale.objects.get(language_code=language),
            )
            if language == "fr":
                plan.translation_key = plans["en"].translation_key
            english_steps = list(plans["en"].steps.order_by("sort_order")) if language == "fr" else []
            for order, (target, title_en, title_fr, outcome_en, outcome_fr) in enumerate(steps):
                linked = (
                    extra_targets.get(target, {}).get(language)
                    if target in extra_targets
                    else (lesson_pages.get(target, {}).get(language) if target else None)
                )
                step = LearningPlanStep(
                    sort_order=order,
                    linked_page=linked,
                    title=title_en if language == "en" else title_fr,
                    expected_outcome=outcome_en if language == "en" else outcome_fr,
                )
                if english_steps:
                    step.translation_key = english_steps[order].translation_key  # one step, two languages
                plan.steps.add(step)
            plan.principles = principles
            parent.add_child(instance=plan)
            plan.save_revision().publish()
        plans[language] = plan
    return plans


def load_plan_demo(*, index_pages, lesson_pages, stdout=None):
    """`index_pages`: {"en": LearningPlanIndexPage, "fr": ...}; `lesson_pages`: {lesson slug: {"en": page, "fr": page}}
    for the steps that link to course lessons."""
    principles = ensure_principles()
    gba = _ensure_plan(
        index_pages=index_pages,
        framework=LearningPlanPage.Framework.GBA_PLUS,
        texts=GBA,
        steps=GBA_STEPS,
        principles=[principles["intersectionality"], principles["disaggregated-data"]],
        lesson_pages=lesson_pages,
        extra_targets={},
    )
    fogo = _ensure_plan(
        index_pages=index_pages,
        framework=LearningPlanPage.Framework.FOGO,
        texts=FOGO,
        steps=FOGO_STEPS,
        principles=[
            principles[slug]
            for slug in (
                "inclusion",
                "intersectionality",
                "accountability",
                "accessible-engagement",
                "disaggregated-data",
            )
        ],
        lesson_pages=lesson_pages,
        extra_targets={"gba_plan": gba},
    )
    if stdout is not None:
        stdout.write("Learning plans: FOGO and GBA Plus in English and French.")
    return {"fogo": fogo, "gba": gba}
