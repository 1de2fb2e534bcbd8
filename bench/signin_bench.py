"""Member sign-ins per second at the configured password hasher's real cost (Argon2), and the
card verifications of bench.cards_bench beside them, against what 11.8 million members would
ask at a morning peak (the assumption is cards_bench's: one member in ten in the busiest hour).

Three figures: one password check alone (the hasher), `authenticate()` through the configured
backends (django-axes, the officials' model backend, the members' backend), and the whole sign-in
page (a POST to /accounts/login/: form, backends, session, redirect).

    python -m bench.signin_bench     (on a database with member logins: `congdoan demo`)

Writes bench/results/<UTC time>-signin.json."""

from __future__ import annotations

import os

import django

from bench.cards_bench import MEMBERS, PEAK_SECONDS, PEAK_SHARE, _rate

HOST = "127.0.0.1"
SECONDS = 4.0  # each sign-in costs tens of milliseconds: a few seconds give enough of them


def _member_login() -> tuple[str, object]:
    from django.contrib.auth import authenticate
    from django.test import RequestFactory

    from congdoan.demo.portal import member_logins
    from congdoan.demo.users import DEMO_PASSWORD

    logins = member_logins()
    if not logins:
        raise SystemExit("Không có tài khoản đoàn viên: chạy `congdoan demo` trước.")
    code = logins[0][0]
    request = RequestFactory().post("/accounts/login/", REMOTE_ADDR=HOST)
    user = authenticate(request, username=code, password=DEMO_PASSWORD)
    if user is None:
        raise SystemExit(f"{code} không đăng nhập được bằng mật khẩu demo.")
    return code, user


def _page_sign_in(code: str, password: str) -> None:
    from django.test import Client

    response = Client(HTTP_HOST=HOST).post(
        "/accounts/login/", {"username": code, "password": password}, REMOTE_ADDR=HOST
    )
    assert response.status_code == 302, response.status_code


def _signin_figures(needed: float) -> dict:
    from django.conf import settings
    from django.contrib.auth import authenticate
    from django.contrib.auth.hashers import get_hasher
    from django.test import RequestFactory

    from bench.harness import record
    from congdoan.demo.users import DEMO_PASSWORD

    code, user = _member_login()
    hasher = get_hasher()
    request = RequestFactory().post("/accounts/login/", REMOTE_ADDR=HOST)
    check = _rate(lambda: user.check_password(DEMO_PASSWORD), SECONDS)
    backends = _rate(lambda: authenticate(request, username=code, password=DEMO_PASSWORD), SECONDS)
    page = _rate(lambda: _page_sign_in(code, DEMO_PASSWORD), SECONDS)
    cost = {k: getattr(hasher, k, None) for k in ("time_cost", "memory_cost", "parallelism")}
    record(
        "password check (the hasher alone)",
        per_second=round(check, 1),
        hasher=hasher.algorithm,
        **cost,
    )
    record("member authenticate() through the backends", per_second=round(backends, 1),
           backends=list(settings.AUTHENTICATION_BACKENDS))  # fmt: skip
    record(
        "member sign-in page (POST /accounts/login/)",
        per_second=round(page, 1),
        peak_needed_per_second=round(needed),
        processes_needed=max(1, round(needed / page + 0.5)),
        assumption=f"{PEAK_SHARE:.0%} of {MEMBERS:,} members sign in in {PEAK_SECONDS} s",
    )
    print(f"hasher {hasher.algorithm} {cost}: {check:,.1f} checks/s")
    print(f"authenticate() {backends:,.1f}/s, sign-in page {page:,.1f}/s")
    return {"check": check, "backends": backends, "page": page}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")
    django.setup()
    from bench import cards_bench
    from bench.harness import write_results

    needed = MEMBERS * PEAK_SHARE / PEAK_SECONDS
    signins = _signin_figures(needed)
    cards = cards_bench.run()
    print(
        f"A morning peak ({PEAK_SHARE:.0%} of {MEMBERS:,} members in one hour) asks "
        f"{needed:,.0f} sign-ins/s: {needed / signins['page']:,.0f} processes like this one; "
        f"and {needed:,.0f} card checks/s: {needed / cards['whole']:,.2f} of a process."
    )
    path = write_results({"name": "signin", "members": MEMBERS, "peak_share": PEAK_SHARE})
    print(f"figures written to {path}")


if __name__ == "__main__":
    main()
