"""Top-level URLs."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from congdoan.accounts.signin import SignInView
from congdoan.org.views import home
from congdoan.portal.signout import SignOutView

urlpatterns = [
    path("", home, name="home"),
    path("accounts/login/", SignInView.as_view(), name="login"),
    # The back office signs in through the site's page (password, then the second factor).
    path("admin/login/", RedirectView.as_view(pattern_name="login", query_string=True)),
    path("accounts/logout/", SignOutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("congdoan.org.urls")),
    path("", include("congdoan.accounts.urls")),
    path("", include("congdoan.members.urls")),
    path("", include("congdoan.awards.urls")),
    path("", include("congdoan.emulation.urls")),
    path("", include("congdoan.imports.urls")),
    path("", include("congdoan.activities.urls")),
    path("", include("congdoan.care.urls")),
    path("", include("congdoan.reports.urls")),
    path("", include("congdoan.audit.urls")),
    path("", include("congdoan.ops.urls")),
    path("", include("congdoan.api.urls")),
    path("", include("congdoan.api.page_urls")),
    path("", include("congdoan.cards.urls")),
    path("", include("congdoan.joining.urls")),
    path("", include("congdoan.finance.urls")),
    path("", include("congdoan.portal.urls")),
    path("", include("congdoan.notifications.urls")),
    path("", include("congdoan.signing.urls")),
    path("admin/", admin.site.urls),
]

# An unhandled error answers the site's own page (templates/500.html), menu included.
handler500 = "congdoan.core.views.server_error"
