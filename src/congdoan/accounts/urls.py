"""Role management URLs."""

from django.urls import path

from congdoan.accounts import views

app_name = "accounts"
urlpatterns = [
    path("units/<int:pk>/roles/", views.unit_roles, name="unit_roles"),
    path("roles/<int:pk>/revoke/", views.revoke, name="revoke"),
]
