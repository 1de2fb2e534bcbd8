"""Activating a member's account from an invitation: the code, the CCCD and the birth date must
all match (one answer whichever was wrong), then the password is set under the officials'
rules. The invitation is used once; a member who already has an account gets a new password
(an invitation is also how a member who forgot theirs gets back in)."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy

from congdoan.accounts.models import User
from congdoan.audit.services import audit_record
from congdoan.members.models import Person
from congdoan.members.services import open_membership
from congdoan.portal.invitations import MAX_FAILURES, code_matches, is_open
from congdoan.portal.models import Invitation, MemberAccount

WRONG_ANSWER = gettext_lazy(
    "Mã kích hoạt, số CCCD hoặc ngày sinh không khớp với lời mời. Hãy kiểm tra lại phiếu mời "
    "và giấy tờ của bạn."
)
NOT_OPEN = gettext_lazy(
    "Lời mời này đã được dùng, đã hết hạn hoặc đã bị thay bằng lời mời mới. Hãy đề nghị công "
    "đoàn của bạn cấp lời mời khác."
)


class WrongAnswer(ValidationError):
    """Code, CCCD or birth date wrong: never said which."""


def answers_match(invitation: Invitation, *, code: str, citizen_id: str, birth_date) -> bool:
    """All three checked every time, so the time taken does not say which one was wrong."""
    person = invitation.person
    code_ok = code_matches(invitation, code)
    typed_id = "".join((citizen_id or "").split())
    id_ok = constant_time_compare(typed_id, person.citizen_id or "-")
    birth_ok = birth_date is not None and birth_date == person.birth_date
    return code_ok and id_ok and birth_ok


@transaction.atomic
def count_failure(invitation: Invitation) -> None:
    """A wrong answer counts against the invitation; past MAX_FAILURES it closes."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    locked.failures += 1
    if locked.failures >= MAX_FAILURES and locked.closed_at is None:
        locked.closed_at = timezone.now()
    locked.save(update_fields=["failures", "closed_at"])


def _user_for(person: Person) -> User:
    account = MemberAccount.objects.select_related("user").filter(person=person).first()
    if account is not None:
        return account.user
    username = person.code
    if User.objects.filter(username=username).exists():
        username = f"{person.code}-dv"
    return User(username=username, first_name=person.full_name[:150])  # the Vietnamese order


def account_activate(
    *, invitation: Invitation, code: str, citizen_id: str, birth_date: date | None,
    password: str, today: date | None = None,
) -> User:  # fmt: skip
    """The member's account, activated (or given a new password) from the invitation."""
    today = today or timezone.localdate()
    if not is_open(invitation, today):
        raise ValidationError(str(NOT_OPEN), code="not_open")
    if not answers_match(invitation, code=code, citizen_id=citizen_id, birth_date=birth_date):
        count_failure(invitation)
        raise WrongAnswer(str(WRONG_ANSWER), code="wrong")
    return _activate(invitation, password, today)


@transaction.atomic
def _activate(invitation: Invitation, password: str, today: date) -> User:
    locked = Invitation.objects.select_for_update().select_related("person").get(pk=invitation.pk)
    if not is_open(locked, today):  # used by a request that passed the same checks first
        raise ValidationError(str(NOT_OPEN), code="not_open")
    person = locked.person
    user = _user_for(person)
    try:
        validate_password(password, user=user)
    except ValidationError as error:
        raise ValidationError({"password1": error.messages}) from None
    created = user.pk is None
    user.set_password(password)
    user.must_change_password = False
    user.save()
    now = timezone.now()
    if created:
        MemberAccount.objects.create(user=user, person=person, activated_at=now)
    locked.used_at = now
    locked.save(update_fields=["used_at", "updated_at"])
    membership = open_membership(person)
    audit_record(
        actor=user,
        action="member.activate",
        unit=membership.unit if membership else None,
        target=f"{person.code} {person.full_name}",
        after={"new_account": str(created)},
    )
    return user


@transaction.atomic
def account_create_activated(*, actor, person: Person, password: str) -> User:
    """An activated account without an invitation, for the demo's printed logins only."""
    user = _user_for(person)
    created = user.pk is None
    user.set_password(password)
    user.save()
    if created:
        MemberAccount.objects.create(user=user, person=person, activated_at=timezone.now())
    membership = open_membership(person)
    audit_record(
        actor=actor,
        action="member.activate",
        unit=membership.unit if membership else None,
        target=f"{person.code} {person.full_name}",
        after={"new_account": str(created)},
    )
    return user
