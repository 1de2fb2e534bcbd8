"""The covenant as a union paper (Word and PDF): theme, criteria with points, each unit's
targets, and the signature table, in the shared document layout. Its number ("Số: 3/GƯTĐ-CTĐ")
and date are the officer's choice on the cluster page; the closing signature is the lead unit's
chair, by name, on behalf of its executive committee."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from congdoan.core.dates import today
from congdoan.core.documents import Heading, Paragraph, Signature, Table, UnionDocument
from congdoan.core.text import format_date, format_number
from congdoan.emulation.models import Covenant, Indicator
from congdoan.emulation.scoring import points_text
from congdoan.emulation.selectors import member_units
from congdoan.members.selectors import unit_officials
from congdoan.org.selectors import display_version

KIND_CODE = "GƯTĐ"


def chair_of(unit, day: date) -> str:
    """The name of the unit's chair on the day (the official with position "chair"), or ""."""
    posts = unit_officials(unit, day)["current"]
    chair = next((p for p in posts if p.position.code == "chair"), None)
    return chair.person.full_name if chair else ""


def covenant_document(covenant: Covenant, *, number: str = "", dated: date | None = None):
    """The paper; `number` and `dated` as the officer gave them (the signing day by default)."""
    cluster = covenant.cluster
    owner = display_version(cluster.owner, covenant.signed_on)
    names = {u.pk: display_version(u, covenant.signed_on).name for u in member_units(cluster)}
    return UnionDocument(
        parent_body=owner.name.upper(),
        issuer=cluster.name.upper(),
        kind=_("BẢN GIAO ƯỚC THI ĐUA"),
        subject=_("Năm %(year)s") % {"year": cluster.year},
        dated=dated or covenant.signed_on,
        number=number,
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
        signature=_lead_signature(covenant),
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


def _lead_signature(covenant: Covenant) -> Signature:
    """TM. BAN CHẤP HÀNH / CHỦ TỊCH / the lead unit's chair on the signing day (or today's)."""
    lead = covenant.cluster.lead
    name = ""
    if lead is not None:
        name = chair_of(lead, covenant.signed_on) or chair_of(lead, today())
    return Signature(_("TM. BAN CHẤP HÀNH"), _("CHỦ TỊCH"), name)


def covenant_paper_form(request, covenant: Covenant):
    """The number and date the officer gives the covenant paper (its signing day by default)."""
    return _paper_form(request.GET, covenant)


def covenant_issue_form(data, covenant: Covenant):
    """The number and date the covenant is issued under: posted, or bound again from the
    query a refusal returns with."""
    return _paper_form(data, covenant, prefix="issue")


def _paper_form(data, covenant: Covenant, prefix=None):
    from congdoan.core.paper_form import PaperForm

    return PaperForm(
        data,
        default_day=covenant.signed_on,
        kind_code=KIND_CODE,
        issuer=covenant.cluster.name,
        prefix=prefix,
    )
