"""Eligibility from records, nominations climbing the levels, quotas, bad input."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.accounts.models import RoleKind
from congdoan.audit.models import AuditEntry
from congdoan.awards.eligibility import Nominee, eligibility_sheet, failures
from congdoan.awards.models import Exclusion, Nomination, Rule, Status
from congdoan.awards.services.nominations import (
    nominate,
    nomination_resubmit,
    nomination_return,
    party_confirm,
    upper_approve,
)
from tests.awards.helpers import SUBMIT_ON, direct_union, dossier, official, seed_campaign
from tests.factories import user_with_role


@pytest.fixture
def asti(world):
    union = direct_union(world)
    return union, official(union)


def test_a_party_member_chairing_a_direct_non_state_union_passes_every_checked_criterion(
    world, asti
):
    union, person = asti
    campaign = seed_campaign(world, [(union, 1)])
    lines = eligibility_sheet(Nominee(campaign, person=person))
    assert [line.passed for line in lines] == [True, True, True, True, None]
    assert "19/05/2012" in lines[0].evidence and "Chủ tịch" in lines[1].evidence


@pytest.mark.parametrize(
    ("setup", "failing"),
    [
        ({"party": False}, "đảng viên"),
        ({"position": "vice-chair"}, "Chủ tịch"),
        ({"sector": "public"}, "ngoài nhà nước"),
        ({"under_district": True}, "ngoài nhà nước do LĐLĐ"),
    ],
)
def test_each_failing_record_is_named_on_the_sheet(world, setup, failing):
    parent = world.dd if setup.get("under_district") else None
    union = direct_union(world, sector=setup.get("sector", "non-state"), parent=parent)
    person = official(
        union, party=setup.get("party", True), position=setup.get("position", "chair")
    )
    campaign = seed_campaign(world, [(world.hn, 5)])
    reasons = failures(eligibility_sheet(Nominee(campaign, person=person)))
    assert len(reasons) == 2  # the failing record, and the judged criterion left unsupported
    assert failing in reasons[0]


def test_an_exclusion_and_an_earlier_award_this_year_fail(world, asti):
    union, person = asti
    criteria = [
        (Rule.NO_EXCLUSION, "Không nghỉ quá 40 ngày", {}),
        (Rule.MEMBERSHIP_YEARS, "Đủ 15 năm là đoàn viên", {"years": 15}),
    ]
    campaign = seed_campaign(world, [(union, 1)], criteria=criteria)
    Exclusion.objects.create(
        person=person, kind="absent", starts_on=date(2020, 3, 1), ends_on=date(2020, 5, 1)
    )
    lines = eligibility_sheet(Nominee(campaign, person=person))
    assert [line.passed for line in lines] == [False, False]
    assert "40 ngày" in lines[0].evidence and "04/01/2010" in lines[1].evidence


def test_an_ineligible_nomination_is_refused_naming_the_criterion_and_saves_nothing(world):
    union = direct_union(world)
    person = official(union, party=False)
    campaign = seed_campaign(world, [(union, 1)])
    audits = AuditEntry.objects.count()
    with pytest.raises(ValidationError, match="Là đảng viên"):
        nominate(
            actor=world.bob,
            campaign=campaign,
            from_unit=union,
            person=person,
            dossier=dossier(campaign),
            on=SUBMIT_ON,
        )
    assert Nomination.objects.count() == 0 and AuditEntry.objects.count() == audits


def test_late_duplicate_and_over_quota_nominations_are_refused(world, asti):
    union, person = asti
    other = official(union, given="Bình")
    campaign = seed_campaign(world, [(union, 1)])
    send = dict(actor=world.bob, campaign=campaign, from_unit=union, dossier=dossier(campaign))
    with pytest.raises(ValidationError, match="quá hạn"):
        nominate(person=person, on=date(2020, 2, 11), **send)
    nominate(person=person, on=SUBMIT_ON, **send)
    with pytest.raises(ValidationError, match="đã được đề nghị"):
        nominate(person=person, on=SUBMIT_ON, **send)
    with pytest.raises(ValidationError, match="hết chỉ tiêu"):
        nominate(person=other, on=SUBMIT_ON, **send)
    assert Nomination.objects.count() == 1


def test_a_unit_without_allocation_or_a_stranger_cannot_nominate(world, asti):
    union, person = asti
    other_union = direct_union(world)
    campaign = seed_campaign(world, [(other_union, 1)])
    with pytest.raises(ValidationError, match="không được giao chỉ tiêu"):
        nominate(
            actor=world.bob,
            campaign=campaign,
            from_unit=union,
            person=person,
            dossier=dossier(campaign),
            on=SUBMIT_ON,
        )
    with pytest.raises(PermissionDenied):
        nominate(
            actor=world.dana,
            campaign=campaign,
            from_unit=union,
            person=person,
            dossier=dossier(campaign),
            on=SUBMIT_ON,
        )


def test_a_nomination_climbs_is_returned_and_resubmitted_with_every_step_recorded(world, asti):
    union, person = asti
    keeper = user_with_role("hoa", RoleKind.GRASSROOTS, union)
    campaign = seed_campaign(world, [(union, 1)])
    nomination = nominate(
        actor=keeper,
        campaign=campaign,
        from_unit=union,
        person=person,
        dossier=dossier(campaign),
        on=SUBMIT_ON,
    )
    with pytest.raises(ValidationError, match="trạng thái"):
        upper_approve(actor=world.bob, nomination=nomination, on=SUBMIT_ON)
    party_confirm(
        actor=keeper,
        nomination=nomination,
        committee="Chi bộ Công ty ASTI",
        document="12-XN/CB",
        on=date(2020, 2, 12),
    )
    with pytest.raises(PermissionDenied):
        upper_approve(actor=keeper, nomination=nomination, on=date(2020, 2, 14))
    nomination_return(
        actor=world.bob, nomination=nomination, reason="Bổ sung số liệu", on=date(2020, 2, 14)
    )
    nomination.refresh_from_db()
    assert nomination.status == Status.RETURNED
    nomination_resubmit(
        actor=keeper,
        nomination=nomination,
        dossier=dossier(campaign, "Đầy đủ"),
        on=date(2020, 2, 16),
    )
    nomination.refresh_from_db()
    assert nomination.status == Status.SUBMITTED  # back to the Party committee's confirmation
    assert list(nomination.events.values_list("action", flat=True)) == [
        "submit",
        "party_confirm",
        "return",
        "resubmit",
    ]
    assert AuditEntry.objects.filter(action__startswith="awards.").count() == 5


def test_returning_needs_a_reason_and_changes_nothing_without_one(world, asti):
    union, person = asti
    campaign = seed_campaign(world, [(union, 1)], party=False)
    nomination = nominate(
        actor=world.bob,
        campaign=campaign,
        from_unit=union,
        person=person,
        dossier=dossier(campaign),
        on=SUBMIT_ON,
    )
    with pytest.raises(ValidationError, match="lý do"):
        nomination_return(actor=world.bob, nomination=nomination, reason="  ", on=SUBMIT_ON)
    nomination.refresh_from_db()
    assert nomination.status == Status.SUBMITTED and nomination.events.count() == 1


def test_sheets_for_many_read_the_same_records_in_a_fixed_number_of_queries(
    world, django_assert_max_num_queries
):
    from congdoan.awards.eligibility import eligibility_sheets

    unions = [direct_union(world) for _ in range(4)]
    people = [official(u, party=i % 2 == 0) for i, u in enumerate(unions)]
    campaign = seed_campaign(world, [(world.hn, 4)])
    Exclusion.objects.create(
        person=people[2], kind="discipline", starts_on=date(2020, 1, 1), ends_on=date(2020, 12, 31)
    )
    with django_assert_max_num_queries(6):
        sheets = eligibility_sheets(campaign, people)
    for person in people:
        single = eligibility_sheet(Nominee(campaign, person=person))
        assert [(x.passed, x.evidence) for x in sheets[person.pk]] == [
            (x.passed, x.evidence) for x in single
        ]
    assert [sheets[p.pk][0].passed for p in people] == [True, False, True, False]
    assert sheets[people[2].pk][3].passed is False


def test_a_file_over_10_mb_refuses_the_nomination_and_nothing_is_kept(world, asti):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from congdoan.awards.models import Attachment
    from congdoan.awards.services.nominations import MAX_FILE_BYTES

    union, person = asti
    campaign = seed_campaign(world, [(union, 1)])
    big = SimpleUploadedFile("ho-so.pdf", b"0" * (MAX_FILE_BYTES + 1), "application/pdf")
    files = dossier(campaign)
    files.attachments = [big]
    with pytest.raises(ValidationError, match="lớn hơn 10 MB"):
        nominate(
            actor=world.bob,
            campaign=campaign,
            from_unit=union,
            person=person,
            dossier=files,
            on=SUBMIT_ON,
        )
    assert not Nomination.objects.exists() and not Attachment.objects.exists()


def test_a_keeper_records_an_exclusion_that_the_sheet_then_names_and_a_stranger_cannot(world, asti):
    from congdoan.awards.services.exclusions import exclusion_record

    union, person = asti
    campaign = seed_campaign(world, [(union, 1)])
    with pytest.raises(PermissionDenied):
        exclusion_record(
            actor=world.dana,
            person=person,
            kind="discipline",
            starts_on=date(2020, 1, 1),
            ends_on=date(2020, 6, 30),
        )
    with pytest.raises(ValidationError, match="trước ngày bắt đầu"):
        exclusion_record(
            actor=world.bob,
            person=person,
            kind="discipline",
            starts_on=date(2020, 6, 30),
            ends_on=date(2020, 1, 1),
        )
    assert not Exclusion.objects.exists()
    exclusion_record(
        actor=world.bob,
        person=person,
        kind="discipline",
        starts_on=date(2020, 1, 1),
        ends_on=date(2020, 6, 30),
        note="Khiển trách",
    )
    assert AuditEntry.objects.filter(action="awards.exclusion").count() == 1
    lines = eligibility_sheet(Nominee(campaign, person=person))
    assert lines[3].passed is False and "Bị kỷ luật" in lines[3].evidence
