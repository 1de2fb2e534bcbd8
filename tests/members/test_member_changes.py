"""Changes made through the registry's pages: transfer, exit, re-admission, corrections, cards and
Party referrals; a refused change shows the reason on the form and keeps everything as it was."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from congdoan.members.models import (
    CardStatus,
    EntryKind,
    ExitKind,
    Membership,
    ReadKind,
    ReferralStatus,
    SensitiveRead,
)
from congdoan.members.services import member_exit
from tests.members.registry import ADMISSION, admit, person


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _post(user, name: str, pk: int, data: dict):
    return _client(user).post(reverse(f"members:{name}", args=[pk]), data)


DECISION = {
    "decision_number": "9/QĐ-CĐCS",
    "decision_date": "2024-05-30",
    "decision_signer": "Chủ tịch",
}


@pytest.fixture
def member(world):
    return admit(world.alice, world.g1).person


def test_transfer_offers_only_other_unions_the_user_keeps(world, member):
    page = _client(world.charlie).get(reverse("members:transfer", args=[member.pk]))
    options = page.context["form"].fields["to_unit"].queryset
    assert {unit.code for unit in options} == {"G2"}


def test_transfer_through_the_page(world, member):
    response = _post(
        world.charlie, "transfer", member.pk, {"to_unit": world.g2.pk, "on": "2022-01-01"}
    )
    assert response.status_code == 302
    moved = list(member.memberships.order_by("started_on"))
    assert [(m.unit.code, m.ended_on) for m in moved] == [("G1", date(2022, 1, 1)), ("G2", None)]
    assert moved[0].exit_kind == ExitKind.TRANSFER and moved[1].entry_kind == EntryKind.TRANSFER
    html = _client(world.bob).get(reverse("members:detail", args=[member.pk])).content.decode()
    assert "Công đoàn Công ty TNHH Điện tử ASTI Hà Nội" in html
    assert "Công đoàn Trường Tiểu học Kim Liên" in html


def test_exit_and_readmission_through_the_pages(world, member):
    response = _post(
        world.dana, "exit", member.pk, {"kind": ExitKind.RETIREMENT, "on": "2024-01-01"}
    )
    assert response.status_code == 302
    assert member.memberships.get().exit_kind == ExitKind.RETIREMENT
    response = _post(
        world.dana, "readmit", member.pk, {"unit": world.g1.pk, "on": "2024-06-01", **DECISION}
    )
    assert response.status_code == 302
    latest = member.memberships.order_by("-started_on").first()
    assert latest.entry_kind == EntryKind.READMISSION and latest.ended_on is None


def test_the_exit_form_does_not_offer_transfer(world, member):
    page = _client(world.dana).get(reverse("members:exit", args=[member.pk]))
    assert ExitKind.TRANSFER not in dict(page.context["form"].fields["kind"].choices)


def test_a_refused_change_shows_the_reason_and_changes_nothing(world, member):
    page = _post(world.dana, "exit", member.pk, {"kind": ExitKind.VOLUNTARY, "on": "2019-01-01"})
    assert page.status_code == 200
    assert "phải sau ngày bắt đầu sinh hoạt" in page.content.decode()
    assert member.memberships.get().ended_on is None
    page = _post(
        world.dana, "readmit", member.pk, {"unit": world.g1.pk, "on": "2024-06-01", **DECISION}
    )
    assert "đang sinh hoạt công đoàn" in page.content.decode()
    assert Membership.objects.count() == 1


def test_correcting_the_record_logs_the_sensitive_reading(world, member):
    url = reverse("members:edit", args=[member.pk])
    client = _client(world.dana)
    form = client.get(url).context["form"]
    assert form.initial["full_name"] == "Nguyễn Đức Nhân"
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(full_name="nguyễn  đức  nhẫn", birth_date="1985-05-12")
    assert client.post(url, data).status_code == 302
    member.refresh_from_db()
    assert member.full_name == "Nguyễn Đức Nhẫn"
    assert SensitiveRead.objects.filter(kind=ReadKind.EDIT, people=member).count() == 2


def test_a_card_is_requested_approved_above_printed_and_handed_over(world, member):
    assert _post(world.dana, "card_request", member.pk, {"on": "2021-01-04"}).status_code == 302
    card = member.cards.get()
    dana_page = _client(world.dana).get(reverse("members:detail", args=[member.pk]))
    assert reverse("members:card_step", args=[card.pk, "approve"]) not in dana_page.content.decode()
    approve = reverse("members:card_step", args=[card.pk, "approve"])
    assert _client(world.dana).post(approve, {"on": "2021-01-10"}).status_code == 403
    charlie_page = _client(world.charlie).get(reverse("members:detail", args=[member.pk]))
    assert approve in charlie_page.content.decode()
    assert _client(world.charlie).post(approve, {"on": "2021-01-10"}).status_code == 302
    printing = reverse("members:card_step", args=[card.pk, "print"])
    assert _client(world.dana).post(printing, {"on": "2021-02-01"}).status_code == 302
    issue = reverse("members:card_step", args=[card.pk, "issue"])
    assert _client(world.dana).post(issue, {"on": "2021-02-03"}).status_code == 302
    card.refresh_from_db()
    member.refresh_from_db()
    assert (card.status, card.number) == (CardStatus.ISSUED, member.card_number)
    assert card.number.startswith("00-")  # the test world's federation has no province
    again = _post(world.dana, "card_request", member.pk, {"on": "2021-03-01"})
    assert again.status_code == 302  # a second card may be asked for; a third while it waits not
    refused = _post(world.dana, "card_request", member.pk, {"on": "2021-03-02"})
    assert "đang chờ" in refused.content.decode() and member.cards.count() == 2


def test_a_party_referral_and_its_outcome(world, member):
    response = _post(
        world.dana,
        "referral_new",
        member.pk,
        {
            "resolution_number": "5/NQ-CĐCS",
            "resolution_on": "2023-04-01",
            "party_cell": "Chi bộ Công ty ASTI",
            "co_introducer": "Trần Văn Tâm",
        },
    )
    assert response.status_code == 302
    referral = member.referrals.get()
    url = reverse("members:referral_step", args=[referral.pk])
    refused = _client(world.dana).post(url, {"status": ReferralStatus.ADMITTED, "on": "2024-01-01"})
    assert "Thiếu số quyết định kết nạp Đảng" in refused.content.decode()
    data = {"status": ReferralStatus.ADMITTED, "on": "2024-01-01", "admission_decision": "12-QĐ/ĐU"}
    assert _client(world.dana).post(url, data).status_code == 302
    member.refresh_from_db()
    assert member.party_joined_on == date(2024, 1, 1)


def test_the_party_column_and_filter_are_for_registry_keepers(world, member):
    for username, shown in [("bob", True), ("dana", True), ("erin", False), ("frank", False)]:
        html = _client(world.users[username]).get(reverse("members:list")).content.decode()
        assert ('name="party"' in html) is shown, username
        assert (">Đảng viên</th>" in html) is shown, username


def test_the_list_of_one_union_and_of_an_unseen_one(world, member):
    other = admit(world.alice, world.g2, person("Lê Thị Hoa", "F", date(1990, 2, 2))).person
    html = _client(world.bob).get(reverse("members:list") + f"?unit={world.g2.pk}").content.decode()
    assert other.full_name in html and member.full_name not in html
    unseen = _client(world.bob).get(reverse("members:list") + f"?unit={world.g4.pk}")
    assert unseen.status_code == 404


def test_the_list_shows_who_left_and_sorts_the_vietnamese_way(world, member):
    for name in ["Nguyễn Văn Đức", "Phạm Văn Ân", "Trần Văn Dũng", "Lê Văn Anh"]:
        admit(world.alice, world.g1, person(name))
    member_exit(actor=world.alice, person=member, on=date(2024, 1, 1), kind=ExitKind.RETIREMENT)
    page = _client(world.bob).get(reverse("members:list") + "?status=all")
    names = [p.full_name for p in page.context["page"].object_list]
    assert names == [  # by given name first, in the Vietnamese alphabet: a < â, d < đ
        "Lê Văn Anh",
        "Phạm Văn Ân",
        "Trần Văn Dũng",
        "Nguyễn Văn Đức",
        "Nguyễn Đức Nhân",
    ]
    html = page.content.decode()
    assert "Đã rời" in html and "12/05/1985" in html


def test_the_list_is_paginated_by_fifty(world):
    from congdoan.members.services import members_admit

    people = [person(f"Trần Văn {chr(65 + i // 26)}{chr(97 + i % 26)}") for i in range(51)]
    members_admit(
        actor=world.alice,
        unit=world.g1,
        people=people,
        joined_on=date(2020, 3, 2),
        decision=ADMISSION,
    )
    client = _client(world.frank)
    assert len(client.get(reverse("members:list")).context["page"].object_list) == 50
    second = client.get(reverse("members:list") + "?page=2").context["page"]
    assert len(second.object_list) == 1 and second.paginator.num_pages == 2
