"""Applications to join: sent publicly, waiting in the union's queue, admitted through the
registry's admission service or refused with a reason; a CCCD already registered and a foreign
worker's short contract are refused with nothing written; foreign members hold no post."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from congdoan.joining.models import Application, ApplicationStatus
from congdoan.joining.services import application_admit, application_refuse
from congdoan.members.models import Person
from congdoan.members.officials import official_appoint
from congdoan.org.models import Position
from congdoan.org.services import DecisionInput
from tests.joining.helpers import FOREIGN, VIETNAMESE, apply
from tests.members.registry import admit, person

DAY = date(2026, 1, 12)
DECISION = DecisionInput(number="21/QĐ-CĐCS", signed_on=date(2026, 1, 10), signer="Chủ tịch")


def _form(unit_code: str, data: dict) -> dict:
    return {
        "union": unit_code,
        **{k: ("" if v is None else v.isoformat() if isinstance(v, date) else v)
           for k, v in data.items()},
    }  # fmt: skip


def test_a_worker_applies_and_follows_it_by_reference(world):
    client = Client()
    response = client.post(reverse("joining:join"), _form("G1", VIETNAMESE))
    assert response.status_code == 200
    application = Application.objects.get()
    assert application.reference in response.content.decode()
    status = client.get(reverse("joining:status"), {"reference": application.reference})
    body = status.content.decode()
    assert "Đang chờ công đoàn xem xét" in body
    assert VIETNAMESE["full_name"] not in body and VIETNAMESE["citizen_id"] not in body


def test_the_public_lookup_finds_open_unions_by_name_without_tones_and_names_only(world, client):
    found = client.get(reverse("joining:lookup_units"), {"q": "dien tu asti"}).json()["results"]
    assert found == [{"code": "G1", "name": world.g1.latest_name, "detail": ""}]
    federations = client.get(reverse("joining:lookup_units"), {"q": "lao dong"}).json()
    assert federations["results"] == []  # federations and districts take no applications
    assert client.get(reverse("joining:lookup_units"), {"q": "x" * 200}).status_code == 400


def test_an_officer_admits_an_application_through_the_admission_service(world):
    application = apply(world.g1)
    membership = application_admit(
        actor=world.dana, application=application, decision=DECISION, joined_on=date(2026, 1, 10)
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ADMITTED
    assert membership.unit == world.g1 and membership.decision.number == "21/QĐ-CĐCS"
    assert membership.person.citizen_id == VIETNAMESE["citizen_id"]
    with pytest.raises(ValidationError):
        application_refuse(actor=world.dana, application=application, reason="x", on=DAY)


def test_an_officer_refuses_with_a_reason_and_the_applicant_sees_only_the_state(world, client):
    application = apply(world.g1)
    with pytest.raises(ValidationError):
        application_refuse(actor=world.dana, application=application, reason=" ", on=DAY)
    application_refuse(
        actor=world.dana,
        application=application,
        reason="Không làm việc tại công ty",
        on=DAY,
    )
    body = client.get(reverse("joining:status"), {"reference": application.reference}).content
    assert "Không được kết nạp" in body.decode() and "Không làm việc" not in body.decode()


def test_a_registered_cccd_is_told_to_contact_its_union_with_no_name(world, client):
    member = admit(world.alice, world.g4, person("Phan Thị Xa Lạ", gender="F")).person
    data = {**VIETNAMESE, "citizen_id": member.citizen_id, "birth_date": member.birth_date}
    response = client.post(reverse("joining:join"), _form("G1", data))
    body = response.content.decode()
    assert "Xin liên hệ công đoàn" in body and "Phan Thị Xa Lạ" not in body
    assert "Cảng Đà Nẵng" not in body and not Application.objects.exists()


def test_a_foreign_worker_with_a_contract_under_twelve_months_is_refused(world, client):
    short = {
        **FOREIGN,
        "contract_starts_on": date(2026, 1, 1),
        "contract_ends_on": date(2026, 12, 30),
    }
    body = client.post(reverse("joining:join"), _form("G1", short)).content.decode()
    assert "chưa đủ 12 tháng" in body and not Application.objects.exists()
    full = {
        **FOREIGN,
        "contract_starts_on": date(2026, 1, 1),
        "contract_ends_on": date(2026, 12, 31),
    }
    client.post(reverse("joining:join"), _form("G1", full))
    assert Application.objects.get().nationality == "Hàn Quốc"


def test_a_union_that_takes_no_applications_is_refused(world, client):
    body = client.post(reverse("joining:join"), _form("DD", VIETNAMESE)).content.decode()
    assert "Không tìm thấy công đoàn này" in body and not Application.objects.exists()


def test_an_application_to_a_ward_union_is_admitted_into_a_grassroots_union_under_it(world):
    application = apply(world.kl)
    with pytest.raises(ValidationError):
        application_admit(
            actor=world.bob, application=application, decision=DECISION, joined_on=date(2026, 1, 10)
        )
    assert not Person.objects.filter(citizen_id=VIETNAMESE["citizen_id"]).exists()


def test_the_queue_lists_the_unions_waiting_applications(world, django_assert_max_num_queries):
    for i in range(3):
        apply(world.g1, citizen_id=f"00130100456{i}")
    client = Client()
    client.force_login(world.dana)
    client.get(reverse("notifications:inbox"))  # the header's inbox count, cached after
    with django_assert_max_num_queries(12):
        body = client.get(reverse("joining:queue", args=[world.g1.pk])).content.decode()
    assert body.count("Đỗ Thị Hồng Nhung") == 3


def test_a_foreign_member_can_never_be_appointed_to_a_post(world):
    foreign = person(
        "Kim Min Jun",
        citizen_id="",
        nationality="Hàn Quốc",
        foreign_document="M12345678",
        contract_starts_on=date(2020, 1, 1),
        contract_ends_on=date(2027, 12, 31),
    )
    member = admit(world.dana, world.g1, foreign).person
    with pytest.raises(ValidationError, match="Luật Công đoàn 2024"):
        official_appoint(
            actor=world.dana,
            unit=world.g1,
            person=member,
            position=Position.objects.get(code="chair"),
            starts_on=date(2021, 1, 1),
        )
    from congdoan.members.models import Official

    assert not Official.objects.filter(person=member).exists()
