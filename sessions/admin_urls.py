from django.urls import path

from . import admin_views

urlpatterns = [
    path("", admin_views.dashboard_view, name="dashboard"),
    path("<int:pk>/", admin_views.registrations_view, name="registrations"),
    path("<int:pk>/roster.csv", admin_views.roster_csv_view, name="roster_csv"),
    path("<int:pk>/sign-in.pdf", admin_views.roster_pdf_view, name="roster_pdf"),
    path("<int:pk>/cancel/", admin_views.cancel_session_view, name="cancel_session"),
    path("<int:pk>/duplicate/", admin_views.duplicate_session_view, name="duplicate_session"),
    path("<int:pk>/walk-in/", admin_views.walk_in_view, name="walk_in"),
    path("<int:pk>/message/", admin_views.message_registrants_view, name="message_registrants"),
    path("check-in/<str:token>/", admin_views.check_in_view, name="check_in"),
    path("<int:pk>/report/", admin_views.session_report_view, name="session_report"),
    path("report/<str:code>/", admin_views.jurisdiction_report_view, name="jurisdiction_report"),
]
