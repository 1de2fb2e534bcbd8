"""Every write service is named here; every one that changes an existing row records the fields
that changed with their old and new values (and only those)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from datetime import date
from decimal import Decimal

import congdoan
from congdoan.activities.services import ActivityInput, activity_update, target_set
from congdoan.audit.changes import changed_fields, mask, snapshot
from congdoan.audit.models import AuditEntry
from congdoan.members.cards import card_approve, card_issue, card_print, card_request
from congdoan.members.officials import official_appoint, official_end
from congdoan.members.referrals import referral_advance, referral_create
from congdoan.members.services import member_exit, member_transfer, member_update
from congdoan.org.models import Position, Term
from congdoan.org.services import unit_move, unit_rename
from tests.activities.helpers import record
from tests.factories import decision
from tests.members.registry import admit, person

# Services that change rows already there: each must pass what changed to the trail.
UPDATES = {
    "unit_rename", "unit_move", "unit_end", "units_merge", "unit_split", "official_end",
    "activity_update", "target_set", "card_approve", "card_issue", "referral_advance",
    "member_transfer", "member_exit", "member_update", "publish", "objection_resolve", "revoke",
    "party_confirm", "upper_approve", "nomination_return", "nomination_resubmit", "score_give",
    "scorecard_set_thresholds", "criterion_update", "cluster_end_member", "cluster_set_leads",
    "covenant_set", "rating_check", "rating_publish", "rating_reopen", "term_update",
    "card_print", "card_replace", "application_admit", "application_refuse",
    "transfer_accept", "transfer_refuse", "transfer_cancel",
    "employer_set", "dues_return_record", "levy_return_record",
}  # fmt: skip
# Services that only add rows, or change many rows at once, or must not copy what they erase.
OTHERS = {
    "unit_establish": "adds a unit: its first version in full",
    "official_appoint": "adds a post",
    "term_open": "adds a term (and closes the one before through official_end and a snapshot)",
    "term_elect": "adds a post (official_appoint)",
    "term_unelect": "deletes a post: before = the post",
    "activity_record": "adds an activity: all its fields",
    "card_request": "adds a card request",
    "referral_create": "adds a referral",
    "planning_introduce": "adds an introduction for leadership planning: all its fields",
    "member_admit": "adds people",
    "members_admit": "adds people",
    "member_readmit": "adds a membership",
    "deidentify_person": "erases: the append-only trail must not keep what it erased",
    "exclusion_record": "adds an exclusion",
    "campaign_create": "adds a campaign",
    "nominate_from_proposals": "adds nominations",
    "nominate": "adds a nomination: all its fields (before = {})",
    "objection_record": "adds an objection",
    "decide": "awards many nominations at once: the decision number and the count",
    "recuse": "a score row withdrawn: the event with its reason",
    "council_close": "ranks every nomination at once: the counts",
    "role_grant": "adds a role",
    "role_revoke": "deletes a role: before = the role",
    "scorecard_copy": "adds a scorecard",
    "criterion_add": "adds a criterion",
    "criterion_remove": "deletes a criterion: its code and title",
    "criterion_move": "renumbers criteria: the old and new code",
    "sheet_submit": "adds a score sheet",
    "round_finalise": "ranks every unit at once: the ranks",
    "round_reopen": "adds a reopening with its reason",
    "cluster_create": "adds a cluster",
    "cluster_add_member": "adds a member unit",
    "covenant_set_targets": "sets many targets at once: the values",
    "covenant_sign": "adds a signing",
    "rating_self_score": "adds or rewrites a self-score: the total and class",
    "ratings_publish_many": "adds published ratings: per union the total, class and day",
    "verify_code": "checks a second-factor code: only the device's own counters change",
    "token_create": "adds an API token: its name, read-only flag and expiry (never the secret)",
    "token_revoke": "revokes an API token: revoked_at before and after",
    "cards_print": "prints many cards at once: each through card_print",
    "cards_issue": "hands many cards over at once: each through card_issue",
    "signing_key": "adds a federation's first signing key (never the private half)",
    "programme_create": "adds a care programme: its name, period, ceiling and repeat flag",
    "supports_record": "adds supports to people in a care programme: the count and the money",
    "totals_record": "adds or rewrites a union's care totals: money by source before and after",
    "rotate_key": "retires a signing key and adds the next: no registry row changes",
    "next_number": "draws the next card number of a series: a counter",
    "application_submit": "adds an application (public, no actor): its reference",
    "invitation_issue": "adds an invitation: its expiry (never the token or the code)",
    "invitations_for_union": "adds invitations: one entry each, as invitation_issue",
    "count_failure": "a wrong activation answer: the invitation's own counter",
    "_activate": "activates a member account (a new one, or a new password)",
    "account_create_activated": "the demo's activated member accounts: as _activate",
    "correction_request": "adds a correction request: the field named, not its values",
    "correction_accept": "the change goes through member_update (old → new)",
    "correction_refuse": "closes a correction request: the field and the reason",
    "transfer_request": "adds a transfer request: the receiving union and the note",
    "certificate_upload": "adds a unit's signing certificate: its fingerprint (never the key)",
    "signer_name": "adds a signer post: user, name and title",
    "signer_remove": "deletes a signer post: before = the post",
    "trust_root_add": "adds a trust root: its fingerprint",
    "paper_issue": "adds an issued paper: its hash and whether it is signed",
    "pdf_check": "keeps an uploaded PDF's check under its hash (a cache, no actor)",
    "covenant_issue": "adds the covenant's issued paper through paper_issue (audited there)",
    "minutes_issue": "adds the council minutes' signed paper through paper_issue (audited there)",
    "report_issue": "adds an issued report: its number, date, period, the paper's hash",
    "notices_mark_read": "the actor's own notices marked read: their read time, no trail",
    "email_choose": "the actor's own e-mail choice for notices: no registry row changes",
    "deadlines_remind": "the day's deadline reminders: notices only, no registry row changes",
    "remittance_record": "adds a remittance between levels: kind, direction, amount, day",
    "month_close": "adds an upper level's closing of a month: the month",
}
# A snapshot before the change, or (org) the rows collector that _move/_end fill with one.
# finance's `_keep_month` snapshots the month's return before rewriting it (tests/finance).
SNAPSHOT_MARKS = ("snapshot(", "audit_rows=rows", "_keep_month(")


def write_services():
    """Every function in the app's modules decorated with @transaction.atomic."""
    found = {}
    for info in pkgutil.walk_packages(congdoan.__path__, "congdoan."):
        if any(part in info.name for part in ("migrations", "management", "views", "tests")):
            continue
        module = importlib.import_module(info.name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            wrapped = getattr(function, "__wrapped__", None)
            code = function.__code__  # ContextDecorator's "inner", not a @contextmanager's helper
            atomic = code.co_filename.endswith("contextlib.py") and code.co_name == "inner"
            if wrapped is not None and atomic and wrapped.__module__ == info.name:
                found[name] = wrapped
    return found


def test_every_write_service_is_described():
    services = write_services()
    assert set(services) == UPDATES | set(OTHERS), "describe new write services here"


def test_every_update_service_snapshots_what_it_changes():
    for name in UPDATES:
        source = inspect.getsource(write_services()[name])
        assert any(mark in source for mark in SNAPSHOT_MARKS), name


def _assert_recorded(action: str, instance, before: dict, **expected) -> AuditEntry:
    """The last entry of the action holds exactly the fields that changed in the database."""
    instance.refresh_from_db()
    old, new = changed_fields(instance, before, snapshot(instance))
    assert old, f"{action}: the case changed nothing"
    entry = AuditEntry.objects.filter(action=action).latest("id")
    assert entry.before == old, action
    assert {key: entry.after[key] for key in new} == new, action
    for key, (was, now) in expected.items():
        assert (entry.before[key], entry.after[key]) == (was, now), (action, key)
    return entry


def test_the_member_edit_that_changed_six_fields_records_the_six(world):
    found = admit(world.dana, world.g1, person(phone="0912345678", job="Công nhân")).person
    before = snapshot(found)
    data = person(
        "Nguyễn Đức Nhân",
        citizen_id=found.citizen_id,
        phone="0987654321",
        job="Tổ trưởng",
        hometown="Nam Định",
        education="12/12",
        qualification="Kỹ sư",
        address="Số 5 Kim Liên",
    )
    member_update(actor=world.dana, person=found, data=data)
    entry = _assert_recorded(
        "member.update",
        found,
        before,
        job=("Công nhân", "Tổ trưởng"),
        hometown=("", "Nam Định"),
        education=("", "12/12"),
        qualification=("", "Kỹ sư"),
    )
    assert set(entry.after) == {"phone", "job", "hometown", "education", "qualification", "address"}
    assert (entry.before["phone"], entry.after["phone"]) == ("0912****78", "0987****21")
    assert entry.after["address"] == "***"  # sensitive: compared in full, kept masked
    assert (entry.unit_code, entry.actor_username) == ("G1", "dana")


def test_a_registry_edit_that_changes_nothing_writes_nothing(world):
    found = admit(world.dana, world.g1).person
    entries = AuditEntry.objects.count()
    member_update(actor=world.dana, person=found, data=person(citizen_id=found.citizen_id))
    assert AuditEntry.objects.count() == entries


def test_masking_keeps_a_hint_of_numbers_only():
    assert mask("001088000113") == "0010******13"
    assert mask("Kinh") == "***" and mask(None) is None and mask("") == ""


def test_each_update_service_of_the_registry_and_the_tree_records_its_changes(world):
    """The walk: each update service run once, its entry compared with the database."""
    walked = set()

    def case(name, action, instance, run, **expected):
        before = snapshot(instance)
        run()
        _assert_recorded(action, instance, before, **expected)
        walked.add(name)

    member = admit(world.dana, world.g1, joined_on=date(2020, 3, 2)).person
    membership = member.memberships.get()
    card = card_request(actor=world.dana, person=member, on=date(2021, 1, 1))
    case(
        "card_approve",
        "card.approve",
        card,
        lambda: card_approve(actor=world.charlie, card=card, on=date(2021, 1, 5)),
        approved_on=(None, "2021-01-05"),
    )
    case(
        "card_print",
        "card.print",
        card,
        lambda: card_print(actor=world.dana, card=card, on=date(2021, 2, 1)),
        printed_on=(None, "2021-02-01"),
    )
    case(
        "card_issue",
        "card.issue",
        card,
        lambda: card_issue(actor=world.dana, card=card, on=date(2021, 2, 3)),
        issued_on=(None, "2021-02-03"),
    )
    referral = referral_create(
        actor=world.dana,
        person=member,
        resolution_number="05/NQ-CĐCS",
        resolution_on=date(2021, 5, 1),
        party_cell="Chi bộ 1",
        co_introducer="Trần Văn Tâm",
    )
    case(
        "referral_advance",
        "referral.advance",
        referral,
        lambda: referral_advance(
            actor=world.dana, referral=referral, status="in_training", on=date(2021, 6, 1)
        ),
        status=("Đã giới thiệu", "Đang bồi dưỡng"),
    )
    term = Term.objects.create(unit=world.g1, name="2023–2028", starts_on=date(2023, 5, 1))
    post = official_appoint(
        actor=world.dana,
        unit=world.g1,
        person=member,
        position=Position.objects.get(code="chair"),
        term=term,
        starts_on=date(2023, 5, 1),
    )
    case(
        "official_end",
        "official.end",
        post,
        lambda: official_end(actor=world.dana, official=post, ends_on=date(2025, 1, 1)),
        ends_on=(None, "2025-01-01"),
    )
    case(
        "member_transfer",
        "member.transfer",
        membership,
        lambda: member_transfer(
            actor=world.charlie, person=member, to_unit=world.g2, on=date(2024, 1, 1)
        ),
        ended_on=(None, "2024-01-01"),
    )
    arrived = member.memberships.get(ended_on__isnull=True)
    case(
        "member_exit",
        "member.exit",
        arrived,
        lambda: member_exit(
            actor=world.charlie, person=member, on=date(2025, 2, 1), kind="retirement"
        ),
        ended_on=(None, "2025-02-01"),
    )
    activity = record(world.dana, world.g1, "training", date(2025, 3, 1), people=40)
    data = ActivityInput(
        activity_type=activity.activity_type, title="Tập huấn ATVSLĐ", started_on=date(2025, 3, 1)
    )
    data.people = 45
    case(
        "activity_update",
        "activity.update",
        activity,
        lambda: activity_update(
            actor=world.dana, activity=activity, data=data, today=date(2025, 6, 1)
        ),
        people=(40, 45),
    )
    period = {
        "unit": world.g1,
        "metric": "members.admitted",
        "starts_on": date(2025, 1, 1),
        "ends_on": date(2025, 12, 31),
        "basis": "assigned",
    }
    goal = target_set(actor=world.charlie, value=100, **period)
    case(
        "target_set",
        "target.change",
        goal,
        lambda: target_set(actor=world.charlie, value=120, **period),
        value=(100, 120),
    )
    entry_count = AuditEntry.objects.filter(action="org.rename").count()
    unit_rename(
        actor=world.bob,
        unit=world.g2,
        name="Công đoàn Trường Tiểu học Kim Liên mới",
        effective=date(2025, 7, 1),
        decision=decision(),
    )
    renamed = AuditEntry.objects.filter(action="org.rename").latest("id")
    assert AuditEntry.objects.filter(action="org.rename").count() == entry_count + 1
    assert renamed.before == {"name": "Công đoàn Trường Tiểu học Kim Liên"}
    assert renamed.after["name"] == "Công đoàn Trường Tiểu học Kim Liên mới"
    walked.add("unit_rename")
    unit_move(
        actor=world.bob,
        unit=world.g1,
        new_parent=world.kl,
        effective=date(2025, 7, 1),
        decision=decision(),
    )
    moved = AuditEntry.objects.filter(action="org.move", unit=world.g1).latest("id")
    assert moved.before == {"parent": "DD"} and moved.after["parent"] == "KL"
    walked.add("unit_move")
    assert walked <= UPDATES and len(walked) == 11


def test_decimal_values_compare_by_value():
    from congdoan.audit.changes import plain

    assert plain(Decimal("90.00")) == plain(Decimal("90")) == "90"
