"""People known to the union. The full member registry grows here; today: names for officials."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from congdoan.core.models import TimeStamped
from congdoan.core.text import name_sort_key, search_text


class Gender(models.TextChoices):
    MALE = "M", _("Nam")
    FEMALE = "F", _("Nữ")


class Person(TimeStamped):
    family_name = models.CharField(_("họ"), max_length=60)
    middle_name = models.CharField(_("tên đệm"), max_length=80, blank=True)
    given_name = models.CharField(_("tên"), max_length=60)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    gender = models.CharField(_("giới tính"), max_length=1, choices=Gender.choices)
    sort_key = models.CharField(max_length=400, editable=False, db_index=True, default="")
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("người")
        verbose_name_plural = _("người")
        ordering = ["sort_key"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(
            part for part in (self.family_name, self.middle_name, self.given_name) if part
        )

    def save(self, *args, **kwargs) -> None:
        self.sort_key = name_sort_key(self.family_name, self.middle_name, self.given_name)
        self.search_text = search_text(self.full_name)
        super().save(*args, **kwargs)
