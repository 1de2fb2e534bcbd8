"""/api/schema/, /api/docs/ and the endpoints under /api/v1/."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from congdoan.api import (
    activities,
    awards,
    certificates,
    imports,
    member_writes,
    members,
    nomination_writes,
    problems,
    reports,
    units,
)

app_name = "api"
urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("api/v1/units/", units.UnitList.as_view(), name="units"),
    path("api/v1/units/<str:code>/", units.UnitDetail.as_view(), name="unit"),
    path("api/v1/members/", member_writes.MemberCollection.as_view(), name="members"),
    path("api/v1/members/<str:code>/", members.MemberDetail.as_view(), name="member"),
    path(
        "api/v1/members/<str:code>/transfer/",
        member_writes.MemberTransfer.as_view(),
        name="member_transfer",
    ),
    path("api/v1/members/<str:code>/exit/", member_writes.MemberExit.as_view(), name="member_exit"),
    path(
        "api/v1/members/<str:code>/readmit/",
        member_writes.MemberReadmit.as_view(),
        name="member_readmit",
    ),
    path(
        "api/v1/reports/<str:unit_code>/summary/",
        reports.ReportSummaryView.as_view(),
        name="report_summary",
    ),
    path("api/v1/activities/", activities.ActivityList.as_view(), name="activities"),
    path("api/v1/targets/", activities.TargetList.as_view(), name="targets"),
    path("api/v1/awards/campaigns/", awards.CampaignList.as_view(), name="campaigns"),
    path("api/v1/awards/campaigns/<int:pk>/", awards.CampaignDetail.as_view(), name="campaign"),
    path(
        "api/v1/awards/nominations/",
        nomination_writes.NominationCollection.as_view(),
        name="nominations",
    ),
    path(
        "api/v1/awards/nominations/<int:pk>/",
        awards.NominationDetail.as_view(),
        name="nomination",
    ),
    path(
        "api/v1/certificates/<str:token>/",
        certificates.CertificateCheck.as_view(),
        name="certificate",
    ),
    path("api/v1/imports/", imports.ImportList.as_view(), name="imports"),
    path("api/v1/imports/<int:pk>/", imports.ImportDetail.as_view(), name="import"),
    path("api/v1/imports/<int:pk>/commit/", imports.ImportCommit.as_view(), name="import_commit"),
    path(
        "api/v1/imports/<int:pk>/errors.xlsx", imports.ImportErrors.as_view(), name="import_errors"
    ),
    # anything else under /api/ (a path that names no endpoint, an id that is not a number)
    # answers as a missing object does, in problem+json
    re_path(r"^api/", problems.NotFoundView.as_view()),
]
