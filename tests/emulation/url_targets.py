"""The emulation URLs for the URL walk (tests/test_url_scope.py).

Inside every scope: a bloc of G1 and G2 organised by Đống Đa (lead G2) with its covenant, the
Hà Nội scorecards and G1's self-scored 2020 rating. Outside: the same in Đà Nẵng with G4."""

from datetime import date
from decimal import Decimal

from congdoan.emulation.selectors import card_of
from congdoan.emulation.services.clusters import cluster_create, cluster_set_leads, covenant_set
from congdoan.emulation.services.quality import rating_self_score
from congdoan.emulation.services.scorecards import ensure_shipped_scorecards
from tests.emulation.helpers import evidence
from tests.scope_walk import MEMBER_KEEPERS, ORG_EDITORS, UPPER_KEEPERS, Target

FORMS = ("get", "post")
CARD_EDITORS = {"alice", "bob"}


def _bloc(world, owner, units):
    cluster = cluster_create(
        actor=world.alice, owner=owner, year=2020, name="Khối thi đua", units=units
    )
    cluster_set_leads(actor=world.alice, cluster=cluster, lead=units[-1], deputy=None)
    covenant_set(actor=world.alice, cluster=cluster, theme="Chủ đề", signed_on=date(2020, 2, 28))
    return cluster


def _world(world):
    cards = ensure_shipped_scorecards(world.hn, 2020)
    foreign_cards = ensure_shipped_scorecards(world.dn, 2020)
    inside = _bloc(world, world.dd, [world.g1, world.g2])
    outside = _bloc(world, world.dn, [world.g4])
    card = card_of(cards[0])
    rating_self_score(
        actor=world.alice,
        unit=world.g1,
        year=2020,
        evidence=evidence(card),
        points={leaf.key: leaf.max_points * Decimal("0.8") for leaf in card.leaves},
    )
    return cards[0], foreign_cards[0], inside, outside


def targets(world) -> dict[str, list[Target]]:
    card, foreign_card, inside, outside = _world(world)
    c, o = {"pk": inside.pk}, {"pk": outside.pk}
    criterion = {"pk": card.criteria.first().pk}
    foreign_criterion = {"pk": foreign_card.criteria.first().pk}
    unit, other = {"pk": world.g1.pk}, {"pk": world.g4.pk}
    year, other_year = {**unit, "year": 2020}, {**other, "year": 2020}
    rounds = ("midyear", "yearend")

    def per_round(allowed, methods=("get",)):
        return [
            Target({**c, "round_": r}, {**o, "round_": r}, allowed=allowed, methods=methods)
            for r in rounds
        ]

    return {
        "emulation:scorecards": [Target()],
        "emulation:scorecard": [Target({"pk": card.pk}, {"pk": foreign_card.pk})],
        "emulation:thresholds": [
            Target({"pk": card.pk}, {"pk": foreign_card.pk}, allowed=CARD_EDITORS, methods=FORMS)
        ],
        "emulation:scorecard_copy": [
            Target({"pk": card.pk}, {"pk": foreign_card.pk}, allowed=CARD_EDITORS, methods=FORMS)
        ],
        "emulation:criterion_edit": [
            Target(criterion, foreign_criterion, allowed=CARD_EDITORS, methods=FORMS)
        ],
        "emulation:criterion_add": [
            Target({"pk": card.pk}, {"pk": foreign_card.pk}, allowed=CARD_EDITORS, methods=FORMS)
        ],
        **{
            name: [Target(criterion, foreign_criterion, allowed=CARD_EDITORS, methods=FORMS)]
            for name in ("emulation:criterion_add_child", "emulation:criterion_remove")
        },
        "emulation:criterion_move": [  # the first criterion cannot move up: refused, unchanged
            Target(
                {**criterion, "direction": "up"},
                {**foreign_criterion, "direction": "up"},
                allowed=CARD_EDITORS,
                methods=("post",),
                post_status=302,
            )
        ],
        "emulation:clusters": [Target(query="?year=2020")],
        "emulation:cluster": [Target(c, o)],
        "emulation:cluster_new": [Target(unit, other, allowed=ORG_EDITORS, methods=FORMS)],
        **{
            name: [Target(c, o, allowed=ORG_EDITORS, methods=FORMS)]
            for name in (
                "emulation:cluster_leads",
                "emulation:cluster_member",
                "emulation:cluster_member_end",
                "emulation:covenant",
                "emulation:targets",
            )
        },
        "emulation:sign": [Target(c, o, allowed=MEMBER_KEEPERS, methods=FORMS)],
        # only a named signer of the lead issues the signed covenant: nobody in the walk is one
        "emulation:covenant_issue": [Target(c, o, allowed=set(), methods=("post",))],
        "emulation:covenant_file": [
            Target({**c, "fmt": f}, {**o, "fmt": f}) for f in ("pdf", "docx")
        ],
        "emulation:score": per_round(MEMBER_KEEPERS, FORMS),
        "emulation:ranking": per_round(set(ROLES_ALL)),
        "emulation:finalise": per_round(ORG_EDITORS, FORMS),
        "emulation:reopen": per_round(ORG_EDITORS, FORMS),
        "emulation:quality": [Target(unit, other, query="?year=2020")],
        "emulation:rating": [Target(year, other_year)],
        "emulation:rating_self": [Target(year, other_year, allowed=MEMBER_KEEPERS, methods=FORMS)],
        "emulation:rating_check": [Target(year, other_year, allowed=UPPER_KEEPERS, methods=FORMS)],
        "emulation:rating_publish": [
            Target(year, other_year, allowed=UPPER_KEEPERS, methods=("post",), post_status=302)
        ],
        "emulation:rating_reopen": [Target(year, other_year, allowed=UPPER_KEEPERS, methods=FORMS)],
    }


ROLES_ALL = ("alice", "bob", "charlie", "dana", "erin", "frank")
