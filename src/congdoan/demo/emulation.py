"""Emulation in the demo: the 2020 scorecards (copied to 2021), Cụm thi đua số 1 (six districts,
covenant of 28/02/2020, full year-end), Cụm thi đua số 6 (sector unions, covenant and mid-year
review), then the quality ratings of 2020–2025 (demo/quality.py), all through the services."""

from __future__ import annotations

import random
from datetime import date

from congdoan.demo.quality import build_ratings, points_for
from congdoan.demo.users import demo_admin
from congdoan.emulation.models import Indicator, Round
from congdoan.emulation.selectors import card_of
from congdoan.emulation.services.clusters import (
    cluster_create,
    cluster_set_leads,
    covenant_set,
    covenant_set_targets,
    covenant_sign,
)
from congdoan.emulation.services.rounds import round_finalise, sheet_submit
from congdoan.emulation.services.scorecards import ensure_shipped_scorecards, scorecard_copy
from congdoan.org.models import Unit

YEAR = 2020
CLUSTER_1 = ["HOAN-KIEM", "BA-DINH", "DONG-DA", "LONG-BIEN", "HAI-BA-TRUNG", "HOANG-MAI"]
CLUSTER_1_THEME = "Nâng cao chất lượng hoạt động công đoàn cơ sở"
CLUSTER_1_SIGNED = date(2020, 2, 28)
CLUSTER_6 = ["CD-CONG-THUONG", "CD-XAY-DUNG", "CD-GIAO-DUC", "CD-Y-TE", "CD-GTVT"]
CLUSTER_6_THEME = "Đẩy mạnh thi đua yêu nước trong công nhân viên chức lao động"
CLUSTER_6_SIGNED = date(2020, 3, 6)  # synthetic: the article gives no day
SIGNERS = [
    "Nguyễn Thị Hoa",
    "Trần Văn Hùng",
    "Lê Thị Mai",
    "Phạm Quang Minh",
    "Đỗ Văn Long",
    "Vũ Thị Lan",
    "Hoàng Văn Nam",
    "Bùi Thị Thu",
    "Đặng Văn Sơn",
    "Ngô Thị Hằng",
]


def _cluster(actor, rng, name, codes, lead, deputy, theme, signed_on):
    hanoi = Unit.objects.get(code="LDLD-HN")
    units = [Unit.objects.get(code=code) for code in codes]
    cluster = cluster_create(actor=actor, owner=hanoi, year=YEAR, name=name, units=units)
    cluster_set_leads(actor=actor, cluster=cluster, lead=units[lead], deputy=units[deputy])
    covenant = covenant_set(actor=actor, cluster=cluster, theme=theme, signed_on=signed_on)
    for unit, signer in zip(units, rng.sample(SIGNERS, len(units)), strict=True):
        covenant_set_targets(
            actor=actor,
            covenant=covenant,
            unit=unit,
            values={
                Indicator.NEW_MEMBERS: rng.randrange(300, 700, 10),
                Indicator.NEW_GRASSROOTS: rng.randrange(5, 20),
                Indicator.PARTY_REFERRALS: rng.randrange(20, 80, 5),
                Indicator.DIALOGUES: rng.randrange(10, 40),
                Indicator.TRAINING: rng.randrange(30, 120, 10),
            },
        )
        covenant_sign(
            actor=actor,
            covenant=covenant,
            unit=unit,
            signer_name=signer,
            signer_title="Chủ tịch",
            on=signed_on,
        )
    return cluster, units


def _score_round(actor, rng, cluster, units, round_, cross: bool) -> None:
    card = card_of(cluster.scorecard)
    for unit in units:
        sheet_submit(
            actor=actor,
            cluster=cluster,
            round_=round_,
            subject=unit,
            scorer=unit,
            cross=False,
            points=points_for(card, rng, 0.8, 1.0),
            evidence={},
        )
        for scorer in units if cross else []:
            if scorer != unit:
                sheet_submit(
                    actor=actor,
                    cluster=cluster,
                    round_=round_,
                    subject=unit,
                    scorer=scorer,
                    cross=True,
                    points=points_for(card, rng, 0.75, 0.98),
                    evidence={},
                )
    votes = {unit.pk: rng.randrange(0, len(units)) for unit in units}
    round_finalise(actor=actor, cluster=cluster, round_=round_, votes=votes)


def build_emulation(rng: random.Random) -> dict[str, int]:
    actor = demo_admin()
    hanoi = Unit.objects.get(code="LDLD-HN")
    for card in ensure_shipped_scorecards(hanoi, YEAR):
        scorecard_copy(actor=actor, scorecard=card, year=YEAR + 1)
    first, units = _cluster(
        actor,
        rng,
        "Cụm thi đua số 1",
        [f"LDLD-{c}" for c in CLUSTER_1],
        2,
        0,
        CLUSTER_1_THEME,
        CLUSTER_1_SIGNED,
    )
    _score_round(actor, rng, first, units, Round.MIDYEAR, cross=False)
    _score_round(actor, rng, first, units, Round.YEAREND, cross=True)
    sixth, units = _cluster(
        actor, rng, "Cụm thi đua số 6", CLUSTER_6, 0, 1, CLUSTER_6_THEME, CLUSTER_6_SIGNED
    )
    _score_round(actor, rng, sixth, units, Round.MIDYEAR, cross=False)
    return {"ratings": sum(build_ratings().values())}
