"""Activation from an invitation: the code, CCCD and birth date (one answer whichever is
wrong), single use, expiry, throttling; then the member signs in with the new password."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from congdoan.audit.models import AuditEntry
from congdoan.portal.invitations import MAX_FAILURES, invitation_issue
from congdoan.portal.models import Invitation, MemberAccount
from tests.portal.members import PASSWORD, member

WRONG = "Mã kích hoạt, số CCCD hoặc ngày sinh không khớp với lời mời"
NOT_OPEN = "Lời mời này đã được dùng, đã hết hạn"


@pytest.fixture
def invited(world):
    person = member(world.dana, world.g1)
    return person, invitation_issue(actor=world.dana, person=person)


def _answers(person, issued, **changes) -> dict:
    answers = {
        "code": issued.code_shown,
        "citizen_id": person.citizen_id,
        "birth_date": person.birth_date.strftime("%d/%m/%Y"),
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    return {**answers, **changes}


def test_the_member_activates_signs_in_and_sees_their_record(invited):
    person, issued = invited
    client = Client()
    response = client.post(issued.path, _answers(person, issued))
    assert response.status_code == 302 and response["Location"] == reverse("portal:me")
    assert MemberAccount.objects.get(person=person).user.username == person.code
    assert AuditEntry.objects.filter(action="member.activate").count() == 1
    other = Client()
    other.post(reverse("login"), {"username": person.citizen_id, "password": PASSWORD})
    assert person.full_name in other.get(reverse("portal:me")).content.decode()


@pytest.mark.parametrize("wrong", ["code", "citizen_id", "birth_date"])
def test_any_wrong_answer_gets_the_same_refusal_and_writes_nothing(invited, wrong):
    person, issued = invited
    bad = {"code": "AAAA-BBBB", "citizen_id": "001999000001", "birth_date": "01/01/1970"}[wrong]
    response = Client().post(issued.path, _answers(person, issued, **{wrong: bad}))
    body = response.content.decode()
    assert response.status_code == 200
    assert WRONG in body
    assert not MemberAccount.objects.exists()
    assert Invitation.objects.get().used_at is None


def test_the_code_works_once(invited):
    person, issued = invited
    Client().post(issued.path, _answers(person, issued))
    again = Client().post(issued.path, _answers(person, issued, password1="khac-han-mat-khau-99"))
    assert again.status_code == 410 and NOT_OPEN in again.content.decode()


def test_an_expired_invitation_is_refused(invited):
    person, issued = invited
    Invitation.objects.update(expires_on=timezone.localdate() - timedelta(days=1))
    response = Client().post(issued.path, _answers(person, issued))
    assert response.status_code == 410 and NOT_OPEN in response.content.decode()
    assert not MemberAccount.objects.exists()


def test_a_new_invitation_closes_the_old_one(world, invited):
    person, first = invited
    invitation_issue(actor=world.dana, person=person)
    response = Client().post(first.path, _answers(person, first))
    assert response.status_code == 410


def test_an_unknown_link_is_not_found(db):
    assert Client().get(reverse("portal:activate", args=["khongcomanay"])).status_code == 404


def test_wrong_answers_are_throttled_then_close_the_invitation(settings, invited):
    person, issued = invited
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(issued.path, _answers(person, issued, code="AAAA-BBBB"))
    locked = client.post(issued.path, _answers(person, issued))
    assert locked.status_code == 429
    assert not MemberAccount.objects.exists()
    settings.AXES_FAILURE_LIMIT = 100  # past the address lock: the invitation's own limit
    for _attempt in range(MAX_FAILURES):
        client.post(issued.path, _answers(person, issued, code="AAAA-BBBB"))
    assert Invitation.objects.get().closed_at is not None


def test_a_weak_password_is_refused_after_the_right_answers(invited):
    person, issued = invited
    response = Client().post(
        issued.path, _answers(person, issued, password1="123", password2="123")
    )
    assert response.status_code == 200
    assert "12" in response.content.decode()  # the length rule
    assert not MemberAccount.objects.exists()
    assert Invitation.objects.get().used_at is None


def test_an_officer_cannot_invite_outside_or_without_proof(world):
    from django.core.exceptions import PermissionDenied, ValidationError

    person = member(world.alice, world.g4, full_name="Ngô Văn Xa")
    with pytest.raises(PermissionDenied):
        invitation_issue(actor=world.dana, person=person)
    near = member(world.dana, world.g1, full_name="Ngô Văn Gần")
    near.citizen_id = None
    near.save()
    with pytest.raises(ValidationError):
        invitation_issue(actor=world.dana, person=near)
    assert not Invitation.objects.exists()
