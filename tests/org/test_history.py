"""What happened to a unit, on its pages: the history tab in Vietnamese sentences (names, decision
number and date, effective date, dd/mm/yyyy), and an ended unit's page saying what replaced it,
where each of its units went, and its figures on its last day."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from congdoan.members.officials import official_appoint
from congdoan.org.models import Position, Unit
from congdoan.org.services import NewUnit, unit_end, unit_move, unit_rename, unit_split, units_merge
from tests.factories import decision, make_unit
from tests.members.registry import admit, person

REFORM = date(2025, 7, 1)
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ACTION_CODE = re.compile(r"\b(?:org|member|official|term|role|card|referral|auth|admin)\.[a-z_]+")
ENGLISH_KEYS = re.compile(
    r"\b(?:parent|valid_from|ended_on|effective_on|decision|short_name|name|position|starts_on|"
    r"successors|None|True|False)\b"
)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _text(html: str) -> str:
    """What a reader sees of the page's content: no tags, attributes or links' addresses."""
    main = html.split("<main", 1)[-1]
    main = re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def _history(user, unit) -> str:
    answer = _client(user).get(reverse("org:history", args=[unit.pk]))
    assert answer.status_code == 200
    return _text(answer.content.decode())


def assert_plain_vietnamese(text: str) -> None:
    assert not ISO_DAY.search(text), ISO_DAY.search(text).group()
    assert not ACTION_CODE.search(text), ACTION_CODE.search(text).group()
    assert not ENGLISH_KEYS.search(text), ENGLISH_KEYS.search(text).group()
    assert "{" not in text and "}" not in text


@pytest.fixture
def registry(world):
    """Three members of Đống Đa's unions (two women, one a Party member) before the reform."""
    admit(world.charlie, world.g1, person("Trần Thị Hoa", gender="F", birth=date(1990, 1, 2)))
    admit(
        world.charlie,
        world.g1,
        person("Lê Văn Hùng", birth=date(1988, 3, 4), party_joined_on=date(2015, 5, 6)),
    )
    admit(world.charlie, world.g2, person("Phạm Thị Lan", gender="F", birth=date(1992, 7, 8)))
    return world


def test_every_kind_of_change_reads_as_a_sentence_with_names_and_dates(registry):
    world = registry
    new = make_unit("G9", "Công đoàn Công ty Mới", "grassroots", world.dd, on=date(2021, 1, 4))
    unit_rename(
        actor=world.bob,
        unit=new,
        name="Công đoàn Công ty Mới Hà Nội",
        effective=date(2022, 1, 3),
        decision=decision("12/QĐ-LĐLĐ", date(2021, 12, 20)),
    )
    minh = person("Đỗ Văn Minh", birth=date(1980, 9, 9))
    member = admit(world.charlie, new, minh, joined_on=date(2021, 6, 1)).person
    official_appoint(
        actor=world.charlie,
        unit=new,
        person=member,
        position=Position.objects.get(code="chair"),
        starts_on=date(2022, 2, 1),
    )
    unit_move(actor=world.bob, unit=new, new_parent=world.tt, effective=REFORM, decision=decision())
    text = _history(world.bob, new)
    assert_plain_vietnamese(text)
    assert (
        "đổi tên đơn vị Công đoàn Công ty Mới Hà Nội: tên Công đoàn Công ty Mới → "
        "Công đoàn Công ty Mới Hà Nội; quyết định: 12/QĐ-LĐLĐ (20/12/2021); "
        "hiệu lực từ: 03/01/2022"
    ) in text
    assert (
        "trực thuộc Liên đoàn Lao động quận Đống Đa → Liên đoàn Lao động huyện Thanh Trì; "
        "quyết định: 1940/QĐ-LĐLĐ (27/06/2025); hiệu lực từ: 01/07/2025"
    ) in text
    assert "thành lập đơn vị Công đoàn Công ty Mới" in text
    assert "bổ nhiệm Đỗ Văn Minh: chức vụ: Chủ tịch; từ ngày: 01/02/2022" in text
    assert "kết nạp đoàn viên" in text


