from django.urls import path
from django.utils.translation import gettext_lazy as _

from literacy.routes import english_path_redirect

from . import views

app_name = "home"

urlpatterns = [
    path(_("my-learning/"), views.my_learning, name="my_learning"),
    path(_("profile/"), views.profile, name="profile"),
    path(_("search/"), views.search, name="search"),
    path(_("report-a-problem/"), views.report_problem, name="report_problem"),
    path(_("privacy/"), views.about_page, {"template": "home/about/privacy.html"}, name="privacy"),
    path(_("terms-and-conditions/"), views.about_page, {"template": "home/about/terms.html"}, name="terms"),
    path(_("accessibility/"), views.about_page, {"template": "home/about/accessibility.html"}, name="accessibility"),
    path(_("contact/"), views.about_page, {"template": "home/about/contact.html"}, name="contact"),
    # Links shared before the French paths existed keep working.
    english_path_redirect("my-learning/", "home:my_learning"),
    english_path_redirect("profile/", "home:profile"),
    english_path_redirect("search/", "home:search"),
]
