"""The shared test world: a small federation tree and one named user per role.

    TLD (confederation)
    ├── HN  LĐLĐ thành phố Hà Nội (federation)
    │   ├── DD  LĐLĐ quận Đống Đa (district)      ── G1, G2 (grassroots)
    │   ├── TT  LĐLĐ huyện Thanh Trì (district)   ── G3 (grassroots)
    │   └── KL  Công đoàn phường Kim Liên (ward, from 1/7/2025)
    └── DN  LĐLĐ thành phố Đà Nẵng (federation)   ── G4 (grassroots)

Users and their scopes:
    alice   system administrator           everything
    bob     federation officer on HN       HN and below; may reorganise and grant roles there
    charlie upper-level officer on DD      DD, G1, G2; may reorganise there
    dana    grassroots officer on G1       G1 only; may not reorganise
    erin    awards-council member on HN    reads HN and below
    frank   viewer (leadership) on HN      reads HN and below
"""

import os
from dataclasses import dataclass
from datetime import date

import pytest

from congdoan.accounts.models import RoleKind, User
from congdoan.demo.users import demo_admin
from congdoan.org.models import Position, Sector, Unit, UnitType
from congdoan.org.reference import load_reference_data
from tests.factories import make_unit, user_with_role

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API in tests


@dataclass
class World:
    tld: Unit
    hn: Unit
    dd: Unit
    tt: Unit
    kl: Unit
    dn: Unit
    g1: Unit
    g2: Unit
    g3: Unit
    g4: Unit
    alice: User
    bob: User
    charlie: User
    dana: User
    erin: User
    frank: User

    @property
    def users(self) -> dict[str, User]:
        return {
            u.username: u
            for u in (self.alice, self.bob, self.charlie, self.dana, self.erin, self.frank)
        }


def build_world() -> World:
    load_reference_data(UnitType, Sector, Position)  # transactional tests flush the migration's
    demo_admin()
    alice = user_with_role("alice", RoleKind.ADMIN, None)
    alice.is_staff = alice.is_superuser = True  # the back office is the administrators'
    alice.save(update_fields=["is_staff", "is_superuser"])
    tld = make_unit(
        "TLD", "Tổng Liên đoàn Lao động Việt Nam", "confederation", on=date(1929, 7, 28)
    )
    hn = make_unit(
        "HN",
        "Liên đoàn Lao động thành phố Hà Nội",
        "federation",
        tld,
        short_name="LĐLĐ thành phố Hà Nội",
    )
    dd = make_unit(
        "DD", "Liên đoàn Lao động quận Đống Đa", "district", hn, short_name="LĐLĐ quận Đống Đa"
    )
    tt = make_unit(
        "TT",
        "Liên đoàn Lao động huyện Thanh Trì",
        "district",
        hn,
        short_name="LĐLĐ huyện Thanh Trì",
    )
    kl = make_unit("KL", "Công đoàn phường Kim Liên", "ward", hn, on=date(2025, 7, 1))
    dn = make_unit("DN", "Liên đoàn Lao động thành phố Đà Nẵng", "federation", tld)
    g1 = make_unit(
        "G1", "Công đoàn Công ty TNHH Điện tử ASTI Hà Nội", "grassroots", dd, on=date(2005, 3, 15)
    )
    g2 = make_unit("G2", "Công đoàn Trường Tiểu học Kim Liên", "grassroots", dd)
    g3 = make_unit("G3", "Công đoàn Công ty Cổ phần Thanh Trì", "grassroots", tt)
    g4 = make_unit("G4", "Công đoàn Cảng Đà Nẵng", "grassroots", dn)
    return World(
        tld=tld,
        hn=hn,
        dd=dd,
        tt=tt,
        kl=kl,
        dn=dn,
        g1=g1,
        g2=g2,
        g3=g3,
        g4=g4,
        alice=alice,
        bob=user_with_role("bob", RoleKind.FEDERATION, hn),
        charlie=user_with_role("charlie", RoleKind.UPPER, dd),
        dana=user_with_role("dana", RoleKind.GRASSROOTS, g1),
        erin=user_with_role("erin", RoleKind.COUNCIL, hn),
        frank=user_with_role("frank", RoleKind.VIEWER, hn),
    )


@pytest.fixture
def world(db) -> World:
    return build_world()


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """Background tasks run inside the request in tests; `congdoan db_worker` runs them live."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def vietnamese_to_begin_with():
    """Each test starts in the site's language: a request made in English by an earlier test
    leaves its language active in the thread, and messages would come out in English."""
    from django.utils import translation

    translation.activate("vi")
    yield
    translation.activate("vi")


@pytest.fixture(autouse=True)
def second_factor_not_required(settings):
    """The world's administrator and federation officer would be sent to enrol a second factor
    before any page; tests/accounts turn the requirement on where it is the subject."""
    settings.CONGDOAN_REQUIRE_2FA = False


@pytest.fixture(autouse=True)
def card_keys_of_this_test_only():
    """Card signing keys are cached by id; a rolled-back test's ids come back with new keys."""
    from congdoan.cards.keys import forget_cached_keys

    forget_cached_keys()
    yield
    forget_cached_keys()


@pytest.fixture(autouse=True)
def inbox_counts_of_this_test_only(monkeypatch):
    """The header's inbox count is cached a minute by user id; a rolled-back test's ids come
    back in the next test, so each test counts in a cache of its own."""
    from django.core.cache.backends.locmem import LocMemCache

    cache = LocMemCache(f"inbox-counts-{id(monkeypatch)}", {})
    monkeypatch.setattr("congdoan.notices.counts._cache", lambda: cache)
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests that are not about hashing use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
