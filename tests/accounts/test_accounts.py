"""Sign-in, throttling, password hashing, sessions, and roles granted and revoked with an audit."""

import pytest
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client, override_settings
from django.urls import reverse

from congdoan import settings as project_settings
from congdoan.accounts.models import Role, RoleKind
from congdoan.accounts.services import role_grant, role_revoke
from congdoan.audit.models import AuditEntry
from tests.factories import UserFactory

PASSWORD = "mat-khau-thu"


def test_passwords_are_hashed_with_argon2():
    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=project_settings.PASSWORD_HASHERS):
        encoded = make_password("bí mật")
        assert encoded.startswith("argon2$")
        assert check_password("bí mật", encoded)


def test_sessions_expire():
    assert project_settings.SESSION_COOKIE_AGE <= 8 * 3600
    assert project_settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_repeated_failed_sign_ins_lock_the_account_for_a_while(world):
    client = Client()
    url = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "bob", "password": "sai"})
        assert response.status_code == 200
    assert client.post(url, {"username": "bob", "password": "sai"}).status_code == 429
    locked = client.post(url, {"username": "bob", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Tạm khóa đăng nhập" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_correct_password_signs_in(world):
    client = Client()
    response = client.post(reverse("login"), {"username": "bob", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200


def test_a_federation_officer_grants_and_revokes_a_role_with_an_audit(world):
    newcomer = UserFactory(username="hoa")
    role = role_grant(actor=world.bob, user=newcomer, kind=RoleKind.GRASSROOTS, unit=world.g2)
    granted = AuditEntry.objects.get(action="role.grant")
    assert (granted.actor, granted.unit, granted.after) == (
        world.bob,
        world.g2,
        {"user": "hoa", "kind": "grassroots"},
    )
    role_revoke(actor=world.bob, role=role)
    revoked = AuditEntry.objects.get(action="role.revoke")
    assert revoked.before == {"user": "hoa", "kind": "grassroots"}
    assert not Role.objects.filter(user=newcomer).exists()


@pytest.mark.parametrize("granter", ["charlie", "dana", "erin", "frank"])
def test_only_federation_officers_and_administrators_grant_roles(world, granter):
    newcomer = UserFactory(username="hoa")
    with pytest.raises(PermissionDenied):
        role_grant(actor=world.users[granter], user=newcomer, kind=RoleKind.VIEWER, unit=world.g1)
    assert not Role.objects.filter(user=newcomer).exists()
    assert not AuditEntry.objects.filter(action="role.grant").exists()


def test_roles_outside_the_scope_and_admin_roles_are_refused(world):
    newcomer = UserFactory(username="hoa")
    with pytest.raises(PermissionDenied):
        role_grant(actor=world.bob, user=newcomer, kind=RoleKind.VIEWER, unit=world.g4)
    with pytest.raises(PermissionDenied):
        role_grant(actor=world.bob, user=newcomer, kind=RoleKind.ADMIN, unit=None)
    with pytest.raises(ValidationError):
        role_grant(actor=world.alice, user=newcomer, kind=RoleKind.VIEWER, unit=None)
    assert not Role.objects.filter(user=newcomer).exists()


def test_the_roles_page_grants_a_role_and_shows_it(world):
    UserFactory(username="hoa")
    client = Client()
    client.force_login(world.bob)
    url = reverse("accounts:unit_roles", args=[world.g2.pk])
    response = client.post(url, {"username": "hoa", "kind": RoleKind.GRASSROOTS}, follow=True)
    assert "Đã giao vai trò." in response.content.decode()
    assert "hoa" in response.content.decode()
    again = client.post(url, {"username": "hoa", "kind": RoleKind.GRASSROOTS})
    assert "đã có vai trò này" in again.content.decode()
    missing = client.post(url, {"username": "khong-co", "kind": RoleKind.GRASSROOTS})
    assert "Không có người dùng này." in missing.content.decode()
