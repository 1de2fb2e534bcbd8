"""The whole cycle of a seed-000 campaign: council with recusal, publication and objections, the
decision's documents, certificates, revocation."""

import io
from datetime import date
from decimal import Decimal

import docx
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.awards.models import Award, CouncilMember, Score, Status
from congdoan.awards.papers import certificate_pdf, decision_document, minutes_document
from congdoan.awards.selectors import council_progress, ranked
from congdoan.awards.services.council import council_close, recuse, score_give
from congdoan.awards.services.decisions import (
    decide,
    objection_record,
    objection_resolve,
    publish,
    revoke,
)
from congdoan.awards.services.nominations import nominate, party_confirm, upper_approve
from congdoan.core.documents import as_docx, as_pdf, pdf_text
from tests.awards.helpers import (
    SUBMIT_ON,
    council_users,
    direct_union,
    dossier,
    official,
    seed_campaign,
)

COUNCIL_DAY = date(2020, 2, 22)


def _climbed(world, campaign, union, person):
    nomination = nominate(
        actor=world.bob,
        campaign=campaign,
        from_unit=union,
        person=person,
        dossier=dossier(campaign),
        on=SUBMIT_ON,
    )
    party_confirm(
        actor=world.bob,
        nomination=nomination,
        committee="Chi bộ",
        document="1-XN",
        on=date(2020, 2, 12),
    )
    return upper_approve(actor=world.bob, nomination=nomination, on=date(2020, 2, 18))


@pytest.fixture
def before_council(world):
    unions = [direct_union(world) for _ in range(3)]
    people = [official(u, given=g) for u, g in zip(unions, ["Nhân", "Bình", "An"], strict=True)]
    campaign = seed_campaign(world, [(u, 1) for u in unions], quota=2)
    rows = [_climbed(world, campaign, u, p) for u, p in zip(unions, people, strict=True)]
    gia = CouncilMember.objects.get(campaign=campaign, secretary=False).user
    return campaign, rows, gia


def test_a_recused_member_does_not_count_in_the_average(world, before_council):
    campaign, (nhan, binh, an), gia = before_council
    for nomination, erin_points, gia_points in ((nhan, 90, None), (binh, 80, 60), (an, 70, 40)):
        score_give(actor=world.erin, nomination=nomination, points=erin_points, on=COUNCIL_DAY)
        if gia_points is None:
            recuse(actor=gia, nomination=nomination, reason="Người thân", on=COUNCIL_DAY)
        else:
            score_give(actor=gia, nomination=nomination, points=gia_points, on=COUNCIL_DAY)
    assert council_progress(campaign).missing == 0
    council_close(actor=world.erin, campaign=campaign, on=COUNCIL_DAY)
    rows = list(ranked(campaign))
    assert [(r.nominee_name, r.mean, r.recusals) for r in rows] == [
        ("Nguyễn Văn Nhân", Decimal(90), 1),  # 90 alone, not (90 + 0) / 2
        ("Nguyễn Văn Bình", Decimal(70), 0),
        ("Nguyễn Văn An", Decimal(55), 0),
    ]
    assert [r.status for r in rows] == [Status.SELECTED, Status.SELECTED, Status.NOT_SELECTED]


def test_the_round_cannot_close_while_scores_are_missing(world, before_council):
    campaign, (nhan, *_rest), _gia = before_council
    score_give(actor=world.erin, nomination=nhan, points=50, on=COUNCIL_DAY)
    with pytest.raises(ValidationError, match="5 lượt chấm"):
        council_close(actor=world.erin, campaign=campaign, on=COUNCIL_DAY)
    with pytest.raises(PermissionDenied):
        score_give(actor=world.frank, nomination=nhan, points=50, on=COUNCIL_DAY)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(points=st.one_of(st.text(max_size=6), st.floats(allow_nan=True), st.integers()))
def test_a_score_outside_the_rubric_is_refused_and_saves_nothing(before_council_once, points):
    world, campaign, nomination = before_council_once
    try:
        value = Decimal(str(points).replace(",", "."))
        inside = value.is_finite() and 0 <= value <= 100
    except Exception:
        inside = False
    if inside:
        return
    with pytest.raises(ValidationError, match="từ 0 đến 100"):
        score_give(actor=world.erin, nomination=nomination, points=points, on=COUNCIL_DAY)
    assert not Score.objects.filter(nomination=nomination).exists()


@pytest.fixture
def before_council_once(world, before_council):
    campaign, rows, _gia = before_council
    return world, campaign, rows[0]


def _scored_and_closed(world, campaign, rows, gia):
    for nomination, points in zip(rows, (90, 80, 70), strict=True):
        score_give(actor=world.erin, nomination=nomination, points=points, on=COUNCIL_DAY)
        score_give(actor=gia, nomination=nomination, points=points, on=COUNCIL_DAY)
    council_close(actor=world.erin, campaign=campaign, on=COUNCIL_DAY)


