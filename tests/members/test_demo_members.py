"""`congdoan demo` gives every grassroots union members whose records add up to the seed
articles' figures and keep the rules the registry's services keep."""

from datetime import date, timedelta

from django.db.models import Count, F, Min, Q

from congdoan.demo import facts
from congdoan.members.counts import member_figures, memberships_on, period_figures
from congdoan.members.models import EntryKind, ExitKind, Membership, PartyReferral, Person
from congdoan.members.referrals import REFERRAL_AGES
from congdoan.members.validation import PersonData, age_on, clean_person
from congdoan.org.models import Level, Unit
from congdoan.org.selectors import display_version


def _version(code: str, day: date):
    return display_version(Unit.objects.get(code=code), day)


def check_my_duc_admitted_554_and_founded_15_in_2020_up_to_30_september():
    start, end = facts.MY_DUC_WINDOW
    figures = period_figures(_version("LDLD-MY-DUC", end), start, end)
    assert (figures.admitted, figures.grassroots_established) == (554, 15)


def check_thanh_tri_introduced_1234_members_to_the_party_in_its_term():
    term = Unit.objects.get(code="LDLD-THANH-TRI").terms.get(name="2018–2023")
    assert (term.starts_on, term.ends_on) == (date(2018, 7, 1), date(2023, 6, 30))
    figures = period_figures(_version("LDLD-THANH-TRI", term.ends_on), term.starts_on, term.ends_on)
    assert figures.referred == 1234
    assert 0.3 < figures.referrals_admitted / figures.referred < 0.7


def check_kim_lien_took_5135_members_on_1_july_2025():
    day = facts.REFORM_EFFECTIVE
    assert member_figures(_version("CD-PHUONG-KIM-LIEN", day), day).members == 5135


def check_a_sample_of_people_passes_clean_person():
    for person in Person.objects.exclude(citizen_id=None).order_by("pk")[::250]:
        data = PersonData(
            full_name=person.full_name,
            gender=person.gender,
            birth_date=person.birth_date,
            citizen_id=person.citizen_id,
            id_issued_on=person.id_issued_on,
            id_issued_by=person.id_issued_by,
            hometown=person.hometown,
            ethnicity=person.ethnicity,
            religion=person.religion,
            job=person.job,
            phone=person.phone,
            party_joined_on=person.party_joined_on,
            party_confirmed_on=person.party_confirmed_on,
        )
        values = clean_person(data, joined_on=person.union_joined_on, existing=person)
        assert (values["family_name"], values["given_name"]) == (
            person.family_name,
            person.given_name,
        )
        assert date(1960, 1, 1) <= person.birth_date <= date(2004, 12, 31)
        assert age_on(person.birth_date, person.union_joined_on) >= 18


def check_memberships_keep_the_service_rules():
    memberships = Membership.objects.all()
    assert not memberships.exclude(unit__unit_type__level=Level.GRASSROOTS).exists()
    assert not memberships.filter(started_on__lt=F("unit__established_on")).exists()
    assert not memberships.filter(started_on__gte=F("unit__ended_on")).exists()
    open_twice = (
        memberships.filter(ended_on__isnull=True).values("person").annotate(n=Count("id"))
    ).filter(n__gt=1)
    assert not open_twice.exists()
    first = Person.objects.annotate(first=Min("memberships__started_on"))
    assert not first.exclude(first=F("union_joined_on")).exists()
    transfers_out = memberships.filter(exit_kind=ExitKind.TRANSFER).count()
    assert transfers_out == memberships.filter(entry_kind=EntryKind.TRANSFER).count() > 0


def check_members_of_moved_unions_stay_in_the_same_union():
    """On 1/7/2025 Kim Liên counts the very memberships Đống Đa counted the day before."""
    day = facts.REFORM_EFFECTIVE
    day_before = day - timedelta(days=1)
    after = set(memberships_on(_version("CD-PHUONG-KIM-LIEN", day), day).values_list("pk"))
    units = {m.unit_id for m in Membership.objects.filter(pk__in=[pk for (pk,) in after])}
    before = memberships_on(_version("LDLD-DONG-DA", day_before), day_before)
    before = set(before.filter(unit_id__in=units).values_list("pk"))
    changed = Membership.objects.filter(pk__in=[pk for (pk,) in after ^ before])
    assert len(after) > 5000
    assert not changed.exclude(Q(started_on=day) | Q(ended_on=day)).exists()


