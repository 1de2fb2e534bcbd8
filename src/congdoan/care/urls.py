"""Care programme URLs."""

from django.urls import path

from congdoan.care import views

app_name = "care"
urlpatterns = [
    path("care/", views.programme_list, name="list"),
    path("units/<int:pk>/care/new/", views.programme_new, name="new"),
    path("care/<int:pk>/", views.programme_detail, name="programme"),
    path("care/<int:pk>/units/<int:unit_pk>/", views.unit_part, name="part"),
    path("care/<int:pk>/units/<int:unit_pk>/import/", views.list_upload, name="upload"),
    path(
        "care/<int:pk>/units/<int:unit_pk>/signatures.<str:kind>",
        views.signature_list,
        name="signatures",
    ),
]
