"""Organisation tree URLs."""

from django.urls import path, register_converter

from congdoan.org import official_views, term_views, views


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
    path("units/<int:pk>/terms/", term_views.terms, name="terms"),
    path("units/<int:pk>/terms/new/", term_views.term_new, name="term_new"),
    path("terms/<int:pk>/", term_views.term_detail, name="term"),
    path("terms/<int:pk>/edit/", term_views.term_edit, name="term_edit"),
    path("terms/<int:pk>/elect/", term_views.term_elect_page, name="term_elect"),
    path("terms/posts/<int:pk>/remove/", term_views.term_unelect_post, name="term_unelect"),
    path("addresses/wards/", views.wards, name="wards"),
]
