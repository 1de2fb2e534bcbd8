"""Organisation tree URLs."""

from django.urls import path, register_converter

from congdoan.org import official_views, views


class ReorganisationKind:
    regex = "|".join(views.REORGANISATIONS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ReorganisationKind, "reorganisation")

app_name = "org"
urlpatterns = [
    path("units/", views.tree, name="tree"),
    path("units/search/", views.search, name="search"),
    path("units/<int:pk>/", views.detail, name="detail"),
    path("units/<int:pk>/children/", views.children, name="children"),
    path("units/<int:pk>/history/", views.history, name="history"),
    path("units/<int:pk>/<reorganisation:kind>/", views.reorganise, name="reorganise"),
    path("units/<int:pk>/officials/appoint/", official_views.appoint, name="appoint"),
    path("officials/<int:pk>/end/", official_views.end_post, name="end_post"),
    path("addresses/wards/", views.wards, name="wards"),
]
