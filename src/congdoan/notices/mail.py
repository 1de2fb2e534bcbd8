"""E-mail of notices through Django's mail (SMTP from the environment; the console in
development): each notice as it is kept for users who chose so, else one digest a day."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.core.text import format_date
from congdoan.notices.models import EmailChoice, Notice
from congdoan.notices.selectors import email_choice

logger = logging.getLogger("congdoan.notices")

# A line of a digest beside the notices: what waits on the user (title, unit, link).
Waiting = Callable[[object], Iterable[tuple[str, str, str]]]


def absolute(link: str) -> str:
    return f"{settings.CONGDOAN_SITE_URL}{link}" if link.startswith("/") else link


def _send(user, subject: str, body: str) -> bool:
    try:
        send_mail(subject, body, None, [user.email])
    except OSError:  # SMTP down or refusing: the notice stays in the inbox all the same
        logger.warning("Notice mail to user %s not sent", user.pk, exc_info=True)
        return False
    return True


def mail_if_each(notice_id: int) -> bool:
    """Send the notice now when its user chose one mail for each notice."""
    notice = Notice.objects.select_related("user").filter(pk=notice_id).first()
    if notice is None or not notice.user.email or notice.mailed_at is not None:
        return False
    if email_choice(notice.user) != EmailChoice.EACH:
        return False
    body = "\n".join(line for line in (notice.title, absolute(notice.link)) if line)
    if not _send(notice.user, notice.title, body):
        return False
    Notice.objects.filter(pk=notice.pk).update(mailed_at=timezone.now())
    return True


def _digest_users():
    digest = Q(notice_preference__isnull=True) | Q(notice_preference__email=EmailChoice.DIGEST)
    # Officers (steps may wait on them) and whoever has a notice not yet mailed: the member
    # accounts of the portal, many and with nothing waiting, are not walked through.
    unmailed = Notice.objects.filter(mailed_at__isnull=True, read_at__isnull=True)
    concerned = Q(roles__isnull=False) | Q(pk__in=unmailed.values("user_id"))
    users = get_user_model().objects.filter(digest, concerned, is_active=True).exclude(email="")
    return users.distinct().order_by("pk")


def send_digests(*, on: date, waiting: Waiting | None = None) -> int:
    """One mail to each user who chose the daily digest and has notices not yet mailed or steps
    waiting on them. The notices mailed are marked so; the number of mails sent is returned."""
    sent = 0
    for user in _digest_users():
        notices = list(
            Notice.objects.filter(user=user, mailed_at__isnull=True, read_at__isnull=True)
        )
        steps = list(waiting(user)) if waiting is not None else []
        if not notices and not steps:
            continue
        lines = [_("Thông báo ngày %(day)s") % {"day": format_date(on)}, ""]
        if notices:
            lines.append(_("Thông báo mới:"))
            lines += [f"- {n.title} {absolute(n.link)}".rstrip() for n in notices]
            lines.append("")
        if steps:
            lines.append(_("Việc đang chờ bạn:"))
            lines += [f"- {title} ({unit}) {absolute(link)}" for title, unit, link in steps]
            lines.append("")
        lines.append(absolute("/notifications/"))
        subject = _("Hộp việc: %(notices)s thông báo, %(steps)s việc đang chờ") % {
            "notices": len(notices),
            "steps": len(steps),
        }
        if _send(user, subject, "\n".join(lines)):
            Notice.objects.filter(pk__in=[n.pk for n in notices]).update(mailed_at=timezone.now())
            sent += 1
    return sent
