"""The cluster cycle: members, leads, covenant with targets and live progress, signing, the
covenant paper, self- and cross-scoring, finalisation with the tie rule, proposals, reopening."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.core.documents import as_docx, as_pdf, pdf_text
from congdoan.emulation.covenant_doc import covenant_document
from congdoan.emulation.models import Award, Indicator, Reopening, Round, Standing
from congdoan.emulation.progress import covenant_progress
from congdoan.emulation.selectors import card_of
from congdoan.emulation.services.clusters import (
    cluster_create,
    cluster_set_leads,
    covenant_set,
    covenant_set_targets,
    covenant_sign,
)
from congdoan.emulation.services.rounds import round_finalise, round_reopen, sheet_submit
from congdoan.org.services import unit_end, unit_move
from tests.activities.helpers import record
from tests.emulation.helpers import cluster_of_dd_and_tt, marks
from tests.factories import decision, make_unit
from tests.members.registry import admit, person

THEME = "Nâng cao chất lượng hoạt động công đoàn cơ sở"


def covenant_of(world):
    cluster = cluster_of_dd_and_tt(world)
    cluster_set_leads(actor=world.bob, cluster=cluster, lead=world.dd, deputy=world.tt)
    return covenant_set(actor=world.bob, cluster=cluster, theme=THEME, signed_on=date(2020, 2, 28))


def score(world, cluster, subject, scorer, share, round_=Round.YEAREND, actor=None):
    card = card_of(cluster.scorecard)
    return sheet_submit(
        actor=actor or world.bob,
        cluster=cluster,
        round_=round_,
        subject=subject,
        scorer=scorer,
        cross=subject != scorer,
        points=marks(card, Decimal(share)),
        evidence={},
    )


def test_a_lead_must_be_a_member_and_should_rotate(world):
    cluster = cluster_of_dd_and_tt(world)
    with pytest.raises(ValidationError, match="không phải thành viên"):
        cluster_set_leads(actor=world.bob, cluster=cluster, lead=world.g1, deputy=None)
    assert cluster_set_leads(actor=world.bob, cluster=cluster, lead=world.dd, deputy=None) is None
    next_year = cluster_of_dd_and_tt(world, 2021)
    warning = cluster_set_leads(actor=world.bob, cluster=next_year, lead=world.dd, deputy=None)
    assert "luân phiên" in warning


def test_units_that_had_ended_or_not_yet_begun_cannot_join(world):
    with pytest.raises(ValidationError, match="chưa thành lập"):
        cluster_create(actor=world.bob, owner=world.hn, year=2020, name="Cụm 2", units=[world.kl])
    ha_dong = make_unit("HD", "Liên đoàn Lao động quận Hà Đông", "district", world.hn)
    unit_end(actor=world.bob, unit=ha_dong, effective=date(2019, 6, 1), decision=decision())
    with pytest.raises(ValidationError, match="kết thúc"):
        cluster_create(actor=world.bob, owner=world.hn, year=2020, name="Cụm 3", units=[ha_dong])
    assert not world.hn.audit_entries.filter(action="emulation.cluster_create").exists()


def test_targets_show_the_registry_figures_beside_them(world):
    covenant = covenant_of(world)
    covenant_set_targets(
        actor=world.bob,
        covenant=covenant,
        unit=world.dd,
        values={Indicator.NEW_MEMBERS: 2, Indicator.DIALOGUES: 4},
    )
    admit(world.bob, world.g1, person("Nguyễn Văn An"), joined_on=date(2020, 3, 2))
    admit(world.bob, world.g2, person("Trần Thị Bình", gender="F"), joined_on=date(2020, 8, 2))
    record(world.bob, world.g2, "dialogue", date(2020, 5, 20))
    record(world.bob, world.g2, "dialogue", date(2020, 9, 20))
    rows = {row.unit.code: row for row in covenant_progress(covenant, date(2020, 6, 30))}
    members = rows["DD"].cells[0]
    assert (members.target, members.actual, members.met) == (2, 1, False)
    dialogues = next(c for c in rows["DD"].cells if c.indicator == Indicator.DIALOGUES)
    assert (dialogues.target, dialogues.actual) == (4, 1)  # from the activity register
    assert rows["DD"].cells[0].indicator == Indicator.NEW_MEMBERS
    year_end = {row.unit.code: row for row in covenant_progress(covenant, date(2021, 3, 1))}
    assert year_end["DD"].cells[0].actual == 2
    assert year_end["DD"].cells[3].actual == 2


def test_each_unit_signs_once_and_the_covenant_prints_with_its_signatures(world):
    covenant = covenant_of(world)
    with pytest.raises(PermissionDenied):
        covenant_sign(
            actor=world.charlie,
            covenant=covenant,
            unit=world.tt,
            signer_name="Lê Văn Tú",
            signer_title="Chủ tịch",
            on=date(2020, 2, 28),
        )
    covenant_sign(
        actor=world.charlie,
        covenant=covenant,
        unit=world.dd,
        signer_name="Nguyễn Thị Hoa",
        signer_title="Chủ tịch",
        on=date(2020, 2, 28),
    )
    with pytest.raises(ValidationError, match="đã ký"):
        covenant_sign(
            actor=world.bob,
            covenant=covenant,
            unit=world.dd,
            signer_name="Nguyễn Thị Hoa",
            signer_title="Chủ tịch",
            on=date(2020, 2, 28),
        )
    document = covenant_document(covenant)
    text = pdf_text(as_pdf(document))
    assert "BẢN GIAO ƯỚC THI ĐUA" in text and THEME in " ".join(text.split())
    assert "Nguyễn Thị Hoa" in text and "ngày 28 tháng 02 năm 2020" in text
    assert as_docx(document)[:2] == b"PK"


def test_a_unit_may_not_score_itself_in_the_cross_scoring(world):
    cluster = covenant_of(world).cluster
    card = card_of(cluster.scorecard)
    with pytest.raises(ValidationError, match="chấm chéo"):
        sheet_submit(
            actor=world.bob,
            cluster=cluster,
            round_=Round.YEAREND,
            subject=world.dd,
            scorer=world.dd,
            cross=True,
            points=marks(card),
            evidence={},
        )
    with pytest.raises(ValidationError, match="tối đa"):
        sheet_submit(
            actor=world.bob,
            cluster=cluster,
            round_=Round.YEAREND,
            subject=world.dd,
            scorer=world.dd,
            cross=False,
            points=marks(card, c1_1=16),
            evidence={},
        )
    assert not cluster.sheets.exists()


def test_the_year_ends_with_a_ranking_proposals_and_a_recorded_reopening(world):
    cluster = covenant_of(world).cluster
    score(world, cluster, world.dd, world.dd, "0.9", actor=world.charlie)
    score(world, cluster, world.tt, world.tt, "0.95")
    score(world, cluster, world.dd, world.tt, "0.8")  # Thanh Trì scores Đống Đa
    score(world, cluster, world.tt, world.dd, "0.8")
    with pytest.raises(PermissionDenied):
        round_finalise(actor=world.dana, cluster=cluster, round_=Round.YEAREND, votes={})
    rows = round_finalise(
        actor=world.charlie,
        cluster=cluster,
        round_=Round.YEAREND,
        votes={world.dd.pk: 2, world.tt.pk: 1},
    )
    assert [(r.unit.code, r.score, r.rank) for r in rows] == [("DD", 80, 1), ("TT", 80, 2)]
    assert [(p.unit.code, p.award) for p in cluster.proposals.all()] == [
        ("DD", Award.FEDERATION_FLAG),
        ("TT", Award.MERIT),
    ]
    with pytest.raises(ValidationError, match="đã chốt"):
        score(world, cluster, world.dd, world.dd, "1")
    round_reopen(actor=world.bob, cluster=cluster, round_=Round.YEAREND, reason="Sai điểm")
    assert Reopening.objects.get().reason == "Sai điểm"
    assert not Standing.objects.exists() and not cluster.proposals.exists()
    score(world, cluster, world.dd, world.dd, "1")


def test_equal_scores_and_votes_share_a_rank(world):
    cluster = covenant_of(world).cluster
    score(world, cluster, world.dd, world.dd, "0.7", Round.MIDYEAR)
    score(world, cluster, world.tt, world.tt, "0.7", Round.MIDYEAR)
    rows = round_finalise(actor=world.bob, cluster=cluster, round_=Round.MIDYEAR, votes={})
    assert [r.rank for r in rows] == [1, 1]
    assert not cluster.proposals.exists()  # proposals follow the year-end only


def test_a_round_is_not_finalised_while_a_unit_has_not_scored_itself(world):
    cluster = covenant_of(world).cluster
    score(world, cluster, world.dd, world.dd, "0.7")
    with pytest.raises(ValidationError, match="TT"):
        round_finalise(actor=world.bob, cluster=cluster, round_=Round.YEAREND, votes={})
    assert not Standing.objects.exists()


def test_a_unit_that_ends_during_the_year_leaves_the_year_end_but_not_the_mid_year(world):
    cluster = covenant_of(world).cluster
    unit_move(
        actor=world.bob,
        unit=world.g3,
        new_parent=world.dd,
        effective=date(2020, 9, 1),
        decision=decision(),
    )
    unit_end(actor=world.bob, unit=world.tt, effective=date(2020, 10, 1), decision=decision())
    score(world, cluster, world.tt, world.tt, "0.8", Round.MIDYEAR)
    with pytest.raises(ValidationError, match="không thuộc cụm vào ngày 31/12/2020"):
        score(world, cluster, world.tt, world.tt, "0.8")
    score(world, cluster, world.dd, world.dd, "0.8")
    rows = round_finalise(actor=world.bob, cluster=cluster, round_=Round.YEAREND, votes={})
    assert [r.unit.code for r in rows] == ["DD"]
