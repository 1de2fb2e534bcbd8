"""Congresses and terms: a congress (đại hội) opens a term (nhiệm kỳ) of a unit and elects its
executive committee (Ban Chấp hành), whose standing committee (Ban Thường vụ) is its chair, vice
chairs and standing members, and its inspection committee (Ủy ban Kiểm tra).

The committees are the term's posts (Official rows tied to the Term), by position: no model of
their own, since a committee is exactly the set of people holding its positions in the term.
Written through these services only: scoped to the unit's officers, audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.services import audit_changes, audit_record, snapshot
from congdoan.core.text import format_date, normalize_text
from congdoan.members.models import Official, Person
from congdoan.members.officials import official_appoint, official_end
from congdoan.org.models import Position, Term, Unit

EXECUTIVE = ("chair", "vice-chair", "standing-member", "executive-member")  # Ban Chấp hành


STANDING = ("chair", "vice-chair", "standing-member")  # Ban Thường vụ


INSPECTION = ("inspection-chair", "inspection-member")  # Ủy ban Kiểm tra


ELECTED = EXECUTIVE + INSPECTION


ONLY_ONE = ("chair", "inspection-chair")


def may_keep_terms(actor, unit: Unit) -> bool:
    """The unit's officers: those who reorganise it or keep its registry."""
    scope = scope_for(actor)
    return scope.can_edit_org(unit) or scope.can_edit_members(unit)


def _require_officer(actor, unit: Unit) -> None:
    if not may_keep_terms(actor, unit):
        raise PermissionDenied(_("Bạn không có quyền ghi đại hội, nhiệm kỳ của đơn vị này."))


@dataclass(frozen=True)
class TermInput:
    name: str
    congress_on: date | None
    starts_on: date | None = None
    ends_on: date | None = None


def _checked(unit: Unit, data: TermInput, *, besides: Term | None = None) -> TermInput:
    name = normalize_text(data.name or "")
    if not name:
        raise ValidationError(_("Thiếu tên nhiệm kỳ (ví dụ: Nhiệm kỳ 2023–2028)."))
    if data.congress_on is None:
        raise ValidationError(_("Thiếu ngày đại hội."))
    starts = data.starts_on or data.congress_on
    if starts < data.congress_on:
        raise ValidationError(_("Nhiệm kỳ không thể bắt đầu trước ngày đại hội."))
    if data.ends_on is not None and data.ends_on <= starts:
        raise ValidationError(_("Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu."))
    if not unit.exists_on(data.congress_on):
        raise ValidationError(
            _("Đơn vị không hoạt động vào ngày đại hội %(day)s.")
            % {"day": format_date(data.congress_on)}
        )
    others = unit.terms.exclude(pk=besides.pk) if besides else unit.terms.all()
    if others.filter(name__iexact=name).exists():
        raise ValidationError(_("Đơn vị đã có nhiệm kỳ “%(name)s”.") % {"name": name})
    return TermInput(name, data.congress_on, starts, data.ends_on)


def _overlapping(unit: Unit, data: TermInput, besides: Term | None) -> list[Term]:
    terms = unit.terms.exclude(pk=besides.pk) if besides else unit.terms.all()
    return [
        term
        for term in terms
        if (term.ends_on is None or term.ends_on >= data.starts_on)
        and (data.ends_on is None or term.starts_on <= data.ends_on)
    ]


@transaction.atomic
def term_open(*, actor, unit: Unit, data: TermInput) -> Term:
    """Record a congress and the term it opens. A term still open that began earlier ends the
    day before (with the posts of its committees)."""
    _require_officer(actor, unit)
    data = _checked(unit, data)
    for term in _overlapping(unit, data, None):
        if term.ends_on is None and term.starts_on < data.starts_on:
            _close(actor, term, data.starts_on - timedelta(days=1))
        else:
            raise ValidationError(
                _("Trùng thời gian với nhiệm kỳ “%(name)s”.") % {"name": term.name}
            )
    term = Term.objects.create(
        unit=unit,
        name=data.name,
        congress_on=data.congress_on,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
    )
    audit_record(
        actor=actor,
        action="term.open",
        unit=unit,
        target=term.name,
        object_type="org.term",
        after={
            "congress_on": data.congress_on.isoformat(),
            "starts_on": data.starts_on.isoformat(),
            "ends_on": data.ends_on.isoformat() if data.ends_on else None,
        },
    )
    return term


