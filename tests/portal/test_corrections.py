"""Correction requests: the member asks, the union's keeper accepts (through the registry's
update service, audited old → new) or refuses with a reason; bad requests write nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.audit.models import AuditEntry
from congdoan.portal.corrections import correction_accept, correction_refuse, correction_request
from congdoan.portal.models import CorrectionRequest, CorrectionStatus
from tests.members.registry import citizen_id
from tests.portal.members import member, member_user


@pytest.fixture
def mai(world):
    return member_user(world.dana, world.g1)


def test_the_member_asks_and_the_keeper_accepts(world, mai):
    user, person = mai
    client = Client()
    client.force_login(user)
    client.post(reverse("portal:corrections"), {"field": "job", "value": "Kỹ sư điện tử"})
    correction = CorrectionRequest.objects.get()
    assert correction.unit == world.g1 and correction.status == CorrectionStatus.WAITING
    keeper = Client()
    keeper.force_login(world.dana)
    assert (
        "Kỹ sư điện tử" in keeper.get(reverse("portal:queue", args=[world.g1.pk])).content.decode()
    )
    keeper.post(reverse("portal:decide", args=[correction.pk]), {"decision": "accept"})
    person.refresh_from_db()
    correction.refresh_from_db()
    assert person.job == "Kỹ sư điện tử" and correction.status == CorrectionStatus.ACCEPTED
    update = AuditEntry.objects.get(action="member.update")
    assert "Kỹ sư điện tử" in str(update.after)


def test_the_keeper_refuses_with_a_reason(world, mai):
    user, person = mai
    correction = correction_request(actor=user, person=person, field="hometown", value="Huế")
    with pytest.raises(ValidationError):
        correction_refuse(actor=world.dana, correction=correction, reason="")
    correction_refuse(actor=world.dana, correction=correction, reason="Chưa có giấy tờ kèm theo")
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.REFUSED
    client = Client()
    client.force_login(user)
    assert "Chưa có giấy tờ kèm theo" in client.get(reverse("portal:corrections")).content.decode()


def test_an_invalid_or_taken_citizen_id_is_refused_and_nothing_written(world, mai):
    user, person = mai
    other = member(world.alice, world.g4, full_name="Phan Thị Xa Lạ")
    for bad in ("12345", "001092000001x", other.citizen_id):
        with pytest.raises(ValidationError) as refused:
            correction_request(actor=user, person=person, field="citizen_id", value=bad)
        assert other.full_name not in " ".join(refused.value.messages)
    assert not CorrectionRequest.objects.exists()


def test_a_valid_citizen_id_is_taken_to_the_queue(mai):
    user, person = mai
    number = citizen_id(person.gender, person.birth_date, province="079")
    correction_request(actor=user, person=person, field="citizen_id", value=number)
    assert CorrectionRequest.objects.get().new_value == number


def test_only_the_member_asks_and_only_a_keeper_decides(world, mai):
    user, person = mai
    with pytest.raises(PermissionDenied):
        correction_request(actor=world.dana, person=person, field="job", value="Thợ máy")
    correction = correction_request(actor=user, person=person, field="job", value="Thợ máy")
    with pytest.raises(PermissionDenied):
        correction_accept(actor=world.frank, correction=correction)
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.WAITING


def test_one_waiting_request_per_field(mai):
    user, person = mai
    correction_request(actor=user, person=person, field="job", value="Thợ máy")
    with pytest.raises(ValidationError):
        correction_request(actor=user, person=person, field="job", value="Thợ điện")


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    field=st.sampled_from(["birth_date", "gender", "id_issued_on", "full_name", "nope"]),
    value=st.text(max_size=40),
)
def test_odd_values_are_refused_in_words_never_a_crash(mai, field, value):
    user, person = mai
    before = CorrectionRequest.objects.count()
    try:
        correction_request(actor=user, person=person, field=field, value=value)
    except ValidationError as error:
        assert error.messages
        assert CorrectionRequest.objects.count() == before
    else:
        CorrectionRequest.objects.all().delete()


def test_the_queue_logs_shown_sensitive_values_and_keeps_its_queries_few(
    world, django_assert_max_num_queries
):
    people = [member_user(world.dana, world.g1, full_name=f"Lý Thị {n}") for n in ("Na", "Nga")]
    for user, person in people:
        correction_request(actor=user, person=person, field="phone", value="0987654321")
    client = Client()
    client.force_login(world.dana)
    client.get(reverse("notifications:inbox"))  # the header's inbox count, cached after
    with django_assert_max_num_queries(20):
        body = client.get(reverse("portal:queue", args=[world.g1.pk])).content.decode()
    assert body.count("0987654321") == 2
    for _user, person in people:
        assert person.sensitive_reads.filter(username="dana").exists()
