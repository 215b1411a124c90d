from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views
from .routes import english_path_redirect

app_name = "literacy"

urlpatterns = [
    path(_("certificates/verify/<str:code>/"), views.verify_certificate, name="verify_certificate"),
    path(_("certificates/<str:code>/pdf/"), views.certificate_pdf, name="certificate_pdf"),
    english_path_redirect("certificates/verify/<str:code>/", "literacy:verify_certificate"),
    english_path_redirect("certificates/<str:code>/pdf/", "literacy:certificate_pdf"),
]
