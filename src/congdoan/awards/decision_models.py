"""Decisions of a campaign (numbered in the issuer's yearly sequence) and the awards they give or
revoke; imported by models.py so that they belong to the awards app."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from congdoan.core.models import TimeStamped


class DecisionSequence(models.Model):
    """The last number an issuer gave its decisions in a year (locked when a number is taken)."""

    issuer = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "year"], name="one_sequence_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.issuer} {self.year}: {self.last}"


class DecisionKind(models.TextChoices):
    AWARD = "award", _("Khen thưởng")
    REVOKE = "revoke", _("Thu hồi")


class AwardDecision(TimeStamped):
    decision = models.OneToOneField("org.Decision", on_delete=models.PROTECT, related_name="+")
    issuer = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    campaign = models.ForeignKey(
        "awards.Campaign", on_delete=models.PROTECT, related_name="decisions"
    )
    kind = models.CharField(max_length=10, choices=DecisionKind.choices)
    sequence = models.PositiveIntegerField()
    year = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year", "sequence"], name="decision_number_once"
            )
        ]

    def __str__(self) -> str:
        return str(self.decision)


class Award(TimeStamped):
    """A title given by a decision; revoked by a later decision, it stays and is marked."""

    nomination = models.OneToOneField(
        "awards.Nomination", on_delete=models.PROTECT, related_name="award"
    )
    campaign = models.ForeignKey("awards.Campaign", on_delete=models.PROTECT, related_name="awards")
    title = models.ForeignKey("awards.Title", on_delete=models.PROTECT, related_name="awards")
    person = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, null=True, related_name="awards"
    )
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, null=True, related_name="awards")
    nominating_unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    decision = models.ForeignKey(AwardDecision, on_delete=models.PROTECT, related_name="awards")
    awarded_on = models.DateField()
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    revocation = models.ForeignKey(
        AwardDecision, on_delete=models.PROTECT, null=True, blank=True, related_name="revoked"
    )
    revoked_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-awarded_on", "pk"]
        indexes = [models.Index(fields=["title", "awarded_on"])]

    @property
    def revoked(self) -> bool:
        return self.revocation_id is not None

    @property
    def holder_name(self) -> str:
        return self.person.full_name if self.person_id else self.unit.latest_name
