"""Operations URLs."""

from django.urls import path

from congdoan.ops import views

app_name = "ops"
urlpatterns = [path("healthz", views.healthz, name="healthz")]
