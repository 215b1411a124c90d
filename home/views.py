from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.module_loading import import_string
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

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


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