def check_referrals_follow_the_party_charter():
    for referral in PartyReferral.objects.select_related("person")[::50]:
        person = referral.person
        age = age_on(person.birth_date, referral.resolution_on)
        assert REFERRAL_AGES[0] <= age <= REFERRAL_AGES[1]
        member_then = person.memberships.filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=referral.resolution_on),
            unit=referral.unit,
            started_on__lte=referral.resolution_on,
        )
        assert member_then.exists()
        assert person.party_joined_on is None or person.party_joined_on > referral.resolution_on


def check_the_registry_looks_like_a_hanoi_workforce():
    people = Person.objects.count()
    assert 20_000 <= people <= 40_000
    assert 0.40 < Person.objects.filter(gender="F").count() / people < 0.50
    assert Person.objects.filter(ethnicity__name="Kinh").count() / people > 0.9
    assert 0.02 < Person.objects.exclude(party_joined_on=None).count() / people < 0.1
    assert Membership.objects.exclude(exit_kind__in=["", ExitKind.TRANSFER]).count() > 0
    every_union = Unit.objects.filter(unit_type__level=Level.GRASSROOTS)
    assert not every_union.filter(memberships__isnull=True).exists()


def check_asti_members_carry_cards_and_some_wait_at_each_step():
    from congdoan.members.models import CardStatus, UnionCard

    cards = UnionCard.objects.filter(person__memberships__unit__code="CDCS-ASTI")
    statuses = dict(cards.values_list("status").annotate(n=Count("id")))
    assert statuses[CardStatus.REQUESTED] == 3 and statuses[CardStatus.APPROVED] == 2
    assert statuses[CardStatus.PRINTED] == 3  # two to hand over and the lost card's successor
    assert statuses[CardStatus.ISSUED] > 30 and statuses[CardStatus.REVOKED] == 1
    handed = cards.filter(status__in=[CardStatus.PRINTED, CardStatus.ISSUED])
    assert not handed.filter(token="").exists() and not handed.filter(number=None).exists()
    from congdoan.joining.models import Application

    waiting = Application.objects.filter(unit__code="CDCS-ASTI", status="waiting")
    assert waiting.count() == 3 and waiting.exclude(nationality="").count() == 1


def check_one_transfer_waits_for_asti_to_answer():
    from congdoan.accounts.models import User
    from congdoan.members.models import TransferRequest
    from congdoan.members.transfer_selectors import transfer_requests_waiting_on
    from congdoan.org.selectors import last_version

    waiting = TransferRequest.objects.get(status="waiting")
    assert (waiting.from_unit.code, waiting.to_unit.code) == ("CDCS-CHUA-HUONG", "CDCS-ASTI")
    parents = {last_version(unit).parent_id for unit in (waiting.from_unit, waiting.to_unit)}
    assert len(parents) == 2  # two upper-level unions
    for username in ("asti", "thanhpho"):  # ASTI is kept by the city federation directly
        (shown,) = transfer_requests_waiting_on(User.objects.get(username=username))
        assert shown.member_name == waiting.person.full_name


def check_all():
    """Run by tests/test_demo.py on its one build of the demo."""
    check_one_transfer_waits_for_asti_to_answer()
    check_asti_members_carry_cards_and_some_wait_at_each_step()
    check_my_duc_admitted_554_and_founded_15_in_2020_up_to_30_september()
    check_thanh_tri_introduced_1234_members_to_the_party_in_its_term()
    check_kim_lien_took_5135_members_on_1_july_2025()
    check_a_sample_of_people_passes_clean_person()
    check_memberships_keep_the_service_rules()
    check_members_of_moved_unions_stay_in_the_same_union()
    check_referrals_follow_the_party_charter()
    check_the_registry_looks_like_a_hanoi_workforce()
