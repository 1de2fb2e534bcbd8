"""Where single writes reach the kept figures: after every save or delete of a membership, a
Party referral, an activity, a unit's version, a reorganisation, or a person whose gender or
Party date may have changed, the units concerned are counted again (`keep.units_changed`), in
the same transaction as the write. Bulk writes, which send no signal, call `units_changed`
themselves (the import, the demo)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_save

from congdoan.activities.models import Activity
from congdoan.figures.keep import units_changed
from congdoan.members.models import Membership, PartyReferral, Person
from congdoan.org.models import Reorganisation, UnitVersion

UNIT_RECORDS = (Membership, PartyReferral, Activity, UnitVersion)
PERSON_FIGURES = {"gender", "party_joined_on"}


def _unit_before(sender, instance, update_fields=None, **kwargs) -> None:
    """A record moved to another unit leaves the figures of the unit it was in."""
    if instance.pk is None or (update_fields is not None and "unit" not in update_fields):
        instance._figures_unit_before = None
        return
    before = sender.objects.filter(pk=instance.pk).values_list("unit_id", flat=True).first()
    instance._figures_unit_before = before


def _unit_record_changed(sender, instance, **kwargs) -> None:
    units_changed({instance.unit_id, getattr(instance, "_figures_unit_before", None)})


def _person_changed(sender, instance, created=False, update_fields=None, **kwargs) -> None:
    if created or (update_fields is not None and not PERSON_FIGURES & set(update_fields)):
        return
    units_changed(Membership.objects.filter(person=instance).values_list("unit_id", flat=True))


def _reorganised(sender, instance, **kwargs) -> None:
    """Every reorganisation ends by saving its summary: the units it gave new versions (a
    moved subtree's, written in bulk) have activities on other paths from its day."""
    units_changed(UnitVersion.objects.filter(change=instance).values_list("unit_id", flat=True))


def connect() -> None:
    for model in UNIT_RECORDS:
        pre_save.connect(_unit_before, sender=model, dispatch_uid=f"figures-{model.__name__}-pre")
        post_save.connect(_unit_record_changed, sender=model, dispatch_uid=f"figures-{model}")
        post_delete.connect(_unit_record_changed, sender=model, dispatch_uid=f"figures-{model}-d")
    post_save.connect(_person_changed, sender=Person, dispatch_uid="figures-person")
    post_save.connect(_reorganised, sender=Reorganisation, dispatch_uid="figures-reorganisation")
