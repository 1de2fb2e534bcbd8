"""/api/schema/, /api/docs/ and the endpoints under /api/v1/."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from congdoan.api import activities, member_writes, members, reports, units

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
]
