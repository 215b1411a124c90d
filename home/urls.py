from django.urls import path

from . import views

app_name = "home"

urlpatterns = [
    path("my-learning/", views.my_learning, name="my_learning"),
    path("profile/", views.profile, name="profile"),
    path("search/", views.search, name="search"),
]
