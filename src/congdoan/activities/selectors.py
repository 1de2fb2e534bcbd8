"""Reads of the activity register, scoped, and attributed to units as the tree stood on each
activity's day: an activity belongs to every unit above its unit on the day it took place."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, F, FilteredRelation, Q, QuerySet, Sum

from congdoan.accounts.scope import Scope
from congdoan.activities.models import Activity, ActivityType, Target


def with_version_of_the_day(queryset: QuerySet[Activity]) -> QuerySet[Activity]:
    """Join each activity to the version its unit had on the activity's day (`day_version`)."""
    on_the_day = Q(unit__versions__valid_from__lte=F("started_on")) & (
        Q(unit__versions__valid_to__isnull=True) | Q(unit__versions__valid_to__gt=F("started_on"))
    )
    return queryset.annotate(day_version=FilteredRelation("unit__versions", condition=on_the_day))


def activities_under(path: str, start: date, end: date) -> QuerySet[Activity]:
    """Activities from start to end (both included) of the units below a path on their day."""
    return with_version_of_the_day(Activity.objects.filter(started_on__range=(start, end))).filter(
        day_version__path__startswith=path
    )


def activity_sums(path: str, start: date, end: date) -> QuerySet:
    """Count and sums per activity type and per path of the unit on the activity's day."""
    return (
        activities_under(path, start, end)
        .values("activity_type_id", "day_version__path")
        .annotate(n=Count("id"), people=Sum("people"), money=Sum("money"), quantity=Sum("quantity"))
        .order_by()
    )


def scoped_activities(scope: Scope, queryset: QuerySet[Activity]) -> QuerySet[Activity]:
    return queryset.filter(unit__in=scope.units())


def active_types() -> list[ActivityType]:
    return list(ActivityType.objects.filter(active=True).prefetch_related("fields"))


def targets_overlapping(unit_id: int, start: date, end: date) -> QuerySet[Target]:
    return Target.objects.filter(unit_id=unit_id, starts_on__lte=end, ends_on__gte=start)
