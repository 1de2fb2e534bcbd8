"""Everything the system holds about a member, gathered for the member themselves: /me/, and
the downloads of all their data (JSON, PDF).

Reading one's own sensitive fields is not logged as a sensitive read: the log answers "who
read my data", and the member is its subject, not a reader (their sign-ins and requests are in
the audit trail). Whoever else reads them is logged as before (members/privacy.py)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from congdoan.awards.selectors import person_awards
from congdoan.emulation.models import QualityRating, RatingStatus
from congdoan.members.models import Person, SensitiveRead
from congdoan.members.privacy import Shown, reads_of, shown
from congdoan.members.selectors import person_history
from congdoan.org.selectors import named_rows
from congdoan.portal.corrections import field_label
from congdoan.portal.selectors import requests_of

READS_SHOWN = 50


@dataclass
class OwnRecord:
    person: Person
    sensitive: Shown
    history: list
    current: object
    posts: list
    awards: list
    referrals: list
    ratings: list
    corrections: list


def own_record(person: Person) -> OwnRecord:
    history = person_history(person)
    current = next((m for m in history if m.ended_on is None), None)
    ratings = []
    if current is not None:
        ratings = list(
            QualityRating.objects.filter(unit=current.unit, status=RatingStatus.PUBLISHED).order_by(
                "-year"
            )[:5]
        )
    corrections = list(requests_of(person)[:20])
    for correction in corrections:
        correction.field_label = field_label(correction.field)
    return OwnRecord(
        person=person,
        sensitive=shown(person, full=True),
        history=history,
        current=current,
        posts=named_rows(person.posts.select_related("unit", "position").order_by("-starts_on")),
        awards=list(person_awards(person).order_by("-awarded_on")),
        referrals=list(person.referrals.select_related("unit").order_by("-resolution_on")),
        ratings=ratings,
        corrections=corrections,
    )


def who_read(person: Person) -> list[SensitiveRead]:
    """The latest readings of the member's sensitive fields by anyone."""
    return list(reads_of(person)[:READS_SHOWN])


def _plain(value):
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def as_data(record: OwnRecord, site: str) -> dict:
    """The record as plain data (the JSON download; the PDF prints the same)."""
    person, sensitive = record.person, record.sensitive
    return {
        "code": person.code,
        "full_name": person.full_name,
        "birth_date": _plain(person.birth_date),
        "gender": person.get_gender_display(),
        "citizen_id": person.citizen_id,
        "id_issued_on": _plain(person.id_issued_on),
        "id_issued_by": person.id_issued_by,
        "hometown": person.hometown,
        "ethnicity": sensitive.ethnicity,
        "religion": sensitive.religion,
        "education": person.education,
        "qualification": person.qualification,
        "job": person.job,
        "phone": person.phone,
        "address": person.address,
        "health": person.health,
        "sensitive_consent_on": _plain(person.sensitive_consent_on),
        "union_joined_on": _plain(person.union_joined_on),
        "party_joined_on": _plain(person.party_joined_on),
        "party_confirmed_on": _plain(person.party_confirmed_on),
        "memberships": [
            {
                "union": m.unit_name,
                "from": _plain(m.started_on),
                "to": _plain(m.ended_on),
                "entry": m.get_entry_kind_display(),
                "exit": m.get_exit_kind_display(),
            }
            for m in record.history
        ],
        "posts": [
            {
                "position": str(p.position),
                "unit": p.unit.latest_name,
                "from": _plain(p.starts_on),
                "to": _plain(p.ends_on),
            }
            for p in record.posts
        ],
        "awards": [
            {
                "title": a.title.name,
                "year": a.campaign.year,
                "decision": a.decision.decision.number if a.decision_id else "",
                "awarded_on": _plain(a.awarded_on),
                "revoked": a.revoked,
                "verify_url": site + reverse("awards:verify", args=[a.token]),
            }
            for a in record.awards
        ],
        "party_referrals": [
            {
                "union": r.unit.latest_name,
                "resolution": r.resolution_number,
                "on": _plain(r.resolution_on),
                "party_cell": r.party_cell,
                "status": r.get_status_display(),
                "admitted_on": _plain(r.admitted_on),
            }
            for r in record.referrals
        ],
        "union_quality": [{"year": q.year, "class": q.get_klass_display()} for q in record.ratings],
        "correction_requests": [
            {
                "field": c.field_label,
                "from": c.old_value,
                "to": c.new_value,
                "status": c.get_status_display(),
                "asked_at": _plain(c.created_at),
                "refusal_reason": c.refusal_reason,
            }
            for c in record.corrections
        ],
    }
