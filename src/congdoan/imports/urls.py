from django.urls import path

from congdoan.imports import views

app_name = "imports"
urlpatterns = [
    path("units/<int:pk>/import/", views.upload, name="upload"),
    path("imports/<int:pk>/", views.job_detail, name="job"),
    path("imports/<int:pk>/progress/", views.job_progress, name="progress"),
    path("imports/<int:pk>/mapping/", views.job_mapping, name="mapping"),
    path("imports/<int:pk>/commit/", views.job_commit, name="commit"),
    path("imports/<int:pk>/retry/", views.job_retry, name="retry"),
    path("imports/<int:pk>/errors.xlsx", views.job_errors, name="errors"),
    path("members/export/", views.member_export, name="member_export"),
    path("units/<int:pk>/grassroots/export/", views.unit_export, name="unit_export"),
    path("templates/<slug:kind>.xlsx", views.template, name="template"),
]
