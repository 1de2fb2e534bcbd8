"""Signing keys per federation and the series card numbers are drawn from."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SigningKey(models.Model):
    """One Ed25519 key of a federation. The newest open key signs its cards; a retired key signs
    nothing more and still verifies every card it signed. The private half is kept encrypted
    (PKCS#8, with CONGDOAN_CARD_KEY_SECRET or else SECRET_KEY); the public half is plain, so
    verification needs no secret at all."""

    federation = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="card_keys", verbose_name=_("LĐLĐ")
    )
    public_key = models.BinaryField(_("khóa công khai"), max_length=32)
    private_key = models.BinaryField(_("khóa bí mật (đã mã hóa)"))
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    retired_at = models.DateTimeField(_("thôi ký từ"), null=True, blank=True)

    class Meta:
        verbose_name = _("khóa ký thẻ")
        verbose_name_plural = _("khóa ký thẻ")
        ordering = ["federation_id", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["federation"],
                condition=models.Q(retired_at__isnull=True),
                name="one_signing_key_per_federation",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.pk} ({self.federation_id})"


class CardNumberSeries(models.Model):
    """The last serial given under a prefix (a federation's province code): the next card
    number of that prefix is one more, taken under a row lock."""

    prefix = models.CharField(max_length=2, primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("dãy số thẻ")
        verbose_name_plural = _("dãy số thẻ")

    def __str__(self) -> str:
        return f"{self.prefix}: {self.last}"
