"""The user's own notices: a user reads only theirs."""

from __future__ import annotations

from django.db.models import QuerySet

from congdoan.notices.models import EmailChoice, Notice, Preference


def notices_of(user, *, limit: int = 100) -> list[Notice]:
    return list(Notice.objects.filter(user=user).order_by("-created_at", "-pk")[:limit])


def unread_of(user) -> QuerySet[Notice]:
    return Notice.objects.filter(user=user, read_at__isnull=True)


def email_choice(user) -> str:
    found = Preference.objects.filter(user=user).values_list("email", flat=True).first()
    return found or EmailChoice.DIGEST
