"""Activity register URLs."""

from django.urls import path

from congdoan.activities import views

app_name = "activities"
urlpatterns = [
    path("activities/", views.activity_list, name="list"),
    path("activities/<int:pk>/edit/", views.activity_edit, name="edit"),
    path("units/<int:pk>/activities/new/", views.activity_new, name="new"),
    path("units/<int:pk>/targets/", views.unit_targets, name="targets"),
]
