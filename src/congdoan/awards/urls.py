"""URLs of commendation campaigns; `verify/` is public (the certificate's QR code opens it)."""

from django.urls import path

from congdoan.awards import step_views, views

app_name = "awards"

urlpatterns = [
    path("awards/", views.campaigns, name="campaigns"),
    path("awards/titles/", views.catalogue, name="catalogue"),
    path("awards/report/", views.report, name="report"),
    path("awards/new/<int:pk>/", views.campaign_new, name="campaign_new"),
    path("awards/campaign/<int:pk>/", views.campaign_detail, name="campaign"),
    path("awards/campaign/<int:pk>/nominate/", views.campaign_nominate, name="nominate"),
    path("awards/campaign/<int:pk>/pool/", views.campaign_pool_nominate, name="pool"),
    path("awards/campaign/<int:pk>/proposals/", step_views.take_proposals, name="proposals"),
    path("awards/campaign/<int:pk>/council/", step_views.council_page, name="council"),
    path("awards/campaign/<int:pk>/close/", step_views.council_close, name="council_close"),
    path("awards/campaign/<int:pk>/minutes.<str:kind>", step_views.minutes, name="minutes"),
    path("awards/campaign/<int:pk>/minutes/sign/", step_views.minutes_sign, name="minutes_sign"),
    path("awards/campaign/<int:pk>/publish/", step_views.publish, name="publish"),
    path("awards/campaign/<int:pk>/decide/", step_views.decide, name="decide"),
    path("awards/nomination/<int:pk>/", step_views.nomination_detail, name="nomination"),
    path("awards/nomination/<int:pk>/<str:step>/", step_views.nomination_step, name="step"),
    path("awards/file/<int:pk>/", step_views.attachment, name="attachment"),
    path("awards/objection/<int:pk>/", step_views.objection_resolve, name="objection_resolve"),
    path("awards/decision/<int:pk>.<str:kind>", step_views.decision_paper, name="decision"),
    path("awards/award/<int:pk>/certificate.pdf", step_views.certificate, name="certificate"),
    path("awards/award/<int:pk>/revoke/", step_views.revoke, name="revoke"),
    path("awards/person/<int:pk>/", step_views.person_history, name="person"),
    path("awards/person/<int:pk>/exclusion/", step_views.exclusion_new, name="exclusion_new"),
    path("awards/unit/<int:pk>/", step_views.unit_history, name="unit"),
    path("verify/<uuid:token>/", views.verify, name="verify"),
]
