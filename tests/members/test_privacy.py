"""Sensitive data by need, one duty at a time: the masking rule, the log entries of one record,
a filtered list and an export (web and CLI), the per-person log page, consent to the optional
sensitive fields, and the retention rule's dry run against its real run."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from congdoan.audit.models import AuditEntry
from congdoan.core.paging import CappedPaginator
from congdoan.members.models import Ethnicity, ExitKind, Person, ReadKind, SensitiveRead
from congdoan.members.privacy import mask
from congdoan.members.services import member_exit
from tests.members.registry import admit, person

PURPOSE = "Báo cáo số liệu quý IV"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def nhan(world) -> Person:
    data = person(
        "Nguyễn Đức Nhân",
        party_joined_on=date(2010, 3, 3),
        phone="0912345678",
        address="Số 5 Ngõ Huế",
    )
    return admit(world.alice, world.g1, data).person


def test_the_one_masking_rule():
    assert mask("citizen_id", "001012345613") == "0010******13"
    assert mask("phone", "0912345678") == "09******78"
    assert mask("address", "Số 5 Ngõ Huế") == "******"
    assert mask("ethnicity", "Tày") == "******"
    assert mask("citizen_id", None) == mask("phone", "") == ""
    assert mask("phone", "113") == "***"


def test_one_record_read_is_logged_with_its_fields_and_a_non_keeper_sees_it_masked(world, nhan):
    html = _client(world.dana).get(reverse("members:detail", args=[nhan.pk])).content.decode()
    assert nhan.citizen_id in html and "0912345678" in html and "Số 5 Ngõ Huế" in html
    read = SensitiveRead.objects.get()
    assert (read.user, read.username, read.kind, read.full) == (world.dana, "dana", "record", True)
    assert list(read.people.all()) == [nhan] and nhan.code in read.subject
    assert {"citizen_id", "phone", "address", "party_joined_on"} <= set(read.fields.split(","))
    html = _client(world.frank).get(reverse("members:detail", args=[nhan.pk])).content.decode()
    assert nhan.citizen_id not in html and "0912345678" not in html and "Ngõ Huế" not in html
    assert mask("citizen_id", nhan.citizen_id) in html and "09******78" in html
    assert "Thông tin nhạy cảm" not in html and "03/03/2010" not in html
    assert SensitiveRead.objects.count() == 1  # nothing was read in full


def test_the_party_filter_is_logged_as_a_list_read(world, nhan):
    other = admit(world.alice, world.g1, person("Trần Văn Bình")).person
    page = _client(world.bob).get(reverse("members:list") + "?party=yes")
    assert "Nguyễn Đức Nhân" in page.content.decode()
    assert "Trần Văn Bình" not in page.content.decode()
    read = SensitiveRead.objects.get(kind=ReadKind.LIST)
    assert read.user == world.bob and "Đảng viên: có" in read.subject
    assert "party_joined_on" in read.fields and read.rows == 1
    assert list(read.people.all()) == [nhan] and other not in read.people.all()


def test_a_list_past_the_count_cap_says_more_and_so_does_its_log(world, nhan, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 1)
    binh = admit(world.alice, world.g1, person("Trần Văn Bình")).person  # first in name order
    dana = _client(world.dana)
    html = dana.get(reverse("members:list")).content.decode()
    assert "Hơn 1 người" in html and "Trang 1 trong 1 trang đầu" in html
    assert SensitiveRead.objects.get(kind=ReadKind.LIST).rows == 2  # the cap and one more
    reads = dana.get(reverse("members:reads", args=[binh.pk])).content.decode()
    assert "hơn 1 người" in reads


def test_the_party_column_is_logged_and_only_for_people_the_user_keeps(world, nhan):
    _client(world.dana).get(reverse("members:list"))
    read = SensitiveRead.objects.get(kind=ReadKind.LIST)
    assert read.fields == "party_joined_on" and list(read.people.all()) == [nhan]
    _client(world.frank).get(reverse("members:list"))  # no Party column for a viewer
    assert SensitiveRead.objects.count() == 1


def test_a_citizen_id_search_is_for_keepers_and_logged_with_the_number_masked(world, nhan):
    url = reverse("members:list") + f"?q={nhan.citizen_id}&status=all"
    assert "Nguyễn Đức Nhân" in _client(world.bob).get(url).content.decode()
    read = SensitiveRead.objects.get()
    assert "citizen_id" in read.fields.split(",") and nhan.citizen_id not in read.subject
    assert mask("citizen_id", nhan.citizen_id) in read.subject
    assert "Nguyễn Đức Nhân" not in _client(world.frank).get(url).content.decode()  # no oracle


def _workbook_text(content: bytes) -> str:
    sheet = load_workbook(io.BytesIO(content)).active
    return " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)


def test_an_export_asks_why_then_logs_every_person_and_masks_for_non_keepers(world, nhan):
    base = reverse("imports:member_export") + f"?unit={world.g1.pk}"
    form = _client(world.frank).get(base)
    assert form["Content-Type"].startswith("text/html") and 'name="purpose"' in form.text
    refused = _client(world.frank).get(base + "&purpose=x")
    assert "Ghi rõ mục đích" in refused.text and not SensitiveRead.objects.exists()
    masked = _workbook_text(_client(world.frank).get(base + f"&purpose={PURPOSE}").content)
    assert "Nguyễn Đức Nhân" in masked and nhan.citizen_id not in masked
    assert mask("citizen_id", nhan.citizen_id) in masked and "09******78" in masked
    assert "Số 5 Ngõ Huế" not in masked
    read = SensitiveRead.objects.get()
    assert (read.kind, read.user, read.purpose, read.full) == (
        "export",
        world.frank,
        PURPOSE,
        False,
    )
    assert list(read.people.all()) == [nhan] and "Công đoàn Công ty TNHH" in read.subject
    full = _client(world.dana).get(base + f"&purpose={PURPOSE}&format=csv").content.decode()
    assert nhan.citizen_id in full and "0912345678" in full and "03/03/2010" in full
    assert SensitiveRead.objects.filter(user=world.dana, kind="export", full=True).count() == 1


def _run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_command_line_export_masks_by_the_acting_user_and_logs_the_purpose(
    world, nhan, tmp_path
):
    out = tmp_path / "ds.csv"
    _run("export", "members", "--unit", "G1", "--out", str(out), "--purpose", PURPOSE)
    assert nhan.citizen_id in out.read_text(encoding="utf-8-sig")  # the administrator
    _run(
        "export",
        "members",
        "--unit",
        "G1",
        "--out",
        str(out),
        "--purpose",
        PURPOSE,
        "--as",
        "frank",
    )
    text = out.read_text(encoding="utf-8-sig")
    assert nhan.citizen_id not in text and mask("citizen_id", nhan.citizen_id) in text
    reads = SensitiveRead.objects.filter(kind="export", purpose=PURPOSE)
    admin, viewer = reads.order_by("pk")
    assert (
        admin.user.is_superuser
        and admin.full
        and (viewer.username, viewer.full) == ("frank", False)
    )
    with pytest.raises(CommandError, match="mục đích"):
        _run("export", "members", "--unit", "G1", "--out", str(out), "--purpose", "x")
    with pytest.raises(CommandError, match="Không có đơn vị"):
        _run(
            "export",
            "members",
            "--unit",
            "G4",
            "--out",
            str(out),
            "--purpose",
            PURPOSE,
            "--as",
            "dana",
        )


def test_the_person_log_page_shows_who_read_and_is_for_the_persons_keepers(world, nhan):
    _client(world.bob).get(reverse("members:detail", args=[nhan.pk]))
    _client(world.frank).get(reverse("imports:member_export") + f"?purpose={PURPOSE}")
    other = admit(world.alice, world.g2, person("Trần Văn Khác")).person
    _client(world.charlie).get(reverse("members:detail", args=[other.pk]))  # not Nhân's
    url = reverse("members:reads", args=[nhan.pk])
    detail = _client(world.dana).get(reverse("members:detail", args=[nhan.pk])).content.decode()
    assert url in detail
    page = _client(world.dana).get(url).content.decode()
    assert "(bob)" in page and "(frank)" in page and "(dana)" in page and PURPOSE in page
    assert "(charlie)" not in page and "Xuất tệp" in page and "đã che" in page
    assert _client(world.frank).get(url).status_code == 403
    assert _client(world.erin).get(url).status_code == 403
    assert url not in _client(world.frank).get(reverse("members:detail", args=[nhan.pk])).text


ADMISSION = {
    "full_name": "Lò Thị Mai",
    "birth_date": "1992-04-05",
    "gender": "F",
    "joined_on": "2021-03-01",
    "decision_number": "3/QĐ-CĐCS",
    "decision_date": "2021-02-25",
    "decision_signer": "Chủ tịch",
}


def test_ethnicity_religion_and_health_are_kept_only_with_consent(world):
    url = reverse("members:admit", args=[world.g1.pk])
    thai = Ethnicity.objects.get(name="Thái")
    later = timezone.localdate() + timedelta(days=30)
    refused = _client(world.dana).post(url, {**ADMISSION, "ethnicity": thai.pk, "health": "Hen"})
    assert refused.status_code == 200 and "Ghi ngày đương sự đồng ý" in refused.text
    assert not Person.objects.exists()
    future = {**ADMISSION, "ethnicity": thai.pk, "sensitive_consent_on": str(later)}
    assert "Ngày đồng ý ở tương lai" in _client(world.dana).post(url, future).text
    consented = {
        **ADMISSION,
        "ethnicity": thai.pk,
        "health": "Hen",
        "sensitive_consent_on": "2021-02-20",
    }
    assert _client(world.dana).post(url, consented).status_code == 302
    mai = Person.objects.get()
    assert (mai.ethnicity, mai.health, mai.sensitive_consent_on) == (thai, "Hen", date(2021, 2, 20))
    html = _client(world.dana).get(reverse("members:detail", args=[mai.pk])).content.decode()
    assert "Đương sự đồng ý ngày 20/02/2021" in html and "Hen" in html
    plain = _client(world.dana).post(url, {**ADMISSION, "full_name": "Lò Văn Nam", "gender": "M"})
    assert plain.status_code == 302  # no optional sensitive field: no consent needed
    nam = Person.objects.get(given_name="Nam")
    html = _client(world.dana).get(reverse("members:detail", args=[nam.pk])).content.decode()
    assert "Chưa ghi nhận" in html


@pytest.fixture
def leavers(world):
    """Long gone (G1, left 2015), recently gone (G1, left 2024), long gone elsewhere (G4)."""
    people = []
    for name, unit, left_on in [
        ("Phạm Văn Xưa", world.g1, date(2015, 6, 1)),
        ("Phạm Văn Gần", world.g1, date(2024, 6, 1)),
        ("Phạm Văn Xa", world.g4, date(2012, 6, 1)),
    ]:
        p = admit(world.alice, unit, person(name), joined_on=date(2010, 1, 4)).person
        member_exit(actor=world.alice, person=p, on=left_on, kind=ExitKind.RETIREMENT)
        people.append(p)
    return people


def test_the_retention_page_lists_then_deidentifies_only_those_past_the_period(world, leavers):
    old, recent, foreign = leavers
    client = _client(world.dana)
    url = reverse("members:retention")
    page = client.get(url + "?years=5").content.decode()
    assert "Phạm Văn Xưa" in page and "Phạm Văn Gần" not in page and "Phạm Văn Xa" not in page
    assert Person.objects.filter(deidentified_at__isnull=False).count() == 0  # the dry run
    assert "từ 1 đến 100" in client.get(url + "?years=0").content.decode()
    assert client.post(url, {"years": "abc"}).status_code == 200
    assert Person.objects.filter(deidentified_at__isnull=False).count() == 0
    assert client.post(url, {"years": "5"}).status_code == 302
    old.refresh_from_db(), recent.refresh_from_db(), foreign.refresh_from_db()
    assert old.full_name == "Đã ẩn danh" and old.citizen_id is None and old.deidentified_at
    assert recent.full_name == "Phạm Văn Gần" and foreign.full_name == "Phạm Văn Xa"
    assert AuditEntry.objects.filter(action="member.deidentify").count() == 1
    assert _client(world.frank).get(url).status_code == 403


def test_the_retention_command_dry_run_lists_and_the_real_run_deidentifies(world, leavers):
    old, recent, foreign = leavers
    printed = _run("members", "deidentify", "--years", "5", "--dry-run")
    assert old.code in printed and foreign.code in printed and recent.code not in printed
    assert "Chạy thử: 2 hồ sơ" in printed
    assert not Person.objects.filter(deidentified_at__isnull=False).exists()
    assert old.code in _run("members", "deidentify", "--years", "5", "--dry-run", "--as", "dana")
    assert foreign.code not in _run(
        "members", "deidentify", "--years", "5", "--dry-run", "--as", "dana"
    )
    assert "Đã ẩn danh 2 hồ sơ" in _run("members", "deidentify", "--years", "5")
    assert set(Person.objects.filter(deidentified_at__isnull=False)) == {old, foreign}
    assert "Chạy thử: 0 hồ sơ" in _run("members", "deidentify", "--years", "5", "--dry-run")
    with pytest.raises(CommandError, match="từ 1 đến 100"):
        _run("members", "deidentify", "--years", "-3")


def test_opening_a_record_in_the_back_office_is_logged_too(world, nhan):
    url = reverse("admin:members_person_change", args=[nhan.pk])
    assert _client(world.alice).get(url).status_code == 200
    read = SensitiveRead.objects.get()
    assert read.user == world.alice and list(read.people.all()) == [nhan]
    assert "quản trị" in read.purpose


def test_no_name_outlives_a_deidentification_in_the_log(world, nhan):
    _client(world.bob).get(reverse("members:detail", args=[nhan.pk]))
    member_exit(actor=world.dana, person=nhan, on=date(2024, 1, 1), kind=ExitKind.VOLUNTARY)
    _client(world.dana).post(reverse("members:deidentify", args=[nhan.pk]))
    page = _client(world.dana).get(reverse("members:reads", args=[nhan.pk])).content.decode()
    assert "(bob)" in page and nhan.code in page and "Nhân" not in page
