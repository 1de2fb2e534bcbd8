"""The eligibility sheet: every criterion of a campaign checked against the records, with the
record that decided it. Criteria judged by people carry the nominator's statement instead."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.utils.translation import gettext
from django.utils.translation import gettext as _

from congdoan.awards.models import Award, Campaign, Criterion, Rule
from congdoan.awards.records import Place, Records
from congdoan.core.dates import add_years
from congdoan.core.text import format_date
from congdoan.members.models import Person
from congdoan.org.models import Unit


class Line(NamedTuple):  # ten thousand sheets make fifty thousand lines
    criterion: Criterion
    passed: bool | None  # None: judged by people
    evidence: str


class Phrases:
    """The sheet's messages in the active language, each translated once for a batch of sheets:
    gettext costs more than checking a rule, and ten thousand sheets ask for the same few. The
    rules bind it to `_`, so makemessages still finds their messages."""

    def __init__(self) -> None:
        self._translated: dict[str, str] = {}

    def __call__(self, message: str) -> str:
        found = self._translated.get(message)
        if found is None:
            found = self._translated[message] = gettext(message)
        return found


@dataclass
class Nominee:
    """What the rules read about one nominee, loaded once per sheet."""

    campaign: Campaign
    person: Person | None = None
    unit: Unit | None = None
    source_award: Award | None = None
    records: Records | None = None
    phrases: Phrases = field(default_factory=Phrases)

    @property
    def on(self) -> date:
        return self.campaign.reference_on

    @property
    def rec(self) -> Records:
        if self.records is None:
            people = [self.person] if self.person else []
            self.records = Records(self.campaign, people, [self.unit] if self.unit else [])
        return self.records

    def place(self) -> Place | None:
        """The union the nominee belonged to on the reference date (a unit nominee is its own)."""
        if self.unit is not None:
            return Place(
                self.unit.pk, self.unit.code, self.unit.sector.code if self.unit.sector_id else ""
            )
        return self.rec.places.get(self.person.pk)


def _party_member(nominee: Nominee, criterion: Criterion) -> tuple[bool, str]:
    _ = nominee.phrases
    joined = nominee.person.party_joined_on
    if joined is None or joined > nominee.on:
        return False, _("Hồ sơ không ghi ngày vào Đảng.")
    return True, _("Vào Đảng ngày %(day)s.") % {"day": format_date(joined)}


def _position(nominee: Nominee, criterion: Criterion) -> tuple[bool, str]:
    _ = nominee.phrases
    code = criterion.params.get("position", "chair")
    post = nominee.rec.posts.get((nominee.person.pk, code))
    if post is None:
        return False, _("Không giữ chức vụ này vào ngày %(day)s.") % {
            "day": format_date(nominee.on)
        }
    name = nominee.rec.unit_name(post.unit_id, str(post.unit_id))
    return True, _("%(position)s, %(unit)s, từ %(day)s.") % {
        "position": post.position_name,
        "unit": name,
        "day": format_date(post.starts_on),
    }


def _non_state_direct(nominee: Nominee, criterion: Criterion) -> tuple[bool, str]:
    _ = nominee.phrases
    place = nominee.place()
    if place is None:
        return False, _("Không sinh hoạt ở công đoàn cơ sở nào vào ngày xét.")
    version = nominee.rec.versions.get(place.unit_id)
    sectors = criterion.params.get("sectors", ["non-state"])
    direct = version is not None and version.parent_id == nominee.campaign.organiser_id
    name = version.name if version else place.code
    if place.sector not in sectors:
        return False, _("%(unit)s không thuộc khu vực ngoài nhà nước.") % {"unit": name}
    if not direct:
        return False, _("%(unit)s không trực thuộc đơn vị tổ chức đợt khen thưởng.") % {
            "unit": name
        }
    return True, _("%(unit)s: ngoài nhà nước, trực thuộc đơn vị tổ chức.") % {"unit": name}


def _membership_years(nominee: Nominee, criterion: Criterion) -> tuple[bool, str]:
    _ = nominee.phrases
    years = int(criterion.params.get("years", 1))
    joined = nominee.person.union_joined_on
    if joined is None:
        joined = nominee.rec.first_joined.get(nominee.person.pk)
    if joined is None:
        return False, _("Hồ sơ không ghi ngày vào công đoàn.")
    enough = add_years(joined, years) <= nominee.on
    return enough, _("Vào công đoàn ngày %(day)s (cần đủ %(years)s năm).") % {
        "day": format_date(joined),
        "years": years,
    }


def _not_awarded(nominee: Nominee, criterion: Criterion) -> tuple[bool, str]:
    _ = nominee.phrases
    campaign = nominee.campaign
    if nominee.person:
        award = nominee.rec.held_by_person.get(nominee.person.pk)
    else:
        award = nominee.rec.held_by_unit.get(nominee.unit.pk)
    if award is not None:
        return False, _("Đã được tặng theo quyết định %(number)s.") % {
            "number": award.decision.decision.number
        }
    return True, _("Chưa được tặng %(title)s năm %(year)s.") % {
        "title": campaign.title.name,
        "year": campaign.year,
    }


def _no_exclusion(nominee: Nominee, criterion: Criterion) -> tuple[bool, str]:
    _ = nominee.phrases
    year = nominee.campaign.year
    found = nominee.rec.exclusions.get(nominee.person.pk)
    if found is not None:
        return False, _("%(kind)s (%(start)s – %(end)s).") % {
            "kind": found.get_kind_display(),
            "start": format_date(found.starts_on),
            "end": format_date(found.ends_on),
        }
    return True, _("Không có trường hợp loại trừ trong năm %(year)s.") % {"year": year}


def _in_pool(nominee: Nominee, criterion: Criterion) -> tuple[bool, str]:
    _ = nominee.phrases
    award = nominee.source_award
    campaign = nominee.campaign
    if (
        award is None
        or award.title_id != campaign.pool_title_id
        or award.campaign.year != campaign.year
        or award.revoked
    ):
        return False, _("Không có trong danh sách đã đạt ở cấp dưới.")
    return True, _("%(title)s theo quyết định %(number)s.") % {
        "title": award.title.name,
        "number": award.decision.decision.number,
    }


CHECKS: dict[str, Callable[[Nominee, Criterion], tuple[bool, str]]] = {
    Rule.PARTY_MEMBER: _party_member,
    Rule.POSITION: _position,
    Rule.NON_STATE_DIRECT: _non_state_direct,
    Rule.MEMBERSHIP_YEARS: _membership_years,
    Rule.NOT_AWARDED: _not_awarded,
    Rule.NO_EXCLUSION: _no_exclusion,
    Rule.IN_POOL: _in_pool,
}
UNIT_RULES = {Rule.NON_STATE_DIRECT, Rule.NOT_AWARDED, Rule.IN_POOL}


def eligibility_sheet(
    nominee: Nominee, statements: dict[int, str] | None = None, criteria=None
) -> list[Line]:
    """Each criterion of the campaign, passed or failed, with its evidence."""
    _ = nominee.phrases
    statements = statements or {}
    lines = []
    for criterion in criteria if criteria is not None else nominee.campaign.criteria.all():
        if criterion.judged:
            text = (statements.get(criterion.pk) or "").strip()
            lines.append(Line(criterion, None, text))
        elif nominee.person is None and criterion.rule not in UNIT_RULES:
            lines.append(Line(criterion, False, _("Tiêu chuẩn này chỉ xét cho cá nhân.")))
        else:
            passed, evidence = CHECKS[criterion.rule](nominee, criterion)
            lines.append(Line(criterion, passed, evidence))
    return lines


def failures(lines: list[Line]) -> list[str]:
    """Why the sheet refuses the nominee: failed checks and judged criteria left unsupported."""
    reasons = [f"{line.criterion.text}: {line.evidence}" for line in lines if line.passed is False]
    reasons += [
        _("%(criterion)s: thiếu nội dung chứng minh.") % {"criterion": line.criterion.text}
        for line in lines
        if line.passed is None and not line.evidence
    ]
    return reasons


def eligibility_sheets(campaign: Campaign, people: list[Person]) -> dict[int, list[Line]]:
    """Sheets for many people at once: records loaded in a fixed number of queries, messages
    translated once."""
    criteria = list(campaign.criteria.all())
    records, phrases = Records(campaign, people), Phrases()
    return {
        person.pk: eligibility_sheet(
            Nominee(campaign, person, records=records, phrases=phrases), None, criteria
        )
        for person in people
    }
