"""The members' portal: /me/ (the member's own pages), the activation link, and the keepers'
invitations and correction queue."""

from django.urls import path

from congdoan.portal import activate_views, keeper_views, views

app_name = "portal"
urlpatterns = [
    path("me/", views.me, name="me"),
    path("me/reads/", views.reads, name="reads"),
    path("me/corrections/", views.corrections, name="corrections"),
    path("me/data.json", views.export_json, name="export_json"),
    path("me/data.pdf", views.export_pdf, name="export_pdf"),
    path("me/awards/<int:pk>/certificate.pdf", views.certificate, name="certificate"),
    path("me/activate/<str:token>/", activate_views.activate, name="activate"),
    path("members/<int:pk>/invite/", keeper_views.invite, name="invite"),
    path("units/<int:pk>/invitations/", keeper_views.slips, name="slips"),
    path("units/<int:pk>/corrections/", keeper_views.queue, name="queue"),
    path("corrections/<int:pk>/decide/", keeper_views.decide, name="decide"),
]
