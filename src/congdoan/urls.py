"""Top-level URLs."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from congdoan.org.views import home

urlpatterns = [
    path("", home, name="home"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("congdoan.org.urls")),
    path("", include("congdoan.accounts.urls")),
    path("", include("congdoan.members.urls")),
    path("", include("congdoan.awards.urls")),
    path("", include("congdoan.emulation.urls")),
    path("", include("congdoan.imports.urls")),
    path("", include("congdoan.activities.urls")),
    path("", include("congdoan.reports.urls")),
    path("admin/", admin.site.urls),
]
