"""Joining URLs: `join/` and its look-up and status pages are public."""

from django.urls import path

from congdoan.joining import views

app_name = "joining"
urlpatterns = [
    path("join/", views.join, name="join"),
    path("join/units/", views.lookup_units, name="lookup_units"),
    path("join/status/", views.status, name="status"),
    path("units/<int:pk>/applications/", views.queue, name="queue"),
    path("applications/<int:pk>/admit/", views.admit, name="admit"),
    path("applications/<int:pk>/refuse/", views.refuse, name="refuse"),
]
