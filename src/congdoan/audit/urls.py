"""The audit trail's URLs."""

from django.urls import path

from congdoan.audit import views

app_name = "audit"
urlpatterns = [path("audit/", views.trail, name="trail")]
