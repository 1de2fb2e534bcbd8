"""Report URLs."""

from django.urls import path, re_path

from congdoan.reports import dashboard, views

app_name = "reports"
urlpatterns = [
    path("reports/<int:pk>/", views.report_page, name="report"),
    path("reports/<int:pk>/summary.json", views.report_json, name="json"),
    re_path(
        r"^reports/(?P<pk>[0-9]+)/download/(?P<kind>docx|pdf|xlsx)/$",
        views.report_download,
        name="download",
    ),
    path("reports/<int:pk>/issue/", views.report_issue_view, name="issue"),
    path("reports/issued/<int:pk>.pdf", views.issued_download, name="issued"),
    path("reports/<int:pk>/units/", views.units_page, name="units"),
    path("reports/<int:pk>/referrals/", views.referrals_page, name="referrals"),
    path("reports/dashboard/", dashboard.dashboard, name="dashboard"),
]