def test_the_whole_cycle_ends_in_a_numbered_decision_with_documents_and_certificates(
    world, before_council
):
    campaign, rows, gia = before_council
    _scored_and_closed(world, campaign, rows, gia)
    publish(actor=world.bob, campaign=campaign, on=date(2020, 2, 26))
    objection = objection_record(
        actor=world.bob,
        nomination=rows[1],
        received_on=date(2020, 2, 27),
        raised_by="Đoàn viên",
        content="Số liệu chưa đúng",
    )
    with pytest.raises(ValidationError, match="Chưa hết thời gian công khai"):
        decide(
            actor=world.bob,
            campaign=campaign,
            signed_on=date(2020, 3, 1),
            signer="Nguyễn Phi Thường",
            suffix="QĐ-LĐLĐ",
        )
    with pytest.raises(ValidationError, match="chưa giải quyết"):
        decide(
            actor=world.bob,
            campaign=campaign,
            signed_on=date(2020, 3, 2),
            signer="Nguyễn Phi Thường",
            suffix="QĐ-LĐLĐ",
        )
    objection_resolve(
        actor=world.bob,
        objection=objection,
        upheld=False,
        resolution="Đã xác minh, số liệu đúng",
        on=date(2020, 2, 28),
    )
    made = decide(
        actor=world.bob,
        campaign=campaign,
        signed_on=date(2020, 3, 2),
        signer="Nguyễn Phi Thường",
        suffix="QĐ-LĐLĐ",
    )
    assert made.decision.number == "1/QĐ-LĐLĐ"
    assert Award.objects.filter(campaign=campaign).count() == 2

    paper = decision_document(made)
    text = pdf_text(as_pdf(paper))
    assert "Số: 1/QĐ-LĐLĐ" in text and "Nguyễn Văn Nhân" in text and "Nguyễn Văn An" not in text
    words = "\n".join(p.text for p in docx.Document(io.BytesIO(as_docx(paper))).paragraphs)
    assert "Cán bộ công đoàn là đảng viên tiêu biểu" in words
    minutes = pdf_text(as_pdf(minutes_document(campaign, list(ranked(campaign)))))
    assert "BIÊN BẢN" in minutes and "90,00" in minutes

    award = Award.objects.get(nomination=rows[0])
    certificate = pdf_text(certificate_pdf(award, f"https://example.org/v/{award.token}"))
    assert "Nguyễn Văn Nhân" in certificate and "1/QĐ-LĐLĐ" in certificate

    undo = revoke(
        actor=world.bob,
        award=award,
        reason="Hồ sơ không trung thực",
        signed_on=date(2020, 6, 1),
        signer="Nguyễn Phi Thường",
        suffix="QĐ-LĐLĐ",
    )
    assert undo.decision.number == "2/QĐ-LĐLĐ"
    award.refresh_from_db()
    assert award.revoked and Award.objects.filter(campaign=campaign).count() == 2
    with pytest.raises(ValidationError, match="đã bị thu hồi"):
        revoke(
            actor=world.bob,
            award=award,
            reason="x",
            signed_on=date(2020, 6, 2),
            signer="A",
            suffix="QĐ-LĐLĐ",
        )


def test_a_decision_before_publication_is_refused(world, before_council):
    campaign, rows, gia = before_council
    _scored_and_closed(world, campaign, rows, gia)
    with pytest.raises(ValidationError, match="chưa được công khai"):
        decide(
            actor=world.bob,
            campaign=campaign,
            signed_on=date(2020, 3, 2),
            signer="A",
            suffix="QĐ-LĐLĐ",
        )
    assert not Award.objects.exists()


def test_a_vote_is_a_one_point_rubric_and_a_recusal_leaves_the_majority_to_the_others(world):
    from congdoan.accounts.models import RoleKind
    from tests.factories import user_with_role

    unions = [direct_union(world) for _ in range(2)]
    people = [official(u, given=g) for u, g in zip(unions, ["An", "Bình"], strict=True)]
    third = user_with_role("hai", RoleKind.COUNCIL, world.hn)
    campaign = seed_campaign(
        world,
        [(u, 1) for u in unions],
        quota=2,
        score_max=1,
        pass_score=Decimal("0.5"),
        council=[*council_users(world), (third, False)],
    )
    an, binh = (_climbed(world, campaign, u, p) for u, p in zip(unions, people, strict=True))
    gia = CouncilMember.objects.get(campaign=campaign, user__username="gia").user
    votes = {an: (1, 0, None), binh: (1, 0, 0)}  # None: recused
    for nomination, ballots in votes.items():
        for user, ballot in zip((world.erin, gia, third), ballots, strict=True):
            if ballot is None:
                recuse(actor=user, nomination=nomination, reason="Cùng đơn vị", on=COUNCIL_DAY)
            else:
                score_give(actor=user, nomination=nomination, points=ballot, on=COUNCIL_DAY)
    with pytest.raises(ValidationError, match="từ 0 đến 1"):
        score_give(actor=world.erin, nomination=an, points=2, on=COUNCIL_DAY)
    council_close(actor=world.erin, campaign=campaign, on=COUNCIL_DAY)
    results = {r.nominee_name: (r.mean, r.status) for r in ranked(campaign)}
    assert results["Nguyễn Văn An"] == (Decimal("0.5"), Status.SELECTED)  # 1 of 2, not 1 of 3
    assert results["Nguyễn Văn Bình"][1] == Status.NOT_SELECTED  # 1 of 3
