"""Role management URLs, and a user's own account: password, second factor."""

from django.urls import path

from congdoan.accounts import lookup_views, self_service, signin, views

app_name = "accounts"
urlpatterns = [
    path("units/<int:pk>/roles/", views.unit_roles, name="unit_roles"),
    path("roles/<int:pk>/revoke/", views.revoke, name="revoke"),
    path("accounts/login/code/", signin.sign_in_code, name="sign_in_code"),
    path("accounts/security/", self_service.security, name="security"),
    path("accounts/password/", self_service.PasswordChange.as_view(), name="password_change"),
    path("accounts/two-factor/", self_service.enrol, name="otp_enrol"),
    path("accounts/two-factor/recovery/", self_service.recovery_codes, name="recovery_codes"),
    path("accounts/two-factor/remove/", self_service.remove, name="otp_remove"),
    path("lookup/units/", lookup_views.units, name="lookup_units"),
    path("lookup/members/", lookup_views.members, name="lookup_members"),
    path("lookup/users/", lookup_views.users, name="lookup_users"),
]
