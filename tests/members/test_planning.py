"""Officials introduced to Party committees for leadership planning: only an official holding a
post in the introducing unit's subtree on the day, by the unit's registry keepers, audited;
an official outside the officer's scope answers as a code that does not exist; the report
counts the records."""

from dataclasses import replace
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congdoan.audit.models import AuditEntry
from congdoan.members.models import PlanningIntroduction, PlanningStatus
from congdoan.members.officials import official_appoint
from congdoan.members.planning import Introduction, planning_introduce
from congdoan.org.models import Position
from congdoan.reports.figures import build_report
from congdoan.reports.summary import report_summary
from tests.members.registry import admit, person

LETTER = Introduction(
    introduced_on=date(2021, 3, 1),
    document_number="12/LĐLĐ-TC",
    party_committee="Ban Thường vụ Quận ủy Đống Đa",
    planned_position="Phó Giám đốc",
    term_from=2020,
    term_to=2025,
)


def official(world, unit, name: str, starts_on=date(2021, 1, 4)):
    found = admit(world.alice, unit, person(name)).person
    official_appoint(
        actor=world.alice,
        unit=unit,
        person=found,
        position=Position.objects.get(code="chair"),
        starts_on=starts_on,
    )
    return found


def test_an_official_of_a_union_below_is_introduced_and_audited(world):
    chair = official(world, world.g1, "Nguyễn Văn Quy Hoạch")
    made = planning_introduce(actor=world.charlie, unit=world.dd, person=chair, data=LETTER)
    assert (made.unit, made.term, made.status) == (world.dd, "2020–2025", "introduced")
    entry = AuditEntry.objects.get(action="members.planning_introduce")
    assert entry.unit_code == "DD" and entry.after["planned_position"] == "Phó Giám đốc"
    with pytest.raises(ValidationError, match="đã được giới thiệu quy hoạch nhiệm kỳ 2020–2025"):
        planning_introduce(actor=world.charlie, unit=world.dd, person=chair, data=LETTER)


def test_only_officials_in_post_in_the_subtree_on_the_day_may_be_introduced(world):
    plain = admit(world.alice, world.g1, person("Trần Thị Chưa Giữ")).person
    with pytest.raises(ValidationError, match="không giữ chức vụ công đoàn nào"):
        planning_introduce(actor=world.charlie, unit=world.dd, person=plain, data=LETTER)
    later = official(world, world.g1, "Lê Văn Sau Này", starts_on=date(2021, 6, 1))
    with pytest.raises(ValidationError, match="không giữ chức vụ công đoàn nào"):
        planning_introduce(actor=world.charlie, unit=world.dd, person=later, data=LETTER)
    elsewhere = official(world, world.g3, "Phạm Văn Thanh Trì")  # Thanh Trì's, not Đống Đa's
    with pytest.raises(ValidationError, match="không giữ chức vụ công đoàn nào"):
        planning_introduce(actor=world.alice, unit=world.dd, person=elsewhere, data=LETTER)
    assert not PlanningIntroduction.objects.exists()


def test_only_the_units_registry_keepers_introduce_and_bad_input_is_refused(world):
    chair = official(world, world.g1, "Vũ Văn Kiểm Tra")
    with pytest.raises(PermissionDenied):  # a grassroots officer does not keep the district
        planning_introduce(actor=world.dana, unit=world.dd, person=chair, data=LETTER)
    for bad, words in [
        (replace(LETTER, party_committee=" "), "Thiếu số văn bản"),
        (replace(LETTER, term_from=2025, term_to=2020), "không hợp lệ"),
        (replace(LETTER, term_from=2010, term_to=2015), "đã kết thúc"),
        (replace(LETTER, introduced_on=date(1990, 1, 1)), "không hoạt động"),
    ]:
        with pytest.raises(ValidationError, match=words):
            planning_introduce(actor=world.charlie, unit=world.dd, person=chair, data=bad)
    assert not PlanningIntroduction.objects.exists()


def _post(client, unit, code: str):
    return client.post(
        reverse("members:planning", args=[unit.pk]),
        {
            "member_code": code,
            "introduced_on": "01/03/2021",
            "document_number": "12/LĐLĐ-TC",
            "party_committee": "Ban Thường vụ Quận ủy Đống Đa",
            "planned_position": "Phó Giám đốc",
            "term_from": "2020",
            "term_to": "2025",
            "status": PlanningStatus.PLANNED,
        },
    )


def test_the_page_lists_and_adds_and_an_official_outside_the_scope_does_not_exist(world):
    ours = official(world, world.g1, "Đỗ Thị Đống Đa")
    theirs = official(world, world.g3, "Hoàng Văn Ngoài Phạm Vi")
    client = Client()
    client.force_login(world.charlie)
    refused = _post(client, world.dd, theirs.code)
    assert refused.status_code == 200
    body = refused.content.decode()
    assert f"Không tìm thấy đoàn viên mã {theirs.code}" in body
    assert "Ngoài Phạm Vi" not in body
    assert _post(client, world.dd, ours.code).status_code == 302
    page = client.get(reverse("members:planning", args=[world.dd.pk])).content.decode()
    assert "Đỗ Thị Đống Đa" in page and "Được đưa vào quy hoạch" in page
    assert PlanningIntroduction.objects.get().person == ours
    client.force_login(world.frank)  # reads Hà Nội, keeps nothing
    assert _post(client, world.dd, ours.code).status_code == 403
    client.force_login(world.dana)  # does not read the district: it does not exist for her
    assert _post(client, world.dd, ours.code).status_code == 404


def test_the_report_counts_the_introductions_of_the_subtree_in_the_period(world):
    for name in ("Ngô Văn Một", "Ngô Văn Hai"):
        found = official(world, world.g1, name)
        planning_introduce(actor=world.alice, unit=world.dd, person=found, data=LETTER)
    found = official(world, world.g3, "Ngô Văn Ba")
    planning_introduce(actor=world.alice, unit=world.g3, person=found, data=LETTER)
    year = (date(2021, 1, 1), date(2021, 12, 31))
    assert build_report(world.dd, *year).planning_introduced == 2
    assert report_summary(build_report(world.hn, *year))["leadership_planning"] == {"introduced": 3}
    assert build_report(world.hn, date(2022, 1, 1), date(2022, 12, 31)).planning_introduced == 0


def _page_queries(client, unit) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("members:planning", args=[unit.pk])).status_code == 200
    return len(queries)


def test_the_page_costs_the_same_queries_for_one_row_or_many(world):
    client = Client()
    client.force_login(world.charlie)
    first = official(world, world.g1, "Mai Văn Một")
    planning_introduce(actor=world.charlie, unit=world.dd, person=first, data=LETTER)
    _page_queries(client, world.dd)  # the header's inbox count, kept for a minute after this
    one = _page_queries(client, world.dd)
    for name in ("Mai Văn Hai", "Mai Văn Ba", "Mai Văn Bốn"):
        found = official(world, world.g1, name)
        planning_introduce(actor=world.charlie, unit=world.dd, person=found, data=LETTER)
    assert _page_queries(client, world.dd) == one <= 16