def _close(actor, term: Term, last_day: date) -> None:
    before = snapshot(term)
    term.ends_on = last_day
    term.save(update_fields=["ends_on", "updated_at"])
    audit_changes(
        actor=actor,
        action="term.close",
        instance=term,
        before=before,
        unit=term.unit,
        target=term.name,
    )
    for post in term.official_set.filter(ends_on__isnull=True).select_related("person", "unit"):
        official_end(actor=actor, official=post, ends_on=max(last_day, post.starts_on))


@transaction.atomic
def term_update(*, actor, term: Term, data: TermInput) -> Term:
    _require_officer(actor, term.unit)
    data = _checked(term.unit, data, besides=term)
    clash = _overlapping(term.unit, data, term)
    if clash:
        raise ValidationError(
            _("Trùng thời gian với nhiệm kỳ “%(name)s”.") % {"name": clash[0].name}
        )
    before = snapshot(term)
    term.name, term.congress_on = data.name, data.congress_on
    term.starts_on, term.ends_on = data.starts_on, data.ends_on
    term.save()
    audit_changes(
        actor=actor,
        action="term.update",
        instance=term,
        before=before,
        unit=term.unit,
        target=term.name,
    )
    return term


def _committee_of(code: str) -> tuple[str, ...]:
    return EXECUTIVE if code in EXECUTIVE else INSPECTION


@transaction.atomic
def term_elect(*, actor, term: Term, person: Person, position: Position) -> Official:
    """Enter a person the congress elected: into the executive committee (as chair, vice chair,
    standing or ordinary member) or the inspection committee (its chair or a member)."""
    _require_officer(actor, term.unit)
    if position.code not in ELECTED:
        raise ValidationError(_("Chức vụ này không do đại hội bầu."))
    posts = term.official_set.select_related("position")
    if position.code in ONLY_ONE and posts.filter(position=position).exists():
        raise ValidationError(
            _("Nhiệm kỳ đã có %(position)s.") % {"position": position.name.lower()}
        )
    same = posts.filter(person=person, position__code__in=_committee_of(position.code)).first()
    if same is not None:
        raise ValidationError(
            _("%(name)s đã có trong danh sách với chức vụ %(position)s.")
            % {"name": person.full_name, "position": same.position.name}
        )
    official = official_appoint(
        actor=actor,
        unit=term.unit,
        person=person,
        position=position,
        term=term,
        starts_on=term.starts_on,
    )
    if term.ends_on is not None:
        official.ends_on = term.ends_on
        official.save(update_fields=["ends_on", "updated_at"])
    return official


@transaction.atomic
def term_unelect(*, actor, official: Official) -> None:
    """Take a person entered by mistake off a term's list (the post is deleted)."""
    _require_officer(actor, official.unit)
    if official.term_id is None:
        raise ValidationError(_("Chức vụ này không thuộc nhiệm kỳ nào."))
    audit_record(
        actor=actor,
        action="official.remove",
        unit=official.unit,
        target=f"{official.person.full_name} – {official.position.name}",
        before={
            "position": official.position.name,
            "term": official.term.name,
            "starts_on": official.starts_on.isoformat(),
        },
    )
    official.delete()


@dataclass
class Committees:
    executive: list[Official]
    standing: list[Official]
    inspection: list[Official]

    @property
    def groups(self) -> list[tuple[str, list[Official]]]:
        return [
            (_("Ban Chấp hành"), self.executive),
            (_("Ban Thường vụ"), self.standing),
            (_("Ủy ban Kiểm tra"), self.inspection),
        ]

    @property
    def sizes(self) -> tuple[int, int, int]:
        return len(self.executive), len(self.standing), len(self.inspection)


def committees(term: Term) -> Committees:
    """The term's committees, each person once, chair first, then vice chairs, then members."""
    posts = list(
        term.official_set.select_related("person", "position").order_by(
            "position__order", "person__sort_key"
        )
    )

    def among(codes):
        seen, found = set(), []
        for post in posts:
            if post.position.code in codes and post.person_id not in seen:
                seen.add(post.person_id)
                found.append(post)
        return found

    return Committees(among(EXECUTIVE), among(STANDING), among(INSPECTION))
