from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.module_loading import import_string
from django.utils.text import capfirst
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale, Page

from literacy.models import Jurisdiction, current_language
from literacy.search import in_language_by_rank, matching_translation_keys, search_terms

from .forms import ProfileForm

MY_LEARNING_SECTIONS = [
    "courses.selectors.my_learning_section",
    "literacy.selectors.my_learning_section",
    "sessions.selectors.my_learning_section",
]


def root_redirect(request):
    language = get_language_from_request(request, check_path=False)
    return redirect(f"/{'fr' if language.startswith('fr') else 'en'}/")


@login_required
def my_learning(request):
    sections = [section for section in (import_string(path)(request) for path in MY_LEARNING_SECTIONS) if section]
    return render(request, "home/my_learning.html", {"sections": sections})


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile was saved."))
        return redirect("home:profile")
    return render(request, "home/profile.html", {"form": form})


SEARCH_PAGE_SIZE = 20
SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_MAX_RESULTS = 500


def search(request):
    """Site-wide search over live public pages of both languages, answered in the reader's."""
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    results_page = None
    terms = search_terms(query)
    if query:
        # Either language's words find a page; each thing is shown once, in the reader's language.
        pages = Page.objects.live().public().exclude(depth__lte=1)
        keys = matching_translation_keys(pages, query, limit=SEARCH_MAX_RESULTS) if terms else []
        results = in_language_by_rank(pages.specific(), keys, locale=Locale.get_active())
        paginator = Paginator(results, SEARCH_PAGE_SIZE)
        results_page = paginator.get_page(request.GET.get("page"))
        results_page.object_list = search_result_rows(list(results_page.object_list))
    return render(request, "home/search.html", {"query": query, "site_search_query": query, "results": results_page})


def search_result_rows(pages):
    """What a reader needs to choose a result: what kind of thing it is, whose it is, what it says."""
    from django.utils.html import strip_tags
    from django.utils.text import Truncator

    from literacy.models import JurisdictionPage

    governments = list(JurisdictionPage.objects.values_list("path", "jurisdiction"))
    names = {
        jurisdiction.pk: jurisdiction.name
        for jurisdiction in Jurisdiction.objects.filter(pk__in={pk for _path, pk in governments})
    }
    rows = []
    for page in pages:
        government = next((pk for path, pk in governments if page.path.startswith(path)), None)
        summary = (
            getattr(page, "summary", "")
            or page.search_description
            or strip_tags(str(getattr(page, "description", "") or getattr(page, "intro", "") or ""))
        )
        rows.append(
            {
                "page": page,
                "kind": capfirst(page._meta.verbose_name),
                "government": names.get(government, ""),
                "summary": Truncator(summary).words(40),
            }
        )
    return rows


def about_page(request, template):
    """The pages every Canada.ca site has (privacy, terms, accessibility, contact): fixed text in
    the catalogues, with the figures that settings decide."""
    return render(
        request,
        template,
        {
            "retention_days": settings.OGL_REGISTRATION_RETENTION_DAYS,
            "contact_email": settings.OGL_CONTACT_EMAIL,
        },
    )


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def server_error(request):
    return render(request, "500.html", status=500)


@require_http_methods(["GET", "POST"])
def report_problem(request):
    """ "Report a problem" on a page: a short form, stored for the page's moderators."""
    from django.utils.http import url_has_allowed_host_and_scheme

    from . import services
    from .models import ProblemReport

    page_path = request.POST.get("page") or request.GET.get("page") or ""
    if not url_has_allowed_host_and_scheme(page_path, allowed_hosts=None) or not page_path.startswith("/"):
        page_path = ""
    errors, values = {}, {"kind": "", "details": ""}
    if request.method == "POST":
        values = {"kind": request.POST.get("kind", ""), "details": request.POST.get("details", "")}
        try:
            services.report_problem(
                page_path=page_path,
                kind=values["kind"],
                details=values["details"],
                language=current_language(),
            )
        except services.HomeError as error:
            errors["form"] = str(error)
        else:
            messages.success(request, _("Thank you. The people who look after this page will read your report."))
            return redirect(page_path or "/")
    return render(
        request,
        "home/report_problem.html",
        {"page_path": page_path, "kinds": ProblemReport.Kind.choices, "values": values, "errors": errors},
        status=400 if errors else 200,
    )
