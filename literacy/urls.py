from django.urls import path

from . import views

app_name = "literacy"

urlpatterns = [
    path("certificates/verify/<str:code>/", views.verify_certificate, name="verify_certificate"),
    path("certificates/<str:code>/pdf/", views.certificate_pdf, name="certificate_pdf"),
]
