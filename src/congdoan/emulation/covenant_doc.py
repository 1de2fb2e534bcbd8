"""The covenant as a union paper (Word and PDF): theme, criteria with points, each unit's
targets, and the signature table, in the shared document layout."""

from __future__ import annotations

from django.utils.translation import gettext as _

from congdoan.core.documents import Heading, Paragraph, Signature, Table, UnionDocument
from congdoan.core.text import format_date, format_number
from congdoan.emulation.clusters import member_units
from congdoan.emulation.models import Covenant, Indicator
from congdoan.emulation.scoring import points_text
from congdoan.org.selectors import display_version


def covenant_document(covenant: Covenant) -> UnionDocument:
    cluster = covenant.cluster
    owner = display_version(cluster.owner, covenant.signed_on)
    names = {u.pk: display_version(u, covenant.signed_on).name for u in member_units(cluster)}
    return UnionDocument(
        parent_body=owner.name.upper(),
        issuer=cluster.name.upper(),
        kind=_("BẢN GIAO ƯỚC THI ĐUA"),
        subject=_("Năm %(year)s") % {"year": cluster.year},
        dated=covenant.signed_on,
        place=covenant.place,
        blocks=[
            Paragraph(_("Chủ đề: “%(theme)s”.") % {"theme": covenant.theme}, bold=True),
            Paragraph(
                _(
                    "Các đơn vị thành viên %(cluster)s thống nhất ký giao ước thi đua năm %(year)s "
                    "với các tiêu chí và chỉ tiêu sau:"
                )
                % {"cluster": cluster.name, "year": cluster.year}
            ),
            Heading(_("I. Tiêu chí thi đua và thang điểm")),
            _criteria_table(covenant),
            Heading(_("II. Chỉ tiêu của từng đơn vị")),
            _targets_table(covenant, names),
            Heading(_("III. Đơn vị ký giao ước")),
        ],
        signature_table=_signature_table(covenant, names),
        signature=Signature(_("TM. CỤM THI ĐUA"), _("CỤM TRƯỞNG"), _lead_name(cluster, names)),
    )


def _criteria_table(covenant: Covenant) -> Table:
    criteria = covenant.cluster.scorecard.criteria.order_by("order")
    return Table(
        [_("Mục"), _("Nội dung"), _("Điểm tối đa")],
        [[c.code, c.title, points_text(c.max_points)] for c in criteria],
    )


def _targets_table(covenant: Covenant, names: dict[int, str]) -> Table:
    values = {(t.unit_id, t.indicator): t.value for t in covenant.targets.all()}
    used = [(k, label) for k, label in Indicator.choices if any(i == k for _u, i in values)]
    rows = [
        [name] + [format_number(values[(pk, k)]) if (pk, k) in values else "—" for k, _l in used]
        for pk, name in names.items()
    ]
    return Table([_("Đơn vị")] + [str(label) for _k, label in used], rows)


def _signature_table(covenant: Covenant, names: dict[int, str]) -> Table:
    signed = {s.unit_id: s for s in covenant.signings.all()}
    rows = []
    for pk, name in names.items():
        s = signed.get(pk)
        rows.append(
            [
                name,
                s.signer_name if s else "",
                s.signer_title if s else "",
                format_date(s.signed_on) if s else "",
            ]
        )
    return Table([_("Đơn vị"), _("Người ký"), _("Chức vụ"), _("Ngày ký")], rows)


def _lead_name(cluster, names: dict[int, str]) -> str:
    return names.get(cluster.lead_id, "") if cluster.lead_id else ""