def test_a_merged_unit_says_what_replaced_it_and_where_its_unions_went(registry):
    world = registry
    units_merge(
        actor=world.bob, sources=[world.dd], target=world.kl, effective=REFORM, decision=decision()
    )
    unit_move(
        actor=world.bob,
        unit=world.g2,
        new_parent=world.tt,
        effective=date(2025, 9, 1),
        decision=decision("77/QĐ-LĐLĐ", date(2025, 8, 25)),
    )
    world.dd.refresh_from_db()
    assert world.dd.ended_by.kind == "merge"
    answer = _client(world.bob).get(reverse("org:detail", args=[world.dd.pk]))
    page = answer.content.decode()
    text = _text(page)
    assert (
        "Hợp nhất, sáp nhập theo Quyết định số 1940/QĐ-LĐLĐ ngày 27/06/2025, hiệu lực từ "
        "01/07/2025. Ngày hoạt động cuối cùng: 30/06/2025."
    ) in text
    assert f'href="{reverse("org:detail", args=[world.kl.pk])}">Công đoàn phường Kim Liên' in page
    rows = {
        d.child.unit.code: (d.then.unit.code, d.now.unit.code)
        for d in answer.context["ending"].destinations
    }
    assert rows == {"G1": ("KL", "KL"), "G2": ("KL", "TT")}
    assert f'href="{reverse("org:detail", args=[world.g2.pk])}">' in page
    # The figures of its last day: three members, two women, one Party member, two unions.
    assert answer.context["counted_on"] == date(2025, 6, 30)
    figures = answer.context["members"]
    assert (figures.members, figures.women, figures.party_members) == (3, 2, 1)
    assert ("Công đoàn cơ sở", 2) in answer.context["counts"]
    assert "Số liệu ngày hoạt động cuối cùng (30/06/2025)" in text
    history = _history(world.bob, world.dd)
    assert_plain_vietnamese(history)
    assert "hợp nhất đơn vị Liên đoàn Lao động quận Đống Đa: ngày kết thúc" in history
    assert "→ 01/07/2025; quyết định: 1940/QĐ-LĐLĐ (27/06/2025); hiệu lực từ: 01/07/2025" in history


def test_before_its_end_the_page_shows_the_day_asked(registry):
    world = registry
    units_merge(
        actor=world.bob, sources=[world.dd], target=world.kl, effective=REFORM, decision=decision()
    )
    answer = _client(world.bob).get(reverse("org:detail", args=[world.dd.pk]) + "?as_of=2024-01-01")
    assert answer.context["counted_on"] == date(2024, 1, 1)
    assert answer.context["members"].members == 3


def test_a_split_unit_names_its_parts_and_a_dissolved_one_none(registry):
    world = registry
    admit(world.bob, world.g3, person("Vũ Văn Tài", birth=date(1979, 4, 4)))
    unit_split(
        actor=world.bob,
        unit=world.tt,
        parts=[NewUnit("TT-A", "Công đoàn xã Thanh Trì A"), NewUnit("TT-B", "Công đoàn xã B")],
        assignment={world.g3.pk: 1},
        effective=REFORM,
        decision=decision(),
    )
    answer = _client(world.bob).get(reverse("org:detail", args=[world.tt.pk]))
    ending = answer.context["ending"]
    assert [v.unit.code for v in ending.successors] == ["TT-B", "TT-A"]  # Vietnamese order
    assert [(d.child.unit.code, d.then.unit.code) for d in ending.destinations] == [("G3", "TT-B")]
    assert answer.context["members"].members == 1
    assert "Chia tách theo Quyết định số 1940/QĐ-LĐLĐ" in _text(answer.content.decode())
    assert_plain_vietnamese(_history(world.bob, world.tt))

    unit_end(actor=world.alice, unit=world.g4, effective=REFORM, decision=decision())
    gone = _client(world.alice).get(reverse("org:detail", args=[world.g4.pk]))
    assert gone.context["ending"].successors == []
    assert "Giải thể, kết thúc hoạt động theo Quyết định số 1940/QĐ-LĐLĐ" in _text(
        gone.content.decode()
    )


def test_where_the_unions_went_names_only_what_the_user_may_read(registry):
    world = registry
    units_merge(
        actor=world.bob, sources=[world.dd], target=world.kl, effective=REFORM, decision=decision()
    )
    answer = _client(world.charlie).get(reverse("org:detail", args=[world.dd.pk]))
    page = answer.content.decode()
    assert answer.context["ending"].successors == []  # Kim Liên is outside charlie's scope
    assert "Công đoàn phường Kim Liên" not in page
    assert "một đơn vị ngoài phạm vi của bạn" in page
    assert "Công đoàn Công ty TNHH Điện tử ASTI Hà Nội" in page  # G1 was under Đống Đa


def test_ended_by_is_filled_for_units_ended_before_it_existed(registry):
    """The migration's backfill ties an ended unit to the change that ended it."""
    from importlib import import_module

    from django.apps import apps

    world = registry
    units_merge(
        actor=world.bob, sources=[world.dd], target=world.kl, effective=REFORM, decision=decision()
    )
    change = Unit.objects.get(pk=world.dd.pk).ended_by
    Unit.objects.filter(pk=world.dd.pk).update(ended_by=None)
    change.successors.clear()
    import_module("congdoan.org.migrations.0004_unit_ended_by_successors").backfill(apps, None)
    world.dd.refresh_from_db()
    assert world.dd.ended_by == change
    assert list(change.successors.values_list("code", flat=True)) == ["KL"]


def test_an_action_without_its_own_verb_is_named_by_its_group_never_by_its_code(world):
    from congdoan.audit.models import AuditEntry
    from congdoan.audit.sentences import describe

    entry = AuditEntry(action="awards.decide", target="Đợt khen thưởng 2025", unit=world.g1)
    sentence = describe(entry)
    assert "awards" not in sentence and "thao tác “Khen thưởng”" in sentence
