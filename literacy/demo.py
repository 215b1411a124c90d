"""Demo learning plans (FOGO and GBA+) in English and French, with their principles.
Called from courses.demo after the course it links to exists. Idempotent."""

from wagtail.models import Locale

from .plans import LearningPlanPage, LearningPlanStep, Principle

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
        "Gouvernement ouvert féministe (GOF)",
        "gouvernement-ouvert-feministe",
        "<p>Le gouvernement ouvert féministe demande qui participe au gouvernement ouvert et qui en "
        "profite. Ce plan vous mène de la co-création d’engagements avec des partenaires diversifiés "
        "à la publication des données qui montrent s’ils ont profité à tout le monde.</p>",
    ),
}
# (lesson slug in the course or "gba_plan" or None, title en, title fr, outcome en, outcome fr)
FOGO_STEPS = [
    (
        "principles-and-policy",
        "Inclusive co-creation",
        "Co-création inclusive",
        "You can plan a co-creation process for an open government commitment that brings in women and "
        "under-represented groups from the start, not only at the consultation stage.",
        "Vous savez planifier un processus de co-création d’un engagement de gouvernement ouvert qui "
        "inclut les femmes et les groupes sous-représentés dès le départ, et pas seulement à l’étape "
        "de la consultation.",
    ),
    (
        "gba_plan",
        "Gender analysis of commitments",
        "Analyse comparative entre les sexes des engagements",
        "You can apply GBA+ to a draft commitment and record how it affects different groups.",
        "Vous savez appliquer l’ACS+ à une ébauche d’engagement et consigner ses effets sur différents groupes.",
    ),
    (
        "community-engagement",
        "Accessible consultations",
        "Consultations accessibles",
        "You can design a consultation that people with disabilities, rural residents and speakers of "
        "either official language can take part in on equal terms.",
        "Vous savez concevoir une consultation à laquelle les personnes handicapées, les résidents des "
        "régions rurales et les locuteurs de l’une ou l’autre langue officielle peuvent participer à "
        "armes égales.",
    ),
    (
        "standards",
        "Gender-disaggregated data",
        "Données ventilées selon le genre",
        "You can specify how a dataset will record gender and other identity factors and how its "
        "aggregate figures will protect privacy.",
        "Vous savez préciser comment un jeu de données consignera le genre et d’autres facteurs "
        "identitaires, et comment ses chiffres agrégés protégeront la vie privée.",
    ),
]

GBA = {
    "en": (
        "Gender-based Analysis Plus (GBA+)",
        "gba-plus",
        "<p>GBA+ is the analytical process the Government of Canada uses to assess how diverse groups "
        "of people may experience policies, programs and initiatives. The “plus” reminds us that it "
        "goes beyond sex and gender. Work through the steps with an initiative of your own.</p>",
    ),
    "fr": (
        "Analyse comparative entre les sexes plus (ACS+)",
        "acs-plus",
        "<p>L’ACS+ est le processus analytique qu’utilise le gouvernement du Canada pour évaluer "
        "comment divers groupes de personnes peuvent vivre les politiques, les programmes et les "
        "initiatives. Le « plus » rappelle qu’elle va au-delà du sexe et du genre. Suivez les étapes "
        "avec une initiative qui vous concerne.</p>",
    ),
}
GBA_STEPS = [
    (
        None,
        "Identify the issue",
        "Cerner l’enjeu",
        "You have written down the issue, its context and your own assumptions about it.",
        "Vous avez consigné l’enjeu, son contexte et vos propres hypothèses à son sujet.",
    ),
    (
        None,
        "Consider the people affected and their needs",
        "Tenir compte des personnes touchées et de leurs besoins",
        "You have listed who is affected, directly and indirectly, and what each group needs.",
        "Vous avez dressé la liste des personnes touchées, directement et indirectement, et des besoins de chaque groupe.",
    ),
    (
        "standards",
        "Identify differences and inequalities",
        "Cerner les différences et les inégalités",
        "You have found disaggregated evidence, or noted its absence, on how groups experience the issue differently.",
        "Vous avez trouvé des données désagrégées, ou constaté leur absence, sur la façon dont les groupes vivent l’enjeu différemment.",
    ),
    (
        None,
        "Develop options",
        "Élaborer des options",
        "You have options that reduce the inequalities found, each with its expected effect on each group.",
        "Vous disposez d’options qui réduisent les inégalités relevées, chacune avec son effet attendu sur chaque groupe.",
    ),
    (
        None,
        "Implement, monitor and evaluate",
        "Mettre en œuvre, surveiller et évaluer",
        "You have indicators, disaggregated where possible, and a date to review whether the initiative works for everyone.",
        "Vous avez des indicateurs, désagrégés dans la mesure du possible, et une date pour vérifier si l’initiative profite à tout le monde.",
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
        stdout.write("Learning plans: FOGO and GBA+ in English and French.")
    return {"fogo": fogo, "gba": gba}
