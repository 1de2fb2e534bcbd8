"""Signing administration URLs: a unit's certificates and signers, and the trust roots."""

from django.urls import path

from congdoan.signing import views

app_name = "signing"
urlpatterns = [
    path("units/<int:pk>/signing/", views.unit_signing, name="unit"),
    path("units/<int:pk>/signing/signers/", views.signer_new, name="signer_new"),
    path("signing/signers/<int:pk>/remove/", views.signer_remove, name="signer_remove"),
    path("signing/trust-roots/", views.trust_roots, name="trust_roots"),
]
