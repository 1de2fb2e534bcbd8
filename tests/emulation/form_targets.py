"""The emulation forms for the form-field walk: forming a cluster, its members, leads, targets
and signatures, each naming what lies in Đà Nẵng (tests/form_walk.py). The cluster is Đống
Đa's, of G1 and G2, with a covenant."""

from __future__ import annotations

from datetime import date

from congdoan.emulation.forms import (
    ClusterForm,
    EndMemberForm,
    LeadsForm,
    MemberForm,
    SignForm,
    TargetsForm,
)
from congdoan.emulation.models import Cluster, ClusterMember, Sheet, Signing, Target
from congdoan.emulation.services.clusters import cluster_create, covenant_set
from congdoan.emulation.services.scorecards import ensure_shipped_scorecards
from tests.form_walk import MISSING_CODE, FieldCase
from tests.scope_walk import MEMBER_KEEPERS, ORG_EDITORS

NO_UNIT = "Không tìm thấy đơn vị mã"


def cases(world, foreign) -> list[FieldCase]:
    ensure_shipped_scorecards(world.hn, 2021)
    cluster = cluster_create(
        actor=world.alice, owner=world.dd, year=2021, name="Khối walk", units=[world.g1, world.g2]
    )
    covenant_set(actor=world.alice, cluster=cluster, theme="Chủ đề", signed_on=date(2021, 2, 1))
    c = {"pk": cluster.pk}
    manage = {"allowed": ORG_EDITORS, "models": (Cluster, ClusterMember, Target, Signing)}
    g4 = foreign.unit
    return [
        FieldCase(
            "emulation:cluster_new",
            {"pk": world.dd.pk},
            ClusterForm,
            "units",
            {"kind": "cluster", "name": "Cụm mới", "year": 2021},
            f"G1, {g4.code}",
            admin_outside=True,  # not under the owner (DD): refused to everyone
            message=f"{NO_UNIT} {g4.code}.",
            **manage,
        ),
        FieldCase(
            "emulation:cluster_member",
            c,
            MemberForm,
            "code",
            {"joined_on": "2021-03-01"},
            g4.code,
            missing=MISSING_CODE,
            admin_outside=True,
            message=f"{NO_UNIT} {g4.code}.",
            **manage,
        ),
        FieldCase("emulation:cluster_leads", c, LeadsForm, "lead", {}, g4.pk, **manage),
        FieldCase(
            "emulation:cluster_leads",
            c,
            LeadsForm,
            "deputy",
            {"lead": world.g1.pk},
            g4.pk,
            **manage,
        ),
        FieldCase(
            "emulation:cluster_member_end",
            c,
            EndMemberForm,
            "unit",
            {"left_on": "2021-06-01"},
            g4.pk,
            **manage,
        ),
        FieldCase(
            "emulation:targets",
            c,
            TargetsForm,
            "unit",
            {"new_members": 5},
            g4.pk,
            **manage,
        ),
        FieldCase(
            "emulation:sign",
            c,
            SignForm,
            "unit",
            {"signer_name": "Nguyễn Văn Ký", "signer_title": "Chủ tịch", "on": "2021-02-01"},
            g4.pk,
            **{**manage, "allowed": MEMBER_KEEPERS},
        ),
        *(
            FieldCase(  # the score sheet's own parameters: units of the cluster only
                "emulation:score",
                {**c, "round_": "midyear"},
                "congdoan.emulation.views_rounds.score",
                name,
                {"scorer": world.g1.pk} if name == "subject" else {},
                g4.pk,
                models=(Sheet,),
                allowed=MEMBER_KEEPERS,
                refused_status=404,  # a unit not of the cluster: no such sheet
            )
            for name in ("scorer", "subject")
        ),
    ]
