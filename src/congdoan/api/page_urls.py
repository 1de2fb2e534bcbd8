"""The account's token pages: /accounts/tokens/ (list, make) and /accounts/tokens/revoke/."""

from django.urls import path

from congdoan.api import pages

app_name = "tokens"
urlpatterns = [
    path("accounts/tokens/", pages.tokens, name="list"),
    path("accounts/tokens/revoke/", pages.revoke, name="revoke"),
]
