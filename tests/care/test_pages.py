"""The care pages as a union official uses them: open a programme with its budget, record one
support and a union's totals, read the roll-up by source and by union, print the list people
sign for; outside the user's scope, nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from congdoan.accounts.models import RoleKind
from congdoan.care.models import Beneficiary, CareProgramme, CareTotals, Reason, Source
from congdoan.care.services import supports_record
from congdoan.core.documents import pdf_text
from congdoan.members.models import ReadKind, SensitiveRead
from tests.care.helpers import row, tet
from tests.factories import user_with_role
from tests.papers.render import pngs


@pytest.fixture
def bob(world):
    client = Client()
    client.force_login(world.bob)
    return client


def test_opening_a_programme_with_its_budget_and_units(world, bob):
    url = reverse("care:new", args=[world.hn.pk])
    answer = bob.post(url, {
        "name": "Tháng Công nhân 2025", "starts_on": "01/05/2025", "ends_on": "31/05/2025",
        "ceiling": "2.000.000", "budget_union": "50.000.000", "budget_sponsor": "10.000.000",
        "units": "DD",
    })  # fmt: skip
    programme = CareProgramme.objects.get(name="Tháng Công nhân 2025")
    assert answer.status_code == 302 and list(programme.units.all()) == [world.dd]
    assert dict(programme.budget.values_list("source", "amount")) == {
        "union": 50_000_000, "sponsor": 10_000_000,
    }  # fmt: skip
    page = bob.get(reverse("care:programme", args=[programme.pk])).content.decode()
    assert "50 triệu đồng" in page and "Đống Đa" in page


def test_a_programme_ending_before_it_starts_is_refused(world, bob):
    answer = bob.post(reverse("care:new", args=[world.hn.pk]), {
        "name": "Sai ngày", "starts_on": "31/05/2025", "ends_on": "01/05/2025", "ceiling": "1",
    })  # fmt: skip
    assert answer.status_code == 200 and "không được trước ngày bắt đầu" in answer.content.decode()
    assert not CareProgramme.objects.exists()


def test_recording_a_support_then_the_totals_of_another_union(world, bob):
    programme = tet(world)
    part = reverse("care:part", args=[programme.pk, world.g1.pk])
    answer = bob.post(part, {
        "support": "1", "full_name": "Trần Thị Mai", "reason": "low_income", "form": "gift",
        "value": "1.500.000", "source": "enterprise", "given_on": "20/01/2025", "delivered": "on",
    })  # fmt: skip
    assert answer.status_code == 302
    assert Beneficiary.objects.get().supports.get().value == 1_500_000
    again = bob.post(part, {
        "support": "1", "full_name": "Lê Văn Hùng", "reason": "low_income", "form": "gift",
        "value": "9.500.000", "source": "enterprise", "given_on": "20/01/2025",
    })  # fmt: skip
    assert "vượt mức tối đa" in again.content.decode() and Beneficiary.objects.count() == 1
    other = reverse("care:part", args=[programme.pk, world.g3.pk])
    assert (
        bob.post(other, {"totals": "1", "people": "40", "money_union": "30.000.000"}).status_code
        == 302
    )
    assert CareTotals.objects.get().people == 40
    page = bob.get(reverse("care:programme", args=[programme.pk])).content.decode()
    assert "31,5 triệu đồng" in page  # 1.500.000 itemised + 30.000.000 reported
    assert "Trần Thị Mai" not in page  # the programme page shows unions, not people


def test_the_signature_list_is_a_paper_with_a_signature_column(world, bob):
    programme = tet(world)
    supports_record(actor=world.bob, programme=programme, unit=world.g1, rows=[
        row("Trần Thị Mai", birth_date=date(1985, 4, 2)),
        row("Nguyễn Văn Nam", value=800_000, source=Source.SPONSOR),
    ])  # fmt: skip
    url = reverse("care:signatures", args=[programme.pk, world.g1.pk, "pdf"])
    answer = bob.get(url)
    assert answer["Content-Type"] == "application/pdf"
    text = pdf_text(answer.content)
    assert "DANH SÁCH" in text and "Ký nhận" in text and "Nguyễn Văn Nam" in text
    assert "1.800.000" in text and "1985" in text and "1.985" not in text  # a year, not a sum
    assert pngs("care-signature-list", answer.content, dpi=70)  # to look at
    book = bob.get(reverse("care:signatures", args=[programme.pk, world.g1.pk, "xlsx"]))
    assert book.status_code == 200
    assert (
        bob.get(reverse("care:signatures", args=[programme.pk, world.g1.pk, "exe"])).status_code
        == 404
    )


def test_a_grassroots_officer_records_for_their_union_only(world):
    programme = tet(world)
    dana = Client()
    dana.force_login(world.dana)
    assert programme.name in dana.get(reverse("care:list")).content.decode()
    assert dana.get(reverse("care:programme", args=[programme.pk])).status_code == 200
    assert dana.get(reverse("care:part", args=[programme.pk, world.g1.pk])).status_code == 200
    assert dana.get(reverse("care:part", args=[programme.pk, world.g3.pk])).status_code == 404


def test_outside_the_scope_a_programme_is_not_found(world):
    programme = tet(world)
    stranger = Client()
    stranger.force_login(user_with_role("zed", RoleKind.GRASSROOTS, world.g4))
    for url in (
        reverse("care:programme", args=[programme.pk]),
        reverse("care:part", args=[programme.pk, world.g1.pk]),
        reverse("care:signatures", args=[programme.pk, world.g1.pk, "pdf"]),
    ):
        assert stranger.get(url).status_code == 404
    assert programme.name not in stranger.get(reverse("care:list")).content.decode()


def test_reading_a_unions_list_is_logged_and_reasons_are_masked_for_viewers(world, bob):
    """Why a person was supported (illness, an accident…) is personal data: its keepers' every
    reading of the list, on the page or as the signature list, is logged; a viewer sees the
    names and what was given but not the reasons, and no reading is logged for them."""
    programme = tet(world)
    supports_record(actor=world.bob, programme=programme, unit=world.g1, rows=[
        row("Trần Thị Mai", reason=Reason.ILLNESS), row("Nguyễn Văn Nam"),
    ])  # fmt: skip
    part = reverse("care:part", args=[programme.pk, world.g1.pk])
    assert "Ốm đau" in bob.get(part).content.decode()
    bob.get(reverse("care:signatures", args=[programme.pk, world.g1.pk, "pdf"]))
    reads = list(SensitiveRead.objects.order_by("pk"))
    assert [(r.username, r.kind, r.fields, r.rows) for r in reads] == [
        ("bob", ReadKind.LIST, "care_reason", 2), ("bob", ReadKind.EXPORT, "care_reason", 2),
    ]  # fmt: skip
    frank = Client()
    frank.force_login(world.frank)
    page = frank.get(part).content.decode()
    assert "Nguyễn Văn Nam" in page and "Ốm đau" not in page and "******" in page
    assert SensitiveRead.objects.count() == 2


def test_the_programme_page_offers_each_own_union_for_the_same_queries(world):
    """A keeper of several unions is offered each union taking part, in a fixed number of
    queries whatever the number of their roles."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from congdoan.accounts.models import Role

    programme = tet(world)
    keeper = user_with_role("keeper", RoleKind.GRASSROOTS, world.g1)
    client = Client()
    client.force_login(keeper)
    url = reverse("care:programme", args=[programme.pk])
    client.get(reverse("notifications:inbox"))  # the header's inbox count, cached

    def queries() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as seen:
            page = client.get(url).content.decode()
        return len(seen), page

    one, page = queries()
    assert "Ghi hỗ trợ của Công đoàn" in page
    for unit in (world.g2, world.g3):
        Role.objects.create(user=keeper, kind=RoleKind.GRASSROOTS, unit=unit)
    client.get(reverse("notifications:inbox"))
    three, page = queries()
    assert page.count("Ghi hỗ trợ của") == 3
    assert three == one
