"""Emulation URLs: scorecards, clusters and covenants, scoring rounds, quality ratings."""

from django.urls import path

from congdoan.emulation import (
    views_cards,
    views_clusters,
    views_criteria,
    views_quality,
    views_rounds,
)

app_name = "emulation"
urlpatterns = [
    path("scorecards/", views_cards.scorecard_list, name="scorecards"),
    path("scorecards/<int:pk>/", views_cards.scorecard_detail, name="scorecard"),
    path("scorecards/<int:pk>/thresholds/", views_cards.scorecard_thresholds, name="thresholds"),
    path("scorecards/<int:pk>/copy/", views_cards.scorecard_copy, name="scorecard_copy"),
    path("criteria/<int:pk>/edit/", views_cards.criterion_edit, name="criterion_edit"),
    path("scorecards/<int:pk>/criteria/new/", views_criteria.criterion_add, name="criterion_add"),
    path(
        "criteria/<int:pk>/children/new/",
        views_criteria.criterion_add_child,
        name="criterion_add_child",
    ),
    path("criteria/<int:pk>/remove/", views_criteria.criterion_remove, name="criterion_remove"),
    path(
        "criteria/<int:pk>/move/<str:direction>/",
        views_criteria.criterion_move,
        name="criterion_move",
    ),
    path("clusters/", views_clusters.cluster_list, name="clusters"),
    path("clusters/<int:pk>/", views_clusters.cluster_detail, name="cluster"),
    path("units/<int:pk>/clusters/new/", views_clusters.cluster_new, name="cluster_new"),
    path("clusters/<int:pk>/leads/", views_clusters.cluster_leads, name="cluster_leads"),
    path("clusters/<int:pk>/members/", views_clusters.cluster_member, name="cluster_member"),
    path(
        "clusters/<int:pk>/members/end/",
        views_clusters.cluster_member_end,
        name="cluster_member_end",
    ),
    path("clusters/<int:pk>/covenant/", views_clusters.covenant_edit, name="covenant"),
    path("clusters/<int:pk>/targets/", views_clusters.covenant_targets, name="targets"),
    path("clusters/<int:pk>/sign/", views_clusters.covenant_sign, name="sign"),
    path("clusters/<int:pk>/covenant/issue/", views_clusters.covenant_issue, name="covenant_issue"),
    path(
        "clusters/<int:pk>/covenant.<str:fmt>",
        views_clusters.covenant_file,
        name="covenant_file",
    ),
    path("clusters/<int:pk>/<str:round_>/score/", views_rounds.score, name="score"),
    path("clusters/<int:pk>/<str:round_>/ranking/", views_rounds.ranking, name="ranking"),
    path("clusters/<int:pk>/<str:round_>/finalise/", views_rounds.finalise, name="finalise"),
    path("clusters/<int:pk>/<str:round_>/reopen/", views_rounds.reopen, name="reopen"),
    path("units/<int:pk>/quality/", views_quality.quality_rollup_page, name="quality"),
    path("units/<int:pk>/quality/<int:year>/", views_quality.rating_detail, name="rating"),
    path("units/<int:pk>/quality/<int:year>/self/", views_quality.rating_self, name="rating_self"),
    path(
        "units/<int:pk>/quality/<int:year>/check/", views_quality.rating_check, name="rating_check"
    ),
    path(
        "units/<int:pk>/quality/<int:year>/publish/",
        views_quality.rating_publish,
        name="rating_publish",
    ),
    path(
        "units/<int:pk>/quality/<int:year>/reopen/",
        views_quality.rating_reopen,
        name="rating_reopen",
    ),
]
