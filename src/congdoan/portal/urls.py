"""The members' portal: /me/ (the member's own pages) and the activation link."""

from django.urls import path

from congdoan.portal import activate_views, views

app_name = "portal"
urlpatterns = [
    path("me/", views.me, name="me"),
    path("me/activate/<str:token>/", activate_views.activate, name="activate"),
]
