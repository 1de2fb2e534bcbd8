"""Writing notices: `notify` is called by the write services of other apps inside their own
transaction (a nomination returned, an import finished, a transfer answered, a card approved),
so a notice is kept exactly when the step it tells of is. The user's own reading and e-mail
choice are the only other writes."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.accounts.scope import MEMBER_KEEPERS
from congdoan.notices.counts import forget_count
from congdoan.notices.models import EmailChoice, Notice, Preference


def notify(*, user, title: str, link: str = "", key: str = "") -> Notice | None:
    """Keep a notice for the user (in the caller's transaction). With a key, the user is told
    once: a second call with the same key keeps nothing and answers None. An inactive or missing
    user is not told."""
    if user is None or not user.is_active:
        return None
    fields = {"title": title[:500], "link": link[:500]}
    if key:
        notice, created = Notice.objects.get_or_create(user=user, key=key[:200], defaults=fields)
        if not created:
            return None
    else:
        notice = Notice.objects.create(user=user, **fields)
    user_id, notice_id = user.pk, notice.pk

    def told() -> None:
        from congdoan.notices.mail import mail_if_each  # the mail is sent once the step is kept

        forget_count(user_id)
        mail_if_each(notice_id)

    transaction.on_commit(told)
    return notice


def notify_all(users, *, title: str, link: str = "", key: str = "") -> list[Notice]:
    return [
        notice
        for user in users
        if (notice := notify(user=user, title=title, link=link, key=key)) is not None
    ]


def keepers_of(unit) -> QuerySet:
    """The active users who keep the unit's registry through a role on the unit itself."""
    return (
        get_user_model()
        .objects.filter(is_active=True, roles__unit=unit, roles__kind__in=MEMBER_KEEPERS)
        .distinct()
        .order_by("pk")
    )


@transaction.atomic
def notices_mark_read(*, actor) -> int:
    """Mark every unread notice of the actor read (their own, and only theirs)."""
    if not getattr(actor, "is_authenticated", False):
        return 0
    done = Notice.objects.filter(user=actor, read_at__isnull=True).update(read_at=timezone.now())
    transaction.on_commit(lambda: forget_count(actor.pk))
    return done


@transaction.atomic
def email_choose(*, actor, choice: str) -> Preference:
    """The actor's own choice of e-mail: each notice, a daily digest, or none."""
    if choice not in EmailChoice.values:
        raise ValidationError(_("Cách nhận thư không hợp lệ."))
    preference, _created = Preference.objects.update_or_create(
        user=actor, defaults={"email": choice}
    )
    return preference
