from django.urls import path  # noqa: F401

app_name = "learning_sessions"

urlpatterns: list = []
